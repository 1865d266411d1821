import ArgumentParser

/// `hire-server`: the Feishu Hire interviewer and interview API, served from SQLite or PostgreSQL.
package struct HireServerCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "hire-server",
        abstract: "A Feishu Hire (飞书招聘) interviewer and interview Open API server.",
        discussion: """
            With no subcommand, serves: `hire-server` is `hire-server serve`.
            Data files are in the format feishu-hire-data/1 (JSON, or JSON Lines for large datasets).
            """,
        subcommands: [ServeCommand.self, ImportCommand.self, ExportCommand.self, OpenAPICommand.self],
        defaultSubcommand: ServeCommand.self)

    package init() {}
}
