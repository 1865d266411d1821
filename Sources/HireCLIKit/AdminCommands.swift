import ArgumentParser
import Feishu

/// `hire admin …`: hire-server's admin API (`/_hire/`), for test suites and local development.
struct AdminCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Control a hire-server through its admin API: data, faults, clock, request journal.",
        discussion: """
            The admin API exists on servers started with --admin-token (or HIRE_ADMIN_TOKEN), and on the \
            one-command demo, which prints its token as admin_token:. The token comes from HIRE_ADMIN_TOKEN \
            or --admin-token, the server from FEISHU_BASE_URL or --base-url. A server without the admin API \
            answers 404.
            """,
        subcommands: [
            AdminResetCommand.self, AdminSnapshotCommand.self, AdminFaultCommand.self, AdminClockCommand.self,
            AdminRequestsCommand.self, AdminDataCommand.self,
        ])
}

/// `hire admin reset [--tenant K]`.
struct AdminResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Put the data back as the snapshot baseline has it.",
        discussion: """
            POST /_hire/reset. Without --tenant the data becomes exactly baseline's: tenants created since \
            are removed. With --tenant only that tenant is restored (or removed, if baseline does not hold it).
            """)

    @Option(name: .customLong("tenant"), help: "Restore this tenant only.")
    var tenantKey: String?

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.send(.adminReset(tenantKey: tenantKey)) { $0.map(HumanFormat.restored) ?? "" }
    }
}

/// `hire admin snapshot …`.
struct AdminSnapshotCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Save, restore, list and delete snapshots of the data.",
        subcommands: [
            AdminSnapshotSaveCommand.self, AdminSnapshotRestoreCommand.self, AdminSnapshotListCommand.self,
            AdminSnapshotDeleteCommand.self,
        ])
}

/// `hire admin snapshot save NAME [--tenant K]…`.
struct AdminSnapshotSaveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "save",
        abstract: "Save tenants as a snapshot, replacing one of the same name.",
        discussion: "PUT /_hire/snapshots/{name}. A snapshot of every tenant also removes tenants created since when restored.")

    @Argument(help: "The snapshot's name: 1–64 characters of A–Z a–z 0–9 . _ -")
    var name: String

    @OptionGroup var tenants: TenantOptions
    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        let format = HumanFormat(timeZone: CLIContext.current.timeZone)
        try await call.send(.saveSnapshot(name: name, tenantKeys: tenants.tenantKeys)) {
            format.snapshotTable($0.map { [$0.snapshot] } ?? [])
        }
    }
}

/// `hire admin snapshot restore NAME`.
struct AdminSnapshotRestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a snapshot.",
        discussion: """
            POST /_hire/snapshots/{name}/restore, in one transaction. A snapshot of every tenant makes the data \
            exactly the snapshot's; one of some tenants replaces only those.
            """)

    @Argument(help: "The snapshot's name.")
    var name: String

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.send(.restoreSnapshot(name: name)) { $0.map(HumanFormat.restored) ?? "" }
    }
}

/// `hire admin snapshot list`.
struct AdminSnapshotListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the snapshots, by name.", discussion: "GET /_hire/snapshots.")

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        let format = HumanFormat(timeZone: CLIContext.current.timeZone)
        try await call.send(.listSnapshots()) { format.snapshotTable($0?.items ?? []) }
    }
}

/// `hire admin snapshot delete NAME`.
struct AdminSnapshotDeleteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a snapshot.", discussion: "DELETE /_hire/snapshots/{name}.")

    @Argument(help: "The snapshot's name.")
    var name: String

    @OptionGroup var admin: AdminOptions

    func run() async throws {
        try await admin.withAdmin { try await $0.snapshots.delete(name: name) }
        CLIContext.current.output("Deleted snapshot \(name).\n")
    }
}
