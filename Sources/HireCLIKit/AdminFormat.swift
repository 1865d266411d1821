import Feishu
import Foundation

/// Text for people of the admin commands: snapshots, faults, the clock, the journal.
extension HumanFormat {
    /// `2024-05-01 14:30:05` in the local zone.
    func seconds(_ date: Date) -> String { formatter("yyyy-MM-dd HH:mm:ss").string(from: date) }

    /// `2024-05-01 14:30:05.123` in the local zone.
    func milliseconds(_ date: Date) -> String { formatter("yyyy-MM-dd HH:mm:ss.SSS").string(from: date) }

    /// `14:30:05.123` in the local zone.
    func timeOfDay(_ date: Date) -> String { formatter("HH:mm:ss.SSS").string(from: date) }

    // MARK: Snapshots

    /// Snapshots as a table of name, tenants, time saved and size.
    func snapshotTable(_ snapshots: [Snapshot]) -> String {
        guard !snapshots.isEmpty else { return "No snapshots.\n" }
        var table = TextTable(["NAME", "TENANTS", "SAVED", "SIZE"])
        for snapshot in snapshots {
            let keys = snapshot.tenants.isEmpty ? "none" : snapshot.tenants.joined(separator: ", ")
            table.append([
                snapshot.name, snapshot.allTenants ? "all (\(keys))" : keys, seconds(snapshot.createdDate),
                Self.size(snapshot.bytes),
            ])
        }
        return table.rendered()
    }

    /// What a restore did: `Restored snapshot baseline (all tenants): 2 tenants, a, b`.
    static func restored(_ restore: RestoredSnapshot) -> String {
        let scope = restore.snapshot.allTenants ? " (all tenants)" : ""
        let count = restore.tenants.count
        let tenants = count == 0 ? "no tenants" : "\(count) tenant\(count == 1 ? "" : "s"), " + restore.tenants.joined(separator: ", ")
        return "Restored snapshot \(restore.snapshot.name)\(scope): \(tenants)\n"
    }

    /// `512 B`, `1.5 KiB`, `12.0 MiB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        let units = ["KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes) / 1024
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        return String(format: "%.1f %@", value, units[unit])
    }

    // MARK: Faults

    /// Faults as a table: what each matches, what it does, how often it fires.
    static func faultTable(_ faults: [Fault]) -> String {
        guard !faults.isEmpty else { return "No faults.\n" }
        var table = TextTable(["ID", "OPERATION", "APP", "TENANT", "EFFECT", "LEFT", "FIRED"])
        for fault in faults {
            let left = fault.times == 0 ? "until removed" : "\(fault.timesLeft ?? 0) of \(fault.times)"
            table.append([
                fault.id, fault.operation ?? "*", fault.appID ?? "*", fault.tenantKey ?? "*", effect(fault), left,
                String(fault.fired),
            ])
        }
        return table.rendered()
    }

    /// `99991400 (HTTP 429), delay 200 ms, drop, 50%`.
    static func effect(_ fault: Fault) -> String {
        var parts: [String] = []
        if let code = fault.code, code != .success {
            parts.append("\(code)" + (fault.httpStatus.map { " (HTTP \($0))" } ?? ""))
        }
        if fault.delayMS > 0 { parts.append("delay \(fault.delayMS) ms") }
        if fault.drop { parts.append("drop") }
        if fault.probability < 1 {
            parts.append(String(format: "%g%%", fault.probability * 100))
        }
        return parts.isEmpty ? "-" : parts.joined(separator: ", ")
    }

    // MARK: Clock

    /// The server's time, local and in milliseconds, and its offset from real time.
    func clock(_ state: ClockState) -> String {
        let offset =
            state.offsetMS == 0
            ? "0 (real time)" : "\(DurationArgument.format(state.offsetMS)) (\(state.offsetMS) ms)"
        return """
            now     \(milliseconds(state.now)) (\(zoneDescription)), \(state.nowMS) ms
            offset  \(offset)

            """
    }

    // MARK: The journal

    /// Widths of the journal's columns when tables are printed one after another (`--follow`),
    /// so that they line up: enough for every path but an interviewer's, and for the IDs.
    static let journalWidths = [6, 12, 56, 20, 4, 8, 6, 34, 0]

    /// Journal entries as a table: when, what, who, and what was answered.
    /// - Parameters:
    ///   - header: whether the header line is printed.
    ///   - fixedWidths: pad columns to ``journalWidths`` at least, for tables printed one after another.
    func journalTable(_ entries: [JournalEntry], header: Bool = true, fixedWidths: Bool = false) -> String {
        var table = TextTable(["SEQ", "TIME", "REQUEST", "APP", "HTTP", "CODE", "MS", "LOG ID", "FAULT"])
        if fixedWidths { table.minimumWidths = Self.journalWidths }
        for entry in entries {
            table.append([
                String(entry.seq), timeOfDay(entry.time), "\(entry.method) \(entry.path)", entry.appID ?? "-",
                String(entry.httpStatus), String(describing: entry.code), String(format: "%.1f", entry.durationMS),
                entry.logID, entry.faultID ?? "-",
            ])
        }
        return table.rendered(header: header)
    }

    // MARK: Data

    /// Imported counts, one line a kind, in the data format's order.
    static func importTable(_ counts: [String: Int]) -> String {
        let order = [
            "tenant", "app", "user", "job_level", "talent", "application", "interview", "interview_record", "interviewer",
        ]
        let kinds = counts.keys.sorted { a, b in
            switch (order.firstIndex(of: a), order.firstIndex(of: b)) {
            case (let x?, let y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
        guard !kinds.isEmpty else { return "Nothing imported.\n" }
        var table = TextTable(["KIND", "IMPORTED"])
        for kind in kinds { table.append([kind, String(counts[kind] ?? 0)]) }
        return table.rendered()
    }
}
