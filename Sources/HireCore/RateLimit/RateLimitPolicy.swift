/// How many requests an app may send to one endpoint: per second and per minute.
package struct RateLimitPolicy: Sendable, Hashable, CustomStringConvertible {
    package var perSecond: Int
    package var perMinute: Int

    package init(perSecond: Int, perMinute: Int) {
        self.perSecond = perSecond
        self.perMinute = perMinute
    }

    /// The platform's documented limits: 50 a second, 1000 a minute.
    package static let platform = RateLimitPolicy(perSecond: 50, perMinute: 1000)

    /// Parses `50/s,1000/min` (either part may be left out); `nil` for `off`.
    /// - Throws: a message naming what was wrong.
    package static func parse(_ text: String) throws(RateLimitPolicyError) -> RateLimitPolicy? {
        let trimmed = text.lowercased().filter { $0 != " " }
        if trimmed == "off" || trimmed == "none" { return nil }
        var policy = RateLimitPolicy(perSecond: .max, perMinute: .max)
        for part in trimmed.split(separator: ",") {
            let pieces = part.split(separator: "/")
            guard pieces.count == 2, let count = Int(pieces[0]), count > 0 else { throw RateLimitPolicyError(text: text) }
            switch pieces[1] {
            case "s", "sec", "second": policy.perSecond = count
            case "m", "min", "minute": policy.perMinute = count
            default: throw RateLimitPolicyError(text: text)
            }
        }
        guard policy != RateLimitPolicy(perSecond: .max, perMinute: .max) else { throw RateLimitPolicyError(text: text) }
        return policy
    }

    package var description: String {
        [perSecond == .max ? nil : "\(perSecond)/s", perMinute == .max ? nil : "\(perMinute)/min"]
            .compactMap { $0 }.joined(separator: ",")
    }
}

/// A rate-limit setting that could not be read.
package struct RateLimitPolicyError: Error, CustomStringConvertible {
    package let text: String
    package var description: String {
        "invalid rate limit \"\(text)\": expected \"off\" or e.g. \"50/s,1000/min\""
    }
}

/// Whether a request may proceed.
package enum RateLimitDecision: Sendable, Hashable {
    case admitted
    /// Over the limit of a window: its limit, and whole seconds until it resets (at least 1).
    case limited(limit: Int, resetAfter: Int)
}

/// Counts requests per app and endpoint and decides whether each may proceed.
package protocol RateLimiter: Sendable {
    /// Counts a request of `appID` to `endpoint` at `now` (milliseconds) if it is admitted.
    func admit(appID: String, endpoint: String, now: Int64) async -> RateLimitDecision
    /// Forgets every count: windows start afresh (a restore of the admin API).
    func reset() async
}
