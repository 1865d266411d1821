import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOSSL
import NIOFoundationCompat
import NIOHTTP1

/// One HTTP exchange over AsyncHTTPClient: sends a request, reads the whole answer.
///
/// It knows nothing of tokens or envelopes; its failures are ``FeishuError/Kind/transport``,
/// ``FeishuError/Kind/cancelled`` or, for an answer over the size limit,
/// ``FeishuError/Kind/undecodableResponse``.
struct Transport: Sendable {
    let httpClient: HTTPClient
    let userAgent: String
    let maximumResponseSize: Int
    let logger: Logger

    /// A request as the transport sends it.
    struct Outgoing: Sendable {
        var method: HTTPMethod
        var url: String
        /// Logged instead of ``url``: the path without the query.
        var path: String
        var headers: [(name: String, value: String)] = []
        /// The body, sent with ``contentType``; none if `nil`.
        var body: Data?
        var contentType = "application/json; charset=utf-8"
        var timeout: Duration
        var endpoint: String
    }

    func perform(_ outgoing: Outgoing) async throws(FeishuError) -> HTTPReply {
        var request = HTTPClientRequest(url: outgoing.url)
        request.method = outgoing.method
        request.headers.add(name: "User-Agent", value: userAgent)
        request.headers.add(name: "Accept", value: "application/json")
        for header in outgoing.headers { request.headers.replaceOrAdd(name: header.name, value: header.value) }
        if let body = outgoing.body {
            request.headers.replaceOrAdd(name: "Content-Type", value: outgoing.contentType)
            request.body = .bytes(ByteBuffer(data: body))
        }
        let started = ContinuousClock.now
        do {
            let response = try await httpClient.execute(request, timeout: TimeAmount(outgoing.timeout), logger: logger)
            let buffer = try await response.body.collect(upTo: maximumResponseSize)
            let reply = HTTPReply(
                status: Int(response.status.code),
                headers: response.headers.map { ($0.name, $0.value) },
                body: Data(buffer.readableBytesView))
            logger.debug(
                "feishu answered",
                metadata: [
                    "endpoint": "\(outgoing.endpoint)", "method": "\(outgoing.method.rawValue)",
                    "path": "\(outgoing.path)", "status": "\(reply.status)", "log_id": "\(reply.logID ?? "-")",
                    "duration": "\(ContinuousClock.now - started)",
                ])
            return reply
        } catch let error as NIOTooManyBytesError {
            throw FeishuError(
                kind: .undecodableResponse, msg: "the answer is larger than \(maximumResponseSize) bytes",
                endpoint: outgoing.endpoint, underlying: error)
        } catch {
            let failure = Self.failure(error, endpoint: outgoing.endpoint)
            logger.debug(
                "feishu request failed",
                metadata: [
                    "endpoint": "\(outgoing.endpoint)", "method": "\(outgoing.method.rawValue)",
                    "path": "\(outgoing.path)", "error": "\(failure)",
                ])
            throw failure
        }
    }

    private static func failure(_ error: any Error, endpoint: String) -> FeishuError {
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled:
                return FeishuError(kind: .cancelled, msg: "the request was cancelled", endpoint: endpoint, underlying: error)
            case .invalidURL, .emptyHost, .emptyScheme:
                return FeishuError(kind: .invalidRequest, msg: "\(error)", endpoint: endpoint, underlying: error)
            case .alreadyShutdown:
                return FeishuError(
                    kind: .invalidRequest, msg: "the client's HTTPClient was shut down", endpoint: endpoint,
                    underlying: error)
            case .deadlineExceeded, .readTimeout, .connectTimeout:
                return FeishuError(kind: .transport, msg: "timed out (\(error))", endpoint: endpoint, underlying: error)
            default:
                break
            }
        }
        if error is NIOSSLError || error is BoringSSLError {
            return FeishuError(
                kind: .transport,
                msg: "TLS failure: \(error) (is the server's certificate trusted? see Configuration.caFile)",
                endpoint: endpoint, underlying: error)
        }
        return FeishuError.wrapping(error, endpoint: endpoint)
    }
}

extension FeishuRequest {
    /// Headers of ``RequestOptions/headers`` that the client sets itself and never takes from the caller.
    static var reservedHeaders: Set<String> { ["authorization", "content-type", "user-agent"] }

    /// The request as the transport sends it: with `token` as its bearer, the caller's
    /// headers but the reserved ones, and its JSON body encoded.
    func outgoing(baseURL: URL, timeout: Duration, token: String) throws(FeishuError) -> Transport.Outgoing {
        var outgoing = Transport.Outgoing(
            method: HTTPMethod(rawValue: endpoint.method), url: try url(baseURL: baseURL), path: try encodedPath(),
            timeout: options.timeout ?? timeout, endpoint: endpoint.name)
        outgoing.headers = options.headers.filter { !Self.reservedHeaders.contains($0.key.lowercased()) }
            .sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        outgoing.headers.append(("Authorization", "Bearer \(token)"))
        if let body {
            do {
                outgoing.body = try JSONEncoder().encode(body)
            } catch {
                throw FeishuError(
                    kind: .invalidRequest, msg: "the body could not be encoded: \(error)", endpoint: endpoint.name,
                    underlying: error)
            }
        }
        return outgoing
    }
}

extension TimeAmount {
    /// The amount of a `Duration`, to the nanosecond.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
