import Foundation
import Logging

extension FeishuClient {
    /// How a ``FeishuClient`` talks to the platform. Every member has a sensible default.
    public struct Configuration: Sendable {
        /// The longest one HTTP exchange may take, from sending the request to the last byte of the answer.
        public var timeout: Duration
        /// The longest connecting may take. AsyncHTTPClient retries a refused connection until then,
        /// so this is also how long an unreachable server takes to fail a call.
        /// Applies only to the `HTTPClient` the client creates itself.
        public var connectTimeout: Duration
        /// Which failed calls are tried again; ``RetryPolicy/none`` unless set.
        public var retryPolicy: RetryPolicy
        /// A cached tenant token counts as stale this long before it expires, and is
        /// replaced before its next use. The official SDKs use 10 minutes.
        public var tokenRenewalMargin: Duration
        /// The `User-Agent` header.
        public var userAgent: String
        /// Answers larger than this many bytes fail as ``FeishuError/Kind/undecodableResponse``.
        public var maximumResponseSize: Int
        /// Where the client logs: requests and token fetches at `debug`, retries at `info`.
        /// Tokens, the app secret and `Authorization` headers are never logged.
        public var logger: Logger
        /// A PEM file of CA certificates to trust besides the system's, e.g. the CA (or the
        /// self-signed certificate) of a `hire-server` serving HTTPS with `--tls-cert`.
        /// `nil` trusts the system's roots only. The file is read when the client is created; one
        /// that cannot be read fails every call as a ``FeishuError/Kind/transport`` failure.
        /// Applies only to the `HTTPClient` the client creates itself.
        public var caFile: String?

        /// A configuration; the defaults suit most callers.
        public init(
            timeout: Duration = .seconds(30),
            connectTimeout: Duration = .seconds(10),
            retryPolicy: RetryPolicy = .none,
            tokenRenewalMargin: Duration = .seconds(600),
            userAgent: String = "feishu-swift/\(FeishuClient.version)",
            maximumResponseSize: Int = 16 << 20,
            logger: Logger = Logger(label: "feishu"),
            caFile: String? = nil
        ) {
            self.caFile = caFile
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.retryPolicy = retryPolicy
            self.tokenRenewalMargin = tokenRenewalMargin
            self.userAgent = userAgent
            self.maximumResponseSize = maximumResponseSize
            self.logger = logger
        }
    }
}
