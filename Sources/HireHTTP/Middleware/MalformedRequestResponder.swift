import HTTPTypes
import HireCore
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Answers requests the HTTP parser refuses (a request line or headers over the
/// limits, broken syntax) in the envelope with a log id, instead of Hummingbird's
/// bare `400`, then closes the connection as the parser cannot resynchronise.
///
/// It sits in the channel pipeline after the HTTP codec, below the router, which
/// never sees such requests.
final class MalformedRequestResponder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let clock: HireClock
    /// A response has started and not ended: a second head would corrupt the stream.
    private var responding = false

    init(clock: HireClock) { self.clock = clock }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head: responding = true
        case .end: responding = false
        case .body: break
        }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let parseError = error as? HTTPParserError, !responding else {
            context.fireErrorCaught(error)
            return
        }
        responding = true
        let logID = LogID.make(now: clock.now())
        let problem = "the request is not valid HTTP/1.1 (\(parseError))"
        let body = WireResponse.errorBody(.invalidParameter("request", problem), logID: logID)
        let head = HTTPResponse(status: .badRequest, headerFields: [
            .contentType: WireResponse.contentType,
            .contentLength: String(body.readableBytes),
            .connection: "close",
            WireResponse.logIDField: logID,
        ])
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            context.close(promise: nil)
        }
    }
}
