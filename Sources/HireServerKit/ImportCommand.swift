import ArgumentParser
import Foundation
import HireCore
import HireStore

/// `hire-server import FILE...`: loads data files, each atomically.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import data files (feishu-hire-data/1) into the store: all of a file or, on any problem, none of it.")

    @Argument(help: "Data files: .json documents or .jsonl JSON Lines.")
    var files: [String]

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        let logger = try log.bootstrap()
        let store = try store.open(logger: logger)
        do {
            try await store.whileRunning {
                for file in files {
                    do {
                        let summary = try await DataFileImport.importFile(file, into: store)
                        print("\(file): imported \(summary)")
                    } catch let problems as DataFileError {
                        FileHandle.standardError.write(Data("\(file): \(problems)\n".utf8))
                        throw ExitCode.failure
                    }
                }
            }
        } catch {
            try? await store.close()
            throw error
        }
        try await store.close()
    }
}

/// Importing data files, shared by `import` and `serve --data`.
enum DataFileImport {
    static func importFile(_ path: String, into store: any HireStore) async throws -> ImportSummary {
        let source = try DataFileSource.file(at: path)
        return try await store.importEntries(source, now: HireClock.system.now())
    }

    static func importDocument(_ text: String, into store: any HireStore) async throws -> ImportSummary {
        let entries = try DataFileReader.entries(document: Array(text.utf8))
        return try await store.importEntries(DataFileSource(entries: entries), now: HireClock.system.now())
    }
}
