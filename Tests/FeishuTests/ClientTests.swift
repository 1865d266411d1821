import AsyncHTTPClient
import Foundation
import Logging
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

@Suite("the client")
struct ClientTests {
    @Test("an injected HTTPClient is used and left running by shutdown()")
    func injectedHTTPClient() async throws {
        try await withServer { server in
            let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
            let client = FeishuClient(
                appID: DemoData.appID, appSecret: DemoData.appSecret, baseURL: URL(string: server.baseURL)!,
                httpClient: httpClient)
            _ = try await client.hire.v1.interviewer.listPage()
            try await client.shutdown()
            try await client.shutdown()

            // Still running: another client can use it.
            let other = FeishuClient(
                appID: DemoData.appID, appSecret: DemoData.appSecret, baseURL: URL(string: server.baseURL)!,
                httpClient: httpClient)
            _ = try await other.hire.v1.interview.getByTalent(talentID: DemoData.talentID)
            try await other.shutdown()
            try await httpClient.shutdown()
        }
    }

    @Test("an owned HTTPClient is shut down: later calls fail as invalid requests")
    func ownedHTTPClientShutDown() async throws {
        try await withServer { server in
            let client = FeishuClient(
                appID: DemoData.appID, appSecret: DemoData.appSecret, baseURL: URL(string: server.baseURL)!)
            _ = try await client.hire.v1.interviewer.listPage()
            try await client.shutdown()
            try await client.shutdown()
            let error = await feishuError {
                _ = try await client.hire.v1.interviewer.listPage()
            }
            #expect(error?.kind == .invalidRequest)
        }
    }

    @Test("logs name requests but never the secret, a token or the Authorization header")
    func logsHoldNoSecrets() async throws {
        try await withServer { server in
            let logs = LogCapture()
            let token = try await server.demoToken()
            try await withClient(server, configuration: .init(logger: logs.logger(level: .trace))) { client in
                _ = try await client.hire.v1.interviewer.patch(
                    interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified)
                _ = try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID)
                _ = try await client.hire.v1.interviewer.listPage(options: .tenantAccessToken(token))
                _ = await feishuError {
                    _ = try await client.hire.v1.interviewer.listPage(options: .tenantAccessToken("t-secret-own-token"))
                }
            }
            let text = logs.lines.joined(separator: "\n")
            #expect(text.contains("hire.v1.interviewer.patch"))
            #expect(text.contains("fetched a tenant access token"))
            #expect(!text.contains(DemoData.appSecret))
            #expect(!text.contains(token))
            #expect(!text.contains("t-secret-own-token"))
            #expect(!text.lowercased().contains("bearer"))
            #expect(!text.lowercased().contains("authorization"))
        }
    }

    @Test("on the wire: User-Agent, Bearer token, JSON body with charset, encoded path, extra headers")
    func wire() async throws {
        let stub = try await StubServer.start(patch: .init(
            status: 200, contentType: "application/json",
            body: #"{"code":0,"msg":"success","data":{"interviewer":{"user_id":"ou_a b","verify_status":2}}}"#))
        let client = FeishuClient(appID: DemoData.appID, appSecret: DemoData.appSecret, baseURL: stub.baseURL)
        let interviewer = try await client.hire.v1.interviewer.patch(
            interviewerID: "ou_a b", verifyStatus: .verified, userIDType: .openID,
            options: RequestOptions(headers: ["X-Request-Id": "abc", "Authorization": "Bearer stolen"]))
        #expect(interviewer.userID == "ou_a b")
        let request = try #require(stub.requests.only)
        #expect(request.method == "PATCH")
        #expect(request.uri == "/open-apis/hire/v1/interviewers/ou_a%20b?user_id_type=open_id")
        #expect(request.headers["user-agent"] == "feishu-swift/\(FeishuClient.version)")
        #expect(request.headers["content-type"] == "application/json; charset=utf-8")
        #expect(request.headers["authorization"] == "Bearer t-stub")
        #expect(request.headers["x-request-id"] == "abc")
        #expect(request.body == #"{"interviewer":{"verify_status":2}}"#)
        try await client.shutdown()
        await stub.stop()
    }

    @Test("a success without data.interviewer is an undecodable response")
    func patchWithoutData() async throws {
        let stub = try await StubServer.start(patch: .init(
            status: 200, contentType: "application/json", body: #"{"code":0,"msg":"success","data":{}}"#))
        let client = FeishuClient(appID: DemoData.appID, appSecret: DemoData.appSecret, baseURL: stub.baseURL)
        let error = await feishuError {
            try await client.hire.v1.interviewer.patch(interviewerID: "ou_1", verifyStatus: .verified)
        }
        #expect(error?.kind == .undecodableResponse)
        #expect(error?.logID == "20250227144359STUB")
        try await client.shutdown()
        await stub.stop()
    }
}

@Suite("request building")
struct RequestBuildingTests {
    let base = URL(string: "http://127.0.0.1:8080")!

    @Test("path parameters are percent-encoded, one segment each")
    func pathEncoding() throws {
        let request = FeishuRequest.patchInterviewer(interviewerID: "a/b c?d#é", verifyStatus: .verified)
        #expect(try request.url(baseURL: base) == "http://127.0.0.1:8080/open-apis/hire/v1/interviewers/a%2Fb%20c%3Fd%23%C3%A9")
    }

    @Test("user_ids are repeated query parameters; times are millisecond strings")
    func listQuery() throws {
        let request = FeishuRequest.listInterviewers(
            pageSize: 50, pageToken: "tok+/=", userIDs: ["ou_1", "ou 2"], verifyStatus: .verified,
            earliestUpdateTime: Date(feishuMilliseconds: 1_714_374_796_615),
            latestUpdateTime: Date(feishuMilliseconds: 1_714_374_800_000), userIDType: .userID)
        #expect(
            try request.url(baseURL: base)
                == "http://127.0.0.1:8080/open-apis/hire/v1/interviewers?page_size=50&page_token=tok%2B%2F%3D"
                + "&user_ids=ou_1&user_ids=ou%202&verify_status=2&earliest_update_time=1714374796615"
                + "&latest_update_time=1714374800000&user_id_type=user_id")
        let next = request.setting("page_token", to: "next")
        #expect(next.query.filter { $0.name == "page_token" } == [QueryParameter("page_token", "next")])
        #expect(FeishuRequest.listInterviewers().query.isEmpty)
    }

    @Test("get_by_talent sends the talent and the ID types")
    func byTalentQuery() throws {
        let request = FeishuRequest.interviewsByTalent(
            talentID: "6949805467799537964", userIDType: .peopleAdminID, jobLevelIDType: .peopleAdminJobLevelID)
        #expect(
            try request.url(baseURL: base)
                == "http://127.0.0.1:8080/open-apis/hire/v1/interviews/get_by_talent?talent_id=6949805467799537964"
                + "&user_id_type=people_admin_id&job_level_id_type=people_admin_job_level_id")
    }

    @Test("a base URL may have a path prefix and a trailing slash; it must be http(s)")
    func baseURLs() throws {
        let request = FeishuRequest.interviewsByTalent(talentID: "1")
        #expect(
            try request.url(baseURL: URL(string: "https://proxy.example/feishu/")!)
                == "https://proxy.example/feishu/open-apis/hire/v1/interviews/get_by_talent?talent_id=1")
        #expect(throws: FeishuError.self) { try request.url(baseURL: URL(string: "ftp://example.com")!) }
        #expect(throws: FeishuError.self) { try request.url(baseURL: URL(string: "file:///tmp")!) }
    }
}

@Suite("retry policy")
struct RetryPolicyTests {
    let rateLimited = FeishuError(kind: .api, code: .rateLimited, msg: "limited", retryAfter: .seconds(2))
    let transport = FeishuError(kind: .transport, msg: "refused")

    @Test("none never retries; attempts are bounded")
    func bounded() {
        #expect(RetryPolicy.none.delay(after: transport, attempt: 1) == nil)
        let policy = RetryPolicy(maximumAttempts: 3)
        #expect(policy.delay(after: transport, attempt: 1) != nil)
        #expect(policy.delay(after: transport, attempt: 2) != nil)
        #expect(policy.delay(after: transport, attempt: 3) == nil)
    }

    @Test("rate limits wait for the reset, unless it is beyond the longest wait")
    func honoursReset() {
        #expect(RetryPolicy(maximumBackoff: .seconds(10)).delay(after: rateLimited, attempt: 1) == .seconds(2))
        #expect(RetryPolicy(maximumBackoff: .seconds(1)).delay(after: rateLimited, attempt: 1) == nil)
        #expect(RetryPolicy(retriesRateLimited: false).delay(after: rateLimited, attempt: 1) == nil)
    }

    @Test("transport backoff doubles, with jitter, and is capped")
    func backoff() {
        let policy = RetryPolicy(maximumAttempts: 10, initialBackoff: .milliseconds(100), maximumBackoff: .milliseconds(300))
        for _ in 0..<20 {
            let first = policy.delay(after: transport, attempt: 1)!
            #expect(first >= .milliseconds(50) && first <= .milliseconds(100))
            let second = policy.delay(after: transport, attempt: 2)!
            #expect(second >= .milliseconds(100) && second <= .milliseconds(200))
            let late = policy.delay(after: transport, attempt: 8)!
            #expect(late >= .milliseconds(150) && late <= .milliseconds(300))
        }
        #expect(RetryPolicy(retriesTransportFailures: false).delay(after: transport, attempt: 1) == nil)
    }

    @Test("other failures are never retried")
    func notRetried() {
        let policy = RetryPolicy.standard
        for error in [
            FeishuError(kind: .api, code: .invalidParameter, msg: "bad"),
            FeishuError(kind: .api, code: .invalidAccessToken, msg: "expired"),
            FeishuError(kind: .undecodableResponse, msg: "html"),
            FeishuError(kind: .invalidRequest, msg: "no"),
            FeishuError(kind: .cancelled, msg: "stop"),
        ] {
            #expect(policy.delay(after: error, attempt: 1) == nil)
        }
    }
}
