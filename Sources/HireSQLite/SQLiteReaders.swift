import GRDB
import Synchronization

/// Read-only connections that a read takes on the calling thread, when one is free.
///
/// A read through GRDB's pool hops to the pool's dispatch queue and back: two thread
/// switches and their wake-ups, which cost an indexed read more than its queries. A read
/// here runs where it is called instead. It never waits for a connection — a busy one is
/// passed over, and with all of them busy the caller reads through the pool — so a
/// cooperative thread is only ever held by SQLite's own work, never by another task.
package final class SQLiteReaders: Sendable {
    private let connections: [Connection]

    private final class Connection: Sendable {
        let queue: DatabaseQueue
        let busy = Atomic<Bool>(false)

        init(_ queue: DatabaseQueue) { self.queue = queue }
    }

    /// How every read-only connection of the store is opened (these and its version reader).
    static var readOnly: Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(10)
        return configuration
    }

    /// Opens `count` read-only connections to the database at `path`.
    package init(path: String, count: Int) throws {
        connections = try (0..<count).map { _ in Connection(try DatabaseQueue(path: path, configuration: Self.readOnly)) }
    }

    /// The result of `body`, run in a read transaction on a free connection on the calling
    /// thread; `nil` when every connection is in use.
    package func readIfFree<T>(_ body: (Database) throws -> T) throws -> T? {
        for connection in connections
        where connection.busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {
            defer { connection.busy.store(false, ordering: .releasing) }
            return try connection.queue.read(body)
        }
        return nil
    }

    package func close() throws {
        for connection in connections { try connection.queue.close() }
    }
}
