import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HireCore
import HireHTTP
import HireSQLite
import HireServerKit
import HireStore
import Hummingbird
import Logging
import Synchronization

/// A real `hire-server` on a free loopback port, on a fresh SQLite file, for tests.
///
/// ```swift
/// let server = try await TestServer.start()
/// defer { Task { await server.stop() } }   // or `await server.stop()` at the end
/// // talk to server.baseURL with DemoData.appID / DemoData.appSecret
/// ```
package final class TestServer: Sendable {
    /// `http://127.0.0.1:<port>`, or `https://localhost:<port>` when serving HTTPS.
    package let baseURL: String
    package let port: Int
    package let store: any HireStore
    /// The admin API's token; `nil` when it is off.
    package let adminToken: String?
    /// The services the server runs on (its control plane among them).
    package let services: HireServices
    /// The directory holding the database; removed by ``stop()``.
    package let directory: URL
    /// The server's open connections.
    package let connections: ConnectionCounter
    private let running: BackgroundServices
    private let counter: RequestCounter

    private init(
        baseURL: String, port: Int, store: any HireStore, services: HireServices, directory: URL,
        running: BackgroundServices, counter: RequestCounter, connections: ConnectionCounter
    ) {
        self.connections = connections
        self.baseURL = baseURL
        self.port = port
        self.store = store
        self.services = services
        self.adminToken = services.adminToken
        self.directory = directory
        self.running = running
        self.counter = counter
    }

    /// How many requests the server received for `path` (without query), any method, any answer.
    package func requests(to path: String) -> Int { counter.count(path) }

    /// Starts a server.
    /// - Parameters:
    ///   - demo: load the demo tenant (``DemoData``).
    ///   - data: data-file documents (JSON text) to import after the demo.
    ///   - store: serve this store instead of a fresh SQLite file (it is closed by ``stop()``). On a
    ///     PostgreSQL store the rate limits are shared with the other servers on the same database.
    ///   - rateLimit: `nil` turns rate limiting off (the default for tests).
    ///   - clock: the server's clock.
    ///   - adminToken: turns the admin API on with this token; the snapshot `baseline` is
    ///     recorded once the data is loaded.
    ///   - journalSize: the admin API's journal size.
    ///   - limits: the read and idle timeouts and the maximum of open connections.
    ///   - tls: serve HTTPS with this certificate; ``baseURL`` is then `https://localhost:<port>`.
    package static func start(
        demo: Bool = true, data: [String] = [], store: (any HireStore)? = nil,
        rateLimit: RateLimitPolicy? = nil, clock: HireClock = .system, adminToken: String? = nil,
        journalSize: Int = AdminSettings.defaultJournalSize, limits: ConnectionLimits = ConnectionLimits(),
        tls: ServerTLS? = nil, metrics: ServerMetrics = ServerMetrics()
    ) async throws -> TestServer {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try store ?? SQLiteStore(path: directory.appendingPathComponent("hire.sqlite").path)
        if demo { try await importDocument(DemoData.document, into: store) }
        for document in data { try await importDocument(document, into: store) }
        var logger = Logger(label: "hire-test-server")
        logger.logLevel = .critical
        let admin = adminToken.map { AdminSettings(token: $0, journalSize: journalSize) }
        if admin != nil {
            _ = try await Snapshots(store: store).save(name: SnapshotName.baseline, tenantKeys: nil, now: clock.now())
        }
        let services = try await StoreFactory.makeServices(
            store: store, clock: clock, rateLimit: rateLimit, admin: admin, logger: logger, metrics: metrics)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let counter = RequestCounter()
        let connections = ConnectionCounter(limit: limits.maxConnections)
        let app = Application(
            responder: CountingResponder(base: HireApplication.router(services: services).buildResponder(), counter: counter),
            server: HireApplication.server(services: services, limits: limits, counter: connections, tls: tls),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            services: HireApplication.services(services),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let running = BackgroundServices([app], logger: logger)
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            await running.stop()
            throw TestServerError.didNotStart
        }
        return TestServer(
            baseURL: tls == nil ? "http://127.0.0.1:\(port)" : "https://localhost:\(port)", port: port, store: store, services: services, directory: directory,
            running: running, counter: counter, connections: connections)
    }

    /// Stops the server, closes the store and removes its files.
    package func stop() async {
        await running.stop()
        try? await store.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// A tenant token of the demo app, fetched the way clients do.
    package func demoToken() async throws -> String {
        var request = URLRequest(url: URL(string: baseURL + "/open-apis/auth/v3/tenant_access_token/internal")!)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.httpBody = Data(#"{"app_id":"\#(DemoData.appID)","app_secret":"\#(DemoData.appSecret)"}"#.utf8)
        let (data, _) = try await URLSession.shared.data(for: request)
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let token = object["tenant_access_token"] as? String
        else { throw TestServerError.noToken(String(decoding: data, as: UTF8.self)) }
        return token
    }

    private static func importDocument(_ text: String, into store: any HireStore) async throws {
        try await StoreSeeding.importDocument(text, into: store)
    }
}

/// Loading data-file documents into stores.
package enum StoreSeeding {
    @discardableResult
    package static func importDocument(
        _ text: String, into store: any HireStore, now: Int64 = HireClock.system.now()
    ) async throws -> ImportSummary {
        let entries = try DataFileReader.entries(document: Array(text.utf8))
        return try await store.importEntries(DataFileSource(entries: entries), now: now)
    }

    /// The store's export as a JSON document.
    package static func exportDocument(_ store: any HireStore, tenants: [String]? = nil) async throws -> String {
        let text = Mutex("")
        let writer = Mutex(DataFileWriter(format: .document) { piece in text.withLock { $0 += piece } })
        try await store.exportEntries(tenantKeys: tenants) { entry in try writer.withLock { try $0.write(entry) } }
        try writer.withLock { try $0.finish() }
        return text.withLock { $0 }
    }
}

package enum TestServerError: Error {
    case didNotStart
    case noToken(String)
}

/// Counts requests per path.
final class RequestCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func record(_ path: String) { counts.withLock { $0[path, default: 0] += 1 } }
    func count(_ path: String) -> Int { counts.withLock { $0[path] ?? 0 } }
}

/// Counts each request, then hands it to the server's own responder.
struct CountingResponder<Base: HTTPResponder>: HTTPResponder {
    let base: Base
    let counter: RequestCounter

    func respond(to request: Request, context: Base.Context) async throws -> Response {
        counter.record(request.uri.path)
        return try await base.respond(to: request, context: context)
    }
}

/// A clock tests move by hand; starts at the real time.
package final class TestClock: Sendable {
    private let milliseconds: Mutex<Int64>

    package init(start: Int64 = HireClock.system.now()) { milliseconds = Mutex(start) }

    /// The clock to give a server.
    package var clock: HireClock { HireClock { [self] in milliseconds.withLock { $0 } } }

    package func advance(seconds: Int64) { milliseconds.withLock { $0 += seconds * 1000 } }
    package func advance(milliseconds delta: Int64) { milliseconds.withLock { $0 += delta } }
}
