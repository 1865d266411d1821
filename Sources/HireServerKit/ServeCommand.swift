import ArgumentParser
import Foundation
import HireCore
import HireHTTP
import HireStore
import Hummingbird
import Logging
import ServiceLifecycle
import UnixSignals

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

    @Option(
        help: ArgumentHelp(
            "Turns the admin API (/_hire/) on, with this bearer token. [env: HIRE_ADMIN_TOKEN] (default: off; a random token when run with no flags)",
            valueName: "token"))
    var adminToken: String?

    @Option(help: "Requests the admin API's journal keeps, newest first; 0 turns it off. [env: HIRE_JOURNAL_SIZE] (default: 10000)")
    var journalSize: Int?

    @Option(help: ArgumentHelp(
        "Seconds a request's head and body may take to arrive before the connection is closed. [env: HIRE_READ_TIMEOUT] (default: 10)",
        valueName: "seconds"))
    var readTimeout: String?

    @Option(help: ArgumentHelp(
        "Seconds a keep-alive connection may sit idle before it is closed. [env: HIRE_IDLE_TIMEOUT] (default: 60)",
        valueName: "seconds"))
    var idleTimeout: String?

    @Option(help: ArgumentHelp(
        "Connections open at once; more are closed at once. [env: HIRE_MAX_CONNECTIONS] (default: 4096)",
        valueName: "count"))
    var maxConnections: String?

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp(
        "Serve HTTPS with this PEM certificate chain; needs --tls-key. [env: HIRE_TLS_CERT] (default: HTTP)",
        valueName: "file"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp(
        "The PEM private key of --tls-cert. [env: HIRE_TLS_KEY]", valueName: "file"))
    var tlsKey: String?

    @Option(
        help: ArgumentHelp(
            "Seconds a SIGTERM/SIGINT waits for requests in flight before stopping anyway. [env: HIRE_SHUTDOWN_GRACE] (default: 30)",
            valueName: "seconds"))
    var shutdownGrace: String?

    @Option(help: ArgumentHelp(
        "Count requests and serve /metrics (Prometheus), or not. [env: HIRE_METRICS] (default: on)",
        valueName: "on|off"))
    var metrics: String?

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = try log.bootstrap()
        let configuration: ServeConfiguration
        let tls: ServerTLS?
        do {
            configuration = try ServeConfiguration(
                host: host, port: port, rateLimit: rateLimit, dataFiles: dataFiles, noDemo: noDemo,
                adminToken: adminToken, journalSize: journalSize,
                readTimeout: readTimeout, idleTimeout: idleTimeout, maxConnections: maxConnections,
                tlsCertificate: tlsCertificate, tlsKey: tlsKey, shutdownGrace: shutdownGrace, metrics: metrics,
                bare: CommandLine.arguments.dropFirst().allSatisfy { $0 == "serve" },
                environment: ProcessInfo.processInfo.environment)
            tls = try configuration.serverTLS()
        } catch {
            throw ValidationError(error.description)
        }
        let store = try store.open(logger: logger)
        // One ServiceGroup: the store's (PostgreSQL's pool) first, then the server, which
        // readies the store once the pool runs. On SIGTERM the server stops first, the pool last.
        var groupConfiguration = ServiceGroupConfiguration(
            services: store.services + [ServeService(store: store, configuration: configuration, tls: tls, logger: logger)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        // New connections stop at once; requests in flight get this long to be answered.
        groupConfiguration.maximumGracefulShutdownDuration = configuration.shutdownGrace
        let group = ServiceGroup(configuration: groupConfiguration)
        do {
            try await group.run()
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
        logger.info("stopped")
    }

    /// Readies the store, loads the data, then serves until the group shuts down.
    private struct ServeService: Service {
        let store: any HireStore
        let configuration: ServeConfiguration
        let tls: ServerTLS?
        let logger: Logger

        func run() async throws {
            try await store.prepare()
            let metrics = ServerMetrics(recording: configuration.metrics)
            let demoLoaded = try await ServeCommand.prepare(store, configuration, metrics: metrics, logger: logger)
            if configuration.admin != nil {
                let baseline = try await Snapshots(store: store).save(
                    name: SnapshotName.baseline, tenantKeys: nil, now: HireClock.system.now())
                logger.info("recorded the snapshot baseline", metadata: ["bytes": "\(baseline.bytes)"])
            }
            let services = try await StoreFactory.makeServices(
                store: store, rateLimit: configuration.rateLimit, admin: configuration.admin, logger: logger,
                metrics: metrics)
            let limits = configuration.rateLimit?.description ?? "off"
            let configuration = configuration
            let app = HireApplication.make(
                services: services,
                configuration: ApplicationConfiguration(
                    address: .hostname(configuration.host, port: configuration.port), serverName: "hire-server"),
                limits: configuration.connections,
                tls: tls,
                backgroundServices: [PurgeService(store: store, clock: services.clock, logger: logger)],
                logger: logger,
                onServerRunning: { channel in
                    let base = "\(configuration.scheme)://\(configuration.host):\(channel.localAddress?.port ?? configuration.port)"
                    var text = demoLoaded ? ServeCommand.demoBanner(base: base) : ""
                    if configuration.adminTokenGenerated, let token = configuration.adminToken {
                        text += "Admin API (/_hire/, docs/admin-api.md):\n  admin_token: \(token)\n"
                    } else if configuration.adminToken != nil {
                        text += "Admin API on at \(base)/_hire/ (the token given by --admin-token / HIRE_ADMIN_TOKEN)\n"
                    }
                    text += "hire-server listening on \(base) (rate limit: \(limits))\n"
                    FileHandle.standardOutput.write(Data(text.utf8))
                })
            // The application's own ServiceGroup (the server, the purge, the rate limiter's sync,
            // the admin API's settings sync) shuts down with this one.
            try await app.run()
        }
    }

    /// Imports the data files, or the demo tenant into an empty store.
    /// - Returns: whether the demo tenant was loaded.
    private static func prepare(
        _ store: any HireStore, _ configuration: ServeConfiguration, metrics: ServerMetrics, logger: Logger
    ) async throws -> Bool {
        for file in configuration.dataFiles {
            do {
                let summary = try await DataFileImport.importFile(file, into: store)
                metrics.recordImport(summary)
                logger.info("imported \(file): \(summary)")
            } catch let error as DataFileError {
                FileHandle.standardError.write(Data("\(file): \(error)\n".utf8))
                throw ExitCode.failure
            }
        }
        guard configuration.dataFiles.isEmpty, configuration.loadsDemo, try await store.isEmpty() else { return false }
        metrics.recordImport(try await DataFileImport.importDocument(DemoData.document, into: store))
        return true
    }

    /// The demo app's credentials and a curl command, for the address the server is bound to.
    static func demoBanner(base: String) -> String {
        """
        Loaded the demo tenant (Demo Corp). Its app:
          app_id:     \(DemoData.appID)
          app_secret: \(DemoData.appSecret)
        Try it:
          TOKEN=$(curl -s -X POST \(base)/open-apis/auth/v3/tenant_access_token/internal \\
            -H 'Content-Type: application/json' \\
            -d '{"app_id":"\(DemoData.appID)","app_secret":"\(DemoData.appSecret)"}' | sed -E 's/.*"tenant_access_token":"([^"]+)".*/\\1/')
          curl -s '\(base)/open-apis/hire/v1/interviews/get_by_talent?talent_id=\(DemoData.talentID)&user_id_type=open_id' \\
            -H "Authorization: Bearer $TOKEN"

        """
    }
}
