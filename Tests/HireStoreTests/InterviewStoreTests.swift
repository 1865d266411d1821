import FeishuWire
import Foundation
import HireCore
import HireStore
import HireTestSupport
import Testing

@Suite("Store: interviews by talent")
struct InterviewStoreTests {
    func talent(
        _ store: any HireStore, _ talentID: String, _ view: IdentityView, _ levels: JobLevelIDType = .jobLevelID
    ) async throws -> [TalentInterview]? {
        guard let interviews = try await store.talentInterviews(talentID: talentID, in: view, jobLevelIDType: levels) else {
            return nil
        }
        let data = Data(TalentInterviewsRenderer.data(interviews).bytes)
        return try JSONDecoder().decode(TalentInterviewList.self, from: data).items
    }

    @Test(arguments: StoreBackend.available)
    func interviewsComeGroupedByApplicationInTimeOrder(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let items = try #require(try await talent(store, "T1", .acme(.userID)))
            #expect(items.map(\.applicationID) == ["A1", "A2"])
            #expect(items[0].interviewList?.map(\.id) == ["I1", "I2"])
            #expect(items[1].interviewList?.map(\.id) == ["I3"])
            let first = try #require(items[0].interviewList?.first)
            #expect(first.interviewRecordList?.map(\.id) == ["R1", "R2"])
            #expect(first.remark == "first")
            #expect(first.round == 1)
            #expect(first.beginTime == 1_700_000_000_000)
            #expect(first.interviewRecordList?.first?.assessmentScore?.score == 4.5)
            #expect(items[1].interviewList?.first?.interviewRecordList == [])
        }
    }

    @Test(arguments: StoreBackend.available)
    func userReferencesRenderInTheRequestedIDType(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let cases: [(IdentityView, String, String, String?)] = [
                (.acme(.userID), "alice", "bob", "alice"),
                (.acme(.openID), "ou_a11ce000000000000000000000000001", acmeOpenID("bob"), "ou_a11ce000000000000000000000000001"),
                (.acme(.openID, app: Fixtures.acmeReader), acmeOpenID("alice", app: Fixtures.acmeReader),
                 acmeOpenID("bob", app: Fixtures.acmeReader), acmeOpenID("alice", app: Fixtures.acmeReader)),
                (.acme(.unionID), "on_a11ce000000000000000000000000001",
                 DerivedID.unionID(tenantKey: Fixtures.acmeTenant, developer: "dev-acme", userID: "bob"),
                 "on_a11ce000000000000000000000000001"),
                (.acme(.peopleAdminID), "pa-alice", "", "pa-alice"),
            ]
            for (view, creator, contact, recordUser) in cases {
                let interview = try #require(try await talent(store, "T1", view)?.first?.interviewList?.first)
                #expect(interview.creator?.id == creator, "\(view.type)")
                #expect(interview.creator?.name == I18nText(zhCN: "爱丽丝", enUS: "Alice"))
                // bob has no people_admin_id: the reference keeps its name and has no id.
                #expect(interview.contactUser?.id == (contact.isEmpty ? nil : contact), "\(view.type)")
                #expect(interview.contactUser?.name == I18nText(enUS: "Bob"))
                let record = try #require(interview.interviewRecordList?.first)
                #expect(record.userID == recordUser, "\(view.type)")
                #expect(record.interviewer?.id == recordUser, "\(view.type)")
            }
        }
    }

    @Test(arguments: StoreBackend.available)
    func jobLevelsRenderInTheRequestedIDType(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let plain = try #require(try await talent(store, "T1", .acme(.userID))?.first?.interviewList?.first?.interviewRecordList?.first)
            #expect(plain.minJobLevelID == "p5")
            #expect(plain.maxJobLevelID == "p6")
            let people = try #require(
                try await talent(store, "T1", .acme(.userID), .peopleAdminJobLevelID)?.first?.interviewList?.first?.interviewRecordList?.first)
            #expect(people.minJobLevelID == "pa-level-5")
            #expect(people.maxJobLevelID == nil)  // p6 has no People Admin ID
        }
    }

    @Test(arguments: StoreBackend.available)
    func talentsAreFoundInTheirOwnTenantOnly(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            #expect(try await talent(store, "T2", .acme(.userID)) == [])
            #expect(try await talent(store, "T9", .acme(.userID)) == nil)
            let globex = try #require(try await talent(store, "T1", .globex(.userID)))
            #expect(globex.map(\.applicationID) == ["A1"])
            #expect(globex.first?.interviewList?.first?.creator?.id == "zed")
            #expect(globex.first?.interviewList?.first?.interviewRecordList?.map(\.id) == ["R1"])
        }
    }
}
