import FeishuWire
import Foundation
import HireHTTP
import HireTestSupport
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

/// The document's schemas are derived from the wire models' `Decodable` side; these tests hold the
/// `Encodable` side to them, so what the server encodes is what the document and the SDK read.
@Suite("HTTP: the OpenAPI schemas and the wire models")
struct OpenAPIModelTests {
    static let names = OpenAPISchemas.models.map(\.key)

    @Test(arguments: names)
    func aModelWithEveryMemberEncodesToItsSchema(name: String) throws {
        let type = try #require(OpenAPISchemas.models.first { $0.key == name }?.value)
        let example = try #require(try CodableSchema.example(of: type) as? any Encodable)
        let encoded = try JSONValueEncoder.encode(example)
        let schema: JSONValue = ["$ref": .string("#/components/schemas/\(name)")]
        let validator = DocumentValidator()
        #expect(validator.validate(encoded, against: schema) == [])
        // Every property the schema names is one the model writes, at every depth.
        let document = OpenAPIDocument.value
        let named = Self.propertyPaths(of: schema, in: document)
        let written = Self.memberPaths(of: encoded)
        #expect(named.subtracting(written).sorted() == [], "properties \(name) never writes")
        #expect(!named.isEmpty)
    }

    @Test func theDerivationReadsRequiredOptionalAndNestedMembers() throws {
        let schema = CodableSchema(components: ["Interviewer": Interviewer.self])
        let page = schema.schema(of: InterviewerPage.self)
        let items = page.objectValue?["properties"]?.objectValue?["items"]?.objectValue
        #expect(items?["type"] == ["array", "null"])
        #expect(items?["items"] == ["$ref": "#/components/schemas/Interviewer"])
        let interviewer = schema.schema(of: Interviewer.self).objectValue
        #expect(interviewer?["properties"]?.objectValue?["verify_status"]?.objectValue?["description"] == "1 not verified, 2 verified")
        let entry = schema.schema(of: AdminWire.JournalEntry.self).objectValue
        #expect(entry?["required"]?.arrayValue?.contains("log_id") == true)
        #expect(entry?["required"]?.arrayValue?.contains("operation") == false)
    }

    @Test func anAnswerWithAnUnknownMemberOrAWrongTypeBreaksTheDocument() throws {
        let validator = DocumentValidator()
        let path = "/open-apis/hire/v1/interviewers/ou_1"
        let good = try JSONParser.parse(#"{"code":0,"msg":"success","data":{"interviewer":{"user_id":"ou_1","verify_status":2}}}"#)
        #expect(validator.problems(method: "PATCH", path: path, status: 200, body: good) == [])
        let unknown = try JSONParser.parse(#"{"code":0,"msg":"success","data":{"interviewer":{"user_id":"ou_1","verify_status":2,"extra":1}}}"#)
        #expect(validator.problems(method: "PATCH", path: path, status: 200, body: unknown)
            == ["PATCH \(path) 200: $.data.interviewer.extra: a member the document does not describe"])
        let wrongType = try JSONParser.parse(#"{"code":0,"msg":"success","data":{"interviewer":{"user_id":7}}}"#)
        #expect(validator.problems(method: "PATCH", path: path, status: 200, body: wrongType).count == 1)
        let wrongCode = try JSONParser.parse(#"{"code":99991400,"msg":"x"}"#)
        #expect(validator.problems(method: "PATCH", path: path, status: 200, body: wrongCode).count == 1)
        #expect(validator.problems(method: "PATCH", path: path, status: 418, body: wrongCode) == [], "a fault's answer")
        #expect(validator.problems(method: "GET", path: "/_hire/clock", status: 418, body: good).count == 1)
    }

    /// `a.b[].c` for every property the schema names, following references.
    static func propertyPaths(of schema: JSONValue, in document: JSONValue, at path: String = "", depth: Int = 0) -> Set<String> {
        guard depth < 16, var object = schema.objectValue else { return [] }
        if let reference = object["$ref"]?.stringValue {
            let name = String(reference.split(separator: "/").last ?? "")
            object = document.objectValue?["components"]?.objectValue?["schemas"]?.objectValue?[name]?.objectValue ?? JSONObject()
        }
        var paths = Set<String>()
        for choice in object["anyOf"]?.arrayValue ?? [] {
            paths.formUnion(propertyPaths(of: choice, in: document, at: path, depth: depth + 1))
        }
        if let items = object["items"] {
            paths.formUnion(propertyPaths(of: items, in: document, at: path + "[]", depth: depth + 1))
        }
        for member in object["properties"]?.objectValue?.members ?? [] {
            let memberPath = path.isEmpty ? member.key : path + "." + member.key
            paths.insert(memberPath)
            paths.formUnion(propertyPaths(of: member.value, in: document, at: memberPath, depth: depth + 1))
        }
        return paths
    }

    static func memberPaths(of value: JSONValue, at path: String = "") -> Set<String> {
        switch value {
        case .object(let object):
            return object.members.reduce(into: Set<String>()) { paths, member in
                let memberPath = path.isEmpty ? member.key : path + "." + member.key
                paths.insert(memberPath)
                paths.formUnion(memberPaths(of: member.value, at: memberPath))
            }
        case .array(let elements): return elements.reduce(into: Set<String>()) { $0.formUnion(memberPaths(of: $1, at: path + "[]")) }
        default: return []
        }
    }
}
