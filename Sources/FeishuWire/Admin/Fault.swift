extension AdminWire {
    /// What a fault matches and what it does: the body of `POST /_hire/faults`.
    ///
    /// At least one of a non-zero ``code``, a non-zero ``delayMS`` or ``drop`` is needed.
    /// Members left `nil` are not sent, and the server's defaults apply.
    public struct FaultSpec: Codable, Sendable, Hashable {
        /// The operation, as the SDKs name it: an ``Endpoint/name`` such as
        /// `hire.v1.interviewer.patch` or `auth.v3.tenant_access_token.internal`; `nil` for every one.
        public var operation: String?
        /// Only requests of this app; `nil` for any.
        public var appID: String?
        /// Only requests of this tenant; `nil` for any.
        public var tenantKey: String?
        /// Answer with this code; `nil` (or 0) for no error, only ``delayMS`` or ``drop``.
        public var code: APICode?
        /// The HTTP status, 100–599; `nil` for the platform's for ``code``.
        public var httpStatus: Int?
        /// The `msg`; `nil` for the platform's for ``code``.
        public var msg: String?
        /// How many requests it fires on; 0 until removed; `nil` for 1.
        public var times: Int?
        /// The chance it fires on a matching request, in (0, 1]; `nil` for 1. A miss does not count against ``times``.
        public var probability: Double?
        /// Latency added, 0–60000 ms, alone or before the error.
        public var delayMS: Int?
        /// Close the connection without an answer (after ``delayMS``).
        public var drop: Bool?

        /// A fault; see the members for what each does.
        public init(
            operation: String? = nil, appID: String? = nil, tenantKey: String? = nil, code: APICode? = nil,
            httpStatus: Int? = nil, msg: String? = nil, times: Int? = nil, probability: Double? = nil,
            delayMS: Int? = nil, drop: Bool? = nil
        ) {
            self.operation = operation
            self.appID = appID
            self.tenantKey = tenantKey
            self.code = code
            self.httpStatus = httpStatus
            self.msg = msg
            self.times = times
            self.probability = probability
            self.delayMS = delayMS
            self.drop = drop
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: FaultKey.self)
            operation = try container.decodeIfPresent(String.self, forKey: .operation)
            appID = try container.decodeIfPresent(String.self, forKey: .appID)
            tenantKey = try container.decodeIfPresent(String.self, forKey: .tenantKey)
            code = try container.decodeIfPresent(APICode.self, forKey: .code)
            httpStatus = try container.decodeIfPresent(Int.self, forKey: .httpStatus)
            msg = try container.decodeIfPresent(String.self, forKey: .msg)
            times = try container.decodeIfPresent(Int.self, forKey: .times)
            probability = try container.decodeIfPresent(Double.self, forKey: .probability)
            delayMS = try container.decodeIfPresent(Int.self, forKey: .delayMS)
            drop = try container.decodeIfPresent(Bool.self, forKey: .drop)
        }

        /// The members set; `nil` ones are left out, so the server's defaults apply.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: FaultKey.self)
            try container.encodeIfPresent(operation, forKey: .operation)
            try container.encodeIfPresent(appID, forKey: .appID)
            try container.encodeIfPresent(tenantKey, forKey: .tenantKey)
            try container.encodeIfPresent(code, forKey: .code)
            try container.encodeIfPresent(httpStatus, forKey: .httpStatus)
            try container.encodeIfPresent(msg, forKey: .msg)
            try container.encodeIfPresent(times, forKey: .times)
            try container.encodeIfPresent(probability, forKey: .probability)
            try container.encodeIfPresent(delayMS, forKey: .delayMS)
            try container.encodeIfPresent(drop, forKey: .drop)
        }
    }

    /// A fault in force, as the server has it: the `data` of `POST /_hire/faults`, and the
    /// items of `GET /_hire/faults`.
    ///
    /// Its settings are ``FaultSpec``'s with the server's defaults filled in; the server
    /// writes every member, `null` for what is not narrowed.
    public struct Fault: Codable, Sendable, Hashable, Identifiable {
        /// `f_` and 16 hex digits.
        public var id: String
        /// The operation it matches; `nil` for every one.
        public var operation: String?
        /// The app it matches; `nil` for any.
        public var appID: String?
        /// The tenant it matches; `nil` for any.
        public var tenantKey: String?
        /// The code it answers with; `nil` or 0 for none.
        public var code: APICode?
        /// The HTTP status of its answer.
        public var httpStatus: Int?
        /// The `msg` of its answer.
        public var msg: String?
        /// How many requests it fires on in all; 0 until removed.
        public var times: Int
        /// How many more times it fires; `nil` when ``times`` is 0.
        public var timesLeft: Int?
        /// The chance it fires on a matching request.
        public var probability: Double
        /// Latency it adds, in milliseconds.
        public var delayMS: Int
        /// Whether it closes the connection without an answer.
        public var drop: Bool
        /// How often it fired.
        public var fired: Int
        /// When it was added, in milliseconds since 1970 on the server's clock.
        public var createdMS: Int64

        /// A fault; the server creates these, tests of callers may too.
        public init(
            id: String, operation: String? = nil, appID: String? = nil, tenantKey: String? = nil, code: APICode? = nil,
            httpStatus: Int? = nil, msg: String? = nil, times: Int = 1, timesLeft: Int? = 1, probability: Double = 1,
            delayMS: Int = 0, drop: Bool = false, fired: Int = 0, createdMS: Int64
        ) {
            self.id = id
            self.operation = operation
            self.appID = appID
            self.tenantKey = tenantKey
            self.code = code
            self.httpStatus = httpStatus
            self.msg = msg
            self.times = times
            self.timesLeft = timesLeft
            self.probability = probability
            self.delayMS = delayMS
            self.drop = drop
            self.fired = fired
            self.createdMS = createdMS
        }

        typealias CodingKeys = FaultKey

        /// Every member, `null` included, in the order of docs/admin-api.md.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: FaultKey.self)
            try container.encode(id, forKey: .id)
            try container.encode(operation, forKey: .operation)
            try container.encode(appID, forKey: .appID)
            try container.encode(tenantKey, forKey: .tenantKey)
            try container.encode(code, forKey: .code)
            try container.encode(httpStatus, forKey: .httpStatus)
            try container.encode(msg, forKey: .msg)
            try container.encode(times, forKey: .times)
            try container.encode(timesLeft, forKey: .timesLeft)
            try container.encode(probability, forKey: .probability)
            try container.encode(delayMS, forKey: .delayMS)
            try container.encode(drop, forKey: .drop)
            try container.encode(fired, forKey: .fired)
            try container.encode(createdMS, forKey: .createdMS)
        }
    }

    /// The members of a fault's JSON: a ``FaultSpec``'s, and a ``Fault``'s.
    enum FaultKey: String, CodingKey {
        case id, operation, code, msg, times, probability, drop, fired
        case appID = "app_id"
        case tenantKey = "tenant_key"
        case httpStatus = "http_status"
        case timesLeft = "times_left"
        case delayMS = "delay_ms"
        case createdMS = "created_ms"
    }
}
