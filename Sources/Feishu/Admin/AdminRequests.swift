import Foundation

/// The request journal: every request to `/open-apis/`, newest `--journal-size` per node: `admin.requests`.
///
/// ```swift
/// let patches = try await admin.requests.list(filter: RequestFilter(operation: Endpoint.patchInterviewer.name))
/// #expect(patches.last?.logID == error.logID)
/// ```
public struct AdminRequests: Sendable {
    let admin: HireAdmin

    /// The entries that match `filter`, in arrival order (`GET /_hire/requests`).
    /// - Parameters:
    ///   - filter: which requests; every one by default.
    ///   - sinceSeq: only entries with a ``JournalEntry/seq`` greater than this; pass the last
    ///     one seen to get only newer entries. `nil` for all (0).
    ///   - limit: at most this many, 1–10000; `nil` for the server's default, 1000.
    /// - Throws: ``FeishuError``; 1002002 for a limit out of range.
    public func list(
        filter: RequestFilter = RequestFilter(), sinceSeq: Int64? = nil, limit: Int? = nil
    ) async throws(FeishuError) -> [JournalEntry] {
        try await admin.call(.listRequests(filter: filter, sinceSeq: sinceSeq, limit: limit)).items ?? []
    }

    /// How many entries match `filter` (`GET /_hire/requests/count`).
    /// - Throws: ``FeishuError``.
    public func count(filter: RequestFilter = RequestFilter()) async throws(FeishuError) -> Int {
        try await admin.call(.countRequests(filter: filter)).count
    }

    /// Empties the journal (`DELETE /_hire/requests`); ``JournalEntry/seq`` numbers are never reused.
    /// - Returns: how many entries were removed.
    /// - Throws: ``FeishuError``.
    @discardableResult
    public func clear() async throws(FeishuError) -> Int {
        try await admin.call(.clearRequests()).count
    }
}

/// Which journal entries: each member set narrows the selection.
public struct RequestFilter: Sendable, Hashable {
    /// The operation, an ``Endpoint/name`` such as `hire.v1.interviewer.patch`.
    public var operation: String?
    /// The app that made the request.
    public var appID: String?
    /// The tenant of the request.
    public var tenantKey: String?
    /// The code answered, e.g. ``APICode/success`` or ``APICode/invalidAccessToken``.
    public var code: APICode?

    /// A filter; `nil` members match anything.
    public init(operation: String? = nil, appID: String? = nil, tenantKey: String? = nil, code: APICode? = nil) {
        self.operation = operation
        self.appID = appID
        self.tenantKey = tenantKey
        self.code = code
    }

    /// The query parameters of the filter.
    var queryParameters: [QueryParameter] {
        QueryParameter.optional("operation", operation) + QueryParameter.optional("app_id", appID)
            + QueryParameter.optional("tenant_key", tenantKey)
            + QueryParameter.optional("code", code.map { String($0.rawValue) })
    }
}

/// One request the server received, as its journal recorded it. Tokens, `Authorization`
/// headers and app secrets are never recorded.
public struct JournalEntry: Codable, Sendable, Hashable {
    /// The entry's number on its node, from 1, never reused.
    public var seq: Int64
    /// The node that served the request.
    public var node: String
    /// When it arrived, in milliseconds since 1970 on the server's clock.
    public var timeMS: Int64
    /// The HTTP method.
    public var method: String
    /// The path, without the query.
    public var path: String
    /// The raw query, `""` if none.
    public var query: String
    /// The operation, e.g. `hire.v1.interviewer.patch`; `nil` for an unknown route.
    public var operation: String?
    /// The app, once known.
    public var appID: String?
    /// The tenant, once known.
    public var tenantKey: String?
    /// The HTTP status answered.
    public var httpStatus: Int
    /// The code answered.
    public var code: APICode
    /// The response's `X-Tt-Logid`: the ``FeishuError/logID`` or ``FeishuResponse/logID`` the client saw.
    public var logID: String
    /// How long the server took, in milliseconds.
    public var durationMS: Double
    /// A write's body, up to 64 KiB (the token endpoints' with `app_secret` redacted); `nil` for a GET.
    public var body: String?
    /// Whether ``body`` was cut at 64 KiB.
    public var bodyTruncated: Bool
    /// The fault that answered or delayed the request.
    public var faultID: String?

    /// An entry; the server creates these, tests of callers may too.
    public init(
        seq: Int64, node: String, timeMS: Int64, method: String, path: String, query: String = "",
        operation: String? = nil, appID: String? = nil, tenantKey: String? = nil, httpStatus: Int, code: APICode,
        logID: String, durationMS: Double, body: String? = nil, bodyTruncated: Bool = false, faultID: String? = nil
    ) {
        self.seq = seq
        self.node = node
        self.timeMS = timeMS
        self.method = method
        self.path = path
        self.query = query
        self.operation = operation
        self.appID = appID
        self.tenantKey = tenantKey
        self.httpStatus = httpStatus
        self.code = code
        self.logID = logID
        self.durationMS = durationMS
        self.body = body
        self.bodyTruncated = bodyTruncated
        self.faultID = faultID
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seq = try container.decode(Int64.self, forKey: .seq)
        node = try container.decode(String.self, forKey: .node)
        timeMS = try container.decode(Int64.self, forKey: .timeMS)
        method = try container.decode(String.self, forKey: .method)
        path = try container.decode(String.self, forKey: .path)
        query = try container.decodeIfPresent(String.self, forKey: .query) ?? ""
        operation = try container.decodeIfPresent(String.self, forKey: .operation)
        appID = try container.decodeIfPresent(String.self, forKey: .appID)
        tenantKey = try container.decodeIfPresent(String.self, forKey: .tenantKey)
        httpStatus = try container.decode(Int.self, forKey: .httpStatus)
        code = try container.decode(APICode.self, forKey: .code)
        logID = try container.decode(String.self, forKey: .logID)
        durationMS = try container.decode(Double.self, forKey: .durationMS)
        body = try container.decodeIfPresent(String.self, forKey: .body)
        bodyTruncated = try container.decodeIfPresent(Bool.self, forKey: .bodyTruncated) ?? false
        faultID = try container.decodeIfPresent(String.self, forKey: .faultID)
    }

    /// ``timeMS`` as a date.
    public var time: Date { Date(feishuMilliseconds: timeMS) }

    enum CodingKeys: String, CodingKey {
        case seq, node, method, path, query, operation, code, body
        case timeMS = "time_ms"
        case appID = "app_id"
        case tenantKey = "tenant_key"
        case httpStatus = "http_status"
        case logID = "log_id"
        case durationMS = "duration_ms"
        case bodyTruncated = "body_truncated"
        case faultID = "fault_id"
    }
}
