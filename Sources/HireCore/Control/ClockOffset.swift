import Synchronization

/// How far the server's clock is moved from the machine's, in milliseconds: the admin
/// API's clock. Read on every request, so it is one atomic load.
package final class ClockOffset: Sendable {
    private let value = Atomic<Int64>(0)

    package init(_ initial: Int64 = 0) { value.store(initial, ordering: .relaxed) }

    package var milliseconds: Int64 {
        get { value.load(ordering: .relaxed) }
    }

    package func set(_ milliseconds: Int64) { value.store(milliseconds, ordering: .relaxed) }
}

extension HireClock {
    /// `base` moved by `offset`.
    package static func moved(_ base: HireClock = .system, by offset: ClockOffset) -> HireClock {
        HireClock { base.now() + offset.milliseconds }
    }
}
