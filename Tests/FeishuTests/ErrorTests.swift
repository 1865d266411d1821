import Foundation
import HireCore
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

@Suite("errors")
struct ErrorTests {
    @Test("99991672 carries the permission violations: an endpoint's scope")
    func actionScopeRequired() async throws {
        try await withServer(data: [Fixtures.readonlyApp]) { server in
            try await withClient(server, appID: Fixtures.readonlyAppID, appSecret: Fixtures.readonlyAppSecret) { client in
                let error = await feishuError {
                    try await client.hire.v1.interviewer.patch(
                        interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified)
                }
                #expect(error?.kind == .api)
                #expect(error?.code == .scopeRequired)
                #expect(error?.httpStatus == 400)
                #expect(error?.permissionViolations == [
                    PermissionViolation(type: PermissionViolation.actionScopeRequired, subject: "hire:interviewer")
                ])
                #expect(error?.logID?.isEmpty == false)
                // What the app may do still works.
                let applications = try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID)
                #expect(applications.count == 1)
            }
        }
    }

    @Test("99991672 carries the permission violations: a field's scope (user_id)")
    func fieldScopeRequired() async throws {
        try await withServer(data: [Fixtures.readonlyApp]) { server in
            try await withClient(server, appID: Fixtures.readonlyAppID, appSecret: Fixtures.readonlyAppSecret) { client in
                let error = await feishuError {
                    _ = try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID, userIDType: .userID)
                }
                #expect(error?.code == .scopeRequired)
                #expect(error?.permissionViolations.first?.type == PermissionViolation.fieldScopeRequired)
                #expect(error?.permissionViolations.first?.subject == "contact:user.employee_id:readonly")
            }
        }
    }

    @Test("99991400 says when to retry; without a retry policy the caller gets it")
    func rateLimited() async throws {
        let frozen = TestClock()
        try await withServer(rateLimit: RateLimitPolicy(perSecond: 1, perMinute: 1000), clock: frozen.clock) { server in
            try await withClient(server) { client in
                _ = try await client.hire.v1.interviewer.listPage()
                let error = await feishuError { _ = try await client.hire.v1.interviewer.listPage() }
                #expect(error?.kind == .api)
                #expect(error?.isRateLimited == true)
                #expect(error?.httpStatus == 429)
                #expect(error?.rateLimit == 1)
                let retryAfter = try #require(error?.retryAfter)
                #expect(retryAfter >= .seconds(1) && retryAfter <= .seconds(2))
                #expect(server.requests(to: Path.interviewers) == 2)
            }
        }
    }

    @Test("the opt-in retry policy waits for the rate limit's reset and tries again")
    func rateLimitedRetried() async throws {
        let clock = AlignedClock()
        try await withServer(rateLimit: RateLimitPolicy(perSecond: 1, perMinute: 1000), clock: clock.clock) { server in
            let logs = LogCapture()
            let configuration = FeishuClient.Configuration(retryPolicy: .standard, logger: logs.logger())
            try await withClient(server, configuration: configuration) { client in
                // Fetch the token and open a connection first, so the next two calls follow at once.
                _ = try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID)
                clock.freezeAtNextSecond()
                _ = try await client.hire.v1.interviewer.listPage()
                let started = ContinuousClock.now
                // Once the second call has been refused, the window ends for the retry.
                let resume = Task {
                    while !logs.lines.contains(where: { $0.contains("retrying") }) {
                        try await Task.sleep(for: .milliseconds(5))
                    }
                    clock.resumeAfterFrozenSecond()
                }
                defer { resume.cancel() }
                let page = try await client.hire.v1.interviewer.listPage()
                #expect(page.items == [])
                #expect(ContinuousClock.now - started >= .milliseconds(900))
                #expect(server.requests(to: Path.interviewers) == 3)
                #expect(logs.lines.filter { $0.contains("retrying") }.count == 1)
            }
        }
    }

    @Test("a rate limit whose reset is beyond the longest wait is not waited for")
    func rateLimitBeyondMaximumBackoff() async throws {
        let frozen = TestClock()
        try await withServer(rateLimit: RateLimitPolicy(perSecond: 1, perMinute: 1000), clock: frozen.clock) { server in
            let policy = RetryPolicy(maximumAttempts: 5, maximumBackoff: .milliseconds(100))
            try await withClient(server, configuration: .init(retryPolicy: policy)) { client in
                _ = try await client.hire.v1.interviewer.listPage()
                let error = await feishuError { _ = try await client.hire.v1.interviewer.listPage() }
                #expect(error?.isRateLimited == true)
                #expect(server.requests(to: Path.interviewers) == 2)
            }
        }
    }

    @Test("no answer is a transport failure; the retry policy tries it the set number of times")
    func transportFailure() async throws {
        let server = try await TestServer.start()
        let baseURL = URL(string: server.baseURL)!
        await server.stop()

        let logs = LogCapture()
        let policy = RetryPolicy(maximumAttempts: 3, initialBackoff: .milliseconds(10), maximumBackoff: .milliseconds(50))
        let client = FeishuClient(
            appID: DemoData.appID, appSecret: DemoData.appSecret, baseURL: baseURL,
            configuration: .init(connectTimeout: .milliseconds(500), retryPolicy: policy, logger: logs.logger()))
        let error = await feishuError { _ = try await client.hire.v1.interview.getByTalent(talentID: "1") }
        #expect(error?.kind == .transport)
        #expect(error?.code == nil)
        #expect(error?.httpStatus == nil)
        #expect(error?.underlying != nil)
        #expect(error?.description.hasPrefix("transport failure: ") == true)
        #expect(logs.lines.filter { $0.contains("retrying") }.count == 2)

        let once = await feishuError {
            _ = try await client.hire.v1.interview.getByTalent(talentID: "1", options: .init(retryPolicy: RetryPolicy.none))
        }
        #expect(once?.kind == .transport)
        #expect(logs.lines.filter { $0.contains("retrying") }.count == 2)
        try await client.shutdown()
    }

    @Test("API errors other than rate limits are not retried")
    func apiErrorsAreNotRetried() async throws {
        try await withServer { server in
            try await withClient(server, configuration: .init(retryPolicy: .standard)) { client in
                let error = await feishuError { _ = try await client.hire.v1.interview.getByTalent(talentID: "404") }
                #expect(error?.code == .invalidParameter)
                #expect(server.requests(to: Path.byTalent) == 1)
            }
        }
    }

    @Test("answers that are not the API's JSON are undecodable responses, with status and log id")
    func undecodableResponses() async throws {
        let stub = try await StubServer.start(answers: [
            "html": .init(status: 502, contentType: "text/html", body: "<html><body>502 Bad Gateway</body></html>"),
            "wrong-type": .init(status: 200, contentType: "application/json", body: #"{"code":0,"msg":"ok","data":{"items":"none"}}"#),
            "envelope-error": .init(
                status: 500, contentType: "application/json",
                body: #"{"code":1002001,"msg":"system error","error":{"log_id":"LOG-FROM-BODY"}}"#),
        ])
        let client = FeishuClient(appID: DemoData.appID, appSecret: DemoData.appSecret, baseURL: stub.baseURL)

        let html = await feishuError { _ = try await client.hire.v1.interview.getByTalent(talentID: "html") }
        #expect(html?.kind == .undecodableResponse)
        #expect(html?.httpStatus == 502)
        #expect(html?.code == nil)
        #expect(html?.logID == "20250227144359STUB")
        #expect(html?.msg.contains("502 Bad Gateway") == true)

        let wrongType = await feishuError { _ = try await client.hire.v1.interview.getByTalent(talentID: "wrong-type") }
        #expect(wrongType?.kind == .undecodableResponse)
        #expect(wrongType?.httpStatus == 200)
        #expect(wrongType?.msg.contains("data.items") == true)

        let systemError = await feishuError {
            _ = try await client.hire.v1.interview.getByTalent(talentID: "envelope-error")
        }
        #expect(systemError?.kind == .api)
        #expect(systemError?.code == .systemError)
        #expect(systemError?.httpStatus == 500)
        #expect(systemError?.logID == "LOG-FROM-BODY")

        try await client.shutdown()
        await stub.stop()
    }

    @Test("unknown members are ignored and missing ones are nil")
    func tolerantDecoding() async throws {
        let body = #"""
            {"code":0,"msg":"ok","new_top_level":true,"data":{"items":[{"application_id":"a1","future":{"x":[1,2]},
              "interview_list":[{"id":"i1","begin_time":1618899376474,"brand_new_field":"x",
                "interview_record_list":[{"id":"r1","conclusion":77,"commit_status":1,"unknown":null}]}]}],
              "extra":1}}
            """#
        let stub = try await StubServer.start(answers: ["t": .init(status: 200, contentType: "application/json", body: body)])
        let client = FeishuClient(appID: DemoData.appID, appSecret: DemoData.appSecret, baseURL: stub.baseURL)
        let applications = try await client.hire.v1.interview.getByTalent(talentID: "t")
        let interview = try #require(applications.first?.interviewList?.first)
        #expect(applications.first?.applicationID == "a1")
        #expect(interview.beginDate == Date(feishuMilliseconds: 1_618_899_376_474))
        #expect(interview.endTime == nil)
        #expect(interview.address == nil)
        #expect(interview.interviewRecordList?.first?.conclusion == InterviewConclusion(rawValue: 77))
        #expect(interview.interviewRecordList?.first?.commitStatus == .submitted)
        try await client.shutdown()
        await stub.stop()
    }
}
