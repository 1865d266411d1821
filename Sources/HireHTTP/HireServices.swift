import HireCore
import HireStore
import Logging

/// What the HTTP layer works with: the store, the clock, the limiter and the page-token key.
public struct HireServices: Sendable {
    public let store: any HireStore
    public let clock: HireClock
    /// `nil` when rate limiting is off.
    public let rateLimiter: (any RateLimiter)?
    public let pageTokens: PageTokenSealer

    public init(store: any HireStore, clock: HireClock, rateLimiter: (any RateLimiter)?, pageTokens: PageTokenSealer) {
        self.store = store
        self.clock = clock
        self.rateLimiter = rateLimiter
        self.pageTokens = pageTokens
    }

    /// Services on `store`, with the page-token key the store holds.
    public static func make(
        store: any HireStore, clock: HireClock = .system, rateLimit: RateLimitPolicy? = .platform
    ) async throws -> HireServices {
        HireServices(
            store: store, clock: clock, rateLimiter: rateLimit.map { LocalRateLimiter(policy: $0) },
            pageTokens: PageTokenSealer(keyBytes: try await store.pageTokenKey()))
    }
}
