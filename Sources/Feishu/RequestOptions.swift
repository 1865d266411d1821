/// Options of a single call, overriding the client's configuration.
///
/// ```swift
/// // Use a tenant token obtained elsewhere, as the official SDKs' `withTenantToken` does:
/// let interviewer = try await client.hire.v1.interviewer.patch(
///     interviewerID: id, verifyStatus: .verified, options: .tenantAccessToken("t-…"))
/// ```
public struct RequestOptions: Sendable {
    /// A tenant access token to send instead of the client's own. The client neither
    /// caches nor renews it; a 99991663 answer is returned to the caller as it is.
    public var tenantAccessToken: String?
    /// The longest one HTTP exchange may take; `nil` for the client's ``FeishuClient/Configuration/timeout``.
    public var timeout: Duration?
    /// The retry policy of this call; `nil` for the client's ``FeishuClient/Configuration/retryPolicy``.
    public var retryPolicy: RetryPolicy?
    /// Extra HTTP headers. `Authorization`, `Content-Type` and `User-Agent` are the client's own and cannot be replaced.
    public var headers: [String: String]

    /// Options; every `nil` member falls back to the client's configuration.
    public init(
        tenantAccessToken: String? = nil, timeout: Duration? = nil, retryPolicy: RetryPolicy? = nil,
        headers: [String: String] = [:]
    ) {
        self.tenantAccessToken = tenantAccessToken
        self.timeout = timeout
        self.retryPolicy = retryPolicy
        self.headers = headers
    }

    /// Options that send `token` as the tenant access token.
    public static func tenantAccessToken(_ token: String) -> RequestOptions {
        RequestOptions(tenantAccessToken: token)
    }
}
