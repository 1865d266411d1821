import Foundation
import HireCore
import HireTestSupport
import Testing

/// The admin API on several nodes sharing one database: faults, the clock and snapshots
/// set through one node hold on every node.
@Suite("PostgreSQL: the admin API across nodes", postgresAvailable)
struct AdminMultiNodeTests {
    static let adminToken = "cluster-admin-token"

    private func admin(_ node: Node, _ method: String, _ path: String, body: String? = nil) async throws -> Node.Answer {
        let answer = try await node.send(method, path, token: Self.adminToken, body: body)
        #expect(answer.code == 0, "\(method) \(path): \(answer.json)")
        return answer
    }

    @Test func aFaultSetThroughOneNodeFiresOnEveryNodeCountingItsTimesAcrossThem() async throws {
        let cluster = try await Cluster.start(nodes: 2, adminToken: Self.adminToken)
        defer { Task { await cluster.stop() } }
        let (token, _) = try await cluster[0].token()
        _ = try await admin(
            cluster[0], "POST", "/_hire/faults", body: #"{"operation":"hire.v1.interviewer.list","code":1002001,"times":3}"#)
        var codes: [Int] = []
        for index in 0..<6 { codes.append(try await cluster[index + 1].list(token: token).code) }
        #expect(codes == [1_002_001, 1_002_001, 1_002_001, 0, 0, 0])
        // The fault is gone from both nodes' lists.
        for node in cluster.nodes {
            let listed = try await admin(node, "GET", "/_hire/faults")
            #expect((listed.data["items"] as? [Any])?.isEmpty == true)
        }
        await cluster.stop()
    }

    @Test func theClockIsSharedByEveryNode() async throws {
        let cluster = try await Cluster.start(nodes: 2, adminToken: Self.adminToken)
        defer { Task { await cluster.stop() } }
        let (token, _) = try await cluster[0].token()
        _ = try await admin(cluster[0], "POST", "/_hire/clock", body: #"{"advance_ms":7300000}"#)
        let read = try await admin(cluster[1], "GET", "/_hire/clock")
        #expect(read.data["offset_ms"] as? Int == 7_300_000)
        #expect(try await cluster[1].list(token: token).code == 99_991_663)
        _ = try await admin(cluster[1], "DELETE", "/_hire/clock")
        #expect(try await cluster[0].list(token: token).code == 0)
        await cluster.stop()
    }

    @Test func snapshotsAreSharedAndARestoreIsSeenByEveryNode() async throws {
        let cluster = try await Cluster.start(nodes: 2, adminToken: Self.adminToken)
        defer { Task { await cluster.stop() } }
        let (token, _) = try await cluster[0].token()
        let user = ClusterData.userID(75)
        _ = try await admin(cluster[0], "PUT", "/_hire/snapshots/before")
        #expect(try await cluster[0].patch(user, 2, token: token).code == 0)
        #expect(try await cluster[1].status(of: user, token: token) == 2)
        _ = try await admin(cluster[1], "POST", "/_hire/snapshots/before/restore")
        #expect(try await cluster[0].status(of: user, token: token) == nil)
        let listed = try await admin(cluster[0], "GET", "/_hire/snapshots")
        let names = (listed.data["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["baseline", "before"])
        await cluster.stop()
    }
}
