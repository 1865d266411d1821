import HireCore
import HireStore
import Logging

/// What the HTTP layer works with: the store, the clock, the limiter, the page-token key
/// and, when the admin API is on, its control plane and token.
public struct HireServices: Sendable {
    public let store: any HireStore
    public let clock: HireClock
    /// `nil` when rate limiting is off.
    public let rateLimiter: (any RateLimiter)?
    /// The limits ``rateLimiter`` applies.
    public let rateLimitPolicy: RateLimitPolicy?
    public let pageTokens: PageTokenSealer
    /// The admin API's state on this node; `nil` when the admin API is off.
    public let controls: ControlPlane?
    /// The bearer token of `/_hire/`; `nil` when the admin API is off.
    public let adminToken: String?

    public init(
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
    public static func make(
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
public struct AdminSettings: Sendable, Hashable {
    public var token: String
    /// 0 turns the journal off.
    public var journalSize: Int

    public static let defaultJournalSize = 10_000

    public init(token: String, journalSize: Int = AdminSettings.defaultJournalSize) {
        self.token = token
        self.journalSize = journalSize
    }
}
