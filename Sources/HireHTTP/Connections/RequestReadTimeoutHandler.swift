import NIOHTTPTypes
import NIOCore

/// What ``RequestProgressHandler`` tells ``RequestReadTimeoutHandler`` (a user outbound event).
enum RequestProgress: Sendable {
    /// A request's head and body have arrived: the handler runs, the read timer stops.
    case requestRead
    /// The response has been written: the next bytes start a new request.
    case responseWritten
}

/// Closes a connection whose request (head or body) started but did not finish arriving within
/// the read timeout.
///
/// It sits first in the pipeline, before the HTTP decoder, so it sees a request's first byte
/// (even half a request line). Between requests the connection is idle and the idle timeout
/// governs it; while the request is handled (a slow response) no timer runs here.
final class RequestReadTimeoutHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private enum State {
        /// Between requests.
        case waiting
        /// A request has started arriving.
        case reading
        /// The request has arrived and is being handled.
        case handling
    }

    private let timeout: TimeAmount
    private var state = State.waiting
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .waiting = state {
            state = .reading
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            timer = context.eventLoop.scheduleTask(in: timeout) {
                let (handler, context) = loopBound.value
                handler.timer = nil
                guard case .reading = handler.state else { return }
                context.close(promise: nil)
            }
        }
        context.fireChannelRead(data)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let progress = event as? RequestProgress else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch progress {
        case .requestRead:
            state = .handling
            timer?.cancel()
            timer = nil
        case .responseWritten:
            if case .handling = state { state = .waiting }
        }
        promise?.succeed()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }
}

/// Tells ``RequestReadTimeoutHandler``, from after the HTTP codec, when a request has arrived
/// and when its response has been written.
final class RequestProgressHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            context.triggerUserOutboundEvent(RequestProgress.requestRead, promise: nil)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let isEnd = if case .end = unwrapOutboundIn(data) { true } else { false }
        context.write(data, promise: promise)
        if isEnd { context.triggerUserOutboundEvent(RequestProgress.responseWritten, promise: nil) }
    }
}
