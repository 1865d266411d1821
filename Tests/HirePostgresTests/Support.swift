import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HireCore
@testable import HirePostgres
import HireStore
import HireTestSupport
import PostgresNIO
import Testing

/// Enables a suite only when `HIRE_TEST_POSTGRES_URL` names a server.
let postgresAvailable = ConditionTrait.enabled(if: PostgresTestDatabase.isEnabled, "HIRE_TEST_POSTGRES_URL is not set")

/// A tenant for the multi-node tests: one app with every scope, users `u000`…, and
/// interviewer statuses for the first `interviewers` of them.
enum ClusterData {
    static let tenant = "cluster0000000001"
    static let app = "cli_c1c1000000000001"
    static let secret = "ClusterSecretClusterSecretClust1"

    static func userID(_ index: Int) -> String { "u" + String(format: "%03d", index) }

    static func document(users: Int, interviewers: Int) -> String {
        let userList = (0..<users).map { #"{"user_id": "\#(userID($0))"}"# }.joined(separator: ",")
        let statusList = (0..<interviewers).map {
            #"{"user_id": "\#(userID($0))", "verify_status": \#($0 % 2 + 1), "update_time": \#(1_700_000_000_000 + Int64($0 / 3))}"#
        }.joined(separator: ",")
        return """
            {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "\(tenant)", "name": "Cluster",
              "apps": [{"app_id": "\(app)", "app_secret": "\(secret)", "developer": "dev-cluster",
                        "scopes": ["hire:interviewer", "hire:interview:readonly", "contact:user.employee_id:readonly"]}],
              "users": [\(userList)], "interviewers": [\(statusList)]}]}
            """
    }
}

/// Several `hire-server` nodes on one database (one schema), each with its own store and pool.
struct Cluster {
    let schema: String
    let nodes: [Node]

    /// Starts `count` nodes; the first imports the data.
    static func start(
        nodes count: Int = 2, users: Int = 80, interviewers: Int = 60, rateLimit: RateLimitPolicy? = nil,
        clock: HireClock = .system, adminToken: String? = nil
    ) async throws -> Cluster {
        let schema = try await PostgresTestDatabase.makeSchema()
        var nodes: [Node] = []
        do {
            for index in 0..<count {
                let store = try await PostgresTestDatabase.makeStore(schema: schema)
                let server = try await TestServer.start(
                    demo: false, data: index == 0 ? [ClusterData.document(users: users, interviewers: interviewers)] : [],
                    store: store, rateLimit: rateLimit, clock: clock, adminToken: adminToken)
                nodes.append(Node(server: server))
            }
        } catch {
            for node in nodes { await node.server.stop() }
            try? await PostgresTestDatabase.dropSchema(schema)
            throw error
        }
        return Cluster(schema: schema, nodes: nodes)
    }

    func stop() async {
        for node in nodes { await node.server.stop() }
        try? await PostgresTestDatabase.dropSchema(schema)
    }

    /// Node `index` modulo the node count: requests alternate between nodes.
    subscript(index: Int) -> Node { nodes[index % nodes.count] }
}

/// One node, as a client sees it.
struct Node: Sendable {
    let server: TestServer

    var store: PostgresStore { server.store as! PostgresStore }

    static let session: URLSession = {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = 16
        configuration.timeoutIntervalForRequest = 30
        return URLSession(configuration: configuration)
    }()

    struct Answer: @unchecked Sendable {
        let status: Int
        let json: [String: Any]
        let headers: [String: String]

        var code: Int { json["code"] as? Int ?? -1 }
        var data: [String: Any] { json["data"] as? [String: Any] ?? [:] }
    }

    func send(_ method: String, _ path: String, token: String? = nil, body: String? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: server.baseURL + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
        }
        let (data, response) = try await Self.session.data(for: request)
        let http = response as! HTTPURLResponse
        let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        var headers: [String: String] = [:]
        for (name, value) in http.allHeaderFields { headers["\(name)".lowercased()] = "\(value)" }
        return Answer(status: http.statusCode, json: json, headers: headers)
    }

    /// A tenant token of the cluster app: the token and its `expire`.
    func token(app: String = ClusterData.app, secret: String = ClusterData.secret) async throws -> (String, Int) {
        let answer = try await send(
            "POST", "/open-apis/auth/v3/tenant_access_token/internal",
            body: #"{"app_id":"\#(app)","app_secret":"\#(secret)"}"#)
        let token = try #require(answer.json["tenant_access_token"] as? String, "\(answer.json)")
        return (token, answer.json["expire"] as? Int ?? -1)
    }

    func patch(_ userID: String, _ status: Int, token: String) async throws -> Answer {
        try await send(
            "PATCH", "/open-apis/hire/v1/interviewers/\(userID)?user_id_type=user_id", token: token,
            body: #"{"interviewer":{"verify_status":\#(status)}}"#)
    }

    /// One page of the interviewer list.
    func list(token: String, query: String = "", pageToken: String? = nil) async throws -> Answer {
        var path = "/open-apis/hire/v1/interviewers?user_id_type=user_id" + (query.isEmpty ? "" : "&" + query)
        if let pageToken { path += "&page_token=" + pageToken }
        return try await send("GET", path, token: token)
    }

    /// The status of one interviewer as this node lists it.
    func status(of userID: String, token: String) async throws -> Int? {
        let answer = try await list(token: token, query: "user_ids=\(userID)")
        #expect(answer.code == 0, "\(answer.json)")
        let items = answer.data["items"] as? [[String: Any]] ?? []
        return items.first?["verify_status"] as? Int
    }
}

extension PostgresStore {
    /// Rows of a query, for tests that look at the database itself.
    func testRows(_ query: PostgresQuery) async throws -> [PostgresRow] { try await rows(query) }
}
