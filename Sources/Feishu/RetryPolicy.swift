/// When a failed call is tried again, and how long the client waits before it does.
///
/// Retries are opt-in: the default of ``FeishuClient/Configuration`` is ``none``.
/// A policy retries only rate-limited answers (99991400) and transport failures;
/// other API errors are answers about the request itself and fail at once.
/// A rate-limited call waits until the limit's window resets (`x-ogw-ratelimit-reset`);
/// if that is longer than ``maximumBackoff`` the call fails instead, with
/// ``FeishuError/retryAfter`` set.
///
/// ```swift
/// var configuration = FeishuClient.Configuration()
/// configuration.retryPolicy = .standard
/// ```
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all, the first included; 1 means no retries.
    public var maximumAttempts: Int
    /// The wait before the first retry of a transport failure; doubled for every further retry.
    public var initialBackoff: Duration
    /// No wait is longer than this.
    public var maximumBackoff: Duration
    /// Whether 99991400 answers are retried.
    public var retriesRateLimited: Bool
    /// Whether transport failures (no answer, timeouts) are retried.
    public var retriesTransportFailures: Bool

    /// A policy; out-of-range values are clamped (at least one attempt, no negative waits).
    public init(
        maximumAttempts: Int = 3, initialBackoff: Duration = .milliseconds(200), maximumBackoff: Duration = .seconds(10),
        retriesRateLimited: Bool = true, retriesTransportFailures: Bool = true
    ) {
        self.maximumAttempts = max(1, maximumAttempts)
        self.initialBackoff = max(.zero, initialBackoff)
        self.maximumBackoff = max(.zero, maximumBackoff)
        self.retriesRateLimited = retriesRateLimited
        self.retriesTransportFailures = retriesTransportFailures
    }

    /// Never retry.
    public static let none = RetryPolicy(maximumAttempts: 1)
    /// Three attempts, backoff from 200 ms, waits of at most 10 s.
    public static let standard = RetryPolicy()

    /// How long to wait before trying again after `error` ended attempt number
    /// `attempt` (counting from 1), or `nil` to give up.
    public func delay(after error: FeishuError, attempt: Int) -> Duration? {
        guard attempt < maximumAttempts else { return nil }
        switch error.kind {
        case .api where error.isRateLimited && retriesRateLimited:
            guard let reset = error.retryAfter else { return backoff(attempt: attempt) }
            return reset <= maximumBackoff ? reset : nil
        case .transport where retriesTransportFailures:
            return backoff(attempt: attempt)
        default:
            return nil
        }
    }

    /// Exponential backoff with jitter: between half and all of `initialBackoff * 2^(attempt-1)`, capped.
    func backoff(attempt: Int) -> Duration {
        let exponential = initialBackoff * (1 << min(attempt - 1, 20))
        let capped = min(exponential, maximumBackoff)
        return capped * Double.random(in: 0.5...1.0)
    }
}
