import Foundation
import HireCLIKit
import Synchronization
import Testing

@testable import Feishu

/// The five operations of issue 12 on the wire, against a stub: paths, percent-encoding,
/// query names and order, repeated `ids`, and what the SDK makes of the answers.
@Suite("issue 12's requests, on the wire")
struct InterviewRequestTests {
    /// Runs `body` with a stub answering `gets` and a client of it.
    func withStub(
        _ gets: [String: @Sendable (StubServer.SeenRequest) -> StubServer.Answer],
        _ body: (StubServer, FeishuClient) async throws -> Void
    ) async throws {
        let stub = try await StubServer.start(gets: gets)
        let client = FeishuClient(appID: "cli_stub", appSecret: "secret", baseURL: stub.baseURL)
        do {
            try await client.withShutdown { try await body(stub, $0) }
        } catch {
            await stub.stop()
            throw error
        }
        await stub.stop()
    }

    @Test("interview.list: every filter, in the official SDK's order; times in milliseconds; items decoded")
    func listInterviews() async throws {
        let page = StubServer.success(#"""
            {"items":[{"id":"iv-1","application_id":"app/1","begin_time":1618899376474,"round":2,
              "interview_record_list":[{"id":"rec-1","conclusion":1}]}],"has_more":true,"page_token":"next"}
            """#)
        try await withStub([Endpoint.listInterviews.path: { _ in page }]) { stub, client in
            let result = try await client.hire.v1.interview.listPage(
                pageSize: 20, pageToken: "pt", applicationID: "app/1", interviewID: "i1",
                startTime: Date(feishuMilliseconds: 1_618_899_376_474), endTime: Date(feishuMilliseconds: 1_618_999_376_474),
                jobLevelIDType: .jobLevelID, userIDType: .openID)
            #expect(stub.requests.map(\.uri) == [
                "/open-apis/hire/v1/interviews?page_size=20&page_token=pt&application_id=app%2F1&interview_id=i1"
                    + "&start_time=1618899376474&end_time=1618999376474&job_level_id_type=job_level_id&user_id_type=open_id"
            ])
            #expect(stub.requests.first?.method == "GET")
            #expect(stub.requests.first?.body == "")
            let interview = try #require(result.items?.only)
            #expect(interview.applicationID == "app/1")
            #expect(interview.beginDate == Date(feishuMilliseconds: 1_618_899_376_474))
            #expect(interview.interviewRecordList?.first?.conclusion == .pass)
            #expect(result.hasMore == true)
            #expect(result.pageToken == "next")

            _ = try await client.hire.v1.interview.listPage(applicationID: "a")
            #expect(stub.requests.last?.uri == "/open-apis/hire/v1/interviews?application_id=a")
        }
    }

    @Test("the paging sequence follows page_token until has_more is false, for any Page<Item>")
    func pagedSequence() async throws {
        let pages: @Sendable (StubServer.SeenRequest) -> StubServer.Answer = { request in
            switch request.uri.components(separatedBy: "page_token=").dropFirst().first?.prefix(2) {
            case nil: StubServer.success(#"{"items":[{"id":"a"},{"id":"b"}],"has_more":true,"page_token":"p2"}"#)
            case "p2": StubServer.success(#"{"items":[{"id":"c"}],"has_more":true,"page_token":"p3"}"#)
            default: StubServer.success(#"{"items":[{"id":"d"}],"has_more":false}"#)
            }
        }
        try await withStub([Endpoint.listApplicationInterviews.path: pages, Endpoint.listInterviews.path: pages]) {
            stub, client in
            var ids: [String] = []
            for try await interview in client.hire.v1.applicationInterview.list(applicationID: "app", pageSize: 2) {
                ids.append(interview.id ?? "?")
            }
            #expect(ids == ["a", "b", "c", "d"])
            #expect(stub.requests.map(\.uri) == [
                "/open-apis/hire/v1/applications/app/interviews?page_size=2",
                "/open-apis/hire/v1/applications/app/interviews?page_size=2&page_token=p2",
                "/open-apis/hire/v1/applications/app/interviews?page_size=2&page_token=p3",
            ])

            var pageSizes: [Int] = []
            for try await page in client.hire.v1.interview.list(interviewID: "x").pages {
                pageSizes.append(page.data?.items?.count ?? 0)
                #expect(page.logID == "20250227144359STUB")
            }
            #expect(pageSizes == [2, 1, 1])

            let built = PagedSequence(client: client, firstPage: .listInterviews(applicationID: "y"))
            var count = 0
            for try await _ in built { count += 1 }
            #expect(count == 4)
        }
    }

    @Test("application_interview.list: the application ID percent-encoded in the path; people_admin_id accepted")
    func listApplicationInterviews() async throws {
        let page = StubServer.success(#"{"items":[{"id":"iv","begin_time":1618899376474,"end_time":1618999376474,"stage_id":"s"}],"has_more":false}"#)
        try await withStub([Endpoint.listApplicationInterviews.path: { _ in page }]) { stub, client in
            let result = try await client.hire.v1.applicationInterview.listPage(
                applicationID: "app/1 x", pageSize: 20, pageToken: "x", userIDType: .peopleAdminID,
                jobLevelIDType: .peopleAdminJobLevelID)
            #expect(stub.requests.map(\.uri) == [
                "/open-apis/hire/v1/applications/app%2F1%20x/interviews?page_size=20&page_token=x"
                    + "&user_id_type=people_admin_id&job_level_id_type=people_admin_job_level_id"
            ])
            let interview = try #require(result.items?.only)
            #expect(interview.beginDate == Date(feishuMilliseconds: 1_618_899_376_474))
            #expect(interview.endDate == Date(feishuMilliseconds: 1_618_999_376_474))
            #expect(interview.stageID == "s")

            let error = await feishuError { _ = try await client.hire.v1.applicationInterview.listPage(applicationID: "") }
            #expect(error?.kind == .invalidRequest)
        }
    }

    @Test("interview_record.get: the record ID percent-encoded; data.interview_record returned; its absence an error")
    func getInterviewRecord() async throws {
        let record = StubServer.success(#"{"interview_record":{"id":"rec 1","conclusion":2,"feedback_submit_time":1618999376474}}"#)
        let empty = StubServer.success("{}")
        try await withStub([
            Endpoint.getInterviewRecord.path: { request in request.uri.contains("empty") ? empty : record }
        ]) { stub, client in
            let result = try await client.hire.v1.interviewRecord.get(interviewRecordID: "rec 1", userIDType: .unionID)
            #expect(stub.requests.map(\.uri) == ["/open-apis/hire/v1/interview_records/rec%201?user_id_type=union_id"])
            #expect(result.id == "rec 1")
            #expect(result.conclusion == .fail)
            #expect(result.feedbackSubmitDate == Date(feishuMilliseconds: 1_618_999_376_474))

            let error = await feishuError { _ = try await client.hire.v1.interviewRecord.get(interviewRecordID: "empty") }
            #expect(error?.kind == .undecodableResponse)
            #expect(error?.msg == "the answer has no data.interview_record")
            #expect(error?.logID == "20250227144359STUB")
        }
    }

    @Test("interview_record.list: ids repeated, never comma-joined; long lists sent 100 at a time; none, no request")
    func listInterviewRecords() async throws {
        let answer: @Sendable (StubServer.SeenRequest) -> StubServer.Answer = { request in
            let ids = request.uri.components(separatedBy: "&").compactMap { part -> String? in
                let pair = part.split(separator: "=", maxSplits: 1)
                return pair.first.map { $0.hasSuffix("ids") } == true ? pair.last?.removingPercentEncoding : nil
            }
            let items = ids.map { #"{"id":"\#($0)"}"# }.joined(separator: ",")
            return StubServer.success(#"{"items":[\#(items)],"has_more":false}"#)
        }
        try await withStub([Endpoint.listInterviewRecords.path: answer]) { stub, client in
            let records = client.hire.v1.interviewRecord
            let page = try await records.listPage(ids: ["a", "b", "c"], pageSize: 10, userIDType: .openID)
            #expect(stub.requests.map(\.uri) == [
                "/open-apis/hire/v1/interview_records?page_size=10&ids=a&ids=b&ids=c&user_id_type=open_id"
            ])
            #expect(page.items?.map(\.id) == ["a", "b", "c"])

            let named = try await records.list(ids: ["x/1", "y 2"], userIDType: .userID)
            #expect(stub.requests.last?.uri == "/open-apis/hire/v1/interview_records?ids=x%2F1&ids=y%202&user_id_type=user_id")
            #expect(named.map(\.id) == ["x/1", "y 2"])

            let before = stub.requests.count
            #expect(try await records.list(ids: []) == [])
            #expect(stub.requests.count == before)

            let many = (1...250).map { "r\($0)" }
            let all = try await records.list(ids: many)
            #expect(all.map(\.id) == many)
            let sent = stub.requests.dropFirst(before).map { $0.uri.components(separatedBy: "ids=").count - 1 }
            #expect(sent == [100, 100, 50])

            for try await _ in records.list(pageSize: 5) {}
            #expect(stub.requests.last?.uri == "/open-apis/hire/v1/interview_records?page_size=5")
        }
    }

    @Test("interview_round_type.list: process_type as its integer, or absent; the list decoded")
    func listInterviewRoundTypes() async throws {
        let list = StubServer.success(#"""
            {"active_status":1,"items":[{"id":"6949805467799537964","biz_id":"b1","name":{"zh_cn":"一面","en_us":"Round one"},
              "process_type":1,"active_status":2,"interview_assessment_template_info":{"id":"t","biz_id":"tb","name":{"zh_cn":"模板"}}}]}
            """#)
        try await withStub([Endpoint.listInterviewRoundTypes.path: { _ in list }]) { stub, client in
            let result = try await client.hire.v1.interviewRoundType.list(processType: .campus)
            _ = try await client.hire.v1.interviewRoundType.list()
            #expect(stub.requests.map(\.uri) == [
                "/open-apis/hire/v1/interview_round_types?process_type=2", "/open-apis/hire/v1/interview_round_types",
            ])
            #expect(result.activeStatus == .active)
            let roundType = try #require(result.items?.only)
            #expect(roundType.name == I18nText(zhCN: "一面", enUS: "Round one"))
            #expect(roundType.processType == .social)
            #expect(roundType.activeStatus == .inactive)
            #expect(roundType.bizID == "b1")
            #expect(roundType.interviewAssessmentTemplateInfo?.bizID == "tb")
        }
    }

    @Test("the CLI sends the same requests: interview list filters, repeated --id, --process-type by name")
    func cliRequests() async throws {
        let empty = StubServer.success(#"{"items":[],"has_more":false}"#)
        let roundTypes = StubServer.success(#"{"active_status":1,"items":[{"id":"r","name":{"zh_cn":"一面"},"process_type":2}]}"#)
        let stub = try await StubServer.start(gets: [
            Endpoint.listInterviews.path: { _ in empty }, Endpoint.listInterviewRecords.path: { _ in empty },
            Endpoint.listInterviewRoundTypes.path: { _ in roundTypes },
        ])
        let environment = [
            "FEISHU_APP_ID": "cli_stub", "FEISHU_APP_SECRET": "secret", "FEISHU_BASE_URL": stub.baseURL.absoluteString,
        ]
        func run(_ arguments: [String]) async -> CLIRun { await hire(arguments, server: nil, environment: environment) }

        let interviews = await run([
            "interviews", "list", "--application-id", "app/1", "--start-time", "2021-04-20", "--end-time", "2021-04-20",
            "--user-id-type", "user_id",
        ])
        #expect(interviews.status == 0, "\(interviews.stderr)")
        #expect(interviews.stdout == "No interviews.\n")
        let records = await run(["interview-record", "list", "--id", "a,b", "--id", "c", "--json"])
        #expect(records.stdout == #"{"items":[],"has_more":false}"# + "\n")
        let allRecords = await run(["interview-records", "list", "--all", "--json"])
        #expect(allRecords.stdout == "[]\n")
        let rounds = await run(["round-types", "list", "--process-type", "campus"])
        #expect(rounds.status == 0, "\(rounds.stderr)")
        #expect(rounds.stdout.contains("r   一面  2 (campus)"))
        let badProcess = await run(["round-type", "list", "--process-type", "3"])
        #expect(badProcess.status == 2)

        // Asia/Shanghai: 2021-04-20 is 1618848000000 … 1618934399999.
        #expect(stub.requests.map(\.uri) == [
            "/open-apis/hire/v1/interviews?application_id=app%2F1&start_time=1618848000000&end_time=1618934399999"
                + "&user_id_type=user_id",
            "/open-apis/hire/v1/interview_records?ids=a&ids=b&ids=c",
            "/open-apis/hire/v1/interview_records?page_size=100",
            "/open-apis/hire/v1/interview_round_types?process_type=2",
        ])

        let noFilter = await run(["interview", "list"])
        #expect(noFilter.status == 2)
        #expect(noFilter.stderr.hasPrefix(
            "error: Give at least one of --application-id, --interview-id, --start-time and --end-time."))
        #expect(noFilter.stderr.contains("USAGE: hire interview list"))
        await stub.stop()
    }
}
