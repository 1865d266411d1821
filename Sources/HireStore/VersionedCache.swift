import Synchronization

/// A bounded map whose entries count only while the store's data is at the ``DataVersion``
/// they were read at, and, when given, until an expiry time.
///
/// Read the version before reading the data an entry holds: the data is then at least as
/// new as the version, never older, and a write after the read changes the version.
/// When an insert passes a bound, stale entries go first; if that is not enough, all do.
package final class VersionedCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private struct Entry {
        var version: DataVersion
        var value: Value
        var cost: Int
        var expiresAt: Int64?
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        var cost = 0
    }

    private let state = Mutex(State())
    /// The most entries kept.
    package let maximumCount: Int
    /// The most total cost kept (bytes, for answers).
    package let maximumCost: Int

    package init(maximumCount: Int, maximumCost: Int = .max) {
        self.maximumCount = maximumCount
        self.maximumCost = maximumCost
    }

    /// The value stored for `key` at `version`, unless it expired before `now`.
    package func value(for key: Key, at version: DataVersion, now: Int64 = 0) -> Value? {
        state.withLock { state in
            guard let entry = state.entries[key], entry.version == version else { return nil }
            if let expiresAt = entry.expiresAt, now >= expiresAt { return nil }
            return entry.value
        }
    }

    /// Keeps `value` for `key`, read at `version`; `cost` counts against ``maximumCost``.
    /// A value costing more than the whole budget is not kept.
    package func store(_ value: Value, for key: Key, at version: DataVersion, cost: Int = 1, expiresAt: Int64? = nil) {
        guard cost <= maximumCost else { return }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.cost -= old.cost }
            if state.entries.count >= maximumCount || state.cost + cost > maximumCost {
                state.entries = state.entries.filter { $0.value.version == version }
                state.cost = state.entries.values.reduce(0) { $0 + $1.cost }
            }
            if state.entries.count >= maximumCount || state.cost + cost > maximumCost {
                state.entries.removeAll(keepingCapacity: true)
                state.cost = 0
            }
            state.entries[key] = Entry(version: version, value: value, cost: cost, expiresAt: expiresAt)
            state.cost += cost
        }
    }

    /// How many entries are kept (stale ones included).
    package var count: Int { state.withLock { $0.entries.count } }
}
