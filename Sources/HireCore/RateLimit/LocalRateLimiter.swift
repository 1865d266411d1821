import Synchronization

/// A rate limiter for one server process: counts in memory.
package final class LocalRateLimiter: RateLimiter {
    private struct Key: Hashable {
        let appID: String
        let endpoint: String
    }

    private let policy: RateLimitPolicy
    private let counters = Mutex<[Key: FixedWindowCounter]>([:])

    package init(policy: RateLimitPolicy) { self.policy = policy }

    package func admit(appID: String, endpoint: String, now: Int64) async -> RateLimitDecision {
        decide(appID: appID, endpoint: endpoint, now: now)
    }

    package func reset() async {
        counters.withLock { $0 = [:] }
    }

    /// The synchronous decision, for callers outside async contexts.
    package func decide(appID: String, endpoint: String, now: Int64) -> RateLimitDecision {
        counters.withLock { counters in
            if counters.count > 10_000 { Self.dropIdle(&counters, now: now) }
            return counters[Key(appID: appID, endpoint: endpoint), default: FixedWindowCounter()].admit(now: now, policy: policy)
        }
    }

    private static func dropIdle(_ counters: inout [Key: FixedWindowCounter], now: Int64) {
        let minute = now / 60_000
        counters = counters.filter { $0.value.minute == minute }
    }
}
