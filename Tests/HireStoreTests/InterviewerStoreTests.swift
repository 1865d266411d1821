import FeishuWire
import HireCore
import HireStore
import HireTestSupport
import Testing

@Suite("Store: interviewers")
struct InterviewerStoreTests {
    let now: Int64 = 1_800_000_000_000

    @Test(arguments: StoreBackend.available)
    func patchResolvesTheIDInTheCallersViewOnly(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let alice = "ou_a11ce000000000000000000000000001"
            #expect(try await store.patchInterviewer(externalID: alice, in: .acme(.openID), verifyStatus: .verified, now: now) == .verified)
            // The same open_id means nothing to another app, and another tenant's user is unknown.
            #expect(try await store.patchInterviewer(
                externalID: alice, in: .acme(.openID, app: Fixtures.acmeOther, developer: "dev-other"),
                verifyStatus: .verified, now: now) == nil)
            #expect(try await store.patchInterviewer(externalID: "zed", in: .acme(.userID), verifyStatus: .verified, now: now) == nil)
            #expect(try await store.patchInterviewer(externalID: "alice", in: .globex(.userID), verifyStatus: nil, now: now) == .unverified)
            // Derived IDs and union_ids resolve too.
            let daveOther = acmeOpenID("dave", app: Fixtures.acmeOther)
            #expect(try await store.patchInterviewer(
                externalID: daveOther, in: .acme(.openID, app: Fixtures.acmeOther, developer: "dev-other"),
                verifyStatus: .verified, now: now) == .verified)
            #expect(try await store.patchInterviewer(
                externalID: "on_a11ce000000000000000000000000001", in: .acme(.unionID), verifyStatus: nil, now: now) == .verified)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aPatchWithoutStatusReadsTheCurrentOneAndChangesNothing(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            #expect(try await store.patchInterviewer(externalID: "dave", in: .acme(.userID), verifyStatus: nil, now: now) == .unverified)
            #expect(try await store.patchInterviewer(externalID: "bob", in: .acme(.userID), verifyStatus: nil, now: now) == .verified)
            let page = try await store.listInterviewers(in: .acme(.userID), query: InterviewerListQuery(), after: nil)
            #expect(page.rows.map(\.userID) == ["bob", "carol"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func listOrdersByUpdateTimeThenUserAndRendersTheView(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            _ = try await store.patchInterviewer(externalID: "alice", in: .acme(.userID), verifyStatus: .verified, now: now)
            _ = try await store.patchInterviewer(externalID: "dave", in: .acme(.userID), verifyStatus: .unverified, now: now + 5)
            let page = try await store.listInterviewers(in: .acme(.openID), query: InterviewerListQuery(), after: nil)
            #expect(page.rows.map(\.userID) == ["bob", "carol", "alice", "dave"])
            #expect(page.rows.map(\.externalID) == [
                acmeOpenID("bob"), acmeOpenID("carol"), "ou_a11ce000000000000000000000000001", acmeOpenID("dave"),
            ])
            #expect(page.rows.map(\.updateTime) == [1_700_000_000_000, 1_700_000_000_000, now, now + 5])
            #expect(!page.hasMore)
        }
    }

    @Test(arguments: StoreBackend.available)
    func listFiltersByUsersStatusAndInclusiveTimeBounds(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            _ = try await store.patchInterviewer(externalID: "alice", in: .acme(.userID), verifyStatus: .verified, now: now)
            let view = IdentityView.acme(.userID)
            func users(_ query: InterviewerListQuery) async throws -> [String] {
                try await store.listInterviewers(in: view, query: query, after: nil).rows.map(\.userID)
            }
            #expect(try await users(InterviewerListQuery(verifyStatus: .verified)) == ["bob", "alice"])
            #expect(try await users(InterviewerListQuery(verifyStatus: .unverified)) == ["carol"])
            #expect(try await users(InterviewerListQuery(userIDs: ["alice", "carol", "nobody"])) == ["carol", "alice"])
            #expect(try await users(InterviewerListQuery(userIDs: ["nobody"])) == [])
            #expect(try await users(InterviewerListQuery(earliestUpdateTime: now)) == ["alice"])
            #expect(try await users(InterviewerListQuery(latestUpdateTime: 1_700_000_000_000)) == ["bob", "carol"])
            #expect(try await users(InterviewerListQuery(earliestUpdateTime: now + 1)) == [])
        }
    }

    @Test(arguments: StoreBackend.available)
    func pagingReadsOneSnapshotWhateverChangesMeanwhile(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            for (offset, user) in ["alice", "dave"].enumerated() {
                _ = try await store.patchInterviewer(
                    externalID: user, in: .acme(.userID), verifyStatus: .verified, now: now + Int64(offset))
            }
            let view = IdentityView.acme(.userID)
            let first = try await store.listInterviewers(in: view, query: InterviewerListQuery(pageSize: 2), after: nil)
            #expect(first.rows.map(\.userID) == ["bob", "carol"])
            #expect(first.hasMore)
            // Changes after the first page: bob moves to the end, carol flips, dave flips.
            _ = try await store.patchInterviewer(externalID: "bob", in: view, verifyStatus: .unverified, now: now + 10)
            _ = try await store.patchInterviewer(externalID: "carol", in: view, verifyStatus: .verified, now: now + 11)
            _ = try await store.patchInterviewer(externalID: "dave", in: view, verifyStatus: .unverified, now: now + 12)
            let cursor = try #require(first.nextCursor)
            let second = try await store.listInterviewers(in: view, query: InterviewerListQuery(pageSize: 2), after: cursor)
            #expect(second.rows.map(\.userID) == ["alice", "dave"])
            #expect(second.rows.map(\.verifyStatus) == [.verified, .verified])
            #expect(!second.hasMore)
            // A new listing sees the new state.
            let fresh = try await store.listInterviewers(in: view, query: InterviewerListQuery(pageSize: 10), after: nil)
            #expect(fresh.rows.map(\.userID) == ["alice", "bob", "carol", "dave"])
            #expect(fresh.rows.map(\.verifyStatus) == [.verified, .unverified, .verified, .unverified])
        }
    }

    @Test(arguments: StoreBackend.available)
    func updateTimesNeverGoBackwards(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            _ = try await store.patchInterviewer(externalID: "bob", in: .acme(.userID), verifyStatus: .verified, now: now)
            // A node whose clock is behind.
            _ = try await store.patchInterviewer(externalID: "bob", in: .acme(.userID), verifyStatus: .unverified, now: now - 60_000)
            let page = try await store.listInterviewers(
                in: .acme(.userID), query: InterviewerListQuery(userIDs: ["bob"]), after: nil)
            #expect(page.rows.first?.updateTime == now)
            #expect(page.rows.first?.verifyStatus == .unverified)
        }
    }

    @Test(arguments: StoreBackend.available)
    func concurrentPatchesAllCommitAndTheLastOneStands(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let view = IdentityView.acme(.userID)
            let results = try await withThrowingTaskGroup(of: VerifyStatus?.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await store.patchInterviewer(
                            externalID: "dave", in: view, verifyStatus: index.isMultiple(of: 2) ? .verified : .unverified,
                            now: now + Int64(index))
                    }
                }
                return try await group.reduce(into: [VerifyStatus?]()) { $0.append($1) }
            }
            #expect(results.count == 40 && results.allSatisfy { $0 != nil })
            let page = try await store.listInterviewers(in: view, query: InterviewerListQuery(userIDs: ["dave"]), after: nil)
            #expect(page.rows.count == 1)
            #expect(try await store.patchInterviewer(externalID: "dave", in: view, verifyStatus: nil, now: now) == page.rows.first?.verifyStatus)
        }
    }

    @Test(arguments: StoreBackend.available)
    func historyOutlivesPurgingWhilePageTokensMayReadIt(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let view = IdentityView.acme(.userID)
            let first = try await store.listInterviewers(in: view, query: InterviewerListQuery(pageSize: 1), after: nil)
            let cursor: InterviewerCursor = try #require(first.nextCursor)
            _ = try await store.patchInterviewer(externalID: "carol", in: view, verifyStatus: .verified, now: now)
            try await store.purgeExpired(now: now + 60_000)
            let second = try await store.listInterviewers(
                in: view, query: InterviewerListQuery(pageSize: 1), after: cursor)
            #expect(second.rows.map(\.userID) == ["carol"])
            #expect(second.rows.first?.verifyStatus == .unverified)
        }
    }
}
