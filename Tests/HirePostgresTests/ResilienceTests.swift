import Foundation
import HireCore
@testable import HirePostgres
import HireStore
import HireTestSupport
import PostgresNIO
import Testing

@Suite("PostgreSQL: migrations and lost connections", postgresAvailable)
struct ResilienceTests {
    /// A server on a store of `configuration`, serving a small tenant, and a token of its app.
    func serve(_ configuration: PostgresStoreConfiguration) async throws -> (TestServer, Node, String) {
        let store = try await PostgresTestDatabase.run(
            PostgresStore(configuration: configuration, logger: PostgresTestDatabase.logger))
        let server = try await TestServer.start(
            demo: false, data: [ClusterData.document(users: 5, interviewers: 5)], store: store)
        let node = Node(server: server)
        let (token, _) = try await node.token()
        #expect(try await node.list(token: token).code == 0)
        return (server, node, token)
    }

    @Test func nodesStartingAtOnceOnAnEmptyDatabaseMigrateItOnce() async throws {
        let schema = try await PostgresTestDatabase.makeSchema()
        let stores = try await withThrowingTaskGroup(of: PostgresStore.self) { group in
            for _ in 0..<6 { group.addTask { try await PostgresTestDatabase.makeStore(schema: schema) } }
            return try await group.reduce(into: [PostgresStore]()) { $0.append($1) }
        }
        #expect(stores.count == 6)
        let versions = try await stores[0].testRows("SELECT version FROM schema_migrations ORDER BY version")
            .map { try $0.decode(String.self) }
        #expect(versions == PostgresSchema.migrations.map(\.version))
        // All of them work on the one schema.
        try await StoreSeeding.importDocument(Fixtures.acme, into: stores[1])
        for store in stores { #expect(try await !store.isEmpty()) }
        for store in stores { try await store.close() }
        try await PostgresTestDatabase.dropSchema(schema)
    }

    @Test func importsThroughTwoNodesAtOnceBothCommit() async throws {
        let schema = try await PostgresTestDatabase.makeSchema()
        let first = try await PostgresTestDatabase.makeStore(schema: schema)
        let second = try await PostgresTestDatabase.makeStore(schema: schema)
        try await StoreSeeding.importDocument(Fixtures.acme, into: first)
        // Both touch the same tenant and apps; they run one after the other, whichever first.
        async let one = StoreSeeding.importDocument(
            Fixtures.acme.replacingOccurrences(of: "Talent One", with: "Talent Uno"), into: first)
        async let two = StoreSeeding.importDocument(Fixtures.globex, into: second)
        _ = try await (one, two)
        let exported = try await StoreSeeding.exportDocument(second)
        #expect(exported.contains("Talent Uno") && exported.contains(Fixtures.globexTenant))
        try await first.close()
        try await second.close()
        try await PostgresTestDatabase.dropSchema(schema)
    }

    /// The import lock is the dataset's: an import into another schema of the same database
    /// goes ahead while this one's is held, and an import into this one waits for it.
    @Test func importsWaitOnlyForImportsIntoTheSameSchema() async throws {
        let held = try await PostgresTestDatabase.makeStore()
        let other = try await PostgresTestDatabase.makeStore()
        let (locked, lockedSignal) = AsyncStream<Void>.makeStream()
        let (release, releaseSignal) = AsyncStream<Void>.makeStream()
        let holder = Task {
            try await held.transaction { [logger = held.logger] connection in
                try await connection.run(PostgresSchema.Lock.import.acquire, logger: logger)
                lockedSignal.yield()
                for await _ in release { break }
            }
        }
        for await _ in locked { break }
        let elsewhere = Task { try await StoreSeeding.importDocument(Fixtures.acme, into: other) }
        let here = Task { try await StoreSeeding.importDocument(Fixtures.acme, into: held) }
        // Bounded: before the lock was the schema's, this import waited for the holder.
        let deadline = ContinuousClock.now + .seconds(20)
        while try await other.isEmpty(), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        #expect(try await !other.isEmpty(), "an import into another schema waited for this schema's lock")
        _ = try await elsewhere.value
        try await Task.sleep(for: .milliseconds(500))
        #expect(try await held.isEmpty(), "an import went ahead while its schema's lock was held")
        releaseSignal.yield()
        try await holder.value
        _ = try await here.value
        #expect(try await !held.isEmpty())
        try await held.close()
        try await other.close()
    }

    @Test func aDatabaseWrittenByANewerServerIsRefused() async throws {
        let schema = try await PostgresTestDatabase.makeSchema()
        let store = try await PostgresTestDatabase.makeStore(schema: schema)
        try await store.execute("INSERT INTO schema_migrations (version) VALUES ('9999 from the future')")
        try await store.close()
        await #expect(throws: StoreError.schemaTooNew(found: "9999 from the future")) {
            _ = try await PostgresTestDatabase.makeStore(schema: schema)
        }
        try await PostgresTestDatabase.dropSchema(schema)
    }

    /// The database goes away (every connection cut, new ones refused) and comes back.
    @Test func requestsFailWith1002001WhileTheDatabaseIsGoneAndRecoverWhenItIsBack() async throws {
        let target = try PostgresTestDatabase.configuration()
        let proxy = try await TCPProxy.start(to: target.host, port: target.port)
        let schema = try await PostgresTestDatabase.makeSchema()
        var configuration = try PostgresTestDatabase.configuration(schema: schema)
        configuration.host = "127.0.0.1"
        configuration.port = proxy.port
        configuration.tls = .disable
        configuration.acquireTimeout = .seconds(2)
        configuration.connectTimeout = .seconds(2)
        let (server, node, token) = try await serve(configuration)

        proxy.cut()
        for _ in 0..<3 {
            let started = ContinuousClock.now
            let answer = try await node.list(token: token)
            #expect(answer.code == 1002001 && answer.status == 500, "\(answer.json)")
            #expect(answer.headers["x-tt-logid"] != nil)
            #expect(ContinuousClock.now - started < .seconds(8))
        }

        proxy.restore()
        let restored = ContinuousClock.now
        var recovered = false
        while ContinuousClock.now - restored < .seconds(30) {
            if try await node.list(token: token).code == 0 {
                recovered = true
                break
            }
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(recovered, "no answer 30 s after the database came back")
        print("recovered \(ContinuousClock.now - restored) after the database came back")
        // Writes work again, and the data is all there.
        #expect(try await node.patch(ClusterData.userID(1), 2, token: token).code == 0)
        #expect(try await node.status(of: ClusterData.userID(1), token: token) == 2)

        await server.stop()
        await proxy.stop()
        try await PostgresTestDatabase.dropSchema(schema)
    }

    /// Backends killed under the server (a failover, an administrator): the pool replaces them.
    @Test func terminatedBackendsAreReplacedWithoutARestart() async throws {
        let schema = try await PostgresTestDatabase.makeSchema()
        var configuration = try PostgresTestDatabase.configuration(schema: schema)
        configuration.applicationName = schema
        configuration.minimumConnections = 2
        let (server, node, token) = try await serve(configuration)

        try await PostgresTestDatabase.administer(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = \(schema)")
        var answers: [Int] = []
        for _ in 0..<20 {
            answers.append(try await node.list(token: token).code)
            if answers.suffix(3) == [0, 0, 0] { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        // Requests on a killed connection may fail (1002001); the next ones are answered.
        #expect(answers.allSatisfy { $0 == 0 || $0 == 1002001 }, "\(answers)")
        #expect(answers.suffix(3) == [0, 0, 0], "\(answers)")
        await server.stop()
        try await PostgresTestDatabase.dropSchema(schema)
    }
}
