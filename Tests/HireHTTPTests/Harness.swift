import FeishuWire
import Foundation
import HireCore
import HireHTTP
import HireServerKit
import HireSQLite
import HireStore
import HireTestSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

/// An answer of the server, parsed.
struct Reply: Sendable {
    let status: HTTPResponse.Status
    let headers: HTTPFields
    let text: String
    let json: JSONValue

    init(_ response: TestResponse) throws {
        status = response.status
        headers = response.headers
        text = String(buffer: response.body)
        json = try JSONParser.parse(text)
    }

    var object: JSONObject { json.objectValue ?? JSONObject() }
    var code: Int64? { object["code"]?.integerValue }
    var msg: String? { object["msg"]?.stringValue }
    var data: JSONObject? { object["data"]?.objectValue }
    var logID: String? { headers[HTTPField.Name(WireHeader.logID)!] }
    var fieldViolations: [String] {
        object["error"]?.objectValue?["field_violations"]?.arrayValue?.compactMap { $0.objectValue?["field"]?.stringValue } ?? []
    }
    var permissionViolations: [(type: String, subject: String)] {
        object["error"]?.objectValue?["permission_violations"]?.arrayValue?.compactMap {
            guard let type = $0.objectValue?["type"]?.stringValue, let subject = $0.objectValue?["subject"]?.stringValue
            else { return nil }
            return (type, subject)
        } ?? []
    }

    /// Decodes `data` as a wire model.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let data = try #require(object["data"])
        return try JSONDecoder().decode(T.self, from: Data(JSONWriter.write(data).utf8))
    }
}

/// A client of an application under test, with the platform's calls spelled out.
struct Client: Sendable {
    let base: any TestClientProtocol

    func send(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: String? = nil) async throws -> Reply {
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await raw(method, uri, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Sends a request; an answer that breaks the OpenAPI document is an issue of the test that saw it.
    func raw(_ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields, body: ByteBuffer? = nil) async throws -> Reply {
        let reply = try await base.execute(uri: uri, method: method, headers: headers, body: body) { try Reply($0) }
        if reply.headers[.contentType]?.hasPrefix("application/json") == true {
            let path = String(uri.prefix { $0 != "?" })
            for problem in Self.document.problems(method: method.rawValue, path: path, status: reply.status.code, body: reply.json) {
                Issue.record(Comment(rawValue: "the answer breaks docs/openapi.json: \(problem)\n\(reply.text.prefix(2000))"))
            }
        }
        return reply
    }

    /// The document every answer is checked against.
    static let document = DocumentValidator()

    func token(_ appID: String = Fixtures.acmeApp, _ secret: String = Fixtures.acmeSecret) async throws -> String {
        let reply = try await send(
            .post, "/open-apis/auth/v3/tenant_access_token/internal",
            body: #"{"app_id":"\#(appID)","app_secret":"\#(secret)"}"#)
        return try #require(reply.object["tenant_access_token"]?.stringValue, "\(reply.text)")
    }

    func patch(_ id: String, _ body: String, token: String, userIDType: String? = nil) async throws -> Reply {
        let query = userIDType.map { "?user_id_type=\($0)" } ?? ""
        return try await send(.patch, "/open-apis/hire/v1/interviewers/\(id)\(query)", token: token, body: body)
    }

    func list(_ query: String = "", token: String) async throws -> Reply {
        try await send(.get, "/open-apis/hire/v1/interviewers" + (query.isEmpty ? "" : "?" + query), token: token)
    }

    func byTalent(_ query: String, token: String) async throws -> Reply {
        try await send(.get, "/open-apis/hire/v1/interviews/get_by_talent?" + query, token: token)
    }
}

/// Runs `body` against the router of a server on a fresh SQLite store holding
/// the demo tenant and the Acme and Globex fixtures.
func withServer(
    rateLimit: RateLimitPolicy? = nil, clock: HireClock = .system, data: [String] = [],
    store: (@Sendable (any HireStore) -> any HireStore)? = nil, admin: AdminSettings? = nil,
    _ body: @escaping @Sendable (Client, any HireStore) async throws -> Void
) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-http-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let sqlite = try SQLiteStore(path: directory.appendingPathComponent("hire.sqlite").path)
    for document in [DemoData.document, Fixtures.acme, Fixtures.globex] + data {
        try await StoreSeeding.importDocument(document, into: sqlite)
    }
    let served = store?(sqlite) ?? sqlite
    if admin != nil {
        _ = try await Snapshots(store: served).save(name: SnapshotName.baseline, tenantKeys: nil, now: clock.now())
    }
    let services = try await HireServices.make(store: served, clock: clock, rateLimit: rateLimit, admin: admin)
    var logger = Logger(label: "hire-http-tests")
    logger.logLevel = .critical
    let app = HireApplication.make(services: services, configuration: .init(), logger: logger)
    try await app.test(.router) { client in try await body(Client(base: client), sqlite) }
    try await sqlite.close()
}

/// Every `null` in a JSON value, by path; the platform omits absent fields instead.
func nulls(in value: JSONValue, at path: JSONPath = .root) -> [String] {
    switch value {
    case .null: [path.description]
    case .array(let elements): elements.enumerated().flatMap { nulls(in: $0.element, at: path / $0.offset) }
    case .object(let object): object.members.flatMap { nulls(in: $0.value, at: path / $0.key) }
    default: []
    }
}
