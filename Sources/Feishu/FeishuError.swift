import Foundation

/// Every failure of a ``FeishuClient`` or ``HireAdmin`` call.
///
/// ``kind`` tells the failures apart: an answer of the platform with a non-zero
/// code (``Kind/api``), no answer at all (``Kind/transport``), an answer that is
/// not what the API promises (``Kind/undecodableResponse``), a request the SDK
/// refused to send (``Kind/invalidRequest``), or a cancelled task
/// (``Kind/cancelled``).
///
/// The SDK's methods are declared with untyped `throws`, and what they throw is always a
/// `FeishuError`: catch it with `as`, as with any other SDK.
///
/// ```swift
/// do {
///     try await client.hire.v1.interviewer.patch(interviewerID: id, verifyStatus: .verified)
/// } catch let error as FeishuError where error.code == .scopeRequired {
///     print("grant the app:", error.permissionViolations.map(\.subject))
/// } catch let error as FeishuError {
///     print(error)   // "99991400 request trigger frequency limit (log_id: …)"
/// }
/// ```
///
/// Untyped rather than typed throws (`throws(FeishuError)`), as SE-0413 advises for a
/// library's public API: callers' `catch let e as FeishuError`, `try?` and task groups work
/// as everywhere else (with typed throws the Swift 6.3 compiler crashed on
/// `catch let e as FeishuError`), and the SDK may wrap new failures without breaking callers.
public struct FeishuError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, broadly.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The platform answered with a non-zero `code`; see ``FeishuError/code``.
        case api
        /// The request got no answer: the connection failed, was closed, or timed out.
        case transport
        /// The answer was not the JSON the API promises (an HTML error page of a proxy,
        /// a body cut short, a field of the wrong type).
        case undecodableResponse
        /// The SDK refused to send the request, e.g. because the base URL and path do not form a URL.
        case invalidRequest
        /// The task making the call was cancelled.
        case cancelled
    }

    /// What went wrong, broadly.
    public var kind: Kind
    /// The platform's code, for ``Kind/api`` failures; `nil` otherwise.
    public var code: APICode?
    /// The platform's message for ``Kind/api`` failures; otherwise the SDK's description of the failure.
    public var msg: String
    /// The log id of the answer (the `error.log_id` member, else the `X-Tt-Logid` header); quote it to support.
    public var logID: String?
    /// The HTTP status of the answer, `nil` when there was none.
    public var httpStatus: Int?
    /// The scopes the app lacks (code 99991672).
    public var permissionViolations: [PermissionViolation]
    /// The parameters that were wrong (code 1002002).
    public var fieldViolations: [FieldViolation]
    /// For a rate-limited call (99991400): how long until the limit's window resets
    /// (the `x-ogw-ratelimit-reset` header).
    public var retryAfter: Duration?
    /// For a rate-limited call (99991400): the limit of the window that was exceeded
    /// (the `x-ogw-ratelimit-limit` header).
    public var rateLimit: Int?
    /// The endpoint called, e.g. `hire.v1.interviewer.patch`.
    public var endpoint: String?
    /// The error underneath a transport, decoding or cancellation failure.
    public var underlying: (any Error & Sendable)?

    /// Creates an error; the SDK creates these itself, tests of callers may too.
    public init(
        kind: Kind, code: APICode? = nil, msg: String, logID: String? = nil, httpStatus: Int? = nil,
        permissionViolations: [PermissionViolation] = [], fieldViolations: [FieldViolation] = [],
        retryAfter: Duration? = nil, rateLimit: Int? = nil, endpoint: String? = nil,
        underlying: (any Error & Sendable)? = nil
    ) {
        self.kind = kind
        self.code = code
        self.msg = msg
        self.logID = logID
        self.httpStatus = httpStatus
        self.permissionViolations = permissionViolations
        self.fieldViolations = fieldViolations
        self.retryAfter = retryAfter
        self.rateLimit = rateLimit
        self.endpoint = endpoint
        self.underlying = underlying
    }

    /// Whether the app was over its rate limit (99991400); see ``retryAfter``.
    public var isRateLimited: Bool { code == .rateLimited }

    /// One line: `<code> <msg> (log_id: …)` for API failures, `<kind>: <msg>` for the others.
    public var description: String {
        var text: String
        switch kind {
        case .api: text = "\(code.map(String.init(describing:)) ?? "?") \(msg)"
        case .transport: text = "transport failure: \(msg)"
        case .undecodableResponse: text = "undecodable response\(httpStatus.map { " (HTTP \($0))" } ?? ""): \(msg)"
        case .invalidRequest: text = "invalid request: \(msg)"
        case .cancelled: text = "cancelled: \(msg)"
        }
        if let logID { text += " (log_id: \(logID))" }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension FeishuError {
    /// Wraps any error thrown under a call: cancellations as ``Kind/cancelled``,
    /// everything else as a ``Kind/transport`` failure. A `FeishuError` passes through.
    static func wrapping(_ error: any Error, endpoint: String?) -> FeishuError {
        if var error = error as? FeishuError {
            if error.endpoint == nil { error.endpoint = endpoint }
            return error
        }
        if error is CancellationError || Task.isCancelled {
            return FeishuError(
                kind: .cancelled, msg: "the calling task was cancelled", endpoint: endpoint, underlying: error)
        }
        return FeishuError(
            kind: .transport, msg: String(describing: error), endpoint: endpoint, underlying: error)
    }
}
