import HireStore
import Synchronization

/// Counts the leases of ``PostgresStore/withConnection(_:)``: PostgresNIO 1.33.2 reports
/// its pool's state only to an internal observability delegate (`PostgresClientMetrics`,
/// which logs), so the store counts the waits and leases it makes itself.
final class PoolUsage: Sendable {
    private let inUse = Atomic<Int>(0)
    private let waiting = Atomic<Int>(0)

    init() {}

    /// An operation starts waiting for a connection.
    func waitStarted() { waiting.add(1, ordering: .relaxed) }
    /// The operation stopped waiting: it got a connection, timed out or failed.
    func waitEnded() { waiting.subtract(1, ordering: .relaxed) }
    /// A connection was leased to the operation.
    func leased() { inUse.add(1, ordering: .relaxed) }
    /// The operation gave its connection back.
    func released() { inUse.subtract(1, ordering: .relaxed) }

    var current: ConnectionUsage {
        ConnectionUsage(inUse: inUse.load(ordering: .relaxed), waiting: waiting.load(ordering: .relaxed))
    }
}
