import FeishuWire
import HireCore

/// What a store does for one import, inside its transaction.
///
/// Synchronous on purpose: an import runs on a thread of its own, holding one
/// transaction from the first entry to the last.
package protocol ImportWriter {
    /// Records that the entry was seen in this import; `false` if its ID was seen before.
    mutating func markSeen(_ kind: EntityKind, tenantKey: String, id: String) throws -> Bool
    /// Whether the referenced entity exists (in the store, or written earlier in this import).
    mutating func exists(_ reference: EntityReference, tenantKey: String) throws -> Bool
    /// Upserts the entry.
    /// - Throws: ``ImportConflict`` when the entry contradicts stored data.
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
package enum ImportDriver {
    package static let maximumProblems = 20

    /// Imports every entry through `writer`.
    /// - Throws: ``DataFileError`` with the first problems, after which the transaction must be rolled back.
    package static func run(_ source: DataFileSource, writer: inout some ImportWriter, now: Int64) throws -> ImportSummary {
        var problems: [DataProblem] = []
        var summary = ImportSummary()
        while problems.count < maximumProblems, let next = source.nextEntry() {
            let entry: DataFileEntry
            switch next {
            case .failure(let error):
                problems += error.problems
                continue
            case .success(let value):
                entry = value
            }
            var entryProblems: [DataProblem] = []
            if try !writer.markSeen(entry.kind, tenantKey: entry.tenantKey, id: entry.id) {
                entryProblems.append(DataProblem(entry.location, "duplicates the \(entry.kind.displayName) \(JSONValue.quoted(entry.id)) given earlier"))
            }
            if case .interview(let interview) = entry.entity {
                for (index, record) in interview.records.enumerated()
                where try !writer.markSeen(.interviewRecord, tenantKey: entry.tenantKey, id: record.id) {
                    entryProblems.append(DataProblem(
                        entry.location / "interview_record_list" / index / "id",
                        "duplicates the interview record \(JSONValue.quoted(record.id)) given earlier"))
                }
            }
            for reference in entry.references where try !writer.exists(reference, tenantKey: entry.tenantKey) {
                entryProblems.append(reference.missingProblem)
            }
            if entryProblems.isEmpty {
                do {
                    try writer.write(entry, now: now)
                    summary.counts[entry.kind, default: 0] += 1
                    if case .interview(let interview) = entry.entity, !interview.records.isEmpty {
                        summary.counts[.interviewRecord, default: 0] += interview.records.count
                    }
                } catch let conflict as ImportConflict {
                    entryProblems.append(DataProblem(conflict.location ?? entry.location, conflict.message))
                }
            }
            problems += entryProblems
        }
        guard problems.isEmpty else { throw DataFileError(Array(problems.prefix(maximumProblems))) }
        return summary
    }
}
