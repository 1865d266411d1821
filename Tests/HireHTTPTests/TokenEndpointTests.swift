import FeishuWire
import Foundation
import HireCore
import HireServerKit
import HireTestSupport
import HTTPTypes
import NIOCore
import Testing

@Suite("HTTP: token endpoints")
struct TokenEndpointTests {
    let tenantPath = "/open-apis/auth/v3/tenant_access_token/internal"
    let appPath = "/open-apis/auth/v3/app_access_token/internal"

    @Test func aTokenHasNoDataWrapperAndLivesTwoHours() async throws {
        try await withServer { client, _ in
            let reply = try await client.send(
                .post, tenantPath, body: #"{"app_id":"\#(DemoData.appID)","app_secret":"\#(DemoData.appSecret)"}"#)
            #expect(reply.status == .ok)
            #expect(reply.object.keys.sorted() == ["code", "expire", "msg", "tenant_access_token"])
            #expect(reply.code == 0 && reply.msg == "ok")
            #expect(reply.object["expire"]?.integerValue == 7200)
            let token = try #require(reply.object["tenant_access_token"]?.stringValue)
            #expect(token.hasPrefix("t-") && token.count == 42)
        }
    }

    @Test func theSameTokenComesBackWhileThirtyMinutesAreLeft() async throws {
        let clock = TestClock()
        try await withServer(clock: clock.clock) { client, _ in
            let first = try await client.token()
            clock.advance(seconds: 90 * 60)
            let reply = try await client.send(
                .post, tenantPath, body: #"{"app_id":"\#(Fixtures.acmeApp)","app_secret":"\#(Fixtures.acmeSecret)"}"#)
            #expect(reply.object["tenant_access_token"]?.stringValue == first)
            #expect(reply.object["expire"]?.integerValue == 1800)
            clock.advance(seconds: 1)
            let second = try await client.token()
            #expect(second != first)
            // Both work until their own expiry.
            for token in [first, second] {
                #expect(try await client.list(token: token).code == 0)
            }
            clock.advance(seconds: 30 * 60)
            #expect(try await client.list(token: first).code == 99_991_663)
            #expect(try await client.list(token: second).code == 0)
        }
    }

    @Test func theAppTokenEndpointAnswersBothTokens() async throws {
        try await withServer { client, _ in
            let reply = try await client.send(
                .post, appPath, body: #"{"app_id":"\#(Fixtures.acmeApp)","app_secret":"\#(Fixtures.acmeSecret)"}"#)
            let app = try #require(reply.object["app_access_token"]?.stringValue)
            #expect(reply.object["tenant_access_token"]?.stringValue == app)
            #expect(try await client.list(token: app).code == 0)
        }
    }

    @Test(arguments: [
        "", "not json", "[]", #"{"app_id":"cli_acac000000000001"}"#, #"{"app_secret":"x"}"#,
        #"{"app_id":1,"app_secret":"x"}"#, #"{"app_id":"","app_secret":"x"}"#, #"{"app_id":"cli_acac000000000001","app_secret":null}"#,
    ])
    func malformedRequestsAnswer10003WithHTTP200(body: String) async throws {
        try await withServer { client, _ in
            for path in [tenantPath, appPath] {
                let reply = try await client.send(.post, path, body: body)
                #expect(reply.status == .ok)
                #expect(reply.text == #"{"code":10003,"msg":"invalid param","data":{}}"#)
                #expect(reply.logID != nil)
            }
        }
    }

    @Test func unknownAppsAndWrongSecretsAnswer10014() async throws {
        try await withServer { client, _ in
            let unknown = try await client.send(.post, tenantPath, body: #"{"app_id":"cli_nope","app_secret":"x"}"#)
            #expect(unknown.status == .ok && unknown.code == 10014 && unknown.msg == "app id not exists")
            let wrong = try await client.send(
                .post, tenantPath, body: #"{"app_id":"\#(Fixtures.acmeApp)","app_secret":"\#(Fixtures.acmeReaderSecret)"}"#)
            #expect(wrong.status == .ok && wrong.code == 10014 && wrong.msg == "app secret invalid")
        }
    }
}
