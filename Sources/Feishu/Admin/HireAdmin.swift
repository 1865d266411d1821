import AsyncHTTPClient
import Foundation
import Logging
import NIOHTTP1

/// A client of hire-server's admin API (`/_hire/`), for test suites: put the data back
/// between tests, make the next calls fail, move the server's clock, and see what
/// clients really sent.
///
/// ```swift
/// import Feishu
///
/// let admin = HireAdmin(baseURL: URL(string: "http://127.0.0.1:8080")!, token: adminToken)
/// try await admin.withShutdown { admin in
///     try await admin.reset()                                      // back to the snapshot `baseline`
///     try await admin.faults.add(FaultSpec(operation: Endpoint.patchInterviewer.name, code: .rateLimited))
///     try await admin.clock.advance(by: .seconds(7200))            // every token expires
///     for entry in try await admin.requests.list(filter: RequestFilter(appID: "cli_…")) {
///         print(entry.seq, entry.method, entry.path, entry.code, entry.logID)
///     }
/// }
/// ```
///
/// The admin API exists only on servers started with an admin token (`hire-server serve
/// --admin-token TOKEN`); see `docs/admin-api.md`. Every call throws ``FeishuError``: a
/// wrong token is code 99991663, bad input 1002002 with ``FeishuError/fieldViolations``,
/// and a server without the admin API answers code 404. The client is `Sendable`; call
/// ``shutdown()`` when done with it.
public final class HireAdmin: Sendable {
    /// Where the server is, e.g. `http://127.0.0.1:8080`; the admin API is below `/_hire/`.
    public let baseURL: URL
    /// How the client talks to the server.
    public let configuration: Configuration

    /// Snapshots of the data: ``AdminSnapshots/save(name:tenantKeys:)``, ``AdminSnapshots/restore(name:)``, …
    public var snapshots: AdminSnapshots { AdminSnapshots(admin: self) }
    /// Injected faults: ``AdminFaults/add(_:)``, ``AdminFaults/list()``, …
    public var faults: AdminFaults { AdminFaults(admin: self) }
    /// The server's clock: ``AdminClock/get()``, ``AdminClock/advance(by:)``, …
    public var clock: AdminClock { AdminClock(admin: self) }
    /// The request journal: ``AdminRequests/list(filter:sinceSeq:limit:)``, …
    public var requests: AdminRequests { AdminRequests(admin: self) }
    /// Data files over HTTP: ``AdminData/import(_:format:)``, ``AdminData/export(tenantKeys:format:)``.
    public var data: AdminData { AdminData(admin: self) }

    private let token: String
    private let http: HTTPClientOwner
    private let transport: Transport

    /// Creates a client of the admin API.
    /// - Parameters:
    ///   - baseURL: where the server is, e.g. `http://127.0.0.1:8080`.
    ///   - token: the server's admin token (`--admin-token`, `HIRE_ADMIN_TOKEN`, or the demo's
    ///     banner `admin_token:`). It is sent as `Authorization: Bearer …` and never logged.
    ///   - httpClient: an `HTTPClient` to send through, which ``shutdown()`` then leaves running;
    ///     `nil` for one of the client's own, which ``shutdown()`` shuts down.
    ///   - configuration: timeouts, the answer size limit, logging.
    public init(baseURL: URL, token: String, httpClient: HTTPClient? = nil, configuration: Configuration = Configuration()) {
        self.baseURL = baseURL
        self.token = token
        self.configuration = configuration
        http = HTTPClientOwner(injected: httpClient, connectTimeout: configuration.connectTimeout)
        transport = Transport(
            httpClient: http.httpClient, userAgent: configuration.userAgent,
            maximumResponseSize: configuration.maximumResponseSize, logger: configuration.logger)
    }

    /// Shuts the client down. The `HTTPClient` is shut down only if the client created it;
    /// an injected one is left to its owner. Calling this twice does nothing the second time.
    public func shutdown() async throws {
        try await http.shutdown()
    }

    /// Runs `body` with this client, then shuts the client down, whether `body` returned or threw.
    ///
    /// ```swift
    /// try await HireAdmin(baseURL: url, token: token).withShutdown { try await $0.reset() }
    /// ```
    ///
    /// The body runs on the caller's actor, so a `@MainActor` caller may use its own state in it.
    public func withShutdown<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: (HireAdmin) async throws -> T
    ) async throws -> T {
        try await http.run(self, isolation: isolation, body)
    }

    /// Puts the data back as the snapshot `baseline` has it (`POST /_hire/reset`).
    ///
    /// `hire-server serve` records `baseline` once its startup data is loaded. Without
    /// `tenantKey` the data becomes exactly the snapshot's (tenants created since are
    /// removed); with it, only that tenant is replaced, and every other is left as it is.
    /// - Parameter tenantKey: restore this tenant only; a tenant that `baseline` does not
    ///   hold is removed.
    /// - Returns: the snapshot and the tenants restored.
    /// - Throws: always a ``FeishuError``; 1002002 for a tenant in neither the data nor `baseline`.
    @discardableResult
    public func reset(tenantKey: String? = nil) async throws -> RestoredSnapshot {
        try await call(.adminReset(tenantKey: tenantKey))
    }

    // MARK: Sending

    /// Sends one of the admin API's calls and decodes its answer, for when the raw answer
    /// is needed too:
    ///
    /// ```swift
    /// let response = try await admin.send(.listRequests(filter: RequestFilter(code: .invalidAccessToken)))
    /// print(response.logID ?? "-", String(decoding: response.body, as: UTF8.self))
    /// ```
    /// - Parameter request: a call such as ``FeishuRequest/listFaults()`` or ``FeishuRequest/saveSnapshot(name:tenantKeys:)``.
    /// - Throws: always a ``FeishuError``.
    public func send<Payload>(_ request: FeishuRequest<Payload>) async throws -> FeishuResponse<Payload> {
        try await send(request, body: nil, contentType: nil)
    }

    /// Sends `request` with the admin token and decodes its envelope; `body` is sent as
    /// it is (with `contentType`) instead of the request's JSON body.
    func send<Payload>(
        _ request: FeishuRequest<Payload>, body: Data?, contentType: String?
    ) async throws(FeishuError) -> FeishuResponse<Payload> {
        let reply = try await perform(request, body: body, contentType: contentType)
        return try ResponseDecoding.envelope(reply, as: Payload.self, endpoint: request.endpoint.name)
    }

    /// Sends `request` and returns the body of its successful answer as it came: for
    /// answers that are not an envelope. A failure is still read from the envelope.
    func sendRaw<Payload>(_ request: FeishuRequest<Payload>, accept: String) async throws(FeishuError) -> Data {
        var request = request
        request.options.headers["Accept"] = accept
        let reply = try await perform(request, body: nil, contentType: nil)
        return try ResponseDecoding.raw(reply, endpoint: request.endpoint.name)
    }

    /// Sends `request` and returns its answer's `data`; an answer without `data` is an
    /// ``FeishuError/Kind/undecodableResponse`` failure.
    func call<Payload>(
        _ request: FeishuRequest<Payload>, body: Data? = nil, contentType: String? = nil
    ) async throws(FeishuError) -> Payload {
        let response = try await send(request, body: body, contentType: contentType)
        guard let data = response.data else {
            throw FeishuError(
                kind: .undecodableResponse, msg: "the answer has no data", logID: response.logID,
                httpStatus: response.httpStatus, endpoint: request.endpoint.name)
        }
        return data
    }

    private func perform<Payload>(
        _ request: FeishuRequest<Payload>, body: Data?, contentType: String?
    ) async throws(FeishuError) -> HTTPReply {
        var outgoing = try request.outgoing(baseURL: baseURL, timeout: configuration.timeout, token: token)
        if let body {
            outgoing.body = body
            if let contentType { outgoing.contentType = contentType }
        }
        return try await transport.perform(outgoing)
    }
}

extension HireAdmin {
    /// How a ``HireAdmin`` talks to the server. Every member has a sensible default.
    public struct Configuration: Sendable {
        /// The longest one HTTP exchange may take, from sending the request to the last byte of the answer.
        public var timeout: Duration
        /// The longest connecting may take; applies only to the `HTTPClient` the client creates itself.
        public var connectTimeout: Duration
        /// The `User-Agent` header.
        public var userAgent: String
        /// Answers larger than this many bytes (an export, a long journal) fail as
        /// ``FeishuError/Kind/undecodableResponse``.
        public var maximumResponseSize: Int
        /// Where the client logs: every request at `debug`. The admin token is never logged.
        public var logger: Logger

        /// A configuration; the defaults suit most callers.
        public init(
            timeout: Duration = .seconds(60),
            connectTimeout: Duration = .seconds(10),
            userAgent: String = "feishu-swift/\(FeishuClient.version)",
            maximumResponseSize: Int = 256 << 20,
            logger: Logger = Logger(label: "feishu.admin")
        ) {
            self.timeout = timeout
            self.connectTimeout = connectTimeout
            self.userAgent = userAgent
            self.maximumResponseSize = maximumResponseSize
            self.logger = logger
        }
    }
}

extension Endpoint {
    /// The routes of the admin API (`/_hire/`). They are hire-server's, not the platform's,
    /// and so not among ``Endpoint/all``.
    enum Admin {
        static let reset = route("reset", "POST", "/_hire/reset")
        static let saveSnapshot = route("snapshots.save", "PUT", "/_hire/snapshots/:name")
        static let restoreSnapshot = route("snapshots.restore", "POST", "/_hire/snapshots/:name/restore")
        static let listSnapshots = route("snapshots.list", "GET", "/_hire/snapshots")
        static let deleteSnapshot = route("snapshots.delete", "DELETE", "/_hire/snapshots/:name")
        static let addFault = route("faults.add", "POST", "/_hire/faults")
        static let listFaults = route("faults.list", "GET", "/_hire/faults")
        static let removeFault = route("faults.remove", "DELETE", "/_hire/faults/:id")
        static let clearFaults = route("faults.clear", "DELETE", "/_hire/faults")
        static let getClock = route("clock.get", "GET", "/_hire/clock")
        static let setClock = route("clock.set", "POST", "/_hire/clock")
        static let resetClock = route("clock.reset", "DELETE", "/_hire/clock")
        static let listRequests = route("requests.list", "GET", "/_hire/requests")
        static let countRequests = route("requests.count", "GET", "/_hire/requests/count")
        static let clearRequests = route("requests.clear", "DELETE", "/_hire/requests")
        static let importData = route("data.import", "POST", "/_hire/data")
        static let exportData = route("data.export", "GET", "/_hire/data")

        /// A route named `_hire.<name>`.
        private static func route(_ name: String, _ method: String, _ path: String) -> Endpoint {
            Endpoint(name: "_hire.\(name)", method: method, path: path, scopes: [], userIDTypes: [], successMessage: "ok")
        }
    }
}

