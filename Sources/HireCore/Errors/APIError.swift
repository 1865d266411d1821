import FeishuWire

/// An answer of the API other than success: a platform code, its message, and
/// what the client needs to mend the request.
///
/// Every rule of the server that refuses a request throws one of these; the
/// HTTP layer writes it in the `{code, msg, error}` envelope.
package struct APIError: Error, Sendable, Hashable, CustomStringConvertible {
    package var code: APICode
    package var msg: String
    package var fieldViolations: [FieldViolation]
    package var permissionViolations: [PermissionViolation]
    /// Overrides the code's HTTP status (413 for an oversized body).
    package var httpStatus: Int

    package init(
        code: APICode, msg: String,
        fieldViolations: [FieldViolation] = [], permissionViolations: [PermissionViolation] = [],
        httpStatus: Int? = nil
    ) {
        self.code = code
        self.msg = msg
        self.fieldViolations = fieldViolations
        self.permissionViolations = permissionViolations
        self.httpStatus = httpStatus ?? code.httpStatus
    }

    package var description: String { "\(code.rawValue) \(msg)" }

    /// 1002002: `field` was wrong, and how.
    package static func invalidParameter(_ field: String, _ problem: String, value: String? = nil) -> APIError {
        APIError(
            code: .invalidParameter, msg: "invalid parameter \(field): \(problem)",
            fieldViolations: [FieldViolation(field: field, value: value, description: problem)])
    }

    /// 1002002 for a request body over the size limit, answered with HTTP 413.
    package static func bodyTooLarge(limit: Int) -> APIError {
        APIError(
            code: .invalidParameter, msg: "invalid parameter body: larger than \(limit) bytes",
            fieldViolations: [FieldViolation(field: "body", description: "larger than \(limit) bytes")],
            httpStatus: 413)
    }

    /// 1002001: a fault of the server. The message says nothing of the fault itself.
    package static let systemError = APIError(
        code: .systemError, msg: "system error, please retry later or report the log id")

    /// 99991661.
    package static let missingAccessToken = APIError(
        code: .missingAccessToken,
        msg: "Missing access token for authorization. Please make a request with token attached.")

    /// 99991663.
    package static let invalidAccessToken = APIError(
        code: .invalidAccessToken, msg: "Invalid access token for authorization")

    /// 99991672 for an endpoint the app may not call.
    package static func scopeRequired(anyOf scopes: [Scope]) -> APIError {
        scopeError(anyOf: scopes, type: PermissionViolation.actionScopeRequired)
    }

    /// 99991672 for a field the app may not read (`user_id` without `contact:user.employee_id:readonly`).
    package static func fieldScopeRequired(_ scope: Scope) -> APIError {
        scopeError(anyOf: [scope], type: PermissionViolation.fieldScopeRequired)
    }

    private static func scopeError(anyOf scopes: [Scope], type: String) -> APIError {
        let list = scopes.map(\.rawValue).joined(separator: ",")
        return APIError(
            code: .scopeRequired,
            msg: "Access denied. One of the following scopes is required: [\(list)]",
            permissionViolations: scopes.map { PermissionViolation(type: type, subject: $0.rawValue) })
    }

    /// 99991400.
    package static let rateLimited = APIError(code: .rateLimited, msg: "request trigger frequency limit")
}
