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

    @Option(
        name: .customLong("user-id-type"),
        help: "The type of the user IDs shown (default open_id; also people_admin_id).")
    var userIDType: UserIDTypeArgument?

    @Option(name: .customLong("job-level-id-type"), help: "The type of the job-level IDs (default job_level_id).")
    var jobLevelIDType: JobLevelIDTypeArgument?

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let request = FeishuRequest.interviewsByTalent(
            talentID: talentID, userIDType: userIDType?.value, jobLevelIDType: jobLevelIDType?.value)
        let response = try await connection.withClient { try await $0.send(request) }
        let format = HumanFormat(timeZone: CLIContext.current.timeZone)
        output.print(response) { format.timeline(talentID: talentID, applications: $0?.items ?? []) }
    }
}
