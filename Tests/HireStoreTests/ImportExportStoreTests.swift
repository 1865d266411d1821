import FeishuWire
import Foundation
import HireCore
import HireStore
import HireTestSupport
import Testing

@Suite("Store: importing and exporting data files")
struct ImportExportStoreTests {
    let now: Int64 = 1_800_000_000_000

    func problems(_ body: () async throws -> Void) async -> [String] {
        do {
            try await body()
            return []
        } catch let error as DataFileError {
            return error.problems.map(\.description)
        } catch {
            return ["unexpected \(error)"]
        }
    }

    @Test(arguments: StoreBackend.available)
    func exportImportExportGivesTheSameDocument(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let first = try await StoreSeeding.exportDocument(store)
            let copy = try await backend.makeStore()
            try await StoreSeeding.importDocument(first, into: copy, now: now + 999)
            let second = try await StoreSeeding.exportDocument(copy)
            try await copy.close()
            #expect(first == second)
            #expect(!first.contains(Fixtures.acmeSecret))
            #expect(first.contains(SecretDigest.hex(of: Fixtures.acmeSecret)))
        }
    }

    @Test(arguments: StoreBackend.available)
    func importingTheSameFileTwiceChangesNothing(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let before = try await StoreSeeding.exportDocument(store)
            let listing = try await store.listInterviewers(in: .acme(.userID), query: InterviewerListQuery(), after: nil)
            try await StoreSeeding.importDocument(Fixtures.acme, into: store, now: now + 60_000)
            #expect(try await StoreSeeding.exportDocument(store) == before)
            #expect(try await store.listInterviewers(in: .acme(.userID), query: InterviewerListQuery(), after: nil) == listing)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aFileWithAnyProblemChangesNothingAndNamesThePaths(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let before = try await StoreSeeding.exportDocument(store)
            let broken = """
                {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "acme0000000000001",
                  "talents": [{"talent_id": "T7"}, {"talent_id": "T7"}],
                  "applications": [{"application_id": "A9", "talent_id": "missing"}],
                  "interviews": [{"id": "I9", "application_id": "A1", "creator": {"user_id": "ghost"},
                    "interview_record_list": [{"id": "R1", "min_job_level_id": "p99"}]}]}]}
                """
            let found = await problems { try await StoreSeeding.importDocument(broken, into: store) }
            #expect(found.contains { $0.hasPrefix("$.tenants[0].talents[1]: duplicates the talent \"T7\"") })
            #expect(found.contains { $0.hasPrefix("$.tenants[0].applications[0].talent_id: refers to talent \"missing\"") })
            #expect(found.contains { $0.hasPrefix("$.tenants[0].interviews[0].creator.user_id: refers to user \"ghost\"") })
            #expect(found.contains {
                $0.hasPrefix("$.tenants[0].interviews[0].interview_record_list[0].min_job_level_id: refers to job level \"p99\"")
            })
            #expect(try await StoreSeeding.exportDocument(store) == before)
        }
    }

    @Test(arguments: StoreBackend.available)
    func importsUpsertByIDAndReplaceAnInterviewsRecords(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let update = """
                {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "acme0000000000001",
                  "users": [{"user_id": "dave", "name": {"en_us": "David"}}],
                  "interviews": [{"id": "I1", "application_id": "A2", "begin_time": 5, "remark": "moved",
                    "interview_record_list": [{"id": "R2", "interviewer": {"user_id": "dave"}}]}]}]}
                """
            let summary = try await StoreSeeding.importDocument(update, into: store, now: now)
            #expect(summary.counts[.interview] == 1 && summary.counts[.interviewRecord] == 1)
            let interviews = try #require(try await store.talentInterviews(talentID: "T1", in: .acme(.userID), jobLevelIDType: .jobLevelID))
            let moved = try #require(interviews.first { String(decoding: $0.body, as: UTF8.self).contains("\"moved\"") })
            #expect(moved.applicationID == "A2")
            #expect(moved.records.count == 1)
            #expect(moved.records.first?.interviewer == ResolvedUser(id: "dave", nameJSON: #"{"en_us":"David"}"#))
            #expect(!interviews.contains { String(decoding: $0.body, as: UTF8.self).contains("\"first\"") })
        }
    }

    @Test(arguments: StoreBackend.available)
    func appsAndIDsCannotBeTakenFromOthers(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let stealApp = """
                {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "globex00000000001",
                  "apps": [{"app_id": "cli_acac000000000001", "app_secret": "x"}]}]}
                """
            #expect(await problems { try await StoreSeeding.importDocument(stealApp, into: store) }
                == [#"$.tenants[0].apps[0].app_id: app "cli_acac000000000001" belongs to another tenant"#])
            let stealOpenID = """
                {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "acme0000000000001",
                  "users": [{"user_id": "bob", "open_ids": {"cli_acac000000000001": "ou_a11ce000000000000000000000000001"}}]}]}
                """
            let found = await problems { try await StoreSeeding.importDocument(stealOpenID, into: store) }
            #expect(found.count == 1 && found[0].contains("already the ID of user \"alice\""))
            let stealPeopleAdmin = """
                {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "acme0000000000001",
                  "users": [{"user_id": "bob", "people_admin_id": "pa-alice"}]}]}
                """
            #expect(await problems { try await StoreSeeding.importDocument(stealPeopleAdmin, into: store) }
                == [#"$.tenants[0].users[0].people_admin_id: is already the people_admin_id of user "alice""#])
        }
    }

    @Test(arguments: StoreBackend.available)
    func aNewAppGivesEveryUserAnOpenID(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let newApp = """
                {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "acme0000000000001",
                  "apps": [{"app_id": "cli_acac000000000009", "app_secret": "s", "developer": "dev-new", "scopes": ["hire:interviewer"]}]}]}
                """
            try await StoreSeeding.importDocument(newApp, into: store)
            let view = IdentityView(tenantKey: Fixtures.acmeTenant, type: .openID, namespace: "cli_acac000000000009")
            let carol = DerivedID.openID(tenantKey: Fixtures.acmeTenant, appID: "cli_acac000000000009", userID: "carol")
            #expect(try await store.patchInterviewer(externalID: carol, in: view, verifyStatus: nil, now: now) == .unverified)
            let union = IdentityView(tenantKey: Fixtures.acmeTenant, type: .unionID, namespace: "dev-new")
            let carolUnion = DerivedID.unionID(tenantKey: Fixtures.acmeTenant, developer: "dev-new", userID: "carol")
            #expect(try await store.patchInterviewer(externalID: carolUnion, in: union, verifyStatus: nil, now: now) == .unverified)
        }
    }

    @Test(arguments: StoreBackend.available)
    func exportingAnUnknownTenantFails(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            await #expect(throws: StoreError.unknownTenant("nope")) {
                try await StoreSeeding.exportDocument(store, tenants: ["nope"])
            }
            let one = try await StoreSeeding.exportDocument(store, tenants: [Fixtures.globexTenant])
            #expect(one.contains(Fixtures.globexTenant) && !one.contains(Fixtures.acmeTenant))
        }
    }

    @Test(arguments: StoreBackend.available)
    func jsonLinesImportStreamsAndChecksReferencesAcrossLines(backend: StoreBackend) async throws {
        let store = try await backend.makeStore()
        defer { Task { try? await store.close() } }
        #expect(try await store.isEmpty())
        var lines = [#"{"format":"feishu-hire-data/1"}"#, #"{"tenant":{"tenant_key":"big"}}"#]
        for index in 0..<500 {
            lines.append(#"{"tenant_key":"big","talent":{"talent_id":"T\#(index)"}}"#)
            lines.append(#"{"tenant_key":"big","application":{"application_id":"A\#(index)","talent_id":"T\#(index)"}}"#)
        }
        lines.append(#"{"tenant_key":"big","application":{"application_id":"late","talent_id":"T-none"}}"#)
        let source = DataFileSource(DataFileReader.entries(lines: lines.map { Array($0.utf8) }))
        let found = await problems { _ = try await store.importEntries(source, now: now) }
        #expect(found == [#"line 1003 $.application.talent_id: refers to talent "T-none", which does not exist"#])
        #expect(try await store.isEmpty())
        lines.removeLast()
        let summary = try await store.importEntries(
            DataFileSource(DataFileReader.entries(lines: lines.map { Array($0.utf8) })), now: now)
        #expect(summary.counts[.talent] == 500 && summary.counts[.application] == 500)
        try await store.close()
    }
}
