import Foundation

/// A successful answer of the API: the decoded `data`, and the answer as it came.
public struct FeishuResponse<Payload: Decodable & Sendable>: Sendable {
    /// The decoded `data` member; `nil` when the answer had none.
    public var data: Payload?
    /// The `msg` member (`success` or `ok`; the platform is not uniform).
    public var msg: String
    /// The `X-Tt-Logid` header.
    public var logID: String?
    /// The HTTP status.
    public var httpStatus: Int
    /// The body as received, for callers that need more than ``data`` (e.g. to pass it on unchanged).
    public var body: Data

    /// Creates a response; the client creates these, tests of callers may too.
    public init(data: Payload?, msg: String, logID: String?, httpStatus: Int, body: Data) {
        self.data = data
        self.msg = msg
        self.logID = logID
        self.httpStatus = httpStatus
        self.body = body
    }
}

/// An HTTP answer before it is read as JSON.
struct HTTPReply: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    var body: Data

    func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    var logID: String? { header(WireHeader.logID) }
}

/// Reads answers: the `{code, msg, data, error}` envelope, and the token endpoints' body.
enum ResponseDecoding {
    /// Decodes `data` of a successful answer, or throws the failure the answer describes.
    /// - Parameter endpoint: the name of the endpoint called, for errors.
    static func envelope<Payload>(
        _ reply: HTTPReply, as: Payload.Type, endpoint: String
    ) throws(FeishuError) -> FeishuResponse<Payload> {
        let head: ResponseEnvelope<AnyPayload> = try decode(reply, endpoint: endpoint)
        guard head.code == .success else { throw apiError(head, reply: reply, endpoint: endpoint) }
        let full: ResponseEnvelope<Payload> = try decode(reply, endpoint: endpoint)
        return FeishuResponse(
            data: full.data, msg: full.msg, logID: reply.logID, httpStatus: reply.status, body: reply.body)
    }

    /// The body of a successful answer that is not an envelope (e.g. an exported data file):
    /// any 2xx answer as it came; any other is read as an envelope and throws the failure it describes.
    static func raw(_ reply: HTTPReply, endpoint: String) throws(FeishuError) -> Data {
        if (200..<300).contains(reply.status) { return reply.body }
        let head: ResponseEnvelope<AnyPayload> = try decode(reply, endpoint: endpoint)
        guard head.code == .success else { throw apiError(head, reply: reply, endpoint: endpoint) }
        throw FeishuError(
            kind: .undecodableResponse, msg: "HTTP \(reply.status) with code 0", logID: reply.logID,
            httpStatus: reply.status, endpoint: endpoint)
    }

    /// The grant of the token endpoint, or the failure it answered with.
    static func accessToken(_ reply: HTTPReply) throws(FeishuError) -> (token: String, expiresIn: Int) {
        let endpoint = Endpoint.tenantAccessToken.name
        let answer: AccessTokenResponse = try decode(reply, endpoint: endpoint)
        guard answer.code == .success else {
            throw FeishuError(
                kind: .api, code: answer.code, msg: answer.msg, logID: reply.logID, httpStatus: reply.status,
                endpoint: endpoint)
        }
        guard let token = answer.tenantAccessToken, !token.isEmpty, let expire = answer.expire else {
            throw FeishuError(
                kind: .undecodableResponse, msg: "the token answer has no tenant_access_token or expire",
                logID: reply.logID, httpStatus: reply.status, endpoint: endpoint)
        }
        return (token, expire)
    }

    private static func apiError(_ head: ResponseEnvelope<AnyPayload>, reply: HTTPReply, endpoint: String) -> FeishuError {
        var error = FeishuError(
            kind: .api, code: head.code, msg: head.msg, logID: head.error?.logID ?? reply.logID,
            httpStatus: reply.status,
            permissionViolations: head.error?.permissionViolations ?? [],
            fieldViolations: head.error?.fieldViolations ?? [],
            endpoint: endpoint)
        if head.code == .rateLimited {
            error.retryAfter = reply.header(WireHeader.rateLimitReset).flatMap(Double.init).map { .seconds($0) }
            error.rateLimit = reply.header(WireHeader.rateLimitLimit).flatMap(Int.init)
        }
        return error
    }

    private static func decode<T: Decodable>(_ reply: HTTPReply, endpoint: String) throws(FeishuError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: reply.body)
        } catch {
            throw FeishuError(
                kind: .undecodableResponse, msg: "\(describe(error)); body: \(excerpt(reply.body))",
                logID: reply.logID, httpStatus: reply.status, endpoint: endpoint, underlying: error)
        }
    }

    /// A decoding error in one line, with the JSON path where it happened.
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.reduce("") { path, key in
                if let index = key.intValue { return path + "[\(index)]" }
                return path.isEmpty ? key.stringValue : path + "." + key.stringValue
            }
            return path.isEmpty ? "" : " at \(path)"
        }
        switch error {
        case .typeMismatch(let type, let context): return "expected \(type)\(path(context))"
        case .valueNotFound(let type, let context): return "missing \(type) value\(path(context))"
        case .keyNotFound(let key, let context): return "missing member \(key.stringValue)\(path(context))"
        case .dataCorrupted(let context): return "not JSON\(path(context)): \(context.debugDescription)"
        @unknown default: return String(describing: error)
        }
    }

    /// The start of a body, for messages.
    private static func excerpt(_ body: Data) -> String {
        guard !body.isEmpty else { return "(empty)" }
        let text = String(decoding: body.prefix(200), as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ")
        return body.count > 200 ? text + "…" : text
    }
}

/// A `data` member read without looking at it: for the code and message of any answer.
struct AnyPayload: Decodable, Sendable {
    init(from decoder: any Decoder) throws {}
}
