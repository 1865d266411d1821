import ArgumentParser
import Feishu

/// `hire interview by-talent TALENT_ID`.
struct InterviewsByTalentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "by-talent",
        abstract: "Show every interview of a talent, by application.",
        discussion: """
            GET /open-apis/hire/v1/interviews/get_by_talent. Needs the scope hire:interview:readonly \
            or hire:interview. Times are shown in the local time zone.
            """)

    @Argument(help: "The talent's ID.")
    var talentID: String

    @OptionGroup var idTypes: InterviewIDTypeOptions
    @OptionGroup var call: APICallOptions

    func run() async throws {
        let request = FeishuRequest.interviewsByTalent(
            talentID: talentID, userIDType: idTypes.userIDType?.value, jobLevelIDType: idTypes.jobLevelIDType?.value)
        let format = HumanFormat(timeZone: CLIContext.current.timeZone)
        try await call.send(request) { format.timeline(talentID: talentID, applications: $0?.items ?? []) }
    }
}

/// `hire interview list --application-id A | --interview-id I | --start-time T | --end-time T`.
struct ListInterviewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List interviews by application, by ID or by when they begin.",
        discussion: """
            GET /open-apis/hire/v1/interviews. Needs the scope hire:interview:readonly or hire:interview, \
            and at least one of the filters; they combine. --start-time and --end-time both bound when an \
            interview begins, inclusive: a millisecond timestamp, an ISO-8601 date-time (local time without \
            an offset), or a date (from its start for --start-time, to its end for --end-time). \
            Shows one page unless --all is given; times in the local time zone.
            """)

    @Option(name: .customLong("application-id"), help: "Only the interviews of this application.")
    var applicationID: String?

    @Option(name: .customLong("interview-id"), help: "Only this interview.")
    var interviewID: String?

    @Option(name: .customLong("start-time"), help: "Only interviews that begin at or after this time.")
    var startTime: TimeBoundArgument?

    @Option(name: .customLong("end-time"), help: "Only interviews that begin at or before this time.")
    var endTime: TimeBoundArgument?

    @OptionGroup var idTypes: InterviewIDTypeOptions
    @OptionGroup var list: ListOptions

    func validate() throws {
        if applicationID == nil, interviewID == nil, startTime == nil, endTime == nil {
            throw ValidationError("Give at least one of --application-id, --interview-id, --start-time and --end-time.")
        }
    }

    func run() async throws {
        try await list.run(largestPageSize: 100, describe: HumanFormat.interviewList) { pageSize, pageToken in
            FeishuRequest.listInterviews(
                pageSize: pageSize, pageToken: pageToken, applicationID: applicationID, interviewID: interviewID,
                startTime: startTime?.start, endTime: endTime?.end, jobLevelIDType: idTypes.jobLevelIDType?.value,
                userIDType: idTypes.userIDType?.value)
        }
    }
}

/// `hire interview of-application APPLICATION_ID`.
struct ApplicationInterviewsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "of-application",
        abstract: "Show an application's interviews (the historic, shorter model).",
        discussion: """
            GET /open-apis/hire/v1/applications/:application_id/interviews. Needs the scope \
            hire:interview:readonly or hire:interview. Pages hold at most 50 interviews. \
            Shows one page unless --all is given; times in the local time zone.
            """)

    @Argument(help: "The application's ID.")
    var applicationID: String

    @OptionGroup var idTypes: InterviewIDTypeOptions
    @OptionGroup var list: ListOptions

    func run() async throws {
        let describe = { (format: HumanFormat) in { format.applicationInterviews(applicationID: applicationID, $0) } }
        try await list.run(largestPageSize: 50, describe: describe) { pageSize, pageToken in
            FeishuRequest.listApplicationInterviews(
                applicationID: applicationID, pageSize: pageSize, pageToken: pageToken,
                userIDType: idTypes.userIDType?.value, jobLevelIDType: idTypes.jobLevelIDType?.value)
        }
    }
}

/// `--user-id-type` and `--job-level-id-type` of the commands that show interviews.
struct InterviewIDTypeOptions: ParsableArguments {
    @Option(name: .customLong("user-id-type"), help: "The type of the user IDs shown (default open_id).")
    var userIDType: UserIDTypeArgument?

    @Option(name: .customLong("job-level-id-type"), help: "The type of the job-level IDs (default job_level_id).")
    var jobLevelIDType: JobLevelIDTypeArgument?
}
