import ArgumentParser
import Feishu

/// `hire admin fault …`.
struct AdminFaultCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "fault",
        abstract: "Make requests fail, slow down or go unanswered.",
        subcommands: [
            AdminFaultAddCommand.self, AdminFaultListCommand.self, AdminFaultRemoveCommand.self,
            AdminFaultClearCommand.self,
        ])
}

/// `hire admin fault add --operation OP …`.
struct AdminFaultAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a fault.",
        discussion: """
            POST /_hire/faults. A fault needs a non-zero --code, a --delay-ms or --drop. With several matching \
            faults the oldest fires; a fault whose --times are used up is removed. Operations: \
            \(Endpoint.all.map(\.name).joined(separator: ", ")).
            """)

    @OptionGroup var match: RequestMatchOptions

    @Option(help: "Answer with this code, e.g. 99991400, 1002001, 99991663.")
    var code: Int?

    @Option(name: .customLong("http-status"), help: "The HTTP status (default: the platform's for --code).")
    var httpStatus: Int?

    @Option(help: "The msg (default: the platform's for --code).")
    var msg: String?

    @Option(help: "How many requests it fires on; 0 until removed (default 1).")
    var times: Int?

    @Option(help: "The chance it fires on a matching request, in (0, 1] (default 1).")
    var probability: Double?

    @Option(name: .customLong("delay-ms"), help: "Milliseconds of latency added, 0 to 60000.")
    var delayMS: Int?

    @Flag(help: "Close the connection without an answer (after --delay-ms).")
    var drop = false

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        let spec = FaultSpec(
            operation: match.operation, appID: match.appID, tenantKey: match.tenantKey,
            code: code.map(APICode.init(rawValue:)),
            httpStatus: httpStatus, msg: msg, times: times, probability: probability, delayMS: delayMS,
            drop: drop ? true : nil)
        try await call.send(.addFault(spec)) { HumanFormat.faultTable($0.map { [$0] } ?? []) }
    }
}

/// `hire admin fault list`.
struct AdminFaultListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the faults in force, oldest first.", discussion: "GET /_hire/faults.")

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.send(.listFaults()) { HumanFormat.faultTable($0?.items ?? []) }
    }
}

/// `hire admin fault remove ID`.
struct AdminFaultRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Remove a fault.", discussion: "DELETE /_hire/faults/{id}.")

    @Argument(help: "The fault's ID, f_…")
    var id: String

    @OptionGroup var admin: AdminOptions

    func run() async throws {
        try await admin.withAdmin { try await $0.faults.remove(id: id) }
        CLIContext.current.output("Removed fault \(id).\n")
    }
}

/// `hire admin fault clear`.
struct AdminFaultClearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Remove every fault.", discussion: "DELETE /_hire/faults.")

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.remove(.clearFaults(), one: "fault", many: "faults")
    }
}
