import FeishuWire
import Foundation
import HireHTTP
import HTTPTypes
import Testing

@Suite("HTTP: the OpenAPI document")
struct OpenAPIDocumentTests {
    /// `docs/openapi.json` in the repository.
    static let committedURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/openapi.json")

    @Test func getOpenAPIJSONServesTheDocumentWithoutAuthentication() async throws {
        try await withServer { client, _ in
            let reply = try await client.send(.get, "/openapi.json")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(reply.text == OpenAPIDocument.text)
            #expect(reply.object["openapi"] == "3.1.0")
            let paths = try #require(reply.object["paths"]?.objectValue)
            for endpoint in Endpoint.all {
                let path = endpoint.path.split(separator: "/", omittingEmptySubsequences: false)
                    .map { $0.first == ":" ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
                let operation = paths[path]?.objectValue?[endpoint.method.lowercased()]?.objectValue
                #expect(operation?["operationId"]?.stringValue == endpoint.name, "\(endpoint)")
            }
            for path in ["/healthz", "/metrics", "/openapi.json", "/_hire/reset", "/_hire/data"] {
                #expect(paths[path] != nil, "\(path)")
            }
        }
    }

    @Test func theCommittedDocumentIsTheGeneratedOne() throws {
        let committed = try String(contentsOf: Self.committedURL, encoding: .utf8)
        #expect(
            committed == OpenAPIDocument.text,
            "docs/openapi.json is stale: run `swift run hire-server openapi --output docs/openapi.json`")
    }

    @Test func everyRouteIsDocumented() {
        #expect(OpenAPIDocument.undocumentedRoutes == [])
    }
}
