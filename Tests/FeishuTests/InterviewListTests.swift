import Foundation
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

/// Issue 12's five operations against a real hire-server with the demo tenant and ``Fixtures/jobLevels``.
@Suite("hire.v1 interview lists, records and round types")
struct InterviewListTests {
    static let demoID = "6949805467799537964"

    /// Runs `body` with a server of the demo tenant and `data`, and a client of the demo app.
    func withDemo(
        data: [String] = [Fixtures.jobLevels], _ body: (TestServer, FeishuClient) async throws -> Void
    ) async throws {
        try await withServer(data: data) { server in try await withClient(server) { try await body(server, $0) } }
    }

    @Test("interview.list by application: the full interview model, as get_by_talent gives it")
    func listByApplication() async throws {
        try await withDemo(data: []) { server, client in
            let page = try await client.hire.v1.interview.listPage(applicationID: Self.demoID)
            let interview = try #require(page.items?.only)
            #expect(page.hasMore == false)
            #expect(interview.id == Self.demoID)
            #expect(interview.applicationID == Self.demoID)
            #expect(interview.beginDate == Date(feishuMilliseconds: 1_618_899_376_474))
            #expect(interview.interviewRoundType?.name?.enUS == "Round one")
            #expect(interview.creator?.name?.zhCN == "段誉")
            #expect(interview.interviewRecordList?.only?.id == Self.demoID)

            let byTalent = try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID)
            #expect(byTalent.only?.interviewList?.only == interview)

            let byID = try await client.hire.v1.interview.listPage(interviewID: Self.demoID, userIDType: .userID)
            #expect(byID.items?.only?.creator?.id == "u_duanyu")
        }
    }

    @Test("interview.list: start_time and end_time bound the begin time, inclusive; every page walked")
    func listByTime() async throws {
        try await withDemo { server, client in
            let interviews = client.hire.v1.interview
            func ids(_ start: Int64?, _ end: Int64?, pageSize: Int? = nil) async throws -> Set<String> {
                var ids: Set<String> = []
                for try await interview in interviews.list(
                    pageSize: pageSize, startTime: start.map(Date.init(feishuMilliseconds:)),
                    endTime: end.map(Date.init(feishuMilliseconds:)))
                {
                    ids.insert(interview.id ?? "?")
                }
                return ids
            }
            #expect(try await ids(1_699_990_000_000, 1_700_100_000_000) == ["iv-1", "iv-2", "iv-3"])
            #expect(try await ids(1_699_990_000_001, 1_700_099_999_999) == ["iv-2"])
            #expect(try await ids(1_700_000_000_000, nil) == ["iv-2", "iv-3"])
            #expect(try await ids(nil, 1_700_000_000_000) == [Self.demoID, "iv-1", "iv-2"])

            let before = server.requests(to: Endpoint.listInterviews.path)
            #expect(try await ids(1, nil, pageSize: 1) == [Self.demoID, "iv-1", "iv-2", "iv-3"])
            #expect(server.requests(to: Endpoint.listInterviews.path) - before >= 4)

            let app1 = try await interviews.listPage(applicationID: "app-1", startTime: Date(feishuMilliseconds: 1_700_000_000_000))
            #expect(app1.items?.map(\.id) == ["iv-2"])
        }
    }

    @Test("interview.list needs a filter, and a page size within 1…100")
    func listInterviewsErrors() async throws {
        try await withDemo(data: []) { server, client in
            let noFilter = await feishuError { _ = try await client.hire.v1.interview.listPage() }
            #expect(noFilter?.code == .invalidParameter)
            let tooLarge = await feishuError {
                _ = try await client.hire.v1.interview.listPage(pageSize: 101, applicationID: Self.demoID)
            }
            #expect(tooLarge?.code == .invalidParameter)
            #expect(tooLarge?.fieldViolations.first?.field == "page_size")
        }
    }

    @Test("application_interview.list: the historic model, paged by at most 50; people_admin_id; unknown application")
    func applicationInterviews() async throws {
        try await withDemo { server, client in
            let resource = client.hire.v1.applicationInterview
            let page = try await resource.listPage(applicationID: Self.demoID)
            let interview = try #require(page.items?.only)
            #expect(interview.id == Self.demoID)
            #expect(interview.beginDate == Date(feishuMilliseconds: 1_618_899_376_474))
            #expect(interview.stageID == "634324253532232")
            #expect(interview.interviewRecordList?.only?.content == "逻辑严密，代码质量高")

            var ids: [String] = []
            for try await interview in resource.list(applicationID: "app-1", pageSize: 1) { ids.append(interview.id ?? "?") }
            #expect(Set(ids) == ["iv-1", "iv-2"])
            #expect(ids.count == 2)

            let peopleAdmin = try await resource.listPage(applicationID: Self.demoID, userIDType: .peopleAdminID)
            #expect(peopleAdmin.items?.only?.interviewRecordList?.only?.userID == "7012345678901234567")

            let unknown = await feishuError { _ = try await resource.listPage(applicationID: "404") }
            #expect(unknown?.code == .invalidParameter)
            let tooLarge = await feishuError { _ = try await resource.listPage(applicationID: Self.demoID, pageSize: 51) }
            #expect(tooLarge?.code == .invalidParameter)
        }
    }

    @Test("interview_record.get: the record in the requested ID types; an unknown record is 1002002")
    func getRecord() async throws {
        try await withDemo { server, client in
            let records = client.hire.v1.interviewRecord
            let record = try await records.get(interviewRecordID: Self.demoID)
            #expect(record.id == Self.demoID)
            #expect(record.conclusion == .pass)
            #expect(record.commitStatus == .submitted)
            #expect(record.interviewScore?.level == 3)
            #expect(record.interviewer?.name?.enUS == "Yu Duan")
            #expect(record.userID == "ou_266ed047ed37f24554e5a0afdbb15556")
            #expect(try await records.get(interviewRecordID: Self.demoID, userIDType: .userID).userID == "u_duanyu")

            let other = try await records.get(interviewRecordID: "rec-2")
            #expect(other.assessmentScore?.score == 4.5)
            #expect(other.minJobLevelID == "jl_p6")

            let unknown = await feishuError { _ = try await records.get(interviewRecordID: "404") }
            #expect(unknown?.code == .invalidParameter)
        }
    }

    @Test("interview_record.list: named records on one page, an unknown ID refused; without IDs every record, paged")
    func listRecords() async throws {
        try await withDemo { server, client in
            let records = client.hire.v1.interviewRecord
            let named = try await records.list(ids: [Self.demoID, "rec-2"])
            #expect(Set(named.compactMap(\.id)) == [Self.demoID, "rec-2"])
            #expect(named.count == 2)
            let unknown = await feishuError { _ = try await records.list(ids: [Self.demoID, "404"]) }
            #expect(unknown?.code == .invalidParameter)
            #expect(unknown?.fieldViolations.map(\.value) == ["404"])

            let page = try await records.listPage(ids: ["rec-2"])
            #expect(page.items?.only?.id == "rec-2")
            #expect(page.hasMore == false)
            #expect(page.pageToken == nil)

            var ids: [String] = []
            for try await record in records.list(pageSize: 1) { ids.append(record.id ?? "?") }
            #expect(Set(ids) == [Self.demoID, "rec-2"])
            #expect(ids.count == 2)

            let tooMany = await feishuError {
                _ = try await records.listPage(ids: (0...100).map { "r\($0)" })
            }
            #expect(tooMany?.code == .invalidParameter)
        }
    }

    @Test("interview_round_type.list: the demo tenant's round type, by process; an unknown process is 1002002")
    func roundTypes() async throws {
        try await withDemo(data: []) { server, client in
            let resource = client.hire.v1.interviewRoundType
            let all = try await resource.list()
            #expect(all.activeStatus == .active)
            let roundType = try #require(all.items?.only)
            #expect(roundType.id == Self.demoID)
            #expect(roundType.name == I18nText(zhCN: "一面", enUS: "Round one"))
            #expect(roundType.processType == .social)
            #expect(roundType.activeStatus == .active)

            #expect(try await resource.list(processType: .social).items == [roundType])
            #expect(try await resource.list(processType: .campus).items ?? [] == [])

            let unknown = await feishuError { _ = try await resource.list(processType: ProcessType(rawValue: 3)) }
            #expect(unknown?.code == .invalidParameter)
        }
    }

    @Test("the read-only app may call all five; the raw answer through send")
    func readonlyScope() async throws {
        try await withServer(data: [Fixtures.readonlyApp]) { server in
            try await withClient(server, appID: Fixtures.readonlyAppID, appSecret: Fixtures.readonlyAppSecret) { client in
                let v1 = client.hire.v1
                #expect(try await v1.interview.listPage(applicationID: Self.demoID).items?.count == 1)
                #expect(try await v1.applicationInterview.listPage(applicationID: Self.demoID).items?.count == 1)
                #expect(try await v1.interviewRecord.get(interviewRecordID: Self.demoID).id == Self.demoID)
                #expect(try await v1.interviewRecord.list(ids: [Self.demoID]).count == 1)
                let response = try await client.send(.listInterviewRoundTypes())
                #expect(response.httpStatus == 200)
                #expect(response.logID?.isEmpty == false)
                #expect(response.data?.items?.count == 1)
            }
        }
    }
}
