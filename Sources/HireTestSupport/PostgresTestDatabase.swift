import Foundation
import HirePostgres
import HireStore
import Logging
import PostgresNIO

/// Fresh, empty PostgreSQL stores for tests, on the server named by `HIRE_TEST_POSTGRES_URL`.
///
/// Each store gets a schema of its own (`hire_test_<random>`) in that database, dropped
/// when the store closes: tests run in parallel without seeing each other's data, and
/// creating a schema is much faster than creating a database.
package enum PostgresTestDatabase {
    /// The test server's URL, if PostgreSQL tests are enabled.
    package static var url: String? {
        guard let url = ProcessInfo.processInfo.environment["HIRE_TEST_POSTGRES_URL"], !url.isEmpty else { return nil }
        return url
    }

    package static var isEnabled: Bool { url != nil }

    /// Quiet unless something goes wrong.
    package static var logger: Logger {
        var logger = Logger(label: "hire-postgres-test")
        logger.logLevel = .warning
        return logger
    }

    /// The test server's configuration, on `schema` if given.
    package static func configuration(schema: String? = nil) throws -> PostgresStoreConfiguration {
        guard let url else { throw PostgresTestDatabaseError.notConfigured }
        var configuration = try PostgresStoreConfiguration(url: url)
        if let schema { configuration.schema = schema }
        return configuration
    }

    /// Creates an empty schema and returns its name.
    package static func makeSchema() async throws -> String {
        let name = "hire_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await administer("CREATE SCHEMA \(unescaped: name)")
        return name
    }

    /// Drops a schema made by ``makeSchema()`` and everything in it.
    package static func dropSchema(_ name: String) async throws {
        precondition(name.hasPrefix("hire_test_") && PostgresStoreConfiguration.isPlainIdentifier(name))
        try await administer("DROP SCHEMA IF EXISTS \(unescaped: name) CASCADE")
    }

    /// A store on `schema`, or on a fresh schema dropped when the store closes, readied
    /// (``run(_:)``).
    package static func makeStore(schema: String? = nil, acquireTimeout: Duration? = nil) async throws -> PostgresStore {
        let owned = schema == nil
        let name: String
        if let schema { name = schema } else { name = try await makeSchema() }
        var configuration = try configuration(schema: name)
        configuration.maximumConnections = 8
        configuration.minimumConnections = 0
        if let acquireTimeout { configuration.acquireTimeout = acquireTimeout }
        let store: PostgresStore
        do {
            store = try await run(PostgresStore(configuration: configuration, logger: logger))
        } catch {
            if owned { try? await dropSchema(name) }
            throw error
        }
        if owned { store.afterClose { try? await dropSchema(name) } }
        return store
    }

    /// Runs the store's services in the background, readies the store, and stops them when the
    /// store closes: a test holds a store across calls, where a server runs them in its group.
    package static func run(_ store: PostgresStore) async throws -> PostgresStore {
        let services = BackgroundServices(store.services, logger: logger)
        do {
            try await store.prepare()
        } catch {
            await services.stop()
            throw error
        }
        store.afterClose { await services.stop() }
        return store
    }

    /// Runs one statement outside any test schema, on a connection of its own.
    package static func administer(_ query: PostgresQuery) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try configuration().connectionConfiguration(), id: 0, logger: logger)
        do {
            _ = try await connection.query(query, logger: logger).collect()
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}

package enum PostgresTestDatabaseError: Error {
    case notConfigured
}
