import HireCore

/// What `serve` does, resolved from its flags, then the environment, then the defaults.
public struct ServeConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var rateLimit: RateLimitPolicy? = .platform
    public var dataFiles: [String] = []
    public var loadsDemo = true

    /// Resolves the configuration.
    /// - Parameters:
    ///   - flags: the values given on the command line (`nil` or empty when not given).
    ///   - environment: the process environment.
    public init(
        host: String? = nil, port: Int? = nil, rateLimit: String? = nil, dataFiles: [String] = [], noDemo: Bool = false,
        environment: [String: String]
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
    }
}

/// A setting that cannot be used.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
