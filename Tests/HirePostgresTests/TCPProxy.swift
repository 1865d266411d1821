import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy on loopback in front of the database, which a test can cut (closing every
/// connection and refusing new ones, as a database that went away) and restore.
final class TCPProxy: Sendable {
    let port: Int
    private let listener: any Channel
    private let state: SharedState

    private struct State {
        var enabled = true
        var channels: [any Channel] = []
    }

    private final class SharedState: Sendable {
        let mutex = Mutex(State())
        func withLock<T>(_ body: (inout State) -> T) -> T { mutex.withLock { body(&$0) } }
    }

    private init(port: Int, listener: any Channel, state: SharedState) {
        self.port = port
        self.listener = listener
        self.state = state
    }

    /// Starts forwarding a free loopback port to `host:port`.
    static func start(to host: String, port targetPort: Int) async throws -> TCPProxy {
        let state = SharedState()
        let group = MultiThreadedEventLoopGroup.singleton
        let listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.autoRead, value: false)
            .childChannelInitializer { inbound in
                guard state.withLock({ $0.enabled }) else { return inbound.close() }
                return ClientBootstrap(group: inbound.eventLoop)
                    .channelOption(.autoRead, value: false)
                    .connect(host: host, port: targetPort)
                    .flatMapThrowing { outbound in
                        let (client, server) = GlueHandler.matchedPair()
                        try inbound.pipeline.syncOperations.addHandler(client)
                        try outbound.pipeline.syncOperations.addHandler(server)
                        state.withLock { $0.channels += [inbound, outbound] }
                        // Reading starts once both ends are joined: nothing the client sent first is lost.
                        try inbound.syncOptions?.setOption(.autoRead, value: true)
                        try outbound.syncOptions?.setOption(.autoRead, value: true)
                    }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return TCPProxy(port: listener.localAddress?.port ?? 0, listener: listener, state: state)
    }

    /// Closes every connection through the proxy and refuses new ones.
    func cut() {
        let channels = state.withLock { state in
            state.enabled = false
            defer { state.channels = [] }
            return state.channels
        }
        for channel in channels { channel.close(promise: nil) }
    }

    /// Forwards new connections again.
    func restore() {
        state.withLock { $0.enabled = true }
    }

    func stop() async {
        cut()
        try? await listener.close()
    }
}

/// Joins two channels: what one reads, the other writes (the pattern of swift-nio's connect-proxy example).
private final class GlueHandler: ChannelDuplexHandler {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny
    typealias OutboundOut = NIOAny

    private var partner: GlueHandler?
    private var context: ChannelHandlerContext?
    private var pendingRead = false

    static func matchedPair() -> (GlueHandler, GlueHandler) {
        let first = GlueHandler()
        let second = GlueHandler()
        first.partner = second
        second.partner = first
        return (first, second)
    }

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        partner = nil
    }

    private func partnerWrite(_ data: NIOAny) { context?.write(data, promise: nil) }
    private func partnerFlush() { context?.flush() }
    private func partnerClose() { context?.close(promise: nil) }
    private var partnerWritable: Bool { context?.channel.isWritable ?? false }

    private func partnerBecameWritable() {
        if pendingRead {
            pendingRead = false
            context?.read()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) { partner?.partnerWrite(data) }
    func channelReadComplete(context: ChannelHandlerContext) { partner?.partnerFlush() }
    func channelInactive(context: ChannelHandlerContext) { partner?.partnerClose() }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { partner?.partnerBecameWritable() }
    }

    func read(context: ChannelHandlerContext) {
        if partner?.partnerWritable ?? false {
            context.read()
        } else {
            pendingRead = true
        }
    }
}
