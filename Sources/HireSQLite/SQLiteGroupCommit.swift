import GRDB
import Synchronization

/// Small writes that arrive together share one transaction and its one `fsync`.
///
/// Each write runs in a savepoint of its own, so one that throws is rolled back alone and
/// its caller gets the error. A write is acknowledged (its caller resumed) only once the
/// shared transaction has committed, so nothing answered is lost; if the commit fails,
/// every write of the group fails with it, and so does the group when SQLite rolls the whole
/// transaction back after one write's error. While one group commits, the next gathers:
/// under load a group holds about as many writes as arrived during one commit.
package final class SQLiteGroupCommit: Sendable {
    private let writer: any DatabaseWriter
    private let queue = Mutex(Queue())
    private let groups = Atomic<Int>(0)

    /// How many groups have committed so far.
    package var groupsCommitted: Int { groups.load(ordering: .relaxed) }

    /// How many writes wait for the next group.
    package var waiting: Int { queue.withLock { $0.pending.count } }

    private struct Queue {
        var pending: [Pending] = []
        /// Whether a drain is scheduled or running on the writer.
        var draining = false
    }

    private struct Pending {
        let updates: @Sendable (Database) throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    package init(writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Runs `updates` in the next group; returns once the group has committed.
    package func write<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let value = try await withCheckedThrowingContinuation { continuation in
            let startDrain = queue.withLock { queue in
                queue.pending.append(Pending(updates: { try updates($0) }, continuation: continuation))
                let idle = !queue.draining
                queue.draining = true
                return idle
            }
            if startDrain { writer.asyncWriteWithoutTransaction(drain) }
        }
        // The closure above wraps a `T`, and only that value is resumed here.
        return value as! T  // swiftlint:disable:this force_cast
    }

    /// Commits groups until none is waiting.
    private func drain(_ db: Database) {
        while true {
            let group = queue.withLock { queue in
                defer { queue.pending.removeAll(keepingCapacity: true) }
                if queue.pending.isEmpty { queue.draining = false }
                return queue.pending
            }
            guard !group.isEmpty else { return }
            commit(group, db)
        }
    }

    private func commit(_ group: [Pending], _ db: Database) {
        var results: [Result<any Sendable, any Error>] = []
        results.reserveCapacity(group.count)
        do {
            try db.inTransaction {
                for write in group {
                    do {
                        try db.inSavepoint {
                            results.append(.success(try write.updates(db)))
                            return .commit
                        }
                    } catch where db.isInsideTransaction {
                        results.append(.failure(error))
                    }
                    // An error that SQLite answered by rolling the whole transaction back
                    // (a full disk, say) falls through to fail the group.
                }
                return .commit
            }
        } catch {
            for write in group { write.continuation.resume(throwing: error) }
            return
        }
        groups.add(1, ordering: .relaxed)
        for (write, result) in zip(group, results) { write.continuation.resume(with: result) }
    }
}
