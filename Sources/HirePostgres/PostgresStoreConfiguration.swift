import Foundation
import PostgresNIO

/// How a ``PostgresStore`` reaches its database, read from a `postgres://` URL.
///
/// `postgres://user:password@host:port/database?option=value&…`, options:
/// - `sslmode`: `disable`, `prefer` (the default, as libpq) or `require`;
/// - `schema`: the schema holding the tables (default: the server's `search_path`, normally `public`);
/// - `pool_size`: most connections this node opens (default 10); `pool_min`: kept open when idle (default: `pool_size`);
/// - `connect_timeout`: seconds to open a connection (default 5);
/// - `acquire_timeout`: seconds a query waits for a free connection before the request fails (default 5);
/// - `keepalive`: seconds between pings of an idle connection (default 5);
/// - `host`: a directory holding the server's Unix socket, instead of TCP;
/// - `application_name`: the name the connections show in `pg_stat_activity` (default `hire-server`).
package struct PostgresStoreConfiguration: Sendable {
    package var host: String
    package var port: Int
    /// A directory holding the server's socket (`.s.PGSQL.<port>`); TCP when `nil`.
    package var socketDirectory: String?
    package var username: String
    package var password: String?
    package var database: String?
    package var tls: TLSMode
    /// The schema (the connection's `search_path`); the server's default when `nil`.
    package var schema: String?
    package var maximumConnections: Int
    /// Connections kept open while idle (by default all ``maximumConnections``). Fewer, and the
    /// pool closes the rest after a minute idle, at the cost of a timer per release of a connection.
    package var minimumConnections: Int
    package var connectTimeout: Duration
    /// How long a query waits for a connection of the pool; past it the query fails (and the request gets 1002001).
    package var acquireTimeout: Duration
    /// How often an idle pooled connection is pinged, to find the ones a firewall dropped silently.
    ///
    /// Short on purpose: PostgresNIO arms a timer of this length at every release of a connection
    /// and keeps it (a cancelled `Task.sleep`) until its deadline, so under load the memory those
    /// timers hold grows with this period; a busy connection is never pinged.
    package var keepAliveFrequency: Duration
    /// Shown in `pg_stat_activity`.
    package var applicationName = "hire-server"

    /// As libpq's `sslmode`: `prefer` and `require` encrypt without checking the certificate, `verifyFull` checks it.
    package enum TLSMode: String, Sendable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    package init(
        host: String = "127.0.0.1", port: Int = 5432, socketDirectory: String? = nil, username: String,
        password: String? = nil, database: String? = nil, tls: TLSMode = .prefer, schema: String? = nil,
        maximumConnections: Int = 10, minimumConnections: Int? = nil, connectTimeout: Duration = .seconds(5),
        acquireTimeout: Duration = .seconds(5), keepAliveFrequency: Duration = .seconds(5)
    ) {
        self.host = host
        self.port = port
        self.socketDirectory = socketDirectory
        self.username = username
        self.password = password
        self.database = database
        self.tls = tls
        self.schema = schema
        self.maximumConnections = maximumConnections
        self.minimumConnections = min(minimumConnections ?? maximumConnections, maximumConnections)
        self.connectTimeout = connectTimeout
        self.acquireTimeout = acquireTimeout
        self.keepAliveFrequency = keepAliveFrequency
    }

    /// Reads a `postgres://` or `postgresql://` URL.
    package init(url text: String) throws(PostgresConfigurationError) {
        guard let components = URLComponents(string: text),
            let scheme = components.scheme?.lowercased(), scheme == "postgres" || scheme == "postgresql"
        else { throw PostgresConfigurationError("not a postgres:// URL") }
        guard let user = components.percentEncodedUser.flatMap({ $0.removingPercentEncoding }), !user.isEmpty else {
            throw PostgresConfigurationError("the URL names no user (postgres://user:password@host:port/database)")
        }
        self.init(username: user)
        password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        host = components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        port = components.port ?? 5432
        let path = components.percentEncodedPath.removingPercentEncoding ?? ""
        let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
        database = name.isEmpty ? nil : name
        var minimum: Int?
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "sslmode":
                switch value {
                case "disable": tls = .disable
                case "allow", "prefer": tls = .prefer
                case "require": tls = .require
                case "verify-ca", "verify-full": tls = .verifyFull
                default: throw PostgresConfigurationError("sslmode must be disable, prefer, require or verify-full")
                }
            case "schema", "search_path":
                guard Self.isPlainIdentifier(value) else {
                    throw PostgresConfigurationError("schema must be lowercase letters, digits and underscores")
                }
                schema = value
            case "pool_size", "pool_max":
                maximumConnections = try Self.count(value, item.name, minimum: 1)
            case "pool_min":
                minimum = try Self.count(value, item.name, minimum: 0)
            case "connect_timeout":
                connectTimeout = .seconds(try Self.count(value, item.name, minimum: 1))
            case "acquire_timeout":
                acquireTimeout = .seconds(try Self.count(value, item.name, minimum: 1))
            case "keepalive":
                keepAliveFrequency = .seconds(try Self.count(value, item.name, minimum: 1))
            case "host":
                guard value.hasPrefix("/") else { throw PostgresConfigurationError("host= must be a socket directory") }
                socketDirectory = value
            case "application_name":
                applicationName = value
            default:
                throw PostgresConfigurationError("unknown option \"\(item.name)\" in the database URL")
            }
        }
        minimumConnections = min(minimum ?? maximumConnections, maximumConnections)
    }

    /// The URL without its password, for logs.
    package var redactedDescription: String {
        let place = socketDirectory.map { "[\($0)]" } ?? "\(host):\(port)"
        return "postgres://\(username)@\(place)/\(database ?? "")" + (schema.map { "?schema=\($0)" } ?? "")
    }

    package static func isPlainIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first), text.utf8.count <= 63
        else { return false }
        return text.utf8.allSatisfy {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
                || $0 == UInt8(ascii: "_")
        }
    }

    private static func count(_ text: String, _ name: String, minimum: Int) throws(PostgresConfigurationError) -> Int {
        guard let value = Int(text), value >= minimum else {
            throw PostgresConfigurationError("\(name) must be an integer of at least \(minimum)")
        }
        return value
    }

    /// The configuration of one connection outside the pool (the startup check).
    package func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if let socketPath {
            configuration = PostgresConnection.Configuration(
                unixSocketPath: socketPath, username: username, password: password, database: database)
        } else {
            let connectionTLS: PostgresConnection.Configuration.TLS = try tlsSettings.map { settings in
                let context = try NIOSSLContext(configuration: settings.configuration)
                return settings.required ? .require(context) : .prefer(context)
            } ?? .disable
            configuration = PostgresConnection.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: connectionTLS)
        }
        configuration.options.connectTimeout = .seconds(connectTimeout.components.seconds)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    /// The pool's configuration.
    package var clientConfiguration: PostgresClient.Configuration {
        var configuration: PostgresClient.Configuration
        if let socketPath {
            configuration = PostgresClient.Configuration(
                unixSocketPath: socketPath, username: username, password: password, database: database)
        } else {
            let clientTLS: PostgresClient.Configuration.TLS = tlsSettings.map { settings in
                settings.required ? .require(settings.configuration) : .prefer(settings.configuration)
            } ?? .disable
            configuration = PostgresClient.Configuration(
                host: host, port: port, username: username, password: password, database: database, tls: clientTLS)
        }
        configuration.options.maximumConnections = maximumConnections
        configuration.options.minimumConnections = minimumConnections
        configuration.options.connectTimeout = connectTimeout
        configuration.options.connectionIdleTimeout = .seconds(60)
        configuration.options.keepAliveBehavior = .init(frequency: keepAliveFrequency)
        configuration.options.additionalStartupParameters = startupParameters
        return configuration
    }

    private var socketPath: String? { socketDirectory.map { $0 + "/.s.PGSQL.\(port)" } }

    /// What TLS to offer (`nil`: none), and whether the server must accept it. As libpq,
    /// `prefer` and `require` do not check the server's certificate; `verify-full` does.
    private var tlsSettings: (configuration: TLSConfiguration, required: Bool)? {
        var unverified = TLSConfiguration.makeClientConfiguration()
        unverified.certificateVerification = .none
        switch tls {
        case .disable: return nil
        case .prefer: return (unverified, false)
        case .require: return (unverified, true)
        case .verifyFull: return (.makeClientConfiguration(), true)
        }
    }

    private var startupParameters: [(String, String)] {
        // A request waiting on a lock longer than this fails (1002001) rather than hanging
        // (as SQLite's busy timeout); imports and migrations wait as long as they must.
        var parameters = [("application_name", applicationName), ("lock_timeout", "10s")]
        if let schema { parameters.append(("search_path", schema)) }
        return parameters
    }
}

/// A database URL that cannot be used.
package struct PostgresConfigurationError: Error, CustomStringConvertible, Sendable {
    package let message: String
    init(_ message: String) { self.message = message }
    package var description: String { "invalid database URL: \(message)" }
}
