import ArgumentParser
import Feishu

/// `hire interview-record …`.
struct InterviewRecordCommand: CommandGroup {
    static let configuration = CommandConfiguration.group(
        "interview-record", abstract: "Read interview records (面试评价), the interviewers' feedback.",
        [GetInterviewRecordCommand.self, ListInterviewRecordsCommand.self])
}

/// `hire interview-record get RECORD_ID`.
struct GetInterviewRecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one interview record (面试评价): the interviewer's verdict and feedback.",
        discussion: """
            GET /open-apis/hire/v1/interview_records/:interview_record_id. Needs the scope \
            hire:interview:readonly or hire:interview. Times are shown in the local time zone.
            """)

    @Argument(help: "The record's ID.")
    var interviewRecordID: String

    @Option(name: .customLong("user-id-type"), help: "The type of the user IDs shown (default open_id).")
    var userIDType: UserIDTypeArgument?

    @OptionGroup var call: APICallOptions

    func run() async throws {
        let request = FeishuRequest.getInterviewRecord(interviewRecordID: interviewRecordID, userIDType: userIDType?.value)
        let format = HumanFormat(timeZone: CLIContext.current.timeZone)
        try await call.send(request) { data in
            data?.interviewRecord.map(format.recordDetail) ?? "No interview record in the answer.\n"
        }
    }
}

/// `hire interview-record list [--id ID]...`.
struct ListInterviewRecordsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List interview records: the ones named with --id, else all of them, page by page.",
        discussion: """
            GET /open-apis/hire/v1/interview_records. Needs the scope hire:interview:readonly or \
            hire:interview. With --id (at most 100 IDs) the answer has every named record the server \
            knows, on one page; without, one page unless --all is given.
            """)

    @Option(
        name: .customLong("id"), parsing: .singleValue,
        help: "Only this record; may repeat, and takes comma-separated IDs.")
    var ids: [String] = []

    @Option(name: .customLong("user-id-type"), help: "The type of the user IDs shown (default open_id).")
    var userIDType: UserIDTypeArgument?

    @OptionGroup var list: ListOptions

    func run() async throws {
        try await list.run(largestPageSize: 100, describe: HumanFormat.recordTable) { pageSize, pageToken in
            FeishuRequest.listInterviewRecords(
                ids: commaSeparated(ids), pageSize: pageSize, pageToken: pageToken, userIDType: userIDType?.value)
        }
    }
}
