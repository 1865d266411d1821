/// The request counts of one app and endpoint in the current second and minute.
///
/// Windows are aligned to the clock, so `x-ogw-ratelimit-reset` is simply the
/// time to the next whole second or minute.
package struct FixedWindowCounter: Sendable, Hashable {
    package private(set) var second: Int64 = -1
    package private(set) var secondCount = 0
    package private(set) var minute: Int64 = -1
    package private(set) var minuteCount = 0

    package init() {}

    /// Decides on one request at `now` (milliseconds), counting it if admitted.
    /// - Parameter alreadyCounted: requests counted elsewhere in the same windows (other nodes).
    package mutating func admit(
        now: Int64, policy: RateLimitPolicy, alreadyCounted: (second: Int, minute: Int) = (0, 0)
    ) -> RateLimitDecision {
        roll(to: now)
        if secondCount + alreadyCounted.second >= policy.perSecond {
            return .limited(limit: policy.perSecond, resetAfter: Self.secondsUntil(boundary: (second + 1) * 1000, now: now))
        }
        if minuteCount + alreadyCounted.minute >= policy.perMinute {
            return .limited(limit: policy.perMinute, resetAfter: Self.secondsUntil(boundary: (minute + 1) * 60_000, now: now))
        }
        secondCount += 1
        minuteCount += 1
        return .admitted
    }

    /// Moves to the windows of `now`, dropping counts of windows that ended.
    package mutating func roll(to now: Int64) {
        let currentSecond = now / 1000
        let currentMinute = now / 60_000
        if currentSecond != second {
            second = currentSecond
            secondCount = 0
        }
        if currentMinute != minute {
            minute = currentMinute
            minuteCount = 0
        }
    }

    private static func secondsUntil(boundary: Int64, now: Int64) -> Int {
        max(1, Int((boundary - now + 999) / 1000))
    }
}
