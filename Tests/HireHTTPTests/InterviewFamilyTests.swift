import FeishuWire
import Foundation
import HireCore
import HTTPTypes
import HireHTTP
import HireServerKit
import HireTestSupport
import Testing

/// Acme (Fixtures): interviews I1 (A1, begins 1700000000000, records R1 alice and R2 carol),
/// I2 (A1, 1700000200000, R3 bob), I3 (A2, 1700000400000, no records); Globex has its own
/// A1, I1 and R1.
@Suite("HTTP: interview.list, application_interview.list, interview_record.get/list, interview_round_type.list")
struct InterviewFamilyTests {
    static let interviews = "/open-apis/hire/v1/interviews"
    static let records = "/open-apis/hire/v1/interview_records"
    static let roundTypes = "/open-apis/hire/v1/interview_round_types"

    static func applicationInterviews(_ applicationID: String) -> String {
        "/open-apis/hire/v1/applications/\(applicationID)/interviews"
    }

    @Test func theTenantsInterviewsComeInIDOrderPageByPage() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let all = try await client.send(.get, Self.interviews + "?start_time=1&user_id_type=user_id", token: token)
            #expect(all.code == 0 && all.msg == "success", "\(all.text)")
            let page = try all.decode(InterviewPage.self)
            #expect(page.items?.map(\.id) == ["I1", "I2", "I3"])
            #expect(page.hasMore == false && page.pageToken == nil)
            let first = try #require(page.items?.first)
            #expect(first.applicationID == "A1" && first.creator?.id == "alice" && first.contactUser?.id == "bob")
            #expect(first.interviewRecordList?.map(\.id) == ["R1", "R2"])
            #expect(first.interviewRecordList?.map(\.userID) == ["alice", "carol"])
            #expect(first.interviewRecordList?.first?.minJobLevelID == "p5")

            var seen: [String] = []
            var pageToken: String?
            var pages = 0
            repeat {
                let query = "?start_time=1&page_size=2" + (pageToken.map { "&page_token=\($0)" } ?? "")
                let reply = try await client.send(.get, Self.interviews + query, token: token)
                let page = try reply.decode(InterviewPage.self)
                seen += page.items?.compactMap(\.id) ?? []
                #expect((page.pageToken != nil) == (page.hasMore == true))
                pageToken = page.pageToken
                pages += 1
            } while pageToken != nil && pages < 5
            #expect(seen == ["I1", "I2", "I3"] && pages == 2)
        }
    }

    @Test(arguments: [
        ("application_id=A1", ["I1", "I2"]), ("interview_id=I3", ["I3"]), ("application_id=A2&interview_id=I1", []),
        ("start_time=1700000200000", ["I2", "I3"]), ("end_time=1700000200000", ["I1", "I2"]),
        ("start_time=1700000000001&end_time=1700000399999", ["I2"]), ("application_id=nobody", []),
    ])
    func filtersNarrowTheList(query: String, expected: [String]) async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let reply = try await client.send(.get, Self.interviews + "?" + query, token: token)
            #expect(try reply.decode(InterviewPage.self).items?.compactMap(\.id) == expected, "\(reply.text)")
        }
    }

    @Test(arguments: [
        ("page_size=0", "page_size"), ("page_size=101", "page_size"), ("start_time=0", "start_time"),
        ("end_time=soon", "end_time"), ("start_time=5&end_time=4", "start_time"), ("application_id=", "application_id"),
        ("interview_id=I2", "interview_id"),
        ("job_level_id_type=level", "job_level_id_type"), ("user_id_type=people_admin_id", "user_id_type"),
        ("page_token=forged", "page_token"),
    ])
    func badListParametersAreNamed(query: String, field: String) async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let reply = try await client.send(.get, Self.interviews + "?interview_id=I1&" + query, token: token)
            #expect(reply.code == 1_002_002 && reply.fieldViolations == [field], "\(reply.text)")
        }
    }

    @Test func theListNeedsAFilterAsThePlatformsDoes() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let reply = try await client.send(.get, Self.interviews + "?page_size=10", token: token)
            #expect(reply.code == 1_002_002)
            #expect(reply.fieldViolations == ["application_id", "interview_id", "start_time", "end_time"])
        }
    }

    @Test func aPageTokenIsBoundToItsFiltersAndEndpoint() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let first = try await client.send(.get, Self.interviews + "?page_size=1&application_id=A1", token: token)
            let pageToken = try #require(try first.decode(InterviewPage.self).pageToken)
            let other = try await client.send(
                .get, Self.interviews + "?page_size=1&start_time=1&page_token=\(pageToken)", token: token)
            #expect(other.fieldViolations == ["page_token"])
            let records = try await client.send(.get, Self.records + "?page_size=1&page_token=\(pageToken)", token: token)
            #expect(records.fieldViolations == ["page_token"])
            let same = try await client.send(
                .get, Self.interviews + "?page_size=1&application_id=A1&page_token=\(pageToken)", token: token)
            #expect(try same.decode(InterviewPage.self).items?.map(\.id) == ["I2"])
        }
    }

    @Test func anotherTenantsInterviewsAndRecordsAreNotSeen() async throws {
        try await withServer { client, _ in
            let globex = try await client.token(Fixtures.globexApp, Fixtures.globexSecret)
            let list = try await client.send(.get, Self.interviews + "?start_time=1", token: globex)
            #expect(try list.decode(InterviewPage.self).items?.map(\.id) == ["I1"])
            let a2 = try await client.send(.get, Self.applicationInterviews("A2"), token: globex)
            #expect(a2.code == 1_002_002 && a2.fieldViolations == ["application_id"])
            let r2 = try await client.send(.get, Self.records + "/R2", token: globex)
            #expect(r2.code == 1_002_002 && r2.fieldViolations == ["interview_record_id"])
            let r1 = try await client.send(.get, Self.records + "/R1?user_id_type=user_id", token: globex)
            #expect(try r1.decode(InterviewRecordEnvelope.self).interviewRecord?.interviewer?.id == "zed")
        }
    }

    @Test func anApplicationsInterviewsUseTheHistoricModel() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let reply = try await client.send(
                .get, Self.applicationInterviews("A1") + "?user_id_type=people_admin_id&page_size=1", token: token)
            #expect(reply.code == 0, "\(reply.text)")
            let page = try reply.decode(ApplicationInterviewPage.self)
            #expect(page.items?.map(\.id) == ["I1"] && page.hasMore == true)
            let members = Set(reply.data?["items"]?.arrayValue?.first?.objectValue?.keys ?? [])
            #expect(members == ["id", "begin_time", "end_time", "round", "interview_record_list"])
            // people_admin_id, accepted here: alice has one, carol too.
            #expect(page.items?.first?.interviewRecordList?.map(\.interviewer?.id) == ["pa-alice", "pa-carol"])
            let next = try await client.send(
                .get,
                Self.applicationInterviews("A1") + "?user_id_type=people_admin_id&page_size=1&page_token=\(page.pageToken ?? "")",
                token: token)
            #expect(try next.decode(ApplicationInterviewPage.self).items?.map(\.id) == ["I2"])
            let unknown = try await client.send(.get, Self.applicationInterviews("A9"), token: token)
            #expect(unknown.code == 1_002_002 && unknown.fieldViolations == ["application_id"])
            let tooMany = try await client.send(.get, Self.applicationInterviews("A1") + "?page_size=51", token: token)
            #expect(tooMany.fieldViolations == ["page_size"])
        }
    }

    @Test func aRecordIsReadByIDInTheRequestedIDType() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let reply = try await client.send(.get, Self.records + "/R1?user_id_type=union_id", token: token)
            #expect(reply.code == 0 && reply.msg == "success", "\(reply.text)")
            let record = try #require(try reply.decode(InterviewRecordEnvelope.self).interviewRecord)
            #expect(record.id == "R1" && record.content == "solid" && record.conclusion == .pass)
            #expect(record.userID == "on_a11ce000000000000000000000000001" && record.interviewer?.name?.enUS == "Alice")
            #expect(record.assessmentScore?.score == 4.5 && record.maxJobLevelID == "p6")
            let unknown = try await client.send(.get, Self.records + "/R9", token: token)
            #expect(unknown.code == 1_002_002 && unknown.fieldViolations == ["interview_record_id"])
            let badType = try await client.send(.get, Self.records + "/R1?user_id_type=people_admin_id", token: token)
            #expect(badType.fieldViolations == ["user_id_type"])
        }
    }

    @Test func recordsAreListedByIDsAllOrNoneOrPagedWithout() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let named = try await client.send(.get, Self.records + "?ids=R3&ids=R1", token: token)
            let page = try named.decode(InterviewRecordPage.self)
            #expect(Set(page.items?.compactMap(\.id) ?? []) == ["R1", "R3"] && page.hasMore == false && page.pageToken == nil)
            let unknown = try await client.send(.get, Self.records + "?ids=R1&ids=nope&ids=gone", token: token)
            #expect(unknown.code == 1_002_002 && unknown.fieldViolations == ["ids", "ids"], "\(unknown.text)")
            let tooMany = (0...100).map { "ids=r\($0)" }.joined(separator: "&")
            #expect(try await client.send(.get, Self.records + "?" + tooMany, token: token).fieldViolations == ["ids"])

            var seen: [String] = []
            var pageToken: String?
            repeat {
                let reply = try await client.send(
                    .get, Self.records + "?page_size=2" + (pageToken.map { "&page_token=\($0)" } ?? ""), token: token)
                let page = try reply.decode(InterviewRecordPage.self)
                seen += page.items?.compactMap(\.id) ?? []
                pageToken = page.pageToken
            } while pageToken != nil && seen.count < 10
            #expect(seen == ["R1", "R2", "R3"])
        }
    }

    @Test func roundTypesAreTheTenantsConfigurationByProcess() async throws {
        try await withServer { client, _ in
            let token = try await client.token(DemoData.appID, DemoData.appSecret)
            let all = try await client.send(.get, Self.roundTypes, token: token)
            #expect(all.code == 0, "\(all.text)")
            let list = try all.decode(InterviewRoundTypeList.self)
            #expect(list.activeStatus == .active)
            #expect(list.items?.map(\.id) == ["6949805467799537964"])
            #expect(list.items?.first?.name == I18nText(zhCN: "一面", enUS: "Round one"))
            #expect(list.items?.first?.processType == .social)
            let campus = try await client.send(.get, Self.roundTypes + "?process_type=2", token: token)
            #expect(try campus.decode(InterviewRoundTypeList.self) == InterviewRoundTypeList(activeStatus: .active, items: []))
            let bad = try await client.send(.get, Self.roundTypes + "?process_type=3", token: token)
            #expect(bad.code == 1_002_002 && bad.fieldViolations == ["process_type"])
        }
    }

    @Test(arguments: [
        Self.interviews, Self.applicationInterviews("A1"), Self.records + "/R1", Self.records, Self.roundTypes,
    ])
    func everyOperationNeedsAnInterviewScope(path: String) async throws {
        let noInterviewScope = """
            {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "acme0000000000001",
              "apps": [{"app_id": "cli_acac00000000000a", "app_secret": "s", "scopes": ["hire:interviewer"]}]}]}
            """
        try await withServer(data: [noInterviewScope]) { client, _ in
            let token = try await client.token("cli_acac00000000000a", "s")
            let reply = try await client.send(.get, path + "?page_size=0", token: token)
            let path = path == Self.interviews ? path + "?start_time=1" : path
            #expect(reply.code == 99_991_672, "\(reply.text)")
            #expect(reply.permissionViolations.map(\.subject) == ["hire:interview:readonly", "hire:interview"])
            let reader = try await client.token(Fixtures.acmeReader, Fixtures.acmeReaderSecret)
            #expect(try await client.send(.get, path, token: reader).code == 0)
            #expect(try await client.send(.get, path).code == 99_991_661)
        }
    }

    @Test func theNewOperationsAreJournaledAndCanBeFaulted() async throws {
        let adminToken = "admin-token-for-family-tests"
        try await withServer(admin: AdminSettings(token: adminToken, journalSize: 100)) { client, _ in
            let fault = try await client.send(
                .post, "/_hire/faults", token: adminToken,
                body: #"{"operation":"hire.v1.interview_record.get","code":1002001,"times":1}"#)
            #expect(fault.code == 0, "\(fault.text)")
            let token = try await client.token()
            #expect(try await client.send(.get, Self.records + "/R1", token: token).code == 1_002_001)
            #expect(try await client.send(.get, Self.records + "/R1", token: token).code == 0)
            #expect(try await client.send(.get, Self.roundTypes, token: token).code == 0)
            let journal = try await client.send(
                .get, "/_hire/requests?operation=hire.v1.interview_record.get", token: adminToken)
            let codes = journal.data?["items"]?.arrayValue?.compactMap { $0.objectValue?["code"]?.integerValue }
            #expect(codes?.sorted() == [0, 1_002_001], "\(journal.text)")
            let roundTypes = try await client.send(
                .get, "/_hire/requests?operation=hire.v1.interview_round_type.list", token: adminToken)
            #expect(roundTypes.data?["items"]?.arrayValue?.count == 1)
        }
    }

    @Test func userIDsNeedTheEmployeeIDScope() async throws {
        try await withServer { client, _ in
            let reader = try await client.token(Fixtures.acmeReader, Fixtures.acmeReaderSecret)
            for path in [Self.interviews + "?start_time=1&", Self.applicationInterviews("A1") + "?", Self.records + "/R1?", Self.records + "?"] {
                let reply = try await client.send(.get, path + "user_id_type=user_id", token: reader)
                #expect(reply.code == 99_991_672 && reply.permissionViolations.map(\.type) == ["field_scope_required"])
            }
        }
    }
}
