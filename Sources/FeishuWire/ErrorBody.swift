/// The `error` member of a failed response: the log id and what was wrong.
public struct ErrorInfo: Codable, Sendable, Hashable {
    /// The request's log id, as in the `X-Tt-Logid` header.
    public var logID: String?
    /// Scopes the app would need (for code 99991672).
    public var permissionViolations: [PermissionViolation]?
    /// Parameters that were wrong (for code 1002002).
    public var fieldViolations: [FieldViolation]?

    public init(
        logID: String? = nil,
        permissionViolations: [PermissionViolation]? = nil,
        fieldViolations: [FieldViolation]? = nil
    ) {
        self.logID = logID
        self.permissionViolations = permissionViolations
        self.fieldViolations = fieldViolations
    }

    enum CodingKeys: String, CodingKey {
        case logID = "log_id"
        case permissionViolations = "permission_violations"
        case fieldViolations = "field_violations"
    }
}

/// A scope the app lacks.
public struct PermissionViolation: Codable, Sendable, Hashable {
    /// `action_scope_required` for an endpoint's scope, `field_scope_required` for a field's.
    public var type: String
    /// The scope, e.g. `contact:user.employee_id:readonly`.
    public var subject: String
    public var description: String?

    public init(type: String, subject: String, description: String? = nil) {
        self.type = type
        self.subject = subject
        self.description = description
    }

    /// The app lacks the scope an endpoint needs.
    public static let actionScopeRequired = "action_scope_required"
    /// The app lacks the scope a requested field needs.
    public static let fieldScopeRequired = "field_scope_required"
}

/// A request parameter that was wrong.
public struct FieldViolation: Codable, Sendable, Hashable {
    /// The parameter, e.g. `talent_id` or `interviewer.verify_status`.
    public var field: String
    /// The value that was given, when there was one.
    public var value: String?
    /// What was wrong with it.
    public var description: String?

    public init(field: String, value: String? = nil, description: String? = nil) {
        self.field = field
        self.value = value
        self.description = description
    }
}

/// The `{code, msg, data, error}` envelope of every resource response.
public struct ResponseEnvelope<Payload: Decodable & Sendable>: Decodable, Sendable {
    public var code: APICode
    public var msg: String
    public var data: Payload?
    public var error: ErrorInfo?

    public init(code: APICode, msg: String, data: Payload? = nil, error: ErrorInfo? = nil) {
        self.code = code
        self.msg = msg
        self.data = data
        self.error = error
    }
}

extension ResponseEnvelope: Encodable where Payload: Encodable {}

/// A `data` with no members (`{}`), as the token endpoints send with code 10003.
public struct EmptyData: Codable, Sendable, Hashable {
    public init() {}
}

/// The body of the token endpoints (no `data` wrapper).
public struct AccessTokenResponse: Codable, Sendable, Hashable {
    public var code: APICode
    public var msg: String
    public var tenantAccessToken: String?
    public var appAccessToken: String?
    /// The token's remaining lifetime in seconds.
    public var expire: Int?

    public init(
        code: APICode, msg: String, tenantAccessToken: String? = nil,
        appAccessToken: String? = nil, expire: Int? = nil
    ) {
        self.code = code
        self.msg = msg
        self.tenantAccessToken = tenantAccessToken
        self.appAccessToken = appAccessToken
        self.expire = expire
    }

    enum CodingKeys: String, CodingKey {
        case code, msg
        case appAccessToken = "app_access_token"
        case tenantAccessToken = "tenant_access_token"
        case expire
    }
}

/// The body a client posts to the token endpoints.
public struct AccessTokenRequest: Codable, Sendable, Hashable {
    public var appID: String
    public var appSecret: String

    public init(appID: String, appSecret: String) {
        self.appID = appID
        self.appSecret = appSecret
    }

    enum CodingKeys: String, CodingKey {
        case appID = "app_id"
        case appSecret = "app_secret"
    }
}
