import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import HirePostgres
import HireStore
import HireTestSupport
import PostgresNIO
import Testing

/// `hire_store_connections_in_use` and `_waiting` on a real server on PostgreSQL.
@Suite(postgresAvailable) struct PoolMetricsTests {
    @Test func theGaugesShowLeasedAndWaitingConnections() async throws {
        let store = try await PostgresTestDatabase.makeStore()  // a pool of 8
        let server = try await TestServer.start(store: store)
        do {
            #expect(store.connectionUsage == ConnectionUsage(inUse: 0, waiting: 0))
            // 10 operations holding a connection for 3 s: 8 leased, 2 waiting.
            let sleepers = Task {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<10 {
                        group.addTask { _ = try await store.rows("SELECT pg_sleep(3)") }
                    }
                    try await group.waitForAll()
                }
            }
            var seen: (inUse: Double?, waiting: Double?) = (nil, nil)
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline {
                let (data, _) = try await URLSession.shared.data(from: URL(string: server.baseURL + "/metrics")!)
                let text = String(decoding: data, as: UTF8.self)
                seen = (gauge("hire_store_connections_in_use", text), gauge("hire_store_connections_waiting", text))
                if seen.inUse == 8 && seen.waiting == 2 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(seen.inUse == 8 && seen.waiting == 2, "\(seen)")
            try await sleepers.value
            #expect(store.connectionUsage == ConnectionUsage(inUse: 0, waiting: 0))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    /// The value of an unlabelled sample line `name value`.
    private func gauge(_ name: String, _ text: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(name + " ") }.flatMap { Double($0.split(separator: " ")[1]) }
    }
}
