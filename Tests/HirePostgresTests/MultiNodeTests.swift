import Foundation
import HireCore
@testable import HirePostgres
import HireStore
import HireTestSupport
import PostgresNIO
import Synchronization
import Testing

/// The rules of issue 4 for several nodes on one database, through real servers on loopback.
@Suite("PostgreSQL: several nodes serving one dataset", postgresAvailable)
struct MultiNodeTests {
    @Test func aTokenIssuedByOneNodeIsAcceptedByEveryNode() async throws {
        let cluster = try await Cluster.start(nodes: 3)
        defer { Task { await cluster.stop() } }
        for issuer in 0..<3 {
            let (token, _) = try await cluster[issuer].token()
            for node in cluster.nodes {
                let answer = try await node.list(token: token, query: "page_size=1")
                #expect(answer.code == 0, "\(answer.json)")
            }
        }
        // And a forged one by none.
        let refused = try await cluster[1].list(token: "t-0000000000000000000000000000000000000000")
        #expect(refused.code == 99991663)
        await cluster.stop()
    }

    @Test func aPatchAcknowledgedByOneNodeIsVisibleToTheNextRequestOnAnyNode() async throws {
        let cluster = try await Cluster.start(nodes: 2)
        defer { Task { await cluster.stop() } }
        let (token, _) = try await cluster[0].token()
        for round in 0..<20 {
            let status = round % 2 + 1
            let writer = cluster[round]
            let reader = cluster[round + 1]
            let answer = try await writer.patch(ClusterData.userID(70), status, token: token)
            #expect(answer.code == 0, "\(answer.json)")
            #expect(try await reader.status(of: ClusterData.userID(70), token: token) == status)
        }
        await cluster.stop()
    }

    @Test func theTokenReuseRuleHoldsAcrossNodes() async throws {
        let clock = TestClock()
        let cluster = try await Cluster.start(nodes: 2, clock: clock.clock)
        defer { Task { await cluster.stop() } }
        // Concurrent first requests through both nodes agree on one token.
        let tokens = try await withThrowingTaskGroup(of: String.self) { group in
            for index in 0..<16 { group.addTask { try await cluster[index].token().0 } }
            return try await group.reduce(into: Set<String>()) { $0.insert($1) }
        }
        #expect(tokens.count == 1)
        let first = try #require(tokens.first)
        // While it has 30 minutes or more left, every node hands out that token, with its remaining life.
        clock.advance(seconds: 90 * 60)
        let (again, expire) = try await cluster[1].token()
        #expect(again == first)
        #expect(expire == 30 * 60)
        // Under 30 minutes: a new one, and both stay valid on every node until their own expiry.
        clock.advance(seconds: 1)
        let (renewed, renewedExpire) = try await cluster[0].token()
        #expect(renewed != first)
        #expect(renewedExpire == 2 * 60 * 60)
        #expect(try await cluster[1].token().0 == renewed)
        for node in cluster.nodes {
            #expect(try await node.list(token: first, query: "page_size=1").code == 0)
            #expect(try await node.list(token: renewed, query: "page_size=1").code == 0)
        }
        clock.advance(seconds: 30 * 60)
        #expect(try await cluster[1].list(token: first, query: "page_size=1").code == 99991663)
        #expect(try await cluster[0].list(token: renewed, query: "page_size=1").code == 0)
        await cluster.stop()
    }

    @Test func concurrentPatchesThroughDifferentNodesAllCommitAndTheLastCommittedStands() async throws {
        let cluster = try await Cluster.start(nodes: 2)
        defer { Task { await cluster.stop() } }
        let (token, _) = try await cluster[0].token()
        let user = ClusterData.userID(71)
        let codes = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<40 {
                group.addTask { try await cluster[index].patch(user, index % 2 + 1, token: token).code }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(codes.count == 40 && codes.allSatisfy { $0 == 0 })

        // The writes form one chain in commit order: each superseded exactly the state the
        // previous one committed, revisions follow one another, and update times never go back.
        let store = cluster[0].store
        let history = try await store.testRows("""
            SELECT h.verify_status, h.update_time, h.revision, h.superseded_revision
            FROM interviewer_history h WHERE h.tenant_key = \(ClusterData.tenant) AND h.user_id = \(user)
            ORDER BY h.revision
            """).map { try $0.decode((Int, Int64, Int64, Int64).self) }
        let current = try #require(try await store.testRows("""
            SELECT verify_status, update_time, revision FROM interviewers
            WHERE tenant_key = \(ClusterData.tenant) AND user_id = \(user)
            """).first?.decode((Int, Int64, Int64).self))
        #expect(history.count == 39)
        for (earlier, later) in zip(history, history.dropFirst()) {
            #expect(earlier.3 == later.2)
            #expect(earlier.1 <= later.1)
        }
        #expect(history.last?.3 == current.2)
        #expect((history.last?.1 ?? 0) <= current.1)
        // Every node answers with the last committed state.
        for node in cluster.nodes {
            #expect(try await node.status(of: user, token: token) == current.0)
        }
        await cluster.stop()
    }

    @Test func pagingAcrossNodesWhileOthersWriteHasNoDuplicatesOrGaps() async throws {
        let cluster = try await Cluster.start(nodes: 2, users: 80, interviewers: 60)
        defer { Task { await cluster.stop() } }
        let (token, _) = try await cluster[0].token()
        let expected = Set((0..<60).map(ClusterData.userID))

        for attempt in 0..<3 {
            var seen: [String] = []
            var pageToken: String?
            var page = 0
            var writers: Task<Void, Never>?
            // Writers stop at a flag, not by cancellation: a cancelled URLSession request can hang on Linux.
            let stop = Flag()
            repeat {
                let answer = try await cluster[page + attempt].list(token: token, query: "page_size=7", pageToken: pageToken)
                #expect(answer.code == 0, "\(answer.json)")
                let items = answer.data["items"] as? [[String: Any]] ?? []
                seen += items.compactMap { $0["user_id"] as? String }
                pageToken = (answer.data["has_more"] as? Bool == true) ? answer.data["page_token"] as? String : nil
                page += 1
                if writers == nil {
                    // After the first page: writers flip statuses (moving users to the end of the
                    // order) and add new interviewers, through both nodes, while the client pages.
                    writers = Task {
                        var round = 0
                        while !stop.isSet {
                            let user = ClusterData.userID(Int.random(in: 0..<80))
                            _ = try? await cluster[round].patch(user, Int.random(in: 1...2), token: token)
                            round += 1
                        }
                    }
                }
                try await Task.sleep(for: .milliseconds(20))
            } while pageToken != nil && page < 100
            stop.set()
            _ = await writers?.value
            // The first listing saw exactly the 60 interviewers of its snapshot, each once.
            // (Later listings see the interviewers the writers added too.)
            #expect(seen.count == Set(seen).count, "duplicates: \(seen)")
            if attempt == 0 {
                #expect(Set(seen) == expected, "gaps: \(expected.subtracting(seen).sorted())")
            } else {
                #expect(Set(seen).isSuperset(of: expected))
            }
        }
        await cluster.stop()
    }
}

/// A flag one task sets and others read.
final class Flag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
