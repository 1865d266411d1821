import ArgumentParser
import Foundation
import HireSQLite
import HireStore
import Logging

/// Where the data lives: `--database` / `HIRE_DATABASE`.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "SQLite file path, postgres://user:pass@host:port/db, or memory (nothing written to disk). [env: HIRE_DATABASE] (default: hire.sqlite)",
            valueName: "path-or-url"))
    var database: String?

    var location: String {
        database ?? Environment.value("HIRE_DATABASE") ?? "hire.sqlite"
    }

    /// Opens the store the options name, migrating it to the current schema.
    func open(logger: Logger) throws -> any HireStore {
        let location = location
        if location.hasPrefix("postgres://") || location.hasPrefix("postgresql://") {
            return try StoreFactory.openPostgres(url: location, logger: logger)
        }
        if location == "memory" { return try SQLiteStore.inMemory() }
        return try SQLiteStore(path: location)
    }
}

/// Log level and format: `--log-level` / `HIRE_LOG_LEVEL`, `--log-format` / `HIRE_LOG_FORMAT`.
struct LogOptions: ParsableArguments {
    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical. [env: HIRE_LOG_LEVEL] (default: info)")
    var logLevel: String?

    @Option(name: .long, help: "text, or json (one JSON object per line). [env: HIRE_LOG_FORMAT] (default: text)")
    var logFormat: String?

    /// Refuses a bad level or format while the command line is parsed.
    func validate() throws { _ = try resolved() }

    /// The level and format chosen, from the flags, then the environment, then the defaults.
    func resolved(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> (level: Logger.Level, format: LogFormat)
    {
        func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let name = logLevel ?? env("HIRE_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            throw ValidationError("invalid log level \"\(name)\"")
        }
        let formatName = logFormat ?? env("HIRE_LOG_FORMAT") ?? LogFormat.text.rawValue
        guard let format = LogFormat(rawValue: formatName.lowercased()) else {
            throw ValidationError("invalid log format \"\(formatName)\" (expected text or json)")
        }
        return (level, format)
    }

    /// Sends logs to standard error at the chosen level and format and returns the root logger.
    func bootstrap() throws -> Logger {
        let (level, format) = try resolved()
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler = switch format {
            case .text: StreamLogHandler.standardError(label: label)
            case .json: JSONLogHandler.standardError(label: label)
            }
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "hire-server")
        logger.logLevel = level
        return logger
    }
}

/// How log records are written: `text` (swift-log's stream format) or `json` (``JSONLogHandler``).
package enum LogFormat: String, Sendable, CaseIterable {
    case text, json
}

enum Environment {
    /// A non-empty environment variable.
    static func value(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// A boolean environment variable: 1, true, yes or on.
    static func flag(_ name: String) -> Bool {
        guard let value = value(name)?.lowercased() else { return false }
        return ["1", "true", "yes", "on"].contains(value)
    }
}
