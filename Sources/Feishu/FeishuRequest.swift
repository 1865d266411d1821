import FeishuWire
import Foundation

/// One call of the API, ready to send with ``FeishuClient/send(_:)``: the endpoint,
/// its path and query parameters, its JSON body, and the type its answer's `data` decodes to.
///
/// The resource methods (``InterviewerResource/patch(interviewerID:verifyStatus:userIDType:options:)``
/// and the others) build these and return the decoded data. Send one yourself when you
/// also need the raw answer, e.g. its log id or body:
///
/// ```swift
/// let response = try await client.send(.interviewsByTalent(talentID: "6949805467799537964"))
/// print(response.logID ?? "-", String(decoding: response.body, as: UTF8.self))
/// ```
public struct FeishuRequest<Payload: Decodable & Sendable>: Sendable {
    /// The endpoint called.
    public let endpoint: Endpoint
    /// The values of the path's `:name` parameters, not yet encoded.
    public private(set) var pathParameters: [String: String]
    /// The query parameters in order, not yet encoded; a name may repeat.
    public private(set) var query: [QueryParameter]
    /// The JSON body, if the call has one.
    public private(set) var body: (any Encodable & Sendable)?
    /// Options of this call.
    public var options: RequestOptions

    /// A request of `endpoint`. Prefer the named factories, e.g. ``patchInterviewer(interviewerID:verifyStatus:userIDType:options:)``.
    public init(
        endpoint: Endpoint, pathParameters: [String: String] = [:], query: [QueryParameter] = [],
        body: (any Encodable & Sendable)? = nil, options: RequestOptions = RequestOptions()
    ) {
        self.endpoint = endpoint
        self.pathParameters = pathParameters
        self.query = query
        self.body = body
        self.options = options
    }

    /// This request with every query parameter called `name` replaced by one with `value` (none if `nil`).
    public func setting(_ name: String, to value: String?) -> FeishuRequest {
        var copy = self
        copy.query.removeAll { $0.name == name }
        if let value { copy.query.append(QueryParameter(name, value)) }
        return copy
    }

    /// The path with its parameters filled in and percent-encoded.
    func encodedPath() throws(FeishuError) -> String {
        var segments: [String] = []
        for segment in endpoint.path.split(separator: "/", omittingEmptySubsequences: false) {
            guard segment.first == ":" else {
                segments.append(String(segment))
                continue
            }
            let name = String(segment.dropFirst())
            guard let value = pathParameters[name], !value.isEmpty else {
                throw FeishuError(
                    kind: .invalidRequest, msg: "the path parameter \(name) is required", endpoint: endpoint.name)
            }
            segments.append(PercentEncoding.encode(value))
        }
        return segments.joined(separator: "/")
    }

    /// The full URL below `baseURL`.
    func url(baseURL: URL) throws(FeishuError) -> String {
        guard let scheme = baseURL.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = baseURL.host, !host.isEmpty
        else {
            throw FeishuError(
                kind: .invalidRequest, msg: "the base URL \(baseURL.absoluteString) is not an http(s) URL with a host",
                endpoint: endpoint.name)
        }
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var url = base + (try encodedPath())
        if !query.isEmpty {
            url += "?" + query.map { PercentEncoding.encode($0.name) + "=" + PercentEncoding.encode($0.value) }
                .joined(separator: "&")
        }
        return url
    }
}

/// A query parameter: a name and one value. Lists are sent as the same name repeated.
public struct QueryParameter: Sendable, Hashable {
    /// The parameter's name, e.g. `user_ids`.
    public var name: String
    /// One value, not yet encoded.
    public var value: String

    /// The parameter `name=value`.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
