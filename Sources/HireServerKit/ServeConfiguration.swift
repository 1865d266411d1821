import FeishuWire
import HireCore
import HireHTTP

/// What `serve` does, resolved from its flags, then the environment, then the defaults.
package struct ServeConfiguration: Sendable, Equatable {
    package var host = "127.0.0.1"
    package var port = 8080
    package var rateLimit: RateLimitPolicy? = .platform
    package var dataFiles: [String] = []
    package var loadsDemo = true
    /// The admin API's token; `nil` leaves the admin API off.
    package var adminToken: String?
    /// Whether ``adminToken`` was made up for the bare demo (printed in the banner).
    package var adminTokenGenerated = false
    package var journalSize = AdminSettings.defaultJournalSize
    /// Read timeout, idle timeout and the maximum of open connections.
    package var connections = ConnectionLimits()
    /// The PEM certificate chain and private key to serve HTTPS with; both or neither.
    package var tlsCertificateFile: String?
    package var tlsKeyFile: String?
    /// How long a SIGTERM/SIGINT waits for requests in flight before the server is cancelled.
    package var shutdownGrace: Duration = .seconds(30)
    /// Whether the server counts requests and serves `/metrics`.
    package var metrics = true

    /// Resolves the configuration.
    /// - Parameters:
    ///   - flags: the values given on the command line (`nil` or empty when not given).
    ///   - environment: the process environment.
    package init(
        host: String? = nil, port: Int? = nil, rateLimit: String? = nil, dataFiles: [String] = [], noDemo: Bool = false,
        adminToken: String? = nil, journalSize: Int? = nil, readTimeout: String? = nil, idleTimeout: String? = nil,
        maxConnections: String? = nil, tlsCertificate: String? = nil, tlsKey: String? = nil, shutdownGrace: String? = nil,
        metrics: String? = nil, bare: Bool = false, environment: [String: String]
    ) throws(ConfigurationError) {
        func env(_ name: String) -> String? {
            guard let value = environment[name], !value.isEmpty else { return nil }
            return value
        }
        self.host = host ?? env("HIRE_HOST") ?? self.host
        if let port {
            self.port = port
        } else if let text = env("HIRE_PORT") {
            guard let value = Int(text) else { throw ConfigurationError("HIRE_PORT must be a port number, got \"\(text)\"") }
            self.port = value
        }
        guard (0...65535).contains(self.port) else { throw ConfigurationError("the port must be from 0 to 65535") }
        do {
            self.rateLimit = try RateLimitPolicy.parse(rateLimit ?? env("HIRE_RATE_LIMIT") ?? RateLimitPolicy.platform.description)
        } catch {
            throw ConfigurationError(error.description)
        }
        self.dataFiles = dataFiles.isEmpty ? (env("HIRE_DATA")?.split(separator: ",").map(String.init) ?? []) : dataFiles
        let noDemoEnvironment = ["1", "true", "yes", "on"].contains(env("HIRE_NO_DEMO")?.lowercased() ?? "")
        self.loadsDemo = !(noDemo || noDemoEnvironment)
        self.adminToken = adminToken ?? env("HIRE_ADMIN_TOKEN")
        if self.adminToken == nil, bare, !environment.keys.contains(where: { $0.hasPrefix("HIRE_") && !["HIRE_LOG_LEVEL", "HIRE_LOG_FORMAT"].contains($0) }) {
            self.adminToken = "adm-" + Hex.encode((0..<16).map { _ in UInt8.random(in: 0...255) })
            adminTokenGenerated = true
        }
        if let token = self.adminToken, token.utf8.count < 8 || token.contains(where: \.isWhitespace) {
            throw ConfigurationError("the admin token must be at least 8 characters, without spaces")
        }
        if let journalSize {
            self.journalSize = journalSize
        } else if let text = env("HIRE_JOURNAL_SIZE") {
            guard let value = Int(text) else {
                throw ConfigurationError("HIRE_JOURNAL_SIZE must be a number of requests, got \"\(text)\"")
            }
            self.journalSize = value
        }
        guard (0...10_000_000).contains(self.journalSize) else {
            throw ConfigurationError("the journal size must be from 0 to 10000000")
        }
        self.connections = try ConnectionLimits(
            readTimeout: Self.seconds(readTimeout ?? env("HIRE_READ_TIMEOUT"), "--read-timeout / HIRE_READ_TIMEOUT")
                ?? ConnectionLimits.defaultReadTimeout,
            idleTimeout: Self.seconds(idleTimeout ?? env("HIRE_IDLE_TIMEOUT"), "--idle-timeout / HIRE_IDLE_TIMEOUT")
                ?? ConnectionLimits.defaultIdleTimeout,
            maxConnections: Self.maxConnections(maxConnections ?? env("HIRE_MAX_CONNECTIONS"))
                ?? ConnectionLimits.defaultMaxConnections)
        self.tlsCertificateFile = tlsCertificate ?? env("HIRE_TLS_CERT")
        self.tlsKeyFile = tlsKey ?? env("HIRE_TLS_KEY")
        guard (tlsCertificateFile == nil) == (tlsKeyFile == nil) else {
            throw ConfigurationError(
                "HTTPS needs both --tls-cert / HIRE_TLS_CERT and --tls-key / HIRE_TLS_KEY, or neither for HTTP")
        }
        if let text = shutdownGrace ?? env("HIRE_SHUTDOWN_GRACE") {
            guard let seconds = Double(text), seconds.isFinite, (0...3600).contains(seconds) else {
                throw ConfigurationError("the shutdown grace must be a number of seconds from 0 to 3600, got \"\(text)\"")
            }
            self.shutdownGrace = .milliseconds(Int64((seconds * 1000).rounded()))
        }
        if let text = metrics ?? env("HIRE_METRICS") {
            switch text.lowercased() {
            case "on": self.metrics = true
            case "off": self.metrics = false
            default: throw ConfigurationError("--metrics / HIRE_METRICS must be on or off, got \"\(text)\"")
            }
        }
    }

    /// A timeout in seconds (fractions allowed), from 0.001 to 86400.
    private static func seconds(_ text: String?, _ name: String) throws(ConfigurationError) -> Duration? {
        guard let text else { return nil }
        guard let value = Double(text), value.isFinite, (0.001...86_400).contains(value) else {
            throw ConfigurationError("\(name) must be a number of seconds from 0.001 to 86400, got \"\(text)\"")
        }
        return .nanoseconds(Int64((value * 1_000_000_000).rounded()))
    }

    /// The maximum of open connections, from 1 to 1000000.
    private static func maxConnections(_ text: String?) throws(ConfigurationError) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), (1...1_000_000).contains(value) else {
            throw ConfigurationError(
                "--max-connections / HIRE_MAX_CONNECTIONS must be a number from 1 to 1000000, got \"\(text)\"")
        }
        return value
    }

    /// The certificate and key read from ``tlsCertificateFile`` and ``tlsKeyFile``; `nil` for HTTP.
    package func serverTLS() throws(ConfigurationError) -> ServerTLS? {
        guard let tlsCertificateFile, let tlsKeyFile else { return nil }
        do {
            return try ServerTLS(certificateFile: tlsCertificateFile, keyFile: tlsKeyFile)
        } catch {
            throw ConfigurationError(error.description)
        }
    }

    /// `https` when serving TLS, else `http`.
    package var scheme: String { tlsCertificateFile == nil ? "http" : "https" }

    /// The admin API's settings, if it is on.
    package var admin: AdminSettings? {
        adminToken.map { AdminSettings(token: $0, journalSize: journalSize) }
    }
}

/// A setting that cannot be used.
package struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    package let description: String
    package init(_ description: String) { self.description = description }
}
