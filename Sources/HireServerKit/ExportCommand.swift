import ArgumentParser
import Foundation
import HireCore
import HireStore
import Synchronization

/// `hire-server export`: writes tenants to standard output as a data file.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export tenants as a data file (feishu-hire-data/1) to standard output. Secrets are written as hashes.")

    @Option(name: .customLong("tenant"), help: "A tenant_key to export (repeatable); all tenants when omitted.")
    var tenants: [String] = []

    @Option(help: "json (one document) or jsonl (JSON Lines, for large datasets).")
    var format: String = DataFileWriter.Format.document.rawValue

    @OptionGroup var store: StoreOptions
    @OptionGroup var log: LogOptions

    func run() async throws {
        guard let format = DataFileWriter.Format(rawValue: format) else {
            throw ValidationError("--format must be json or jsonl")
        }
        let logger = try log.bootstrap()
        let store = try store.open(logger: logger)
        do {
            try await store.whileRunning {
                try await Self.export(from: store, tenants: tenants.isEmpty ? nil : tenants, format: format) { text in
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            }
            try await store.close()
        } catch let error as StoreError {
            try? await store.close()
            FileHandle.standardError.write(Data("export failed: \(error)\n".utf8))
            throw ExitCode.failure
        } catch {
            try? await store.close()
            throw error
        }
    }

    /// Writes the export through `sink`, piece by piece.
    static func export(
        from store: any HireStore, tenants: [String]?, format: DataFileWriter.Format,
        sink: @escaping @Sendable (String) throws -> Void
    ) async throws {
        let writer = Mutex(DataFileWriter(format: format, sink: sink))
        try await store.exportEntries(tenantKeys: tenants) { entry in
            try writer.withLock { try $0.write(entry) }
        }
        try writer.withLock { try $0.finish() }
    }
}
