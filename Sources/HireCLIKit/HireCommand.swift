import ArgumentParser
import Feishu

/// `hire`: the Feishu Hire interviewer and interview API from the command line.
public struct HireCommand: AsyncParsableCommand, Sendable {
    public static let configuration = CommandConfiguration(
        commandName: "hire",
        abstract: "Call the Feishu Hire (飞书招聘) interviewer and interview API.",
        discussion: """
            Credentials and server come from FEISHU_APP_ID, FEISHU_APP_SECRET and FEISHU_BASE_URL \
            (default https://open.feishu.cn); --app-id, --app-secret and --base-url override them.

            Output is for people unless --json is given: then it is the response's data object \
            (for a list with --all, one JSON array of all items).

            `hire admin …` controls a hire-server through its admin API (/_hire/); it needs the server's \
            admin token, from HIRE_ADMIN_TOKEN or --admin-token.

            Exit status: 0 on success, 1 when the call fails (one line on stderr: \
            error: <code> <msg> (log_id: …)), 2 for a usage error.
            """,
        version: "hire \(FeishuClient.version)",
        subcommands: [
            InterviewerCommand.self, InterviewCommand.self, InterviewRecordCommand.self, RoundTypeCommand.self,
            AdminCommand.self,
        ])

    /// The command with no options (ArgumentParser fills them in).
    public init() {}

    /// `hire` alone is a usage error: a subcommand is needed.
    public func run() async throws {
        throw ValidationError("Name a command: interviewer, interview, interview-record, round-type or admin.")
    }
}

/// `hire interviewer …`.
struct InterviewerCommand: CommandGroup {
    static let configuration = CommandConfiguration.group(
        "interviewer", abstract: "Set and list interviewers' verification status (面试官认证).",
        [PatchInterviewerCommand.self, ListInterviewersCommand.self])
}

/// `hire interview …`.
struct InterviewCommand: CommandGroup {
    static let configuration = CommandConfiguration.group(
        "interview", abstract: "Read interviews (面试).",
        [InterviewsByTalentCommand.self, ListInterviewsCommand.self, ApplicationInterviewsCommand.self])
}

extension CommandConfiguration {
    /// A group of the API's commands, `name`, which also answers to its plural (`interviews`).
    static func group(_ name: String, abstract: String, _ subcommands: [any ParsableCommand.Type]) -> Self {
        CommandConfiguration(commandName: name, abstract: abstract, subcommands: subcommands, aliases: [name + "s"])
    }
}

/// A command that only groups others. Run alone it is a usage error that names them:
/// "Name a fault command: add, list, remove or clear."
protocol CommandGroup: AsyncParsableCommand {}

extension CommandGroup {
    func run() async throws {
        let name = Self.configuration.commandName ?? ""
        let names = Self.configuration.subcommands.compactMap { $0.configuration.commandName }
        let article = name.first.map { "aeiou".contains($0) } == true ? "an" : "a"
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
        throw ValidationError("Name \(article) \(name) command: \(list).")
    }
}
