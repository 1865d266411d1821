import ArgumentParser
import Feishu
import Foundation
import Logging

/// Where hire-server is and its admin token: flags, else `FEISHU_BASE_URL` and `HIRE_ADMIN_TOKEN`.
struct AdminOptions: ParsableArguments {
    static let tokenVariable = "HIRE_ADMIN_TOKEN"

    @Option(name: .customLong("admin-token"), help: "The server's admin token (default: $HIRE_ADMIN_TOKEN).")
    var adminToken: String?

    @Option(name: .customLong("base-url"), help: "Where hire-server is (default: $FEISHU_BASE_URL).")
    var baseURL: String?

    @Option(help: "Seconds one HTTP exchange may take.")
    var timeout: Double = 60

    @Option(name: .customLong("connect-timeout"), help: "Seconds connecting may take, retries included.")
    var connectTimeout: Double = 10

    @Flag(name: .shortAndLong, help: "Log requests (never the admin token) to stderr.")
    var verbose = false

    /// The server and token in force, flags over environment.
    func resolved(_ environment: [String: String]) throws -> (baseURL: URL, token: String) {
        func value(_ flag: String?, _ variable: String) -> String? {
            (flag ?? environment[variable]).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let token = value(adminToken, Self.tokenVariable) else {
            throw ValidationError("Missing the admin token: pass --admin-token or set \(Self.tokenVariable).")
        }
        guard let text = value(baseURL, ConnectionOptions.baseURLVariable) else {
            throw ValidationError(
                "Missing the server: pass --base-url or set \(ConnectionOptions.baseURLVariable) "
                    + "(the admin API is hire-server's, e.g. http://127.0.0.1:8080).")
        }
        return (try ConnectionOptions.baseURL(text), token)
    }

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds.") }
        guard connectTimeout > 0, connectTimeout.isFinite else {
            throw ValidationError("--connect-timeout must be a positive number of seconds.")
        }
        _ = try resolved(CLIContext.current.environment)
    }

    /// Runs `body` with an admin client, shutting the client down however `body` ends.
    func withAdmin<T>(_ body: (HireAdmin) async throws -> T) async throws -> T {
        let settings = try resolved(CLIContext.current.environment)
        var logger = Logger(label: "hire") { label in
            StreamLogHandler.standardError(label: label)
        }
        logger.logLevel = verbose ? .debug : .warning
        let configuration = HireAdmin.Configuration(
            timeout: .milliseconds(Int64(timeout * 1000)), connectTimeout: .milliseconds(Int64(connectTimeout * 1000)),
            logger: logger)
        return try await HireAdmin(baseURL: settings.baseURL, token: settings.token, configuration: configuration)
            .withShutdown(body)
    }
}

extension AdminOptions: CallDestination {
    func answer<Payload>(_ request: FeishuRequest<Payload>) async throws -> FeishuResponse<Payload> {
        try await withAdmin { try await $0.send(request) }
    }
}

/// The options of an admin command that prints one answer: the server and token, and `--json`.
typealias AdminCallOptions = CallOptions<AdminOptions>

extension CallOptions where Destination == AdminOptions {
    /// The server and the admin token.
    var admin: AdminOptions { destination }

    /// Sends a removal and prints how many were removed: "Removed 2 faults."
    func remove(_ request: FeishuRequest<AdminCount>, one: String, many: String) async throws {
        try await send(request) { count in
            let count = count?.count ?? 0
            return "Removed \(count) \(count == 1 ? one : many).\n"
        }
    }
}

/// `--tenant K` (repeatable) of the admin commands.
struct TenantOptions: ParsableArguments {
    @Option(name: .customLong("tenant"), help: "A tenant key (may repeat); every tenant without it.")
    var tenantKeys: [String] = []
}

/// A length of time: `2h`, `90m`, `30s`, `1500ms`, `1d`, or several, as in `1h30m`;
/// a leading `-` moves back.
struct DurationArgument: ExpressibleByArgument {
    let milliseconds: Int64

    init?(argument: String) {
        guard let milliseconds = Self.parse(argument) else { return nil }
        self.milliseconds = milliseconds
    }

    static var defaultCompletionKind: CompletionKind { .default }

    static func parse(_ text: String) -> Int64? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var sign: Int64 = 1
        if rest.first == "-" || rest.first == "+" {
            if rest.first == "-" { sign = -1 }
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty else { return nil }
        var total: Int64 = 0
        while !rest.isEmpty {
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, let amount = Int64(digits) else { return nil }
            rest = rest.dropFirst(digits.count)
            let unit = rest.prefix(while: { $0.isASCII && $0.isLetter })
            guard let scale = units[String(unit)] else { return nil }
            rest = rest.dropFirst(unit.count)
            let (product, overflow) = amount.multipliedReportingOverflow(by: scale)
            guard !overflow else { return nil }
            let (sum, sumOverflow) = total.addingReportingOverflow(product)
            guard !sumOverflow else { return nil }
            total = sum
        }
        return sign * total
    }

    private static let units: [String: Int64] = ["d": 86_400_000, "h": 3_600_000, "m": 60_000, "s": 1000, "ms": 1]

    /// `milliseconds` in the same notation, largest units first: `+1h30m`, `-1s500ms`, `0`.
    static func format(_ milliseconds: Int64) -> String {
        guard milliseconds != 0 else { return "0" }
        var rest = milliseconds.magnitude
        var text = milliseconds < 0 ? "-" : "+"
        for (unit, scale) in [("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)] as [(String, UInt64)] {
            let amount = rest / scale
            rest %= scale
            if amount > 0 { text += "\(amount)\(unit)" }
        }
        return text
    }
}

/// `hire admin clock set`: a millisecond timestamp, an ISO-8601 date-time (local time
/// without an offset) or a date (its start, local time).
struct InstantArgument: ExpressibleByArgument {
    let milliseconds: Int64

    init?(argument: String) {
        guard let bound = TimeBoundArgument.parse(argument, timeZone: CLIContext.current.timeZone) else { return nil }
        milliseconds = bound.start.feishuMilliseconds
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// `--format json|jsonl` of the data commands.
typealias DataFormatArgument = EnumArgument<HireAdmin.DataFormat>
