/// How many connections of a store's pool are leased and how many operations wait for one,
/// at one moment: what `/metrics` reports as `hire_store_connections_in_use` and `_waiting`.
package struct ConnectionUsage: Sendable, Equatable {
    /// Connections leased to an operation.
    package var inUse: Int
    /// Operations waiting for a free connection.
    package var waiting: Int

    package init(inUse: Int, waiting: Int) {
        self.inUse = inUse
        self.waiting = waiting
    }
}

/// A store with a connection pool whose use it counts (PostgreSQL). SQLite has no pool and
/// does not conform; `/metrics` then leaves the two gauges out.
package protocol ConnectionUsageReporting: Sendable {
    /// The pool's use now.
    var connectionUsage: ConnectionUsage { get }
}
