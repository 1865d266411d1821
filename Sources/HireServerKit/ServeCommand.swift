import ArgumentParser
import Foundation
import HireCore
import HireHTTP
import HireStore
import Hummingbird
import Logging

/// `hire-server serve`: the HTTP server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the API. On an empty store with no --data, loads the demo tenant and prints its credentials.")

    @Option(help: "Address to listen on. [env: HIRE_HOST] (default: 127.0.0.1)")
    var host: String?

    @Option(help: "Port to listen on; 0 picks a free one. [env: HIRE_PORT] (default: 8080)")
    var port: Int?

    @Option(
        name: .customLong("data"),
        help: ArgumentHelp(
            "A data file to import before serving (repeatable); skips the demo. [env: HIRE_DATA, comma-separated]",
            valueName: "file"))
    var dataFiles: [String] = []

    @Flag(help: "Do not load the demo tenant into an empty store. [env: HIRE_NO_DEMO=1]")
    var noDemo = false

    @Option(
        help: ArgumentHelp(
            "Per app and endpoint: \"50/s,1000/min\", or \"off\". [env: HIRE_RATE_LIMIT] (default: 50/s,1000/min)",
            valueName: "limits"))
    var rateLimit: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = try log.bootstrap()
        let host = host ?? Environment.value("HIRE_HOST") ?? "127.0.0.1"
        let port = try port ?? Environment.value("HIRE_PORT").map {
            guard let port = Int($0) else { throw ValidationError("HIRE_PORT must be a number") }
            return port
        } ?? 8080
        let policy: RateLimitPolicy?
        do {
            policy = try RateLimitPolicy.parse(rateLimit ?? Environment.value("HIRE_RATE_LIMIT") ?? "50/s,1000/min")
        } catch {
            throw ValidationError(error.description)
        }
        let files = dataFiles.isEmpty
            ? (Environment.value("HIRE_DATA")?.split(separator: ",").map { String($0) } ?? []) : dataFiles

        let store = try await store.open(logger: logger)
        do {
            try await prepare(store, files: files, demo: !(noDemo || Environment.flag("HIRE_NO_DEMO")), logger: logger)
            let services = try await StoreFactory.makeServices(store: store, rateLimit: policy)
            let app = HireApplication.make(
                services: services,
                configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "hire-server"),
                backgroundServices: [PurgeService(store: store, logger: logger)],
                logger: logger,
                onServerRunning: { channel in
                    let bound = channel.localAddress?.port ?? port
                    let line = "hire-server listening on http://\(host):\(bound) (rate limit: \(policy?.description ?? "off"))\n"
                    FileHandle.standardOutput.write(Data(line.utf8))
                })
            try await app.runService()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        logger.info("stopped")
    }

    /// Imports the data files, or the demo tenant into an empty store.
    private func prepare(_ store: any HireStore, files: [String], demo: Bool, logger: Logger) async throws {
        for file in files {
            do {
                let summary = try await DataFileImport.importFile(file, into: store)
                logger.info("imported \(file): \(summary)")
            } catch let error as DataFileError {
                FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        guard files.isEmpty, demo, try await store.isEmpty() else { return }
        _ = try await DataFileImport.importDocument(DemoData.document, into: store)
        let host = (host ?? Environment.value("HIRE_HOST") ?? "127.0.0.1")
        let port = port.map(String.init) ?? Environment.value("HIRE_PORT") ?? "8080"
        FileHandle.standardOutput.write(Data("""
            Loaded the demo tenant (Demo Corp). Its app:
              app_id:     \(DemoData.appID)
              app_secret: \(DemoData.appSecret)
            Try it:
              TOKEN=$(curl -s -X POST http://\(host):\(port)/open-apis/auth/v3/tenant_access_token/internal \\
                -H 'Content-Type: application/json' \\
                -d '{"app_id":"\(DemoData.appID)","app_secret":"\(DemoData.appSecret)"}' | sed -E 's/.*"tenant_access_token":"([^"]+)".*/\\1/')
              curl -s 'http://\(host):\(port)/open-apis/hire/v1/interviews/get_by_talent?talent_id=\(DemoData.talentID)&user_id_type=open_id' \\
                -H "Authorization: Bearer $TOKEN"

            """.utf8))
    }
}
