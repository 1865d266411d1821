import Synchronization

/// Counts the server's open connections against ``ConnectionLimits/maxConnections``.
package final class ConnectionCounter: Sendable {
    private let count = Atomic<Int>(0)
    private let refusedCount = Atomic<Int>(0)
    /// The most connections open at once.
    package let limit: Int

    package init(limit: Int) { self.limit = limit }

    /// The connections open now.
    package var open: Int { count.load(ordering: .relaxed) }
    /// The connections closed at once because ``limit`` were open.
    package var refused: Int { refusedCount.load(ordering: .relaxed) }

    /// Takes a place for a new connection.
    /// - Returns: `false` when ``limit`` connections are open (and no place was taken).
    func acquire() -> Bool {
        var current = count.load(ordering: .relaxed)
        while current < limit {
            let (exchanged, original) = count.compareExchange(
                expected: current, desired: current + 1, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
        refusedCount.add(1, ordering: .relaxed)
        return false
    }

    /// Gives a connection's place back.
    func release() { count.subtract(1, ordering: .relaxed) }
}
