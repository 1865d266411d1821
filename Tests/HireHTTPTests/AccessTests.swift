import FeishuWire
import Foundation
import HireCore
import HireServerKit
import HireTestSupport
import HTTPTypes
import NIOCore
import Testing

@Suite("HTTP: tokens and scopes on resource endpoints")
struct AccessTests {
    static let resources: [(HTTPRequest.Method, String, String?)] = [
        (.patch, "/open-apis/hire/v1/interviewers/bob?user_id_type=user_id", #"{"interviewer":{"verify_status":1}}"#),
        (.get, "/open-apis/hire/v1/interviewers", nil),
        (.get, "/open-apis/hire/v1/interviews/get_by_talent?talent_id=T1", nil),
    ]

    @Test func aMissingOrMalformedAuthorizationAnswers99991661() async throws {
        try await withServer { client, _ in
            for (method, uri, body) in Self.resources {
                for header in [nil, "Basic abc", "Bearer", "Bearer ", "t-abc"] as [String?] {
                    var headers: HTTPFields = [:]
                    if let header { headers[.authorization] = header }
                    let reply = try await client.raw(method, uri, headers: headers, body: body.map { .init(string: $0) })
                    #expect(reply.status == .badRequest && reply.code == 99_991_661, "\(uri) \(header ?? "none")")
                }
            }
        }
    }

    @Test func unknownAndExpiredTokensAnswer99991663() async throws {
        let clock = TestClock()
        try await withServer(clock: clock.clock) { client, _ in
            let token = try await client.token()
            for (method, uri, body) in Self.resources {
                let forged = try await client.send(method, uri, token: "t-0000000000000000000000000000000000000000", body: body)
                #expect(forged.status == .badRequest && forged.code == 99_991_663 && forged.msg == "Invalid access token for authorization")
            }
            clock.advance(seconds: 2 * 3600)
            let expired = try await client.list(token: token)
            #expect(expired.code == 99_991_663)
        }
    }

    @Test func anAppWithoutTheScopeIsRefusedBeforeAnythingIsLookedUp() async throws {
        try await withServer { client, _ in
            let reader = try await client.token(Fixtures.acmeReader, Fixtures.acmeReaderSecret)
            for id in ["bob", "nobody"] {
                let reply = try await client.patch(id, #"{"interviewer":{"verify_status":2}}"#, token: reader, userIDType: "user_id")
                #expect(reply.status == .badRequest && reply.code == 99_991_672)
                #expect(reply.msg == "Access denied. One of the following scopes is required: [hire:interviewer]")
                #expect(reply.permissionViolations.map(\.type) == ["action_scope_required"])
                #expect(reply.permissionViolations.map(\.subject) == ["hire:interviewer"])
            }
            #expect(try await client.list(token: reader).code == 99_991_672)
            #expect(try await client.byTalent("talent_id=T1", token: reader).code == 0)

            let interviewerOnly = try await client.token(Fixtures.acmeOther, Fixtures.acmeOtherSecret)
            let reply = try await client.list("user_id_type=user_id", token: interviewerOnly)
            #expect(reply.code == 99_991_672)
            #expect(reply.msg == "Access denied. One of the following scopes is required: [contact:user.employee_id:readonly]")
            #expect(reply.permissionViolations.map(\.type) == ["field_scope_required"])
            // get_by_talent accepts either interview scope; lists both when neither is held.
            let demo = try await client.token(DemoData.appID, DemoData.appSecret)
            #expect(try await client.byTalent("talent_id=\(DemoData.talentID)", token: demo).code == 0)
        }
    }

    @Test func getByTalentNamesBothAcceptedScopes() async throws {
        let noInterviewScope = """
            {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "acme0000000000001",
              "apps": [{"app_id": "cli_acac00000000000a", "app_secret": "s", "scopes": ["hire:interviewer"]}]}]}
            """
        try await withServer(data: [noInterviewScope]) { client, _ in
            let token = try await client.token("cli_acac00000000000a", "s")
            let reply = try await client.byTalent("talent_id=T1", token: token)
            #expect(reply.code == 99_991_672)
            #expect(reply.msg == "Access denied. One of the following scopes is required: [hire:interview:readonly,hire:interview]")
            #expect(reply.permissionViolations.map(\.subject) == ["hire:interview:readonly", "hire:interview"])
        }
    }
}
