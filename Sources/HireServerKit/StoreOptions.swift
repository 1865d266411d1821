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

/// Log level: `--log-level` / `HIRE_LOG_LEVEL`.
struct LogOptions: ParsableArguments {
    @Option(name: .long, help: "trace, debug, info, notice, warning, error or critical. [env: HIRE_LOG_LEVEL] (default: info)")
    var logLevel: String?

    /// Sends logs to standard error at the chosen level and returns the root logger.
    func bootstrap() throws -> Logger {
        let name = logLevel ?? Environment.value("HIRE_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            throw ValidationError("invalid log level \"\(name)\"")
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "hire-server")
        logger.logLevel = level
        return logger
    }
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
