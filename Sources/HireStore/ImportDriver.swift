import FeishuWire
import HireCore

/// What a store does for one import, inside its transaction: asynchronous, for a store
/// whose connection is used from a task (PostgreSQL).
package protocol ImportWriter {
    /// Records that the entry was seen in this import; `false` if its ID was seen before.
    mutating func markSeen(_ kind: EntityKind, tenantKey: String, id: String) async throws -> Bool
    /// Whether the referenced entity exists (in the store, or written earlier in this import).
    mutating func exists(_ reference: EntityReference, tenantKey: String) async throws -> Bool
    /// Upserts the entry.
    /// - Throws: ``ImportConflict`` when the entry contradicts stored data.
    mutating func write(_ entry: DataFileEntry, now: Int64) async throws
}

/// The same for a store whose transaction is a synchronous closure (GRDB's `write`).
package protocol SyncImportWriter {
    mutating func markSeen(_ kind: EntityKind, tenantKey: String, id: String) throws -> Bool
    mutating func exists(_ reference: EntityReference, tenantKey: String) throws -> Bool
    mutating func write(_ entry: DataFileEntry, now: Int64) throws
}

/// An entry that cannot be written as it contradicts stored data (an app of another tenant, an ID taken).
package struct ImportConflict: Error, Sendable {
    package let location: DataLocation?
    package let message: String

    package init(_ message: String, at location: DataLocation? = nil) {
        self.message = message
        self.location = location
    }
}

/// The rules of an import that every store shares: duplicates, references,
/// collecting the first problems. The caller commits only if `run` returns.
///
/// Each `run` is the same loop over ``ImportProgress``; a store only reads and writes.
package enum ImportDriver {
    package static let maximumProblems = 20

    /// Imports every entry through `writer`.
    /// - Throws: ``DataFileError`` with the first problems, after which the transaction must be rolled back.
    package static func run(_ source: DataFileSource, writer: inout some ImportWriter, now: Int64) async throws
        -> ImportSummary
    {
        var progress = ImportProgress(source)
        while let entry = progress.next() {
            var problems: [DataProblem] = []
            for key in entry.seenKeys {
                if try await !writer.markSeen(key.kind, tenantKey: entry.tenantKey, id: key.id) { problems.append(key.duplicate) }
            }
            for reference in entry.references {
                if try await !writer.exists(reference, tenantKey: entry.tenantKey) { problems.append(reference.missingProblem) }
            }
            if problems.isEmpty {
                do { try await writer.write(entry, now: now) } catch let conflict as ImportConflict { problems.append(conflict.problem(of: entry)) }
            }
            progress.record(entry, problems: problems)
        }
        return try progress.summary()
    }

    /// ``run(_:writer:now:)`` for a synchronous writer.
    package static func run(_ source: DataFileSource, writer: inout some SyncImportWriter, now: Int64) throws -> ImportSummary {
        var progress = ImportProgress(source)
        while let entry = progress.next() {
            var problems: [DataProblem] = []
            for key in entry.seenKeys where try !writer.markSeen(key.kind, tenantKey: entry.tenantKey, id: key.id) {
                problems.append(key.duplicate)
            }
            for reference in entry.references where try !writer.exists(reference, tenantKey: entry.tenantKey) {
                problems.append(reference.missingProblem)
            }
            if problems.isEmpty {
                do { try writer.write(entry, now: now) } catch let conflict as ImportConflict { problems.append(conflict.problem(of: entry)) }
            }
            progress.record(entry, problems: problems)
        }
        return try progress.summary()
    }
}

/// An import's state: the entries still to read, the problems so far and what was written.
package struct ImportProgress {
    private let source: DataFileSource
    private var problems: [DataProblem] = []
    private var counts = ImportSummary()

    /// The source is read ahead on a thread of its own (``DataFileSource/prefetched(capacity:)``).
    package init(_ source: DataFileSource) { self.source = source.prefetched() }

    /// The next entry to check and write; `nil` at the end, or once there are enough problems.
    package mutating func next() -> DataFileEntry? {
        while problems.count < ImportDriver.maximumProblems, let next = source.nextEntry() {
            switch next {
            case .failure(let error): problems += error.problems
            case .success(let entry): return entry
            }
        }
        return nil
    }

    /// Counts the entry if it had no problem (it was written), else keeps its problems.
    package mutating func record(_ entry: DataFileEntry, problems entryProblems: [DataProblem]) {
        guard entryProblems.isEmpty else {
            problems += entryProblems
            return
        }
        counts.counts[entry.kind, default: 0] += 1
        if case .interview(let interview) = entry.entity, !interview.records.isEmpty {
            counts.counts[.interviewRecord, default: 0] += interview.records.count
        }
    }

    /// What was written.
    /// - Throws: ``DataFileError`` with the first problems.
    package func summary() throws -> ImportSummary {
        guard problems.isEmpty else { throw DataFileError(Array(problems.prefix(ImportDriver.maximumProblems))) }
        return counts
    }
}

/// An ID an entry brings, which no earlier entry of the import may have brought.
package struct BroughtID: Sendable {
    package let kind: EntityKind
    package let id: String
    /// Where the ID was written.
    package let location: DataLocation

    /// The problem when an earlier entry brought it.
    package var duplicate: DataProblem {
        DataProblem(location, "duplicates the \(kind.displayName) \(JSONValue.quoted(id)) given earlier")
    }
}

extension DataFileEntry {
    /// The IDs the entry brings: its own, and its interview records'.
    package var seenKeys: [BroughtID] {
        var keys = [BroughtID(kind: kind, id: id, location: location)]
        if case .interview(let interview) = entity {
            for (index, record) in interview.records.enumerated() {
                keys.append(BroughtID(
                    kind: .interviewRecord, id: record.id, location: location / "interview_record_list" / index / "id"))
            }
        }
        return keys
    }
}

extension ImportConflict {
    /// The problem to report for `entry`.
    package func problem(of entry: DataFileEntry) -> DataProblem { DataProblem(location ?? entry.location, message) }
}
