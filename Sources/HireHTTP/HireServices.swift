import HireCore
import HireStore
import Logging
import ServiceLifecycle

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
    /// What must run beside the server for these services (the rate limiter's sync with the other nodes).
    package let backgroundServices: [any Service]
    /// This server's metrics, served at `/metrics`.
    package let metrics: ServerMetrics

    package init(
        store: any HireStore, clock: HireClock, rateLimiter: (any RateLimiter)?, rateLimitPolicy: RateLimitPolicy?,
        pageTokens: PageTokenSealer, controls: ControlPlane? = nil, adminToken: String? = nil,
        backgroundServices: [any Service] = [], metrics: ServerMetrics = ServerMetrics()
    ) {
        self.store = store
        self.clock = clock
        self.rateLimiter = rateLimiter
        self.rateLimitPolicy = rateLimitPolicy
        self.pageTokens = pageTokens
        self.controls = controls
        self.adminToken = adminToken
        self.backgroundServices = backgroundServices
        self.metrics = metrics
    }

    /// Services on `store`, with the page-token key the store holds and the rate limiter
    /// the store provides (on PostgreSQL, shared by every node).
    ///
    /// - Parameters:
    ///   - admin: turns the admin API on, with its token and journal size.
    ///   - metrics: the server's metrics (given when something was counted before, such as `serve --data`).
    package static func make(
        store: any HireStore, clock: HireClock = .system, rateLimit: RateLimitPolicy? = .platform,
        admin: AdminSettings? = nil, logger: Logger = Logger(label: "hire-server"), metrics: ServerMetrics = ServerMetrics()
    ) async throws -> HireServices {
        let controls = admin.map {
            ControlPlane(store: store, offset: ClockOffset(), journalSize: $0.journalSize, logger: logger)
        }
        let servedClock = controls.map { HireClock.moved(clock, by: $0.offset) } ?? clock
        var limiting: StoreRateLimiter?
        if let rateLimit { limiting = await store.makeRateLimiter(policy: rateLimit, clock: servedClock) }
        try await controls?.start(rateLimiter: limiting?.limiter)
        return HireServices(
            store: store, clock: servedClock, rateLimiter: limiting?.limiter, rateLimitPolicy: rateLimit,
            pageTokens: PageTokenSealer(keyBytes: try await store.pageTokenKey()), controls: controls,
            adminToken: admin?.token, backgroundServices: limiting?.services ?? [], metrics: metrics)
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
