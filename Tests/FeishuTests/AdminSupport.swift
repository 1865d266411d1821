import Foundation
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

/// Starts a hire-server with the admin API on (a fresh random token) and the demo tenant
/// (and `data`), runs `body` with it and an admin client, then stops both.
func withAdminServer<T>(
    data: [String] = [], demo: Bool = true, _ body: (TestServer, HireAdmin) async throws -> T
) async throws -> T {
    let server = try await TestServer.start(demo: demo, data: data, adminToken: "adm-" + UUID().uuidString)
    let admin = HireAdmin(baseURL: URL(string: server.baseURL)!, token: server.adminToken ?? "")
    do {
        let result = try await body(server, admin)
        try await admin.shutdown()
        await server.stop()
        return result
    } catch {
        try? await admin.shutdown()
        await server.stop()
        throw error
    }
}

/// The interviewers of the demo tenant whose status was set, as `user_id → status`.
func demoStatuses(_ client: FeishuClient) async throws -> [String: VerifyStatus] {
    var statuses: [String: VerifyStatus] = [:]
    for try await interviewer in client.hire.v1.interviewer.list(pageSize: 100, userIDType: .userID) {
        statuses[interviewer.userID ?? "?"] = interviewer.verifyStatus
    }
    return statuses
}
