import Foundation
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

@Suite("hire.v1.interview.get_by_talent")
struct InterviewTests {
    @Test("decodes every field of the seed's example into Swift names and dates")
    func seedExample() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                let applications = try await client.hire.v1.interview.getByTalent(
                    talentID: DemoData.talentID, userIDType: .openID, jobLevelIDType: .jobLevelID)
                let application = try #require(applications.only)
                #expect(application.applicationID == "6949805467799537964")
                let interview = try #require(application.interviewList?.only)
                #expect(interview.id == "6949805467799537964")
                #expect(interview.beginTime == 1_618_899_376_474)
                #expect(interview.beginDate == Date(timeIntervalSince1970: 1_618_899_376.474))
                #expect(interview.endDate == Date(timeIntervalSince1970: 1_618_999_376.474))
                #expect(interview.round == 0)
                #expect(interview.stageID == "634324253532232")
                #expect(interview.stage?.name == I18nText(zhCN: "待入职", enUS: "Prehire"))
                #expect(interview.creator?.id == "ou_266ed047ed37f24554e5a0afdbb15556")
                #expect(interview.creator?.name == I18nText(zhCN: "段誉", enUS: "Yu Duan"))
                #expect(interview.bizCreateDate == Date(feishuMilliseconds: 1_618_999_376_474))
                #expect(interview.interviewRoundSummary == .pass)
                #expect(interview.interviewArrangementID == "634324253532232")
                #expect(interview.interviewType == 1)
                #expect(interview.talentTimeZone?.code == "Asia/Shanghai")
                #expect(interview.contactUser?.name?.enUS == "Yu Duan")
                #expect(interview.contactMobile == "13333333333")
                #expect(interview.remark == "test")
                #expect(interview.address?.city?.name?.zhCN == "成都")
                #expect(interview.address?.country?.code == "CN_1")
                #expect(interview.videoType == 1)
                #expect(interview.arrangementAppointmentKind == 1)
                #expect(interview.meetingRoomList?.first?.roomName == "OCG111")
                #expect(interview.meetingRoomList?.first?.floorName == "17")
                #expect(interview.interviewRoundType?.name?.enUS == "Round one")
                #expect(interview.feedbackSubmitTime == nil)

                let record = try #require(interview.interviewRecordList?.only)
                #expect(record.id == "6949805467799537964")
                #expect(record.userID == "ou_266ed047ed37f24554e5a0afdbb15556")
                #expect(record.content == "逻辑严密，代码质量高")
                #expect(record.commitStatus == .submitted)
                #expect(record.conclusion == .pass)
                #expect(record.interviewScore?.level == 3)
                #expect(record.interviewScore?.enDescription == "Pass, ability to meet the requirements, suggest to hire")
                #expect(record.interviewer?.name?.zhCN == "段誉")
                #expect(record.minJobLevelID == nil)
                #expect(record.questionList == nil)
            }
        }
    }

    @Test("user_id_type and job_level_id_type select the IDs of the answer")
    func idTypes() async throws {
        try await withServer(data: [Fixtures.jobLevels]) { server in
            try await withClient(server) { client in
                let interviews = client.hire.v1.interview
                let byUserID = try await interviews.getByTalent(talentID: DemoData.talentID, userIDType: .userID)
                #expect(byUserID.first?.interviewList?.first?.creator?.id == "u_duanyu")
                let byPeopleAdmin = try await interviews.getByTalent(
                    talentID: DemoData.talentID, userIDType: .peopleAdminID)
                #expect(byPeopleAdmin.first?.interviewList?.first?.interviewRecordList?.first?.userID
                    == "7012345678901234567")
                let byUnionID = try await interviews.getByTalent(talentID: DemoData.talentID, userIDType: .unionID)
                #expect(byUnionID.first?.interviewList?.first?.creator?.id == "on_8ed6aa67826108097d9ee143816345")

                func record(_ applications: [TalentInterview]) -> InterviewRecord? {
                    applications.first { $0.applicationID == "app-1" }?.interviewList?
                        .first { $0.id == "iv-2" }?.interviewRecordList?.first
                }
                let levels = try await interviews.getByTalent(talentID: Fixtures.talentID)
                #expect(record(levels)?.minJobLevelID == "jl_p6")
                let peopleAdminLevels = try await interviews.getByTalent(
                    talentID: Fixtures.talentID, jobLevelIDType: .peopleAdminJobLevelID)
                #expect(record(peopleAdminLevels)?.maxJobLevelID == "7010000000000000006")
            }
        }
    }

    @Test("integer codes the SDK does not name decode, keep their value and encode back unchanged")
    func unknownEnumValues() async throws {
        try await withServer(data: [Fixtures.jobLevels]) { server in
            try await withClient(server) { client in
                let applications = try await client.hire.v1.interview.getByTalent(talentID: Fixtures.talentID)
                #expect(Set(applications.compactMap(\.applicationID)) == ["app-1", "app-2"])
                let interview = try #require(
                    applications.first { $0.applicationID == "app-1" }?.interviewList?.first { $0.id == "iv-2" })
                #expect(interview.interviewRoundSummary == InterviewConclusion(rawValue: 42))
                #expect(interview.interviewRoundSummary?.meaning == nil)
                let record = try #require(interview.interviewRecordList?.first)
                #expect(record.conclusion?.rawValue == 9)
                #expect(record.commitStatus == CommitStatus(rawValue: 7))
                #expect(record.assessmentScore?.score == 4.5)
                #expect(record.feedbackSubmitDate == Date(feishuMilliseconds: 1_700_007_200_000))

                let encoded = try JSONEncoder().encode(record)
                let object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
                #expect(object["conclusion"] as? Int == 9)
                #expect(object["commit_status"] as? Int == 7)
                #expect(try JSONDecoder().decode(InterviewRecord.self, from: encoded) == record)
            }
        }
    }

    @Test("an unknown talent is the platform's parameter error")
    func unknownTalent() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                let error = await feishuError { _ = try await client.hire.v1.interview.getByTalent(talentID: "404") }
                #expect(error?.kind == .api)
                #expect(error?.code == .invalidParameter)
                #expect(error?.fieldViolations.first?.field == "talent_id")
                #expect(error?.description.hasPrefix("1002002 ") == true)
                #expect(error?.description.hasSuffix("(log_id: \(error?.logID ?? "-"))") == true)
            }
        }
    }

    @Test("the raw answer is available through send: log id, status, body")
    func rawResponse() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                let response = try await client.send(.interviewsByTalent(talentID: DemoData.talentID))
                #expect(response.httpStatus == 200)
                #expect(response.msg == "ok")
                #expect(response.logID?.isEmpty == false)
                let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
                #expect(body["code"] as? Int == 0)
                #expect(response.data?.items?.count == 1)
            }
        }
    }
}

extension Collection {
    /// The element of a one-element collection.
    var only: Element? { count == 1 ? first : nil }
}
