import HirePostgres
import PostgresNIO
import Testing

/// Reading `postgres://` URLs: no server needed.
@Suite("PostgreSQL: the database URL")
struct ConfigurationTests {
    @Test func readsEveryPart() throws {
        let configuration = try PostgresStoreConfiguration(
            url: "postgresql://hire:p%40ss@db.internal:6543/hire?sslmode=require&schema=tenant_a&pool_size=4"
                + "&pool_min=2&connect_timeout=3&acquire_timeout=7&keepalive=20&application_name=node-a")
        #expect(configuration.username == "hire")
        #expect(configuration.password == "p@ss")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.database == "hire")
        #expect(configuration.tls == .require)
        #expect(configuration.schema == "tenant_a")
        #expect(configuration.maximumConnections == 4)
        #expect(configuration.minimumConnections == 2)
        #expect(configuration.connectTimeout == .seconds(3))
        #expect(configuration.acquireTimeout == .seconds(7))
        #expect(configuration.keepAliveFrequency == .seconds(20))
        #expect(configuration.applicationName == "node-a")
        #expect(!configuration.redactedDescription.contains("p@ss"))
        #expect(configuration.clientConfiguration.options.keepAliveBehavior?.frequency == .seconds(20))
    }

    @Test func defaultsKeepThePoolOpenAndPingIdleConnectionsOften() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://hire@localhost?pool_size=6")
        #expect(configuration.port == 5432)
        #expect(configuration.database == nil)
        #expect(configuration.tls == .prefer)
        #expect(configuration.maximumConnections == 6)
        #expect(configuration.minimumConnections == 6)
        #expect(configuration.keepAliveFrequency == .seconds(5))
        #expect(configuration.clientConfiguration.options.keepAliveBehavior?.frequency == .seconds(5))
        #expect(configuration.clientConfiguration.options.minimumConnections == 6)
    }

    @Test func minimumNeverExceedsMaximum() throws {
        let configuration = try PostgresStoreConfiguration(url: "postgres://hire@localhost/h?pool_min=9&pool_size=3")
        #expect(configuration.minimumConnections == 3)
        #expect(PostgresStoreConfiguration(username: "hire", maximumConnections: 5).minimumConnections == 5)
    }

    @Test(arguments: [
        ("mysql://hire@localhost/h", "not a postgres:// URL"),
        ("postgres://localhost/h", "names no user"),
        ("postgres://hire@localhost/h?sslmode=maybe", "sslmode"),
        ("postgres://hire@localhost/h?pool_size=0", "pool_size must be an integer of at least 1"),
        ("postgres://hire@localhost/h?keepalive=0", "keepalive must be an integer of at least 1"),
        ("postgres://hire@localhost/h?schema=Robert%27);DROP", "schema must be"),
        ("postgres://hire@localhost/h?colour=blue", "unknown option \"colour\""),
    ])
    func rejectsBadURLs(url: String, message: String) {
        #expect {
            _ = try PostgresStoreConfiguration(url: url)
        } throws: { error in
            "\(error)".contains(message)
        }
    }
}
