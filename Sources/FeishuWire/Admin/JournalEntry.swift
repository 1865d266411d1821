extension AdminWire {
    /// One request the server received, as its journal recorded it: the items of
    /// `GET /_hire/requests`. Tokens, `Authorization` headers and app secrets are never recorded.
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
        /// The HTTP status answered; 0 for a dropped connection.
        public var httpStatus: Int
        /// The code answered; 0 for a dropped connection.
        public var code: APICode
        /// The response's `X-Tt-Logid`: the log id the client saw.
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

        /// Every member in the order of docs/admin-api.md, `null` for what is not known;
        /// `body` and `body_truncated` only for a request with a body.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(seq, forKey: .seq)
            try container.encode(node, forKey: .node)
            try container.encode(timeMS, forKey: .timeMS)
            try container.encode(method, forKey: .method)
            try container.encode(path, forKey: .path)
            try container.encode(query, forKey: .query)
            try container.encode(operation, forKey: .operation)
            try container.encode(appID, forKey: .appID)
            try container.encode(tenantKey, forKey: .tenantKey)
            try container.encode(httpStatus, forKey: .httpStatus)
            try container.encode(code, forKey: .code)
            try container.encode(logID, forKey: .logID)
            try container.encode(durationMS, forKey: .durationMS)
            if let body {
                try container.encode(body, forKey: .body)
                try container.encode(bodyTruncated, forKey: .bodyTruncated)
            }
            try container.encode(faultID, forKey: .faultID)
        }

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
}
