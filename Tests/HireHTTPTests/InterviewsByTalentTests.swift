import FeishuWire
import Foundation
import HireCore
import HireServerKit
import HireTestSupport
import HTTPTypes
import NIOCore
import Testing

@Suite("HTTP: GET /open-apis/hire/v1/interviews/get_by_talent")
struct InterviewsByTalentTests {
    /// Seed 002's response example, with its two inconsistencies resolved as data-format.md
    /// says: the interview's `application_id` is the application it is listed under, and a
    /// record's `user_id` is its interviewer's ID.
    static let seedExample = #"""
        {"items": [{"application_id": "6949805467799537964", "interview_list": [{
          "id": "6949805467799537964", "begin_time": 1618899376474, "end_time": 1618999376474, "round": 0,
          "interview_record_list": [{
            "id": "6949805467799537964", "user_id": "ou_266ed047ed37f24554e5a0afdbb15556",
            "content": "逻辑严密，代码质量高", "commit_status": 1, "conclusion": 1,
            "interview_score": {"id": "6949805467799537964", "level": 3, "zh_name": "3",
              "zh_description": "通过, 能力达到要求, 建议录用", "en_name": "three",
              "en_description": "Pass, ability to meet the requirements, suggest to hire"},
            "interviewer": {"id": "ou_266ed047ed37f24554e5a0afdbb15556", "name": {"zh_cn": "段誉", "en_us": "Yu Duan"}}}],
          "stage_id": "634324253532232", "application_id": "6949805467799537964",
          "stage": {"id": "634324253532232", "name": {"zh_cn": "待入职", "en_us": "Prehire"}},
          "creator": {"id": "ou_266ed047ed37f24554e5a0afdbb15556", "name": {"zh_cn": "段誉", "en_us": "Yu Duan"}},
          "biz_create_time": 1618999376474, "biz_modify_time": 1618999376474, "interview_round_summary": 1,
          "interview_arrangement_id": "634324253532232", "interview_type": 1,
          "talent_time_zone": {"code": "Asia/Shanghai", "name": {"zh_cn": "(GMT+08:00) 中国标准时间 - 北京",
            "en_us": "(GMT+08:00) China Standard Time - Beijing"}},
          "contact_user": {"id": "ou_266ed047ed37f24554e5a0afdbb15556", "name": {"zh_cn": "段誉", "en_us": "Yu Duan"}},
          "contact_mobile": "13333333333", "remark": "test",
          "address": {"id": "6949805467799537964",
            "name": {"zh_cn": "中国四川成都天府二街155号", "en_us": "No. 155, Tianfu 2nd Street, Chengdu, Sichuan, China"},
            "district": {"code": "DS_1", "name": {"zh_cn": "武侯区", "en_us": "Wuhou"}},
            "city": {"code": "CT_1", "name": {"zh_cn": "成都", "en_us": "Chengdu"}},
            "state": {"code": "ST_1", "name": {"zh_cn": "四川省", "en_us": "SiChuan"}},
            "country": {"code": "CN_1", "name": {"zh_cn": "中国", "en_us": "China"}}},
          "video_type": 1, "arrangement_status": 1, "arrangement_type": 1, "arrangement_appointment_kind": 1,
          "meeting_room_list": [{"room_id": "6949805467799537964", "room_name": "OCG111", "building_name": "OCG",
            "reserved_status": 1, "floor_name": "17"}],
          "interview_round_type": {"id": "6949805467799537964", "name": {"zh_cn": "一面", "en_us": "Round one"}}}]}]}
        """#

    @Test func theSeedsExampleComesBackFieldForField() async throws {
        try await withServer { client, _ in
            let token = try await client.token(DemoData.appID, DemoData.appSecret)
            let reply = try await client.byTalent(
                "talent_id=6949805467799537964&user_id_type=open_id&job_level_id_type=job_level_id", token: token)
            #expect(reply.status == .ok && reply.code == 0 && reply.msg == "ok")
            let expected = try JSONParser.parse(Self.seedExample)
            #expect(canonical(try #require(reply.object["data"])) == canonical(expected))
            #expect(nulls(in: reply.json).isEmpty)
            // The Codable models read every field.
            let decoded = try reply.decode(TalentInterviewList.self)
            let model = try JSONDecoder().decode(TalentInterviewList.self, from: Data(Self.seedExample.utf8))
            #expect(decoded == model)
            #expect(decoded.items?.first?.interviewList?.first?.interviewRoundSummary == .pass)
        }
    }

    @Test func theDefaultIDTypeIsOpenID() async throws {
        try await withServer { client, _ in
            let token = try await client.token(DemoData.appID, DemoData.appSecret)
            let reply = try await client.byTalent("talent_id=6949805467799537964", token: token)
            let interview = try reply.decode(TalentInterviewList.self).items?.first?.interviewList?.first
            #expect(interview?.creator?.id == "ou_266ed047ed37f24554e5a0afdbb15556")
        }
    }

    @Test(arguments: [
        ("user_id", "u_duanyu"), ("union_id", "on_8ed6aa67826108097d9ee143816345"), ("people_admin_id", "7012345678901234567"),
    ])
    func everyUserReferenceFollowsUserIDType(type: String, id: String) async throws {
        try await withServer { client, _ in
            let token = try await client.token(DemoData.appID, DemoData.appSecret)
            let reply = try await client.byTalent("talent_id=\(DemoData.talentID)&user_id_type=\(type)", token: token)
            let interview = try #require(try reply.decode(TalentInterviewList.self).items?.first?.interviewList?.first)
            #expect(interview.creator?.id == id)
            #expect(interview.contactUser?.id == id)
            #expect(interview.interviewRecordList?.first?.userID == id)
            #expect(interview.interviewRecordList?.first?.interviewer?.id == id)
        }
    }

    @Test func jobLevelsFollowJobLevelIDType() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            for (type, min) in [("job_level_id", "p5"), ("people_admin_job_level_id", "pa-level-5")] {
                let reply = try await client.byTalent("talent_id=T1&job_level_id_type=\(type)", token: token)
                let record = try reply.decode(TalentInterviewList.self).items?.first?.interviewList?.first?.interviewRecordList?.first
                #expect(record?.minJobLevelID == min)
            }
        }
    }

    @Test(arguments: [
        ("", "talent_id"), ("talent_id=", "talent_id"), ("talent_id=T9", "talent_id"), ("talent_id=T1&talent_id=T2", "talent_id"),
        ("talent_id=T1&user_id_type=email", "user_id_type"), ("talent_id=T1&job_level_id_type=level", "job_level_id_type"),
    ])
    func badQueriesAnswer1002002NamingTheParameter(query: String, field: String) async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let reply = try await client.byTalent(query, token: token)
            #expect(reply.status == .badRequest && reply.code == 1_002_002 && reply.fieldViolations == [field], "\(reply.text)")
        }
    }

    @Test func anotherTenantsTalentIsUnknownAndOwnTalentsAreIsolated() async throws {
        try await withServer { client, _ in
            let demo = try await client.token(DemoData.appID, DemoData.appSecret)
            #expect(try await client.byTalent("talent_id=T1", token: demo).code == 1_002_002)
            let globex = try await client.token(Fixtures.globexApp, Fixtures.globexSecret)
            let reply = try await client.byTalent("talent_id=T1&user_id_type=user_id", token: globex)
            let items = try reply.decode(TalentInterviewList.self).items
            #expect(items?.map(\.applicationID) == ["A1"])
            #expect(items?.first?.interviewList?.first?.creator?.id == "zed")
            let empty = try await client.byTalent("talent_id=T2", token: try await client.token())
            #expect(empty.text.hasSuffix(#""data":{"items":[]}}"#))
        }
    }
}

/// A JSON value with object members sorted, for comparing documents whose member order differs.
func canonical(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let object):
        .object(JSONObject(object.members.sorted { $0.key < $1.key }.map { .init($0.key, canonical($0.value)) }))
    case .array(let elements): .array(elements.map(canonical))
    default: value
    }
}
