import ArgumentParser
import Feishu
import Foundation
import Logging

/// Where the API is and who calls it: flags, else `FEISHU_APP_ID`, `FEISHU_APP_SECRET`, `FEISHU_BASE_URL`,
/// `FEISHU_CA_FILE`.
struct ConnectionOptions: ParsableArguments {
    static let appIDVariable = "FEISHU_APP_ID"
    static let appSecretVariable = "FEISHU_APP_SECRET"
    static let baseURLVariable = "FEISHU_BASE_URL"
    static let caFileVariable = "FEISHU_CA_FILE"

    @Option(name: .customLong("app-id"), help: "The app's ID, cli_… (default: $FEISHU_APP_ID).")
    var appID: String?

    @Option(name: .customLong("app-secret"), help: "The app's secret (default: $FEISHU_APP_SECRET).")
    var appSecret: String?

    @Option(
        name: .customLong("base-url"),
        help: "Where the API is (default: $FEISHU_BASE_URL, else https://open.feishu.cn).")
    var baseURL: String?

    @Option(
        name: .customLong("ca-file"),
        help: ArgumentHelp(
            "A PEM file of CA certificates to trust besides the system's, e.g. a hire-server's self-signed certificate (default: $FEISHU_CA_FILE).",
            valueName: "file"))
    var caFile: String?

    @Option(help: "Seconds one HTTP exchange may take.")
    var timeout: Double = 30

    @Option(name: .customLong("connect-timeout"), help: "Seconds connecting may take, retries included.")
    var connectTimeout: Double = 10

    @Flag(help: "Retry rate-limited requests and transport failures, with backoff.")
    var retry = false

    @Flag(name: .shortAndLong, help: "Log requests (never tokens or secrets) to stderr.")
    var verbose = false

    /// The settings in force, flags over environment.
    struct Resolved {
        var appID: String
        var appSecret: String
        var baseURL: URL
        var caFile: String?
    }

    func resolved(_ environment: [String: String]) throws -> Resolved {
        func value(_ flag: String?, _ variable: String) -> String? {
            (flag ?? environment[variable]).flatMap { $0.isEmpty ? nil : $0 }
        }
        guard let appID = value(appID, Self.appIDVariable) else {
            throw ValidationError("Missing the app ID: pass --app-id or set \(Self.appIDVariable).")
        }
        guard let appSecret = value(appSecret, Self.appSecretVariable) else {
            throw ValidationError("Missing the app secret: pass --app-secret or set \(Self.appSecretVariable).")
        }
        let text = value(baseURL, Self.baseURLVariable) ?? FeishuClient.defaultBaseURL.absoluteString
        let caFile = value(self.caFile, Self.caFileVariable)
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ValidationError("Cannot read the CA file \"\(caFile)\" (--ca-file or \(Self.caFileVariable)).")
        }
        return Resolved(appID: appID, appSecret: appSecret, baseURL: try Self.baseURL(text), caFile: caFile)
    }

    /// `text` as a base URL: an http(s) URL with a host.
    static func baseURL(_ text: String) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
            url.host?.isEmpty == false
        else {
            throw ValidationError("The base URL \"\(text)\" is not an http(s) URL, e.g. http://127.0.0.1:8080.")
        }
        return url
    }

    func validate() throws {
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be a positive number of seconds.") }
        guard connectTimeout > 0, connectTimeout.isFinite else {
            throw ValidationError("--connect-timeout must be a positive number of seconds.")
        }
        _ = try resolved(CLIContext.current.environment)
    }

    /// A client for these settings; the caller shuts it down.
    func makeClient() throws -> FeishuClient {
        let context = CLIContext.current
        let settings = try resolved(context.environment)
        var logger = Logger(label: "hire") { label in
            StreamLogHandler.standardError(label: label)
        }
        logger.logLevel = verbose ? .debug : .warning
        let configuration = FeishuClient.Configuration(
            timeout: .milliseconds(Int64(timeout * 1000)), connectTimeout: .milliseconds(Int64(connectTimeout * 1000)),
            retryPolicy: retry ? .standard : .none, logger: logger, caFile: settings.caFile)
        return FeishuClient(
            appID: settings.appID, appSecret: settings.appSecret, baseURL: settings.baseURL,
            configuration: configuration)
    }
}

/// How results are printed.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print the response's data object as JSON, for scripts.")
    var json = false
}

/// Where a command's calls go: the API (``ConnectionOptions``) or hire-server's admin API (``AdminOptions``).
protocol CallDestination: ParsableArguments {
    /// Sends `request` with a client made for it, shut down after, and returns the answer.
    func answer<Payload>(_ request: FeishuRequest<Payload>) async throws -> FeishuResponse<Payload>
}

/// The options of a command that sends a call and prints its answer: where to, and `--json`.
struct CallOptions<Destination: CallDestination>: ParsableArguments {
    @OptionGroup var destination: Destination
    @OptionGroup var output: OutputOptions

    /// Sends one call and prints its answer: the `data` object with `--json`, else `human(data)`.
    func send<Payload>(_ request: FeishuRequest<Payload>, human: (Payload?) -> String) async throws {
        output.print(try await destination.answer(request), human: human)
    }
}

/// The options of a command that calls the API and prints the answer.
typealias APICallOptions = CallOptions<ConnectionOptions>

extension ConnectionOptions: CallDestination {
    func answer<Payload>(_ request: FeishuRequest<Payload>) async throws -> FeishuResponse<Payload> {
        try await withClient { try await $0.send(request) }
    }
}

extension ConnectionOptions {
    /// Runs `body` with a client, shutting the client down however `body` ends.
    func withClient<T>(_ body: (FeishuClient) async throws -> T) async throws -> T {
        try await makeClient().withShutdown(body)
    }
}

extension OutputOptions {
    /// Prints an answer: its `data` object as the server sent it with `--json`, else `human(data)`.
    func print<Payload>(_ response: FeishuResponse<Payload>, human: (Payload?) -> String) {
        let context = CLIContext.current
        if json {
            context.output((RawJSON.member("data", of: response.body) ?? "null") + "\n")
        } else {
            context.output(human(response.data))
        }
    }
}
