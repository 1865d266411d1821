import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A client of the Feishu Open Platform for one custom app (自建应用).
///
/// The client fetches, caches and renews the app's tenant access token itself, and
/// reaches the API through resource paths in the shape of the official SDKs:
///
/// ```swift
/// import Feishu
///
/// let client = FeishuClient(appID: "cli_…", appSecret: "…")
/// let interviewer = try await client.hire.v1.interviewer.patch(interviewerID: "ou_…", verifyStatus: .verified)
/// let talents = try await client.hire.v1.interview.getByTalent(talentID: "6949805467799537964")
/// for try await interviewer in client.hire.v1.interviewer.list(pageSize: 50, verifyStatus: .verified) {
///     print(interviewer.userID ?? "-")
/// }
/// try await client.shutdown()
/// ```
///
/// Every call throws a ``FeishuError`` (declared as untyped `throws`; see ``FeishuError``). The client is `Sendable`: share one across tasks.
/// Call ``shutdown()`` when done with it.
public final class FeishuClient: Sendable {
    /// The version of this SDK, sent in the `User-Agent` header.
    public static let version = "0.1.0"
    /// `https://open.feishu.cn`.
    public static let defaultBaseURL = URL(string: "https://open.feishu.cn")!

    /// The app's ID, `cli_…`.
    public let appID: String
    /// Where the API is: ``defaultBaseURL`` unless another was given.
    public let baseURL: URL
    /// How the client talks to the platform.
    public let configuration: Configuration
    /// The Hire (飞书招聘) API: `client.hire.v1.interviewer`, `client.hire.v1.interview`.
    public var hire: HireAPI { HireAPI(client: self) }

    private let http: HTTPClientOwner
    private let transport: Transport
    private let tokens: TokenProvider

    /// Creates a client that owns its own `HTTPClient`; ``shutdown()`` shuts it down.
    /// - Parameters:
    ///   - appID: the app's ID, `cli_…`.
    ///   - appSecret: the app's secret. It is sent to the token endpoint only, and never logged.
    ///   - baseURL: where the API is; e.g. `http://127.0.0.1:8080` for a local hire-server.
    ///   - configuration: timeouts, retries, logging.
    public convenience init(
        appID: String, appSecret: String, baseURL: URL = FeishuClient.defaultBaseURL,
        configuration: Configuration = Configuration()
    ) {
        self.init(
            appID: appID, appSecret: appSecret, baseURL: baseURL, configuration: configuration, httpClient: nil,
            now: { ContinuousClock.now })
    }

    /// Creates a client that sends its requests through `httpClient`. The caller keeps
    /// ownership: ``shutdown()`` leaves `httpClient` running, and
    /// ``Configuration/connectTimeout`` is the injected client's business.
    public convenience init(
        appID: String, appSecret: String, baseURL: URL = FeishuClient.defaultBaseURL,
        configuration: Configuration = Configuration(), httpClient: HTTPClient
    ) {
        self.init(
            appID: appID, appSecret: appSecret, baseURL: baseURL, configuration: configuration,
            httpClient: httpClient, now: { ContinuousClock.now })
    }

    /// The designated initializer; `now` is the clock token renewal reads (tests move it).
    init(
        appID: String, appSecret: String, baseURL: URL, configuration: Configuration, httpClient: HTTPClient?,
        now: @escaping @Sendable () -> ContinuousClock.Instant
    ) {
        self.appID = appID
        self.baseURL = baseURL
        self.configuration = configuration
        http = HTTPClientOwner(
            injected: httpClient, connectTimeout: configuration.connectTimeout, caFile: configuration.caFile)
        var logger = configuration.logger
        logger[metadataKey: "app_id"] = "\(appID)"
        let transport = Transport(
            httpClient: http.httpClient, userAgent: configuration.userAgent,
            maximumResponseSize: configuration.maximumResponseSize, logger: logger)
        self.transport = transport
        let credentials = AccessTokenRequest(appID: appID, appSecret: appSecret)
        let timeout = configuration.timeout
        tokens = TokenProvider(renewalMargin: configuration.tokenRenewalMargin, logger: logger, now: now) {
            () async throws(FeishuError) -> (token: String, expiresIn: Int) in
            try await Self.fetchToken(credentials, baseURL: baseURL, timeout: timeout, transport: transport)
        }
    }

    /// Shuts the client down. The `HTTPClient` is shut down only if the client created it;
    /// an injected one is left to its owner. Calling this twice does nothing the second time.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// Runs `body` with this client, then shuts the client down, whether `body` returned or threw.
    ///
    /// ```swift
    /// let talents = try await FeishuClient(appID: appID, appSecret: appSecret).withShutdown { client in
    ///     try await client.hire.v1.interview.getByTalent(talentID: "6949805467799537964")
    /// }
    /// ```
    ///
    /// The body runs on the caller's actor, so a `@MainActor` caller may use its own state in it.
    public func withShutdown<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (FeishuClient) async throws -> T
    ) async throws -> T {
        try await http.run(self, isolation: isolation, body)
    }

    /// Sends `request` and decodes its answer.
    ///
    /// The client adds its tenant token (unless ``RequestOptions/tenantAccessToken`` is set),
    /// and if the platform answers 99991663 it drops the cached token, fetches a new one and
    /// sends the request once more. Failures that the retry policy covers are retried.
    /// - Throws: always a ``FeishuError``.
    public func send<Payload>(_ request: FeishuRequest<Payload>) async throws -> FeishuResponse<Payload> {
        let policy = request.options.retryPolicy ?? configuration.retryPolicy
        var attempt = 1
        while true {
            do throws(FeishuError) {
                return try await sendAuthorized(request)
            } catch {
                guard let delay = policy.delay(after: error, attempt: attempt) else { throw error }
                transport.logger.info(
                    "retrying a failed request",
                    metadata: [
                        "endpoint": "\(request.endpoint.name)", "attempt": "\(attempt)", "delay": "\(delay)",
                        "error": "\(error)",
                    ])
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw FeishuError.wrapping(error, endpoint: request.endpoint.name)
                }
                attempt += 1
            }
        }
    }

    /// One attempt: with the caller's token, or with the cached one and one renewal on 99991663.
    private func sendAuthorized<Payload>(
        _ request: FeishuRequest<Payload>
    ) async throws(FeishuError) -> FeishuResponse<Payload> {
        if let token = request.options.tenantAccessToken {
            return try await exchange(request, token: token)
        }
        let token = try await tokens.token()
        do throws(FeishuError) {
            return try await exchange(request, token: token)
        } catch where error.code?.invalidatesToken == true {
            await tokens.invalidate(token)
            let renewed = try await tokens.token()
            return try await exchange(request, token: renewed)
        }
    }

    private func exchange<Payload>(
        _ request: FeishuRequest<Payload>, token: String
    ) async throws(FeishuError) -> FeishuResponse<Payload> {
        let outgoing = try request.outgoing(baseURL: baseURL, timeout: configuration.timeout, token: token)
        let reply = try await transport.perform(outgoing)
        return try ResponseDecoding.envelope(reply, as: Payload.self, endpoint: request.endpoint.name)
    }

    private static func fetchToken(
        _ credentials: AccessTokenRequest, baseURL: URL, timeout: Duration, transport: Transport
    ) async throws(FeishuError) -> (token: String, expiresIn: Int) {
        let request = FeishuRequest<AnyPayload>(endpoint: .tenantAccessToken)
        var outgoing = Transport.Outgoing(
            method: .POST, url: try request.url(baseURL: baseURL), path: request.endpoint.path, timeout: timeout,
            endpoint: request.endpoint.name)
        do {
            outgoing.body = try JSONEncoder().encode(credentials)
        } catch {
            throw FeishuError(
                kind: .invalidRequest, msg: "the credentials could not be encoded", endpoint: request.endpoint.name,
                underlying: error)
        }
        return try ResponseDecoding.accessToken(try await transport.perform(outgoing))
    }
}
