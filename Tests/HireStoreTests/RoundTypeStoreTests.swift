import FeishuWire
import Foundation
import HireCore
import HireStore
import HireTestSupport
import Testing

@Suite("Store: interview round types")
struct RoundTypeStoreTests {
    let now: Int64 = 1_800_000_000_000

    static let campus = #"{"id":"RT2","biz_id":"RB2","name":{"zh_cn":"校招一面","en_us":"Campus round one"},"process_type":2,"active_status":1}"#
    static let social = #"{"id":"RT1","biz_id":"RB1","name":{"zh_cn":"一面","en_us":"Round one"},"process_type":1,"active_status":2,"interview_assessment_template_info":{"id":"AT1","biz_id":"AB1","name":{"zh_cn":"通用","en_us":"General"}}}"#

    func acme(_ more: String) -> String {
        #"{"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "\#(Fixtures.acmeTenant)", \#(more)}]}"#
    }

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
    func roundTypesComeInTheFilesOrderByProcessType(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: nil) == [Self.campus, Self.social])
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: .social) == [Self.social])
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: .campus) == [Self.campus])
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.globexTenant, processType: nil) == [])
            #expect(try await store.interviewRoundTypes(tenantKey: "nobody", processType: .social) == [])
        }
    }

    @Test(arguments: StoreBackend.available)
    func anUpdateKeepsItsPlaceAndNewOnesComeLast(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            // Members in any order are stored in the platform's; a round type without a process is listed only for all.
            let summary = try await StoreSeeding.importDocument(acme(#"""
                "interview_round_types": [
                  {"id": "RT0", "name": {"en_us": "Anything"}},
                  {"process_type": 2, "name": {"en_us": "Round one, again"}, "id": "RT1"},
                  {"active_status": 1, "id": "RT3", "process_type": 1}
                ]
                """#), into: store, now: now)
            #expect(summary.counts == [.tenant: 1, .interviewRoundType: 3])
            let all = try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: nil)
            #expect(all == [
                Self.campus,
                #"{"id":"RT1","name":{"en_us":"Round one, again"},"process_type":2}"#,
                #"{"id":"RT0","name":{"en_us":"Anything"}}"#,
                #"{"id":"RT3","process_type":1,"active_status":1}"#,
            ])
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: .campus).count == 2)
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: .social) == [all[3]])
            // Importing the same file again changes nothing.
            let before = try await StoreSeeding.exportDocument(store)
            try await StoreSeeding.importDocument(Fixtures.acme, into: store, now: now)
            #expect(try await StoreSeeding.exportDocument(store) != before)  // RT1 is the fixture's again
            let again = try await StoreSeeding.exportDocument(store)
            try await StoreSeeding.importDocument(Fixtures.acme, into: store, now: now)
            #expect(try await StoreSeeding.exportDocument(store) == again)
        }
    }

    @Test(arguments: StoreBackend.available)
    func roundTypesRoundTripThroughDocumentsAndJSONLines(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let document = try await StoreSeeding.exportDocument(store, tenants: [Fixtures.acmeTenant])
            #expect(document.contains("\"interview_round_types\": [\n        \(Self.campus),\n        \(Self.social)\n      ],\n      \"talents\""))
            let (lines, _) = try await store.exportData(tenantKeys: nil, format: .jsonLines)
            let text = String(decoding: lines, as: UTF8.self)
            #expect(text.contains(#"{"tenant_key":"\#(Fixtures.acmeTenant)","interview_round_type":\#(Self.campus)}"#))
            for (format, data) in [("json", Array(document.utf8)), ("jsonl", lines)] {
                let copy = try await backend.makeStore()
                do {
                    let source: DataFileSource = format == "json"
                        ? DataFileSource(entries: try DataFileReader.entries(document: data))
                        : DataFileSource(DataFileReader.entries(
                            lines: data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Array($0) }))
                    let summary = try await copy.importEntries(source, now: now)
                    #expect(summary.counts[.interviewRoundType] == 2, "\(format)")
                    #expect(try await copy.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: nil) == [Self.campus, Self.social])
                    #expect(try await StoreSeeding.exportDocument(copy, tenants: [Fixtures.acmeTenant]) == document, "\(format)")
                } catch {
                    try? await copy.close()
                    throw error
                }
                try await copy.close()
            }
        }
    }

    @Test(arguments: StoreBackend.available)
    func aBadRoundTypeIsRefusedByItsPathAndChangesNothing(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let before = try await StoreSeeding.exportDocument(store)
            let found = await problems {
                try await StoreSeeding.importDocument(acme(#"""
                    "interview_round_types": [
                      {"id": "RT7", "colour": "red"},
                      {"id": "RT8", "process_type": 3},
                      {"id": "RT9", "active_status": "1"},
                      {"name": {"en_us": "no ID"}},
                      {"id": "RT5", "interview_assessment_template_info": {"id": 5}},
                      {"id": "RT6", "active_status": 0}
                    ]
                    """#), into: store)
            }
            #expect(found == [
                "$.tenants[0].interview_round_types[0].colour: is not a member of this object",
                "$.tenants[0].interview_round_types[1].process_type: must be 1 (social) or 2 (campus)",
                #"$.tenants[0].interview_round_types[2].active_status: must be an integer, got the string "1""#,
                "$.tenants[0].interview_round_types[3].id: is required",
                "$.tenants[0].interview_round_types[4].interview_assessment_template_info.id: must be a string, got the integer 5",
                "$.tenants[0].interview_round_types[5].active_status: must be 1 (active) or 2 (inactive)",
            ])
            let duplicate = await problems {
                try await StoreSeeding.importDocument(acme(#"""
                    "interview_round_types": [{"id": "RT4"}, {"id": "RT4", "process_type": 1}]
                    """#), into: store)
            }
            #expect(duplicate == [
                #"$.tenants[0].interview_round_types[1]: duplicates the interview round type "RT4" given earlier"#,
            ])
            #expect(try await StoreSeeding.exportDocument(store) == before)
        }
    }

    @Test(arguments: StoreBackend.available)
    func restoringAndReplacingPutBackTheRoundTypes(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let snapshots = Snapshots(store: store)
            _ = try await snapshots.save(name: "start", tenantKeys: nil, now: now)
            try await StoreSeeding.importDocument(acme(#"""
                "interview_round_types": [{"id": "RT9"}, {"id": "RT2", "process_type": 1}]
                """#), into: store, now: now)
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: nil).count == 3)

            _ = try #require(try await snapshots.restore(name: "start", tenantKey: Fixtures.acmeTenant, now: now))
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: nil) == [Self.campus, Self.social])

            // Replacing a tenant's data with data without round types leaves it none.
            let source = DataFileSource(entries: try DataFileReader.entries(document: Array(acme(#""users": [{"user_id": "zoe"}]"#).utf8)))
            let summary = try await store.replaceTenants(.only([Fixtures.acmeTenant]), with: source, now: now)
            #expect(summary.counts[.interviewRoundType] == nil)
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: nil) == [])
            _ = try #require(try await snapshots.restore(name: "start", now: now))
            #expect(try await store.interviewRoundTypes(tenantKey: Fixtures.acmeTenant, processType: nil) == [Self.campus, Self.social])
        }
    }
}
