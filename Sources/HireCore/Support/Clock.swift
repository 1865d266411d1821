import Foundation

/// The time, in milliseconds since 1970. Tests substitute their own.
package struct HireClock: Sendable {
    private let read: @Sendable () -> Int64

    package init(_ read: @escaping @Sendable () -> Int64) { self.read = read }

    /// The machine's clock.
    package static let system = HireClock { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }

    /// Now, in milliseconds since 1970.
    package func now() -> Int64 { read() }
}
