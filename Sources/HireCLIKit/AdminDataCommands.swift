import ArgumentParser
import Feishu
import Foundation

/// `hire admin data …`.
struct AdminDataCommand: CommandGroup {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Import and export data files (feishu-hire-data/1) over HTTP.",
        subcommands: [AdminDataImportCommand.self, AdminDataExportCommand.self])
}

/// `hire admin data import FILE`.
struct AdminDataImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a data file: all of it or, on any problem, none.",
        discussion: """
            POST /_hire/data, the same atomic upsert as hire-server import, up to 64 MiB. A file named *.jsonl \
            or *.ndjson is sent as JSON Lines, any other as a JSON document, unless --format says otherwise. \
            FILE - reads standard input.
            """)

    @Argument(help: "The data file; - for standard input.")
    var file: String

    @Option(help: "json (a document) or jsonl (JSON Lines); by default from the file's name.")
    var format: DataFormatArgument?

    @OptionGroup var admin: AdminOptions

    func run() async throws {
        let contents: Data
        do {
            contents =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw ValidationError("Cannot read \(file): \(error.localizedDescription)")
        }
        let lines = [".jsonl", ".ndjson"].contains { file.lowercased().hasSuffix($0) }
        let format = format?.value ?? (lines ? .jsonLines : .json)
        let counts = try await admin.withAdmin { try await $0.data.import(contents, format: format) }
        CLIContext.current.output(HumanFormat.importTable(counts))
    }
}

/// `hire admin data export [--tenant K]… [--format json|jsonl]`.
struct AdminDataExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write tenants as a data file to standard output.",
        discussion: "GET /_hire/data: the same bytes as hire-server export.")

    @OptionGroup var tenants: TenantOptions

    @Option(help: "json (a document, the default) or jsonl (JSON Lines).")
    var format: DataFormatArgument?

    @OptionGroup var admin: AdminOptions

    func run() async throws {
        let bytes = try await admin.withAdmin {
            try await $0.data.export(tenantKeys: tenants.tenantKeys, format: format?.value ?? .json)
        }
        CLIContext.current.output(String(decoding: bytes, as: UTF8.self))
    }
}
