import NIOCore

/// How long a client may take and how many connections the server holds.
package struct ConnectionLimits: Sendable, Equatable {
    /// The longest a request's head and body may take to arrive, from its first byte.
    package var readTimeout: Duration
    /// The longest a keep-alive connection may sit between requests.
    package var idleTimeout: Duration
    /// The most connections open at once; the server closes any more at once.
    package var maxConnections: Int

    package static let defaultReadTimeout = Duration.seconds(10)
    package static let defaultIdleTimeout = Duration.seconds(60)
    package static let defaultMaxConnections = 4096

    package init(
        readTimeout: Duration = defaultReadTimeout, idleTimeout: Duration = defaultIdleTimeout,
        maxConnections: Int = defaultMaxConnections
    ) {
        self.readTimeout = readTimeout
        self.idleTimeout = idleTimeout
        self.maxConnections = maxConnections
    }
}

extension TimeAmount {
    /// `duration`, to the nanosecond.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
