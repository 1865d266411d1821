import FeishuWire
import Foundation
import HireCore
import HireServerKit
import HireTestSupport
import HTTPTypes
import NIOCore
import Testing

@Suite("HTTP: GET /open-apis/hire/v1/interviewers")
struct InterviewerListTests {
    static let app = "cli_0a0a000000000001"
    static let secret = "ManySecret"

    /// A tenant with 25 interviewers: u00…u24, update times 1000…25000 with u10 and u11 sharing one.
    static let many: String = {
        let users = (0..<25).map { #"{"user_id":"u\#(String(format: "%02d", $0))"}"# }.joined(separator: ",")
        let interviewers = (0..<25).map { index -> String in
            let time = index == 11 ? 11_000 : (index + 1) * 1000
            return #"{"user_id":"u\#(String(format: "%02d", index))","verify_status":\#(index % 3 == 0 ? 2 : 1),"update_time":\#(time)}"#
        }.joined(separator: ",")
        return """
            {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "many", "apps": [{"app_id": "\(app)",
              "app_secret": "\(secret)", "scopes": ["hire:interviewer", "contact:user.employee_id:readonly"]}],
              "users": [\(users)], "interviewers": [\(interviewers)]}]}
            """
    }()

    func all(_ client: Client, _ query: String, token: String) async throws -> [String] {
        var ids: [String] = []
        var pageToken: String?
        repeat {
            let tokenQuery = pageToken.map { "&page_token=\($0)" } ?? ""
            let reply = try await client.list(query + tokenQuery, token: token)
            let page = try reply.decode(InterviewerPage.self)
            ids += page.items?.compactMap(\.userID) ?? []
            pageToken = page.pageToken
            #expect((page.hasMore == true) == (pageToken != nil))
        } while pageToken != nil
        return ids
    }

    @Test func pagesDefaultToTenAndCoverEveryoneOnceInOrder() async throws {
        try await withServer(data: [Self.many]) { client, _ in
            let token = try await client.token(Self.app, Self.secret)
            let first = try await client.list("user_id_type=user_id", token: token)
            let page = try first.decode(InterviewerPage.self)
            #expect(page.items?.count == 10)
            #expect(page.hasMore == true)
            // u10 and u11 share an update time: ordered by user ID.
            let ids = try await all(client, "user_id_type=user_id&page_size=7", token: token)
            #expect(ids == (0..<25).map { String(format: "u%02d", $0) })
        }
    }

    @Test func filtersCombineAndTimeBoundsAreInclusive() async throws {
        try await withServer(data: [Self.many]) { client, _ in
            let token = try await client.token(Self.app, Self.secret)
            let verified = try await all(client, "user_id_type=user_id&verify_status=2&page_size=3", token: token)
            #expect(verified == ["u00", "u03", "u06", "u09", "u12", "u15", "u18", "u21", "u24"])
            let window = try await all(
                client, "user_id_type=user_id&earliest_update_time=3000&latest_update_time=6000", token: token)
            #expect(window == ["u02", "u03", "u04", "u05"])
            let chosen = try await all(
                client, "user_id_type=user_id&user_ids=u05&user_ids=u01&user_ids=nobody&verify_status=1", token: token)
            #expect(chosen == ["u01", "u05"])
        }
    }

    @Test func idsRenderInTheRequestedType() async throws {
        try await withServer(data: [Self.many]) { client, _ in
            let token = try await client.token(Self.app, Self.secret)
            let open = try await all(client, "user_ids=\(DerivedID.openID(tenantKey: "many", appID: Self.app, userID: "u03"))", token: token)
            #expect(open == [DerivedID.openID(tenantKey: "many", appID: Self.app, userID: "u03")])
            let union = try await all(client, "user_id_type=union_id&page_size=100", token: token)
            #expect(union.first == DerivedID.unionID(tenantKey: "many", developer: "many", userID: "u00"))
        }
    }

    @Test(arguments: [
        ("page_size=0", "page_size"), ("page_size=101", "page_size"), ("page_size=abc", "page_size"),
        ("page_size=10&page_size=20", "page_size"), ("verify_status=3", "verify_status"), ("verify_status=x", "verify_status"),
        ("earliest_update_time=yesterday", "earliest_update_time"), ("latest_update_time=-5", "latest_update_time"),
        ("earliest_update_time=10&latest_update_time=5", "earliest_update_time"), ("user_id_type=people_admin_id", "user_id_type"),
        ("page_token=nonsense", "page_token"), ("user_ids=", "user_ids[0]"),
    ])
    func badQueriesAnswer1002002NamingTheParameter(query: String, field: String) async throws {
        try await withServer(data: [Self.many]) { client, _ in
            let token = try await client.token(Self.app, Self.secret)
            let reply = try await client.list(query, token: token)
            #expect(reply.status == .badRequest && reply.code == 1_002_002)
            #expect(reply.fieldViolations == [field], "\(reply.text)")
        }
    }

    @Test func pageTokensAreBoundToTheirQueryAndTenantAndCannotBeAltered() async throws {
        try await withServer(data: [Self.many]) { client, _ in
            let token = try await client.token(Self.app, Self.secret)
            let page = try await client.list("user_id_type=user_id&page_size=2", token: token).decode(InterviewerPage.self)
            let pageToken = try #require(page.pageToken)
            #expect(try await client.list("user_id_type=user_id&page_size=2&page_token=\(pageToken)", token: token).code == 0)
            // Another page size is fine; other filters are not.
            #expect(try await client.list("user_id_type=user_id&page_size=5&page_token=\(pageToken)", token: token).code == 0)
            #expect(try await client.list("user_id_type=user_id&verify_status=2&page_token=\(pageToken)", token: token).code == 1_002_002)
            #expect(try await client.list("page_token=\(pageToken)", token: token).code == 1_002_002)
            var altered = Array(pageToken)
            altered[altered.count / 2] = altered[altered.count / 2] == "A" ? "B" : "A"
            #expect(try await client.list("user_id_type=user_id&page_token=\(String(altered))", token: token).code == 1_002_002)
            // Another tenant's app cannot use it.
            let acme = try await client.token()
            #expect(try await client.list("user_id_type=user_id&page_token=\(pageToken)", token: acme).code == 1_002_002)
        }
    }

    @Test func pageTokensExpireAfterAnHour() async throws {
        let clock = TestClock()
        try await withServer(clock: clock.clock, data: [Self.many]) { client, _ in
            let token = try await client.token(Self.app, Self.secret)
            let page = try await client.list("page_size=2", token: token).decode(InterviewerPage.self)
            clock.advance(seconds: 3601)
            let fresh = try await client.token(Self.app, Self.secret)
            let reply = try await client.list("page_size=2&page_token=\(try #require(page.pageToken))", token: fresh)
            #expect(reply.code == 1_002_002)
            #expect(reply.msg?.contains("expired") == true)
        }
    }

    @Test func pagingWhileInterviewersChangeNeitherRepeatsNorSkips() async throws {
        try await withServer(data: [Self.many]) { client, _ in
            let token = try await client.token(Self.app, Self.secret)
            var seen: [String] = []
            var pageToken: String?
            var round = 0
            repeat {
                let tokenQuery = pageToken.map { "&page_token=\($0)" } ?? ""
                let page = try await client.list("user_id_type=user_id&page_size=4" + tokenQuery, token: token)
                    .decode(InterviewerPage.self)
                seen += page.items?.compactMap(\.userID) ?? []
                pageToken = page.pageToken
                // Move someone already seen and someone not yet seen to the end.
                for user in [String(format: "u%02d", round), String(format: "u%02d", 24 - round)] {
                    #expect(try await client.patch(user, #"{"interviewer":{"verify_status":2}}"#, token: token, userIDType: "user_id").code == 0)
                }
                round += 1
            } while pageToken != nil
            #expect(seen == (0..<25).map { String(format: "u%02d", $0) })
        }
    }
}
