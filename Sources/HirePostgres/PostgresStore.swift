import FeishuWire
import Foundation
import HireCore
import HireStore
import Logging
import PostgresNIO
import Synchronization

/// The store of several nodes on one PostgreSQL database, through PostgresNIO's pool.
///
/// Nodes keep no state of their own: tokens, statuses, page-token keys and the
/// interviewer revisions all live in the database, and every read sees every
/// commit acknowledged before it. Each operation is one statement where a
/// statement suffices (it reads one snapshot), or one short transaction.
///
/// A lost connection fails the operations that needed it (the HTTP layer answers
/// 1002001); the pool reconnects by itself, with backoff, when the database is back.
package final class PostgresStore: HireStore {
    let client: PostgresClient
    let configuration: PostgresStoreConfiguration
    let logger: Logger
    private let startupWait: Duration
    private let closed = Mutex(false)
    private let closeActions = Mutex<[@Sendable () async -> Void]>([])
    /// The leases of ``withConnection(_:)``, for `/metrics`.
    private let poolUsage = PoolUsage()

    /// A store on the database: nothing connects until ``services`` run (the pool, in the
    /// caller's `ServiceGroup`) and ``prepare()`` is called.
    ///
    /// - Parameter startupWait: how long ``prepare()`` waits for a database still starting.
    package init(
        configuration: PostgresStoreConfiguration, logger: Logger = Logger(label: "hire-postgres"),
        startupWait: Duration = .seconds(30)
    ) {
        self.configuration = configuration
        self.logger = logger
        self.startupWait = startupWait
        client = PostgresClient(configuration: configuration.clientConfiguration, backgroundLogger: logger)
    }

    /// The connection pool: PostgresNIO's client, a ServiceLifecycle service.
    package var services: StoreServices { [client] }

    /// Waits for the database (up to `startupWait`) and migrates it to the current schema, on
    /// one connection of its own: a refused login or a missing database fails at once, with
    /// the server's message.
    package func prepare() async throws {
        let connection = try await Self.connect(configuration, logger: logger, wait: startupWait)
        do {
            try await PostgresSchema.migrate(connection, logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }

    /// The rate limiter shared by every node on this database; its sync is the service returned with it.
    package func makeRateLimiter(policy: RateLimitPolicy, clock: HireClock) async -> StoreRateLimiter {
        let limiter = await makeSharedRateLimiter(policy: policy, clock: clock)
        return StoreRateLimiter(limiter: limiter, services: [limiter])
    }

    /// Opens one connection outside the pool, so that a wrong password or database name is
    /// reported as such (the pool would retry it for a minute, then report only that it gave up).
    private static func connect(
        _ configuration: PostgresStoreConfiguration, logger: Logger, wait: Duration
    ) async throws -> PostgresConnection {
        let deadline = ContinuousClock.now + wait
        while true {
            do {
                return try await PostgresConnection.connect(
                    configuration: try configuration.connectionConfiguration(), id: 0, logger: logger)
            } catch let error as PSQLError where error.code == .server {
                throw PostgresUnavailable.refused(
                    database: configuration.redactedDescription, message: error.serverInfo?[.message] ?? "\(error.code)")
            } catch let error as PSQLError where error.code == .sslUnsupported {
                throw PostgresUnavailable.refused(
                    database: configuration.redactedDescription, message: "the server does not support TLS (sslmode)")
            } catch {
                guard ContinuousClock.now < deadline else {
                    throw PostgresUnavailable.unreachable(
                        database: configuration.redactedDescription, error: String(reflecting: error))
                }
                logger.warning(
                    "database not reachable yet; retrying",
                    metadata: ["database": "\(configuration.redactedDescription)", "error": "\(String(reflecting: error))"])
                try await Task.sleep(for: .seconds(1))
            }
        }
    }

    /// A store on the database of a `postgres://` URL.
    package convenience init(url: String, logger: Logger = Logger(label: "hire-postgres")) throws {
        self.init(configuration: try PostgresStoreConfiguration(url: url), logger: logger)
    }

    /// Runs the actions registered by ``afterClose(_:)``. The pool stops with the services
    /// running it; the store is unusable afterwards.
    package func close() async throws {
        let alreadyClosed = closed.withLock { closed in
            defer { closed = true }
            return closed
        }
        guard !alreadyClosed else { return }
        for action in closeActions.withLock({ actions in defer { actions = [] }; return actions }) {
            await action()
        }
    }

    /// Runs `action` when ``close()`` is called (a test stopping the pool it runs, dropping its schema).
    package func afterClose(_ action: @escaping @Sendable () async -> Void) {
        closeActions.withLock { $0.append(action) }
    }

    // MARK: Running queries

    /// Runs `body` on a connection of the pool, failing with ``PostgresUnavailable`` when
    /// none is free within the acquire timeout (the database down, or the pool exhausted).
    func withConnection<Result: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        let lease = LeaseState()
        let client = client
        let timeout = configuration.acquireTimeout
        let usage = poolUsage
        usage.waitStarted()
        // Runs once both tasks are done: a wait that never got its connection ends here.
        defer { if !lease.wasLeased { usage.waitEnded() } }
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                try await client.withConnection { connection in
                    guard lease.markLeased() else { throw PostgresUnavailable.acquireTimeout }
                    usage.waitEnded()
                    usage.leased()
                    defer { usage.released() }
                    return try await body(connection)
                }
            }
            group.addTask {
                // An event-loop timer, freed when cancelled: a cancelled `Task.sleep` holds its
                // timer until the deadline, which at thousands of operations a second adds up.
                let timer = NIOSingletons.posixEventLoopGroup.any().scheduleTask(in: .init(timeout)) {}
                try? await withTaskCancellationHandler {
                    try await timer.futureResult.get()
                } onCancel: {
                    timer.cancel()
                }
                if lease.markTimedOut() { throw PostgresUnavailable.acquireTimeout }
                return nil
            }
            defer { group.cancelAll() }
            while let next = try await group.next() {
                if let result = next { return result }
            }
            throw PostgresUnavailable.acquireTimeout
        }
    }

    /// Runs one statement and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await withConnection { [logger] connection in
            try await connection.run(query, logger: logger)
        }
    }

    /// Runs one prepared statement and collects its rows.
    func rows<Statement: HireStatement>(_ statement: Statement) async throws -> [PostgresRow] {
        try await withConnection { [logger] connection in
            try await connection.run(statement, logger: logger)
        }
    }

    /// Runs one statement, ignoring rows.
    func execute(_ query: PostgresQuery) async throws {
        _ = try await rows(query)
    }

    /// Runs `body` in a transaction, retrying it (if `retrying`) when the database reports a
    /// serialization failure or a deadlock (which distributed engines do under contention).
    func transaction<Result: Sendable>(
        _ begin: PostgresQuery = "BEGIN", retrying: Bool = true,
        _ body: @escaping @Sendable (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        var attempt = 1
        while true {
            do {
                return try await withConnection { [logger] connection in
                    try await connection.run(begin, logger: logger)
                    do {
                        let result = try await body(connection)
                        try await connection.run("COMMIT", logger: logger)
                        return result
                    } catch {
                        do {
                            try await connection.run("ROLLBACK", logger: logger)
                        } catch {
                            // A connection that cannot roll back must not go back to the pool in a transaction.
                            try? await connection.close()
                        }
                        throw error
                    }
                }
            } catch let error as PSQLError where retrying && attempt < 5 && Self.isRetryable(error) {
                attempt += 1
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...20) * attempt))
            }
        }
    }

    static func isRetryable(_ error: PSQLError) -> Bool {
        guard let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    // MARK: Housekeeping

    package func isEmpty() async throws -> Bool {
        let rows = try await rows("SELECT EXISTS (SELECT 1 FROM tenants)")
        return try !rows[0].decode(Bool.self)
    }

    package func pageTokenKey() async throws -> [UInt8] {
        let candidate = Data(AccessToken.newNonce())
        // Two statements: the second sees the row another node may have committed first.
        try await execute(
            "INSERT INTO server_keys (name, key) VALUES ('page_token', \(candidate)) ON CONFLICT (name) DO NOTHING")
        let rows = try await rows("SELECT key FROM server_keys WHERE name = 'page_token'")
        return Array(try rows[0].decode(Data.self))
    }

    package func purgeExpired(now: Int64) async throws {
        let historyHorizon = StoreRules.historyHorizon(now: now)
        try await execute("DELETE FROM access_tokens WHERE expires_at <= \(now)")
        try await execute("DELETE FROM interviewer_history WHERE superseded_at < \(historyHorizon)")
    }
}

/// The database could not be used.
package enum PostgresUnavailable: Error, CustomStringConvertible, Sendable {
    /// No connection of the pool became free within the acquire timeout.
    case acquireTimeout
    /// The connection closed while a statement waited for its answer.
    case connectionLost
    /// The server refused the connection (a wrong password, no such database).
    case refused(database: String, message: String)
    /// The server could not be reached at startup.
    case unreachable(database: String, error: String)

    package var description: String {
        switch self {
        case .acquireTimeout: "no database connection became available in time"
        case .connectionLost: "the database connection closed before the statement was answered"
        case .refused(let database, let message): "\(database) refused the connection: \(message)"
        case .unreachable(let database, let error): "cannot reach \(database): \(error)"
        }
    }
}

/// Whether a connection was leased before the acquire timeout: whichever comes first wins.
private final class LeaseState: Sendable {
    private enum State { case waiting, leased, timedOut }
    private let state = Mutex(State.waiting)

    /// Whether a connection was leased (and the wait ended there).
    var wasLeased: Bool { state.withLock { $0 == .leased } }

    /// `false` if the wait timed out already (the connection must not be used).
    func markLeased() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .leased
            return true
        }
    }

    /// `true` if the wait timed out before a connection was leased.
    func markTimedOut() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .timedOut
            return true
        }
    }
}

extension PostgresStore: ConnectionUsageReporting {
    /// The pool's connections leased by this store's operations, and the operations waiting for one.
    package var connectionUsage: ConnectionUsage { poolUsage.current }
}
