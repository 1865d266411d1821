import FeishuWire
import Foundation

/// The server's clock: `admin.clock`.
///
/// Everything the server times follows it: token lifetimes and the 30-minute reuse rule,
/// page-token lifetimes, interviewers' update times, rate-limit windows, log ids.
///
/// ```swift
/// try await admin.clock.advance(by: .seconds(7200))   // every token issued so far has expired
/// try await admin.clock.reset()                       // real time again
/// ```
public struct AdminClock: Sendable {
    let admin: HireAdmin

    /// The server's time and how far it is from real time (`GET /_hire/clock`).
    /// - Throws: always a ``FeishuError``.
    public func get() async throws -> ClockState {
        try await admin.call(.getClock())
    }

    /// Moves the clock by `duration` (negative moves it back), to the millisecond
    /// (`POST /_hire/clock {"advance_ms": …}`).
    /// - Throws: always a ``FeishuError``.
    @discardableResult
    public func advance(by duration: Duration) async throws -> ClockState {
        try await advance(byMilliseconds: duration.wholeMilliseconds)
    }

    /// Moves the clock by `milliseconds` (negative moves it back) (`POST /_hire/clock {"advance_ms": …}`).
    /// - Throws: always a ``FeishuError``.
    @discardableResult
    public func advance(byMilliseconds milliseconds: Int64) async throws -> ClockState {
        try await admin.call(.advanceClock(byMilliseconds: milliseconds))
    }

    /// Sets the clock to `nowMS` milliseconds since 1970 (`POST /_hire/clock {"now_ms": …}`).
    /// - Throws: always a ``FeishuError``.
    @discardableResult
    public func set(nowMS: Int64) async throws -> ClockState {
        try await admin.call(.setClock(nowMS: nowMS))
    }

    /// Sets the clock to `date`, to the millisecond (`POST /_hire/clock {"now_ms": …}`).
    /// - Throws: always a ``FeishuError``.
    @discardableResult
    public func set(now date: Date) async throws -> ClockState {
        try await set(nowMS: date.feishuMilliseconds)
    }

    /// Returns the clock to real time (`DELETE /_hire/clock`).
    /// - Throws: always a ``FeishuError``.
    @discardableResult
    public func reset() async throws -> ClockState {
        try await admin.call(.resetClock())
    }
}

extension Duration {
    /// The whole milliseconds of the duration, rounded toward zero.
    var wholeMilliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
