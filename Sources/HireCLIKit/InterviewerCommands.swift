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

    @OptionGroup var call: APICallOptions

    func run() async throws {
        let request = FeishuRequest.patchInterviewer(
            interviewerID: interviewerID, verifyStatus: verifyStatus.code, userIDType: userIDType?.value)
        try await call.send(request) { HumanFormat.interviewerTable($0?.interviewer.map { [$0] } ?? []) }
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

    @Option(name: .customLong("user-id-type"), help: "The type of the IDs given and shown (default open_id).")
    var userIDType: UserIDTypeArgument?

    @OptionGroup var list: ListOptions

    func run() async throws {
        try await list.run(largestPageSize: 100, describe: { _ in Self.describe }) { pageSize, pageToken in
            FeishuRequest.listInterviewers(
                pageSize: pageSize, pageToken: pageToken, userIDs: commaSeparated(userIDs),
                verifyStatus: verifyStatus?.code, earliestUpdateTime: since?.start, latestUpdateTime: until?.end,
                userIDType: userIDType?.value)
        }
    }

    private static func describe(_ interviewers: [Interviewer]) -> String {
        guard !interviewers.isEmpty else { return "No interviewers.\n" }
        return HumanFormat.interviewerTable(interviewers)
    }
}
