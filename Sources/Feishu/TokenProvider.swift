import Logging

/// The app's tenant access token: fetched when first needed, cached, renewed
/// ``FeishuClient/Configuration/tokenRenewalMargin`` before it expires, and
/// dropped when the platform says it is no longer valid.
///
/// However many calls need a token at once, one fetch is in flight: the others wait for it.
actor TokenProvider {
    /// Fetches a new token: its value and remaining lifetime in seconds.
    typealias Fetch = @Sendable () async throws(FeishuError) -> (token: String, expiresIn: Int)

    private struct CachedToken {
        let value: String
        /// From this instant on the token is renewed before use.
        let staleAt: ContinuousClock.Instant
    }

    private let fetch: Fetch
    private let renewalMargin: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let logger: Logger
    private var cached: CachedToken?
    private var inFlight: Task<Result<CachedToken, FeishuError>, Never>?

    init(
        renewalMargin: Duration, logger: Logger, now: @escaping @Sendable () -> ContinuousClock.Instant,
        fetch: @escaping Fetch
    ) {
        self.renewalMargin = renewalMargin
        self.logger = logger
        self.now = now
        self.fetch = fetch
    }

    /// A token that is not stale, fetching one if needed.
    func token() async throws(FeishuError) -> String {
        if let cached, now() < cached.staleAt { return cached.value }
        let task = inFlight ?? startFetch()
        let result = await task.value
        if inFlight == task {
            inFlight = nil
            if case .success(let token) = result { cached = token }
        }
        return try result.get().value
    }

    /// Forgets `token` if it is the cached one (a newer token is kept).
    func invalidate(_ token: String) {
        guard cached?.value == token else { return }
        logger.debug("dropping the cached tenant access token: the platform refused it")
        cached = nil
    }

    private func startFetch() -> Task<Result<CachedToken, FeishuError>, Never> {
        let fetch = self.fetch
        let now = self.now
        let margin = renewalMargin
        let logger = self.logger
        let task = Task { () -> Result<CachedToken, FeishuError> in
            let started = now()
            logger.debug("fetching a tenant access token")
            do throws(FeishuError) {
                let grant = try await fetch()
                let lifetime = Duration.seconds(max(0, grant.expiresIn))
                // A token shorter-lived than twice the margin is still used for half its life.
                let staleAt = started + lifetime - min(margin, lifetime / 2)
                logger.debug("fetched a tenant access token", metadata: ["expires_in": "\(grant.expiresIn)"])
                return .success(CachedToken(value: grant.token, staleAt: staleAt))
            } catch {
                logger.debug("fetching a tenant access token failed", metadata: ["error": "\(error)"])
                return .failure(error)
            }
        }
        inFlight = task
        return task
    }
}
