import ArgumentParser
import Feishu
import Foundation

/// `hire interviewer patch ID --verify-status S`.
struct PatchInterviewerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patch",
        abstract: "Set an interviewer's verification status.",
        discussion: "PATCH /open-apis/hire/v1/interviewers/:interviewer_id. Needs the scope hire:interviewer.")

    @Argument(help: "The interviewer's user ID, of --user-id-type.")
    var interviewerID: String

    @Option(
        name: .customLong("verify-status"),
        help: "1 or unverified (未认证), 2 or verified (已认证).")
    var verifyStatus: VerifyStatusArgument

    @Option(name: .customLong("user-id-type"), help: "The type of the ID given and shown (default open_id).")
    var userIDType: UserIDTypeArgument?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let request = FeishuRequest.patchInterviewer(
            interviewerID: interviewerID, verifyStatus: verifyStatus.status, userIDType: userIDType?.value)
        let response = try await connection.withClient { try await $0.send(request) }
        output.print(response) { HumanFormat.interviewerTable($0?.interviewer.map { [$0] } ?? []) }
    }
}

/// `hire interviewer list`.
struct ListInterviewersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List interviewers whose verification status was set.",
        discussion: """
            GET /open-apis/hire/v1/interviewers, in order of update time. Shows one page unless --all is given. \
            Times for --since and --until: a millisecond timestamp, an ISO-8601 date-time \
            (2024-05-01T09:30:00+08:00; local time without an offset), or a date (2024-05-01: \
            from its start for --since, to its end for --until).
            """)

    @Option(name: .customLong("verify-status"), help: "Only this status: 1/unverified or 2/verified.")
    var verifyStatus: VerifyStatusArgument?

    @Option(
        name: .customLong("user-ids"), parsing: .singleValue,
        help: "Only these users, comma-separated IDs of --user-id-type (may repeat).")
    var userIDs: [String] = []

    @Option(help: "Only statuses set at or after this time.")
    var since: TimeBoundArgument?

    @Option(help: "Only statuses set at or before this time.")
    var until: TimeBoundArgument?

    @Flag(help: "Fetch every page.")
    var all = false

    @Option(name: .customLong("page-size"), help: "Interviewers per page, 1 to 100 (default 10; 100 with --all).")
    var pageSize: Int?

    @Option(name: .customLong("page-token"), help: "The page to show: the token printed after the previous one.")
    var pageToken: String?

    @Option(name: .customLong("user-id-type"), help: "The type of the IDs given and shown (default open_id).")
    var userIDType: UserIDTypeArgument?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if all, pageToken != nil { throw ValidationError("--page-token and --all cannot be combined.") }
    }

    /// The users of `--user-ids`, commas split.
    var users: [String] {
        userIDs.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    func run() async throws {
        if all { try await listAll() } else { try await listPage() }
    }

    private func listPage() async throws {
        let request = FeishuRequest.listInterviewers(
            pageSize: pageSize, pageToken: pageToken, userIDs: users, verifyStatus: verifyStatus?.status,
            earliestUpdateTime: since?.start, latestUpdateTime: until?.end, userIDType: userIDType?.value)
        let response = try await connection.withClient { try await $0.send(request) }
        output.print(response) { page in
            var text = Self.describe(page?.items ?? [])
            if page?.hasMore == true, let token = page?.pageToken {
                text += "More on the next page: --page-token \(token) (or --all for every page)\n"
            }
            return text
        }
    }

    private func listAll() async throws {
        let (interviewers, rawItems) = try await connection.withClient { client in
            var interviewers: [Interviewer] = []
            var rawItems: [String] = []
            let pages = client.hire.v1.interviewer.list(
                pageSize: pageSize ?? 100, userIDs: users, verifyStatus: verifyStatus?.status,
                earliestUpdateTime: since?.start, latestUpdateTime: until?.end, userIDType: userIDType?.value
            ).pages
            for try await page in pages {
                interviewers += page.data?.items ?? []
                let items = RawJSON.member("data", of: page.body).flatMap { RawJSON.member("items", of: $0.utf8) }
                rawItems += items.flatMap(RawJSON.elements(of:)) ?? []
            }
            return (interviewers, rawItems)
        }
        let context = CLIContext.current
        if output.json {
            context.output("[" + rawItems.joined(separator: ",") + "]\n")
        } else {
            context.output(Self.describe(interviewers))
        }
    }

    private static func describe(_ interviewers: [Interviewer]) -> String {
        guard !interviewers.isEmpty else { return "No interviewers.\n" }
        return HumanFormat.interviewerTable(interviewers)
    }
}
