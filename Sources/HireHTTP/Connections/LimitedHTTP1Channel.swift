import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 child channel under ``ConnectionLimits``: a connection over the
/// maximum is closed at once, a request that does not arrive within the read timeout closes its
/// connection, and a keep-alive connection idle for the idle timeout is closed.
struct LimitedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let limits: ConnectionLimits
    let counter: ConnectionCounter
    /// Whether the connection is HTTPS: its TLS handshake is held to the read timeout too.
    let tls: Bool

    /// - Parameters:
    ///   - tls: the channel runs behind a TLS handler (Hummingbird's `TLSChannel`).
    ///   - additionalChannelHandlers: handlers after the HTTP codec (the read-progress handler
    ///     is added before them).
    init(
        responder: @escaping HTTPChannelHandler.Responder, limits: ConnectionLimits, counter: ConnectionCounter,
        tls: Bool = false, additionalChannelHandlers: @escaping @Sendable () -> [any RemovableChannelHandler]
    ) {
        self.http1 = HTTP1Channel(
            responder: responder,
            configuration: HTTP1Channel.Configuration(
                additionalChannelHandlers: [RequestProgressHandler() as any RemovableChannelHandler]
                    + additionalChannelHandlers(),
                idleTimeout: TimeAmount(limits.idleTimeout)))
        self.limits = limits
        self.counter = counter
        self.tls = tls
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let admitted = counter.acquire()
        if admitted {
            let counter = counter
            channel.closeFuture.whenComplete { _ in counter.release() }
        }
        do {
            let readTimeout = TimeAmount(limits.readTimeout)
            if tls { try channel.pipeline.syncOperations.addHandler(HandshakeTimeoutHandler(timeout: readTimeout)) }
            try channel.pipeline.syncOperations.addHandler(RequestReadTimeoutHandler(timeout: readTimeout))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        let value = http1.setup(channel: channel, logger: logger)
        guard !admitted else { return value }
        logger.debug("closing a connection over the maximum", metadata: ["max_connections": "\(counter.limit)"])
        return value.map { value in
            channel.close(promise: nil)
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
