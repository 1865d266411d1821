import HireCore
import HireStore
import Logging

/// What the HTTP layer works with: the store, the clock, the limiter, the page-token key
/// and, when the admin API is on, its control plane and token.
package struct HireServices: Sendable {
    package let store: any HireStore
    package let clock: HireClock
    /// `nil` when rate limiting is off.
    package let rateLimiter: (any RateLimiter)?
    /// The limits ``rateLimiter`` applies.
    package let rateLimitPolicy: RateLimitPolicy?
    package let pageTokens: PageTokenSealer
    /// The admin API's state on this node; `nil` when the admin API is off.
    package let controls: ControlPlane?
    /// The bearer token of `/_hire/`; `nil` when the admin API is off.
    package let adminToken: String?

    package init(
        store: any HireStore, clock: HireClock, rateLimiter: (any RateLimiter)?, rateLimitPolicy: RateLimitPolicy?,
        pageTokens: PageTokenSealer, controls: ControlPlane? = nil, adminToken: String? = nil
    ) {
        self.store = store
        self.clock = clock
        self.rateLimiter = rateLimiter
        self.rateLimitPolicy = rateLimitPolicy
        self.pageTokens = pageTokens
        self.controls = controls
        self.adminToken = adminToken
    }

    /// Services on `store`, with the page-token key the store holds.
    ///
    /// - Parameters:
    ///   - makeRateLimiter: the limiter for a policy and clock; this process's own by default.
    ///   - admin: turns the admin API on, with its token and journal size.
    package static func make(
        store: any HireStore, clock: HireClock = .system, rateLimit: RateLimitPolicy? = .platform,
        makeRateLimiter: (RateLimitPolicy, HireClock) async -> any RateLimiter = { policy, _ in
            LocalRateLimiter(policy: policy)
        },
        admin: AdminSettings? = nil, logger: Logger = Logger(label: "hire-server")
    ) async throws -> HireServices {
        let controls = admin.map {
            ControlPlane(store: store, offset: ClockOffset(), journalSize: $0.journalSize, logger: logger)
        }
        let servedClock = controls.map { HireClock.moved(clock, by: $0.offset) } ?? clock
        var limiter: (any RateLimiter)?
        if let rateLimit { limiter = await makeRateLimiter(rateLimit, servedClock) }
        try await controls?.start(rateLimiter: limiter)
        return HireServices(
            store: store, clock: servedClock, rateLimiter: limiter, rateLimitPolicy: rateLimit,
            pageTokens: PageTokenSealer(keyBytes: try await store.pageTokenKey()), controls: controls,
            adminToken: admin?.token)
    }
}

/// The admin API's settings: its token and how many requests the journal keeps.
package struct AdminSettings: Sendable, Hashable {
    package var token: String
    /// 0 turns the journal off.
    package var journalSize: Int

    package static let defaultJournalSize = 10_000

    package init(token: String, journalSize: Int = AdminSettings.defaultJournalSize) {
        self.token = token
        self.journalSize = journalSize
    }
}
