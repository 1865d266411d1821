import Foundation
import HireCore
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// Rate limits of an app shared by every node on one database, decided without a
/// database round trip per request.
///
/// Each node decides locally against a **budget**: how many requests it may admit in
/// the current second and minute windows of an app and endpoint. In the background
/// (every `interval`, 100 ms by default) each node, one node at a time under a row lock:
/// publishes a heartbeat, reads the budgets the other nodes hold in the current windows
/// (of every key active on any node) with the requests they had admitted, and takes:
///
///     my budget = my admitted + min(free, my fair part of unused)
///     free      = limit − my admitted − Σ budgets the others hold
///     unused    = limit − my admitted − Σ requests the others had admitted
///
/// where the fair part is ⌊unused / N⌋, the remainder going one each to the nodes busy in
/// the window first, and N is the number of live nodes (a heartbeat within the last 5 s).
/// A node that has not yet synced in a window holds the implicit budget ⌊limit / N⌋ (by
/// rank), and the others count it as held. Budgets only ever hand out what no other node holds,
/// and a node never publishes a budget below what it has admitted (``settle(_:second:minute:)``),
/// so the nodes together admit at most the limit per window; unused
/// budget is given back at the node's next sync and shared out again, so an app whose
/// traffic all reaches one node still gets (nearly) its full limit within a few intervals.
///
/// Nodes joining or leaving: a node joins by its first heartbeat (sent before it serves);
/// until the others have seen it (≤ one interval) they do not count its implicit share,
/// so in that window the app may get up to `limit / N` more. A node that stops cleanly
/// deletes its heartbeat and budgets, and its share goes to the others at their next
/// sync; one that dies keeps its budgets until its windows end and counts as live for 5 s.
/// Windows follow each node's clock: nodes need synchronized clocks (NTP).
/// When the database cannot be reached, each node keeps to its last budgets and, in new
/// windows, to its implicit share.
package final class SharedRateLimiter: RateLimiter, Service {
    package let policy: RateLimitPolicy
    /// This process's identity among the nodes.
    package let nodeID: String
    private let store: PostgresStore
    private let clock: HireClock
    private let interval: Duration
    private let state = Mutex(State())

    private struct Key: Hashable {
        let appID: String
        let endpoint: String
    }

    private struct Budget {
        let window: Int64
        let budget: Int
    }

    private struct Entry {
        var counter = FixedWindowCounter()
        var second: Budget?
        var minute: Budget?
    }

    private struct State {
        var entries: [Key: Entry] = [:]
        /// Live nodes other than this one, sorted.
        var others: [String] = []
        var syncs = 0
    }

    init(store: PostgresStore, policy: RateLimitPolicy, clock: HireClock, interval: Duration) {
        self.store = store
        self.policy = policy
        self.clock = clock
        self.interval = interval
        nodeID = UUID().uuidString.lowercased()
    }

    // MARK: The request path

    package func admit(appID: String, endpoint: String, now: Int64) async -> RateLimitDecision {
        decide(appID: appID, endpoint: endpoint, now: now)
    }

    /// Forgets this node's counts and budgets; every node does so when the admin API restores data.
    package func reset() async {
        state.withLock { $0.entries = [:] }
        try? await store.execute("DELETE FROM rate_limit_budgets WHERE node_id = \(nodeID)")
    }

    /// The decision, from memory only.
    package func decide(appID: String, endpoint: String, now: Int64) -> RateLimitDecision {
        state.withLock { state in
            if state.entries.count > 10_000 {
                // Syncs drop idle keys; while they fail, this keeps memory bounded.
                state.entries = state.entries.filter { $0.value.counter.minute == now / 60_000 }
            }
            let key = Key(appID: appID, endpoint: endpoint)
            var entry = state.entries[key] ?? Entry()
            entry.counter.roll(to: now)
            let secondAllowance = Self.allowance(
                entry.second, window: now / 1000, limit: policy.perSecond, nodeID: nodeID, others: state.others)
            let minuteAllowance = Self.allowance(
                entry.minute, window: now / 60_000, limit: policy.perMinute, nodeID: nodeID, others: state.others)
            // What this node may not use counts as admitted elsewhere.
            let decision = entry.counter.admit(
                now: now, policy: policy,
                alreadyCounted: (policy.perSecond - secondAllowance, policy.perMinute - minuteAllowance))
            state.entries[key] = entry
            return decision
        }
    }

    private static func allowance(_ budget: Budget?, window: Int64, limit: Int, nodeID: String, others: [String]) -> Int {
        if limit == .max { return .max }
        if let budget, budget.window == window { return budget.budget }
        return share(of: limit, node: nodeID, others: others)
    }

    /// A node's share of `amount` among the live nodes: equal parts, the remainder one each
    /// to the `busy` nodes (those that admitted requests in the window), then to the others, by ID.
    static func share(of amount: Int, node: String, others: [String], busy: Set<String> = []) -> Int {
        let count = others.count + 1
        let isBusy = busy.contains(node)
        let rank = others.reduce(0) { rank, other in
            let otherBusy = busy.contains(other)
            return rank + (otherBusy != isBusy ? (otherBusy ? 1 : 0) : (other < node ? 1 : 0))
        }
        return amount / count + (rank < amount % count ? 1 : 0)
    }

    // MARK: Background sync

    /// Syncs once, logging a failure: the node is then known before it serves.
    func syncFirst() async {
        do {
            try await sync()
        } catch {
            store.logger.warning("rate-limit sync failed", metadata: ["error": "\(String(reflecting: error))"])
        }
    }

    /// The background sync, as a ServiceLifecycle service: every interval until the service
    /// group shuts down, then gives this node's budgets back (``stop()``).
    package func run() async throws {
        var failures = 0
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            // The interval between syncs; a shutdown ends it early.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
            guard !Task.isCancelled, !Task.isShuttingDownGracefully else { break }
            do {
                try await sync()
                failures = 0
            } catch {
                failures += 1
                if failures == 1 || failures.isMultiple(of: 100) {
                    store.logger.warning(
                        "rate-limit sync failed; deciding on the last budgets",
                        metadata: ["error": "\(String(reflecting: error))", "failures": "\(failures)"])
                }
            }
        }
        await stop()
    }

    /// Gives this node's budgets back, and its heartbeat: the other nodes share its part
    /// at their next sync.
    package func stop() async {
        try? await store.execute("DELETE FROM rate_limit_budgets WHERE node_id = \(nodeID)")
        try? await store.execute("DELETE FROM rate_limit_nodes WHERE node_id = \(nodeID)")
    }

    /// One sync: heartbeat, read the others' budgets, take this node's shares, publish them.
    ///
    /// Budgets are kept for every key active on any node, so a node gives back the share it
    /// holds of an app it does not serve, and the nodes that do serve it can take it.
    func sync() async throws {
        let now = clock.now()
        let second = now / 1000
        let minute = now / 60_000
        let secondStart = second * 1000
        let minuteStart = minute * 60_000
        // This node's counts in the current windows; keys idle here and everywhere are forgotten.
        let (counts, published, cleanup) = state.withLock { state -> ([Key: (Int, Int)], [Key: (Int?, Int?)], Bool) in
            state.entries = state.entries.filter { $0.value.counter.minute >= minute || $0.value.minute?.window == minute }
            state.syncs += 1
            var counts: [Key: (Int, Int)] = [:]
            var published: [Key: (Int?, Int?)] = [:]
            for (key, entry) in state.entries {
                let counter = entry.counter
                counts[key] = (
                    counter.second == second ? counter.secondCount : 0, counter.minute == minute ? counter.minuteCount : 0
                )
                published[key] = (
                    entry.second?.window == second ? entry.second?.budget : nil,
                    entry.minute?.window == minute ? entry.minute?.budget : nil
                )
            }
            return (counts, published, state.syncs.isMultiple(of: 100))
        }
        let nodeID = nodeID
        let policy = policy
        let result = try await store.transaction { [logger = store.logger] connection in
            // Syncs run one at a time: each sees the budgets every earlier sync took.
            try await connection.run("SELECT 1 FROM rate_limit_nodes WHERE node_id = '' FOR UPDATE", logger: logger)
            let others = try Self.heartbeat(
                try await connection.run(Self.heartbeatQuery(nodeID), logger: logger))
            // The others' budgets in the current windows, and the keys active anywhere since the last second.
            var held: [Key: (second: [String: Held], minute: [String: Held])] = [:]
            let rows = try await connection.run(
                """
                SELECT app_id, endpoint, window_kind, window_start, node_id, budget, used FROM rate_limit_budgets
                WHERE node_id <> \(nodeID)
                    AND ((window_kind = 's' AND window_start >= \(secondStart - 1000)) OR (window_kind = 'm' AND window_start = \(minuteStart)))
                """, logger: logger)
            for row in rows {
                let (appID, endpoint, kind, start, node, budget, used) = try row.decode(
                    (String, String, String, Int64, String, Int, Int).self)
                let key = Key(appID: appID, endpoint: endpoint)
                var entry = held[key] ?? ([:], [:])
                if kind == "s", start == secondStart { entry.second[node] = Held(budget: budget, used: used) }
                if kind == "m" { entry.minute[node] = Held(budget: budget, used: used) }
                held[key] = entry
            }
            var computed: [Key: Settled] = [:]
            for key in Set(counts.keys).union(held.keys) {
                let own = counts[key] ?? (0, 0)
                computed[key] = Settled(
                    second: Self.budget(
                        limit: policy.perSecond, own: own.0, held: held[key]?.second ?? [:], nodeID: nodeID, others: others),
                    minute: Self.budget(
                        limit: policy.perMinute, own: own.1, held: held[key]?.minute ?? [:], nodeID: nodeID, others: others),
                    usedInSecond: own.0, usedInMinute: own.1)
            }
            let budgets = self.settle(computed, second: second, minute: minute)
            var (rowApps, rowEndpoints, rowKinds, rowStarts) = ([String](), [String](), [String](), [Int64]())
            var (rowBudgets, rowUsed) = ([Int64](), [Int64]())
            for (key, settled) in budgets {
                let before = published[key] ?? (nil, nil)
                for (kind, start, value, used, previous) in [
                    ("s", secondStart, settled.second, settled.usedInSecond, before.0),
                    ("m", minuteStart, settled.minute, settled.usedInMinute, before.1),
                ] where value != .max && (value != previous || used > 0) {
                    rowApps.append(key.appID)
                    rowEndpoints.append(key.endpoint)
                    rowKinds.append(kind)
                    rowStarts.append(start)
                    rowBudgets.append(Int64(value))
                    rowUsed.append(Int64(used))
                }
            }
            if !rowApps.isEmpty {
                try await connection.run(
                    """
                    INSERT INTO rate_limit_budgets (app_id, endpoint, window_kind, window_start, node_id, budget, used)
                    SELECT x.app_id, x.endpoint, x.window_kind, x.window_start, \(nodeID), x.budget, x.used
                    FROM unnest(\(rowApps), \(rowEndpoints), \(rowKinds), \(rowStarts), \(rowBudgets), \(rowUsed))
                        AS x(app_id, endpoint, window_kind, window_start, budget, used)
                    ON CONFLICT (app_id, endpoint, window_kind, window_start, node_id) DO UPDATE SET
                        budget = excluded.budget, used = excluded.used
                    """, logger: logger)
            }
            return Synced(
                others: others,
                budgets: budgets.map { Synced.Budgets(appID: $0.key.appID, endpoint: $0.key.endpoint, second: $0.value.second, minute: $0.value.minute) })
        }
        state.withLock { state in
            state.others = result.others
            for budgets in result.budgets {
                let key = Key(appID: budgets.appID, endpoint: budgets.endpoint)
                var entry = state.entries[key] ?? Entry()
                entry.second = Budget(window: second, budget: budgets.second)
                entry.minute = Budget(window: minute, budget: budgets.minute)
                state.entries[key] = entry
            }
        }
        if cleanup { try await removeStale(now: now) }
    }

    /// A key's budgets as this sync publishes them, with what this node had admitted in the windows.
    private struct Settled: Sendable {
        var second: Int
        var minute: Int
        var usedInSecond: Int
        var usedInMinute: Int
    }

    /// Fits the budgets a sync computed to what this node admitted while it computed them.
    ///
    /// Requests keep being admitted, against the budgets published before, during the sync's
    /// round trip; a budget is never published below what the node has admitted in its window.
    /// Until the new budgets are committed the node admits against the smaller of the old and
    /// the new ones, so it never admits beyond what either says it holds.
    private func settle(_ computed: [Key: Settled], second: Int64, minute: Int64) -> [Key: Settled] {
        state.withLock { state in
            var settled = computed
            for (key, budgets) in computed {
                var entry = state.entries[key] ?? Entry()
                var fitted = budgets
                let counter = entry.counter
                if counter.second == second {
                    fitted.usedInSecond = max(budgets.usedInSecond, counter.secondCount)
                    fitted.second = max(budgets.second, fitted.usedInSecond)
                }
                if counter.minute == minute {
                    fitted.usedInMinute = max(budgets.usedInMinute, counter.minuteCount)
                    fitted.minute = max(budgets.minute, fitted.usedInMinute)
                }
                let held = (
                    second: Self.allowance(
                        entry.second, window: second, limit: policy.perSecond, nodeID: nodeID, others: state.others),
                    minute: Self.allowance(
                        entry.minute, window: minute, limit: policy.perMinute, nodeID: nodeID, others: state.others))
                entry.second = Budget(window: second, budget: min(fitted.second, held.second))
                entry.minute = Budget(window: minute, budget: min(fitted.minute, held.minute))
                state.entries[key] = entry
                settled[key] = fitted
            }
            return settled
        }
    }

    private struct Synced: Sendable {
        struct Budgets: Sendable {
            let appID: String
            let endpoint: String
            let second: Int
            let minute: Int
        }
        let others: [String]
        let budgets: [Budgets]
    }

    /// What another node holds in a window: its budget, and what it had admitted at its last sync.
    struct Held: Sendable {
        let budget: Int
        let used: Int
    }

    /// This node's budget in one window: what it admitted, plus its fair part of what
    /// nobody has admitted yet, but never more than the other nodes leave free.
    static func budget(limit: Int, own: Int, held: [String: Held], nodeID: String, others: [String]) -> Int {
        guard limit != .max else { return .max }
        var othersHeld = 0
        var othersUsed = 0
        var busy = Set(held.filter { $0.value.used > 0 }.keys)
        if own > 0 { busy.insert(nodeID) }
        for node in others where held[node] == nil {
            // A live node that has not synced in this window holds its implicit share.
            othersHeld += share(of: limit, node: node, others: others.filter { $0 != node } + [nodeID])
        }
        for value in held.values {
            othersHeld += value.budget
            othersUsed += value.used
        }
        let free = max(0, limit - own - othersHeld)
        let unused = max(0, limit - own - othersUsed)
        return own + min(free, share(of: unused, node: nodeID, others: others, busy: busy))
    }

    private static func heartbeatQuery(_ nodeID: String) -> PostgresQuery {
        """
        WITH beat AS (
            INSERT INTO rate_limit_nodes (node_id, seen_at) VALUES (\(nodeID), now())
            ON CONFLICT (node_id) DO UPDATE SET seen_at = excluded.seen_at
        )
        SELECT node_id FROM rate_limit_nodes
        WHERE node_id <> '' AND node_id <> \(nodeID) AND seen_at > now() - interval '5 seconds'
        ORDER BY node_id
        """
    }

    private static func heartbeat(_ rows: [PostgresRow]) throws -> [String] {
        try rows.map { try $0.decode(String.self) }
    }

    private func removeStale(now: Int64) async throws {
        try await store.execute("DELETE FROM rate_limit_budgets WHERE window_start < \(now - 120_000)")
        try await store.execute(
            "DELETE FROM rate_limit_nodes WHERE node_id <> '' AND seen_at < now() - interval '1 hour'")
    }
}

extension PostgresStore {
    /// A rate limiter shared by every node on this database, synced once. Its sync every
    /// `interval` is its `run()`: a service for the caller's `ServiceGroup`.
    package func makeSharedRateLimiter(
        policy: RateLimitPolicy, clock: HireClock = .system, interval: Duration = .milliseconds(100)
    ) async -> SharedRateLimiter {
        let limiter = SharedRateLimiter(store: self, policy: policy, clock: clock, interval: interval)
        await limiter.syncFirst()
        return limiter
    }
}
