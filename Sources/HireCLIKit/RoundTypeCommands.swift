import ArgumentParser
import Feishu

/// `hire round-type …`.
struct RoundTypeCommand: CommandGroup {
    static let configuration = CommandConfiguration.group(
        "round-type", abstract: "Read the tenant's interview round types (面试轮次类型).", [ListRoundTypesCommand.self])
}

/// `hire round-type list [--process-type social|campus]`.
struct ListRoundTypesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the tenant's interview round types (面试轮次类型).",
        discussion: """
            GET /open-apis/hire/v1/interview_round_types, all at once. Needs the scope \
            hire:interview:readonly or hire:interview.
            """)

    @Option(name: .customLong("process-type"), help: "Only this process: 1/social (社招) or 2/campus (校招); default both.")
    var processType: ProcessTypeArgument?

    @OptionGroup var call: APICallOptions

    func run() async throws {
        let request = FeishuRequest.listInterviewRoundTypes(processType: processType?.code)
        try await call.send(request) { HumanFormat.roundTypes($0 ?? InterviewRoundTypeList()) }
    }
}
