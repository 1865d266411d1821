import ArgumentParser
import Foundation
import HireHTTP

/// `hire-server openapi`: writes the OpenAPI 3.1 document of the server (as served at
/// `GET /openapi.json`) to standard output or a file. `docs/openapi.json` is its output.
struct OpenAPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "openapi",
        abstract: "Write the OpenAPI 3.1 document of the server (as served at /openapi.json).",
        discussion: "Regenerate the committed copy with: swift run hire-server openapi --output docs/openapi.json")

    @Option(help: "Write the document to this file instead of standard output.")
    var output: String?

    func run() throws {
        let text = OpenAPIDocument.text
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            FileHandle.standardError.write(Data("openapi: cannot write \(output): \(error.localizedDescription)\n".utf8))
            throw ExitCode.failure
        }
    }
}
