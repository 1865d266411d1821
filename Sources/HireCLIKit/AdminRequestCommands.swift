import ArgumentParser
import Feishu
import Foundation

/// `hire admin requests …`; `hire admin requests [filters]` alone lists them.
struct AdminRequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Show, count or clear the request journal: every request to /open-apis/.",
        subcommands: [AdminRequestsListCommand.self, AdminRequestsCountCommand.self, AdminRequestsClearCommand.self],
        defaultSubcommand: AdminRequestsListCommand.self)
}

/// Which requests: `--operation`, `--app-id`, `--tenant-key`, of the journal's filters and of a fault.
struct RequestMatchOptions: ParsableArguments {
    @Option(help: "Only this operation, e.g. hire.v1.interviewer.patch (default: every one).")
    var operation: String?

    @Option(name: .customLong("app-id"), help: "Only requests of this app.")
    var appID: String?

    @Option(name: .customLong("tenant-key"), help: "Only requests of this tenant.")
    var tenantKey: String?
}

/// The journal's filters: `--operation`, `--app-id`, `--tenant-key`, `--code`.
struct RequestFilterOptions: ParsableArguments {
    @OptionGroup var match: RequestMatchOptions

    @Option(help: "Only requests answered with this code, e.g. 0 or 99991663.")
    var code: Int?

    var filter: RequestFilter {
        RequestFilter(
            operation: match.operation, appID: match.appID, tenantKey: match.tenantKey,
            code: code.map(APICode.init(rawValue:)))
    }
}

/// `hire admin requests list [filters] [--since-seq N] [--limit N] [--follow] [--json]`.
struct AdminRequestsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the journal's entries, oldest first.",
        discussion: """
            GET /_hire/requests. Times are the server's, shown in the local zone. --follow keeps polling \
            (every 500 ms) and prints new entries until interrupted; with --json it prints one entry a line \
            (JSON Lines) instead of the data object.
            """)

    @OptionGroup var filters: RequestFilterOptions

    @Option(name: .customLong("since-seq"), help: "Only entries after this seq.")
    var sinceSeq: Int64?

    @Option(help: "At most this many entries, 1 to 10000 (default 1000); with --follow, per poll.")
    var limit: Int?

    @Flag(help: "Keep printing new entries until interrupted.")
    var follow = false

    @OptionGroup var call: AdminCallOptions

    /// How long --follow waits between polls.
    static let pollInterval = Duration.milliseconds(500)

    func run() async throws {
        if follow {
            try await followJournal()
            return
        }
        let format = HumanFormat(timeZone: CLIContext.current.timeZone)
        let request = FeishuRequest.listRequests(filter: filters.filter, sinceSeq: sinceSeq, limit: limit)
        try await call.send(request) { data in
            let entries = data?.items ?? []
            return entries.isEmpty ? "No requests.\n" : format.journalTable(entries)
        }
    }

    /// Polls with `since_seq` and prints what is new, until the task is cancelled (or the process interrupted).
    private func followJournal() async throws {
        let context = CLIContext.current
        let format = HumanFormat(timeZone: context.timeZone)
        let filter = filters.filter
        let limit = self.limit
        var since = sinceSeq
        var printedHeader = false
        try await call.admin.withAdmin { admin in
            while !Task.isCancelled {
                let response: FeishuResponse<AdminItems<JournalEntry>>
                do {
                    response = try await admin.send(.listRequests(filter: filter, sinceSeq: since, limit: limit))
                } catch let error as FeishuError where error.kind == .cancelled {
                    return
                }
                let entries = response.data?.items ?? []
                if call.output.json {
                    let raw = RawJSON.member("data", of: response.body).flatMap { RawJSON.member("items", of: $0.utf8) }
                    for item in raw.flatMap(RawJSON.elements(of:)) ?? [] { context.output(item + "\n") }
                } else if !entries.isEmpty || !printedHeader {
                    context.output(format.journalTable(entries, header: !printedHeader, fixedWidths: true))
                    printedHeader = true
                }
                if let last = entries.last?.seq { since = last }
                // A full page means more may be waiting: ask again at once.
                if !entries.isEmpty, entries.count == (limit ?? 1000) { continue }
                do {
                    try await Task.sleep(for: Self.pollInterval)
                } catch {
                    return
                }
            }
        }
    }
}

/// `hire admin requests count [filters]`.
struct AdminRequestsCountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count", abstract: "Count the journal's entries.", discussion: "GET /_hire/requests/count.")

    @OptionGroup var filters: RequestFilterOptions
    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.send(.countRequests(filter: filters.filter)) { "\($0?.count ?? 0)\n" }
    }
}

/// `hire admin requests clear`.
struct AdminRequestsClearCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Empty the journal.", discussion: "DELETE /_hire/requests. Seq numbers are never reused.")

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.remove(.clearRequests(), one: "journal entry", many: "journal entries")
    }
}
