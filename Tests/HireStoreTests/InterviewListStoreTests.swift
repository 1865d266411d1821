import FeishuWire
import Foundation
import HireCore
import HireStore
import HireTestSupport
import Testing

@Suite("Store: interview listings, applications and records")
struct InterviewListStoreTests {
    /// More Acme interviews: one without a begin time, and IDs whose byte order is not their
    /// numeric or case-insensitive order. Acme's interviews by ID: I0, I1, I10, I2, I3, I4, i5.
    static let more = """
        {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "\(Fixtures.acmeTenant)",
          "applications": [{"application_id": "A3", "talent_id": "T2"}],
          "interviews": [
            {"id": "I0", "application_id": "A3", "remark": "unscheduled"},
            {"id": "I4", "application_id": "A3", "begin_time": 1700000100000},
            {"id": "I10", "application_id": "A3", "begin_time": 1700000000000,
             "interview_record_list": [{"id": "R10", "interviewer": {"user_id": "dave"}, "min_job_level_id": "p6"}]},
            {"id": "i5", "application_id": "A3", "begin_time": 1700000200000}
          ]}]}
        """

    func withStore(_ backend: StoreBackend, _ body: (any HireStore) async throws -> Void) async throws {
        try await withFixtureStore(backend) { store async throws in
            try await StoreSeeding.importDocument(Self.more, into: store)
            try await body(store)
        }
    }

    func ids(
        _ store: any HireStore, _ filter: InterviewFilter, after: String? = nil, limit: Int = 100,
        _ view: IdentityView = .acme(.userID)
    ) async throws -> [String] {
        try await store.interviews(matching: filter, after: after, limit: limit, in: view, jobLevelIDType: .jobLevelID)
            .map(\.id)
    }

    @Test(arguments: StoreBackend.available)
    func filtersByApplicationAndInterview(backend: StoreBackend) async throws {
        try await withStore(backend) { store async throws in
            #expect(try await ids(store, InterviewFilter(applicationID: "A1")) == ["I1", "I2"])
            #expect(try await ids(store, InterviewFilter(applicationID: "A3")) == ["I0", "I10", "I4", "i5"])
            #expect(try await ids(store, InterviewFilter(applicationID: "A9")) == [])
            #expect(try await ids(store, InterviewFilter(interviewID: "I3")) == ["I3"])
            #expect(try await ids(store, InterviewFilter(interviewID: "I9")) == [])
            // Every filter given must hold.
            #expect(try await ids(store, InterviewFilter(applicationID: "A1", interviewID: "I3")) == [])
            #expect(try await ids(store, InterviewFilter(applicationID: "A2", interviewID: "I3")) == ["I3"])
            // No filter: every interview of the tenant, in byte order of the IDs.
            #expect(try await ids(store, InterviewFilter()) == ["I0", "I1", "I10", "I2", "I3", "I4", "i5"])
            #expect(try await ids(store, InterviewFilter(), .globex(.userID)) == ["I1"])

            let interview = try #require(
                try await store.interviews(
                    matching: InterviewFilter(interviewID: "I1"), after: nil, limit: 10, in: .acme(.userID),
                    jobLevelIDType: .jobLevelID
                ).first)
            #expect(interview.applicationID == "A1")
            #expect(String(decoding: interview.body, as: UTF8.self).contains(#""remark":"first""#))
            #expect(interview.records.map(\.id) == ["R1", "R2"])
            #expect(interview.records.map(\.minJobLevelID) == ["p5", "p5"])
            #expect(interview.creator == ResolvedUser(id: "alice", nameJSON: #"{"zh_cn":"爱丽丝","en_us":"Alice"}"#))
            #expect(interview.contactUser == ResolvedUser(id: "bob", nameJSON: #"{"en_us":"Bob"}"#))
        }
    }

    @Test(arguments: StoreBackend.available)
    func filtersByAnInclusiveWindowOfBeginTimes(backend: StoreBackend) async throws {
        try await withStore(backend) { store async throws in
            let window = InterviewFilter(beginTimeFrom: 1_700_000_000_000, beginTimeTo: 1_700_000_200_000)
            // Both bounds are inside; I0 has no begin time, I3 begins later.
            #expect(try await ids(store, window) == ["I1", "I10", "I2", "I4", "i5"])
            #expect(try await ids(store, InterviewFilter(beginTimeFrom: 1_700_000_200_000)) == ["I2", "I3", "i5"])
            #expect(try await ids(store, InterviewFilter(beginTimeFrom: 1_700_000_200_001)) == ["I3"])
            #expect(try await ids(store, InterviewFilter(beginTimeTo: 1_700_000_000_000)) == ["I1", "I10"])
            #expect(try await ids(store, InterviewFilter(beginTimeTo: 1_699_999_999_999)) == [])
            #expect(try await ids(store, InterviewFilter(beginTimeFrom: 1, beginTimeTo: 1)) == [])
            #expect(try await ids(store, InterviewFilter(beginTimeFrom: 1), .globex(.userID)) == ["I1"])
            // An empty window matches nothing.
            #expect(try await ids(store, InterviewFilter(beginTimeFrom: 5, beginTimeTo: 4)) == [])
            // With the application.
            #expect(try await ids(store, InterviewFilter(applicationID: "A1", beginTimeFrom: 1_700_000_100_000)) == ["I2"])
            #expect(try await ids(store, InterviewFilter(applicationID: "A3", beginTimeTo: 1_700_000_100_000)) == ["I10", "I4"])
            #expect(try await ids(store, InterviewFilter(interviewID: "I0", beginTimeFrom: 1)) == [])
        }
    }

    @Test(arguments: StoreBackend.available)
    func pagesAfterAnIDUpToTheLimit(backend: StoreBackend) async throws {
        try await withStore(backend) { store async throws in
            let all = InterviewFilter()
            #expect(try await ids(store, all, limit: 3) == ["I0", "I1", "I10"])
            #expect(try await ids(store, all, after: "I10", limit: 3) == ["I2", "I3", "I4"])
            #expect(try await ids(store, all, after: "I4", limit: 3) == ["i5"])
            #expect(try await ids(store, all, after: "i5", limit: 3) == [])
            // The cursor need not be an interview that still exists.
            #expect(try await ids(store, all, after: "I1z", limit: 2) == ["I2", "I3"])
            #expect(try await ids(store, all, limit: 0) == [])
            #expect(try await ids(store, all, limit: -1) == [])
            let window = InterviewFilter(beginTimeFrom: 1_700_000_000_000, beginTimeTo: 1_700_000_200_000)
            #expect(try await ids(store, window, limit: 2) == ["I1", "I10"])
            #expect(try await ids(store, window, after: "I10", limit: 2) == ["I2", "I4"])
            #expect(try await ids(store, window, after: "I4", limit: 2) == ["i5"])
            #expect(try await ids(store, InterviewFilter(applicationID: "A3"), after: "I0", limit: 2) == ["I10", "I4"])
            #expect(try await ids(store, InterviewFilter(interviewID: "I3"), after: "I3", limit: 2) == [])
            #expect(try await ids(store, InterviewFilter(interviewID: "I3"), after: "I2", limit: 2) == ["I3"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func listedInterviewsResolveReferencesLikeTalentInterviews(backend: StoreBackend) async throws {
        try await withStore(backend) { store async throws in
            for type in [UserIDType.userID, .openID, .unionID, .peopleAdminID] {
                for levels in [JobLevelIDType.jobLevelID, .peopleAdminJobLevelID] {
                    let listed = try await store.interviews(
                        matching: InterviewFilter(applicationID: "A1"), after: nil, limit: 10, in: .acme(type),
                        jobLevelIDType: levels)
                    let byTalent = try #require(
                        try await store.talentInterviews(talentID: "T1", in: .acme(type), jobLevelIDType: levels))
                    #expect(listed == byTalent.filter { $0.applicationID == "A1" }, "\(type) \(levels)")
                }
            }
            let open = try #require(
                try await store.interviews(
                    matching: InterviewFilter(interviewID: "I1"), after: nil, limit: 1, in: .acme(.openID),
                    jobLevelIDType: .peopleAdminJobLevelID
                ).first)
            #expect(open.creator?.id == "ou_a11ce000000000000000000000000001")
            #expect(open.contactUser?.id == acmeOpenID("bob"))
            #expect(open.records.first?.interviewer?.id == "ou_a11ce000000000000000000000000001")
            #expect(open.records.first?.minJobLevelID == "pa-level-5")
            #expect(open.records.first?.maxJobLevelID == nil)
            let people = try #require(
                try await store.interviews(
                    matching: InterviewFilter(interviewID: "I1"), after: nil, limit: 1, in: .acme(.peopleAdminID),
                    jobLevelIDType: .jobLevelID
                ).first)
            // bob has no people_admin_id: the reference keeps its name and has no ID.
            #expect(people.contactUser == ResolvedUser(id: nil, nameJSON: #"{"en_us":"Bob"}"#))
            #expect(people.records.map(\.interviewer?.id) == ["pa-alice", "pa-carol"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func applicationsExistInTheirTenantOnly(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            #expect(try await store.applicationExists("A1", tenantKey: Fixtures.acmeTenant))
            #expect(try await store.applicationExists("A2", tenantKey: Fixtures.acmeTenant))
            #expect(try await !store.applicationExists("A9", tenantKey: Fixtures.acmeTenant))
            #expect(try await store.applicationExists("A1", tenantKey: Fixtures.globexTenant))
            #expect(try await !store.applicationExists("A2", tenantKey: Fixtures.globexTenant))
            #expect(try await !store.applicationExists("A1", tenantKey: "nobody"))
        }
    }

    @Test(arguments: StoreBackend.available)
    func recordsByIDAreTheTenantsOnesInIDOrder(backend: StoreBackend) async throws {
        try await withStore(backend) { store async throws in
            let found = try await store.interviewRecords(
                ids: ["R3", "R10", "R9", "R1", "R3"], after: "R5", limit: 1, in: .acme(.userID))
            #expect(found.map(\.id) == ["R1", "R10", "R3"])
            #expect(found[0].interviewer == ResolvedUser(id: "alice", nameJSON: #"{"zh_cn":"爱丽丝","en_us":"Alice"}"#))
            #expect(found[0].minJobLevelID == "p5" && found[0].maxJobLevelID == "p6")
            #expect(String(decoding: found[0].body, as: UTF8.self).contains(#""content":"solid""#))
            #expect(found[1].interviewer == ResolvedUser(id: "dave", nameJSON: nil))
            #expect(found[1].minJobLevelID == "p6" && found[1].maxJobLevelID == nil)
            #expect(try await store.interviewRecords(ids: [], after: nil, limit: 10, in: .acme(.userID)) == [])
            #expect(try await store.interviewRecords(ids: ["R9"], after: nil, limit: 10, in: .acme(.userID)) == [])
            // Another tenant's records of the same IDs are not these.
            let globex = try await store.interviewRecords(ids: ["R1", "R2"], after: nil, limit: 10, in: .globex(.userID))
            #expect(globex.map(\.id) == ["R1"])
            #expect(globex.first?.interviewer?.id == "zed")
        }
    }

    @Test(arguments: StoreBackend.available)
    func recordsPageInIDOrderResolvedInTheView(backend: StoreBackend) async throws {
        try await withStore(backend) { store async throws in
            func page(_ after: String?, _ limit: Int, _ view: IdentityView = .acme(.userID)) async throws -> [String] {
                try await store.interviewRecords(ids: nil, after: after, limit: limit, in: view).map(\.id)
            }
            #expect(try await page(nil, 2) == ["R1", "R10"])
            #expect(try await page("R10", 2) == ["R2", "R3"])
            #expect(try await page("R3", 2) == [])
            #expect(try await page(nil, 100) == ["R1", "R10", "R2", "R3"])
            #expect(try await page(nil, 0) == [])
            #expect(try await page(nil, 100, .globex(.userID)) == ["R1"])

            let cases: [(IdentityView, String?)] = [
                (.acme(.userID), "alice"),
                (.acme(.openID), "ou_a11ce000000000000000000000000001"),
                (.acme(.openID, app: Fixtures.acmeReader), acmeOpenID("alice", app: Fixtures.acmeReader)),
                (.acme(.unionID), "on_a11ce000000000000000000000000001"),
                (.acme(.peopleAdminID), "pa-alice"),
            ]
            for (view, alice) in cases {
                let first = try #require(try await store.interviewRecords(ids: nil, after: nil, limit: 1, in: view).first)
                #expect(first.interviewer?.id == alice, "\(view.type)")
                #expect(first.interviewer?.nameJSON == #"{"zh_cn":"爱丽丝","en_us":"Alice"}"#)
                // Job levels are always job_level_ids here.
                #expect(first.minJobLevelID == "p5" && first.maxJobLevelID == "p6")
            }
            // dave has no people_admin_id.
            let dave = try #require(
                try await store.interviewRecords(ids: ["R10"], after: nil, limit: 1, in: .acme(.peopleAdminID)).first)
            #expect(dave.interviewer == ResolvedUser(id: nil, nameJSON: nil))
        }
    }

    @Test func selectionRules() {
        let empty = StoreRules.interviewSelection(InterviewFilter(beginTimeFrom: 5, beginTimeTo: 4), after: nil, limit: 10)
        #expect(empty.isEmpty)
        let from = StoreRules.interviewSelection(InterviewFilter(beginTimeFrom: 5), after: "x", limit: -3)
        #expect(from.beginTime == 5...Int64.max && from.limit == 0 && from.isEmpty && from.afterID == "x")
        let open = StoreRules.interviewSelection(InterviewFilter(applicationID: "A"), after: nil, limit: 7)
        #expect(open.beginTime == nil && !open.isEmpty && open.applicationID == "A" && open.limit == 7)
        #expect(StoreRules.recordSelection(ids: ["b", "a", "b"], after: "z", limit: 1) == .ids(["b", "a"]))
        #expect(StoreRules.recordSelection(ids: nil, after: "z", limit: -1) == .page(after: "z", limit: 0))
    }
}
