import FeishuWire
import Foundation
import HireCore
import HTTPTypes
import Testing

/// `get_by_talent` splices stored JSON instead of encoding the FeishuWire models; these
/// tests prove the spliced answer is what encoding the models would give: every member
/// `HireShape` lets a data file hold, in every user-ID and job-level ID type, present and
/// absent, decodes to the SDK's models and re-encodes to the same JSON.
@Suite("HTTP: the spliced interviews match the SDK's models")
struct RenderedInterviewContractTests {
    static let userIDTypes = ["open_id", "union_id", "user_id", "people_admin_id"]
    static let jobLevelIDTypes = ["job_level_id", "people_admin_job_level_id"]

    @Test(arguments: userIDTypes, jobLevelIDTypes)
    func everyMemberRoundTripsThroughTheModels(userIDType: String, jobLevelIDType: String) async throws {
        try await withServer(data: [Self.document]) { client, _ in
            let token = try await client.token(Self.appID, Self.appSecret)
            let reply = try await client.byTalent(
                "talent_id=CT1&user_id_type=\(userIDType)&job_level_id_type=\(jobLevelIDType)", token: token)
            #expect(reply.code == 0, "\(reply.text)")
            try Self.expectModelsRoundTrip(reply)

            let data = try #require(reply.object["data"])
            let rendered = memberPaths(in: data)
            let full = Self.shapePaths(of: HireShape.interview, at: "items[].interview_list[]")
            #expect(full.subtracting(rendered).isEmpty, "members the full interview lacks: \(full.subtracting(rendered))")
            // The references follow the requested types; where a user or level has no ID of
            // that type, the member is absent rather than null.
            let records = try reply.decode(TalentInterviewList.self).items?.first { $0.applicationID == "CA1" }?
                .interviewList?.first { $0.id == "CI-full" }?.interviewRecordList ?? []
            #expect(records.count == 2)
            #expect(records.first?.interviewer?.id == Self.alice[userIDType])
            #expect(records.first?.userID == Self.alice[userIDType])
            switch userIDType {
            case "user_id": #expect(records.last?.interviewer?.id == "c-bob")
            case "people_admin_id": #expect(records.last?.interviewer?.id == nil && records.last?.userID == nil)
            default: #expect(records.last?.interviewer?.id?.isEmpty == false)  // derived
            }
            #expect(records.map(\.minJobLevelID) == [Self.p5[jobLevelIDType], Self.p6[jobLevelIDType]])
        }
    }

    @Test func aSparseInterviewRendersOnlyWhatItHas() async throws {
        try await withServer(data: [Self.document]) { client, _ in
            let token = try await client.token(Self.appID, Self.appSecret)
            let reply = try await client.byTalent("talent_id=CT1&user_id_type=people_admin_id", token: token)
            try Self.expectModelsRoundTrip(reply)
            let sparse = try reply.decode(TalentInterviewList.self).items?.first { $0.applicationID == "CA2" }?
                .interviewList?.first
            var expected = Interview(id: "CI-sparse")
            expected.applicationID = "CA2"
            expected.interviewRecordList = [InterviewRecord(id: "CR-sparse")]
            #expect(sparse == expected)
        }
    }

    /// The other spliced answers, `interview.list` and the records, pass the same test.
    @Test(arguments: ["open_id", "union_id", "user_id"], jobLevelIDTypes)
    func theListsAndRecordsRoundTripToo(userIDType: String, jobLevelIDType: String) async throws {
        try await withServer(data: [Self.document]) { client, _ in
            let token = try await client.token(Self.appID, Self.appSecret)
            let query = "user_id_type=\(userIDType)&job_level_id_type=\(jobLevelIDType)"
            let list = try await client.send(.get, "/open-apis/hire/v1/interviews?start_time=1&page_size=1&" + query, token: token)
            try Self.expectModelsRoundTrip(list, as: InterviewPage.self)
            let full = Self.shapePaths(of: HireShape.interview, at: "items[]")
            #expect(full.subtracting(memberPaths(in: try #require(list.object["data"]))).isEmpty)

            let record = try await client.send(
                .get, "/open-apis/hire/v1/interview_records/CR-full-0?user_id_type=\(userIDType)", token: token)
            try Self.expectModelsRoundTrip(record, as: InterviewRecordEnvelope.self)
            let recordPaths = Self.shapePaths(of: HireShape.record, at: "interview_record")
            #expect(recordPaths.subtracting(memberPaths(in: try #require(record.object["data"]))).isEmpty)

            let records = try await client.send(
                .get, "/open-apis/hire/v1/interview_records?ids=CR-full-1&ids=CR-sparse&user_id_type=\(userIDType)",
                token: token)
            try Self.expectModelsRoundTrip(records, as: InterviewRecordPage.self)
        }
    }

    /// The whole answer decodes as the envelope of the models and encodes back to the same JSON.
    static func expectModelsRoundTrip<Data: Codable & Sendable>(
        _ reply: Reply, as type: Data.Type = TalentInterviewList.self
    ) throws {
        let decoded = try JSONDecoder().decode(ResponseEnvelope<Data>.self, from: Foundation.Data(reply.text.utf8))
        let encoded = try JSONEncoder().encode(decoded)
        let reencoded = try JSONParser.parse(Array(encoded))
        let lost = memberPaths(in: reply.json).symmetricDifference(memberPaths(in: reencoded))
        #expect(lost.isEmpty, "members the models drop or add: \(lost.sorted())")
        let same = canonical(reencoded) == canonical(reply.json)
        #expect(same, "the models change a value of \(String(decoding: encoded, as: UTF8.self))")
    }

    /// Every member path a shape describes, arrays written `[]`, as the server renders it:
    /// user references as `{id, name}`, the record's `user_id` included.
    static func shapePaths(of fields: [WireField], at prefix: String) -> Set<String> {
        var paths = Set<String>()
        for field in fields {
            let path = prefix + "." + field.name
            paths.insert(path)
            paths.formUnion(shapePaths(of: field.shape, at: path))
        }
        return paths
    }

    private static func shapePaths(of shape: WireShape, at path: String) -> Set<String> {
        switch shape {
        case .object(let fields): shapePaths(of: fields, at: path)
        case .array(let element): shapePaths(of: element, at: path + "[]")
        case .userReference: [path + ".id", path + ".name", path + ".name.zh_cn", path + ".name.en_us"]
        default: []
        }
    }

    // MARK: - The data

    static let appID = "cli_c0c0000000000001"
    static let appSecret = "ContractSecretContractSecretCon1"
    static let alice = [
        "open_id": "ou_c0a11ce0000000000000000000000001", "union_id": "on_c0a11ce0000000000000000000000001",
        "user_id": "c-alice", "people_admin_id": "pa-c-alice",
    ]
    static let p5 = ["job_level_id": "c-p5", "people_admin_job_level_id": "pa-c-p5"]
    static let p6 = ["job_level_id": "c-p6"]

    /// A tenant whose talent CT1 has a full interview (every member of `HireShape.interview`
    /// and of its records) in application CA1, and an interview with nothing but IDs in CA2.
    static var document: String {
        var counter = 0
        var interview = fullValue(.object(HireShape.interview), counter: &counter).objectValue ?? JSONObject()
        interview["id"] = "CI-full"
        interview["application_id"] = "CA1"
        var records: [JSONValue] = []
        for (index, (user, level)) in [("c-alice", "c-p5"), ("c-bob", "c-p6")].enumerated() {
            var record = fullValue(.object(HireShape.record), counter: &counter).objectValue ?? JSONObject()
            record["id"] = .string("CR-full-\(index)")
            record["interviewer"] = ["user_id": .string(user)]
            record["min_job_level_id"] = .string(level)
            record["max_job_level_id"] = .string(level)
            records.append(.object(record))
        }
        interview["interview_record_list"] = .array(records)
        let sparse = #"{"id": "CI-sparse", "application_id": "CA2", "interview_record_list": [{"id": "CR-sparse"}]}"#
        return """
            {"format": "feishu-hire-data/1", "tenants": [{
              "tenant_key": "contract000000001",
              "apps": [{"app_id": "\(appID)", "app_secret": "\(appSecret)", "developer": "dev-contract",
                "scopes": ["hire:interview:readonly", "contact:user.employee_id:readonly"]}],
              "users": [
                {"user_id": "c-alice", "name": {"zh_cn": "爱丽丝", "en_us": "Alice"}, "people_admin_id": "pa-c-alice",
                 "open_ids": {"\(appID)": "\(alice["open_id"]!)"}, "union_ids": {"dev-contract": "\(alice["union_id"]!)"}},
                {"user_id": "c-bob"}
              ],
              "job_levels": [
                {"job_level_id": "c-p5", "people_admin_job_level_id": "pa-c-p5", "name": {"en_us": "P5"}},
                {"job_level_id": "c-p6"}
              ],
              "talents": [{"talent_id": "CT1"}],
              "applications": [{"application_id": "CA1", "talent_id": "CT1"}, {"application_id": "CA2", "talent_id": "CT1"}],
              "interviews": [\(JSONWriter.write(.object(interview))), \(sparse)]
            }]}
            """
    }

    /// A value with every member `shape` has, distinct scalars throughout, arrays of two.
    private static func fullValue(_ shape: WireShape, counter: inout Int) -> JSONValue {
        counter += 1
        switch shape {
        case .string: return .string("s\(counter)")
        case .integer: return .number(JSONNumber(counter))
        case .number: return .number(JSONNumber(literal: "\(counter).5"))
        case .object(let fields):
            var members: [JSONObject.Member] = []
            for field in fields {
                if case .interviewerUserID = field.shape { continue }
                members.append(.init(field.name, fullValue(field.shape, counter: &counter)))
            }
            return .object(JSONObject(members))
        case .array(let element):
            return .array([fullValue(element, counter: &counter), fullValue(element, counter: &counter)])
        case .userReference: return .object(JSONObject([.init("user_id", .string("c-alice"))]))
        case .jobLevelReference: return .string("c-p5")
        case .interviewerUserID: return .null
        }
    }
}

/// Every member path in a JSON value, arrays written `[]`.
func memberPaths(in value: JSONValue, at prefix: String = "") -> Set<String> {
    switch value {
    case .object(let object):
        object.members.reduce(into: Set<String>()) { paths, member in
            let path = prefix.isEmpty ? member.key : prefix + "." + member.key
            paths.insert(path)
            paths.formUnion(memberPaths(in: member.value, at: path))
        }
    case .array(let elements): elements.reduce(into: Set<String>()) { $0.formUnion(memberPaths(in: $1, at: prefix + "[]")) }
    default: []
    }
}
