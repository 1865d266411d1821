import Foundation
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

/// A hire-server serving HTTPS with a self-signed certificate the test makes, called by the SDK
/// and the CLI with and without the certificate as their CA file.
@Suite("HTTPS: the SDK and the CLI trust a CA file")
struct TLSTests {
    /// Starts an HTTPS server with a fresh self-signed certificate, runs `body`, stops it.
    private func withHTTPSServer(_ body: (TestServer, TestCertificate) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-tls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificate = try TestCertificate.make(in: directory)
        let server = try await TestServer.start(tls: try certificate.serverTLS())
        do {
            try await body(server, certificate)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func theSDKCallsTheHTTPSServerWithTheCAFileAndFailsClearlyWithout() async throws {
        try await withHTTPSServer { server, certificate in
            #expect(server.baseURL.hasPrefix("https://"))
            // A write and a read over HTTPS.
            let page = try await withClient(server, configuration: .init(caFile: certificate.certificateFile)) { client in
                try await client.hire.v1.interviewer.patch(interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified)
                return try await client.hire.v1.interviewer.listPage()
            }
            #expect(page.items?.map(\.userID) == [DemoData.interviewerOpenID])

            let started = ContinuousClock.now
            let error = await #expect(throws: FeishuError.self) {
                try await withClient(server, configuration: .init(connectTimeout: .seconds(2))) { client in
                    try await client.hire.v1.interviewer.listPage()
                }
            }
            #expect(error?.kind == .transport)
            #expect(error?.msg.contains("TLS failure") == true)
            #expect(error?.msg.contains("CERTIFICATE_VERIFY_FAILED") == true)
            // Not a hang: it fails once connecting gives up (2 s), with a generous bound.
            #expect(ContinuousClock.now - started < .seconds(60))
        }
    }

    @Test func theCLICallsTheHTTPSServerWithCAFileAndFailsClearlyWithout() async throws {
        try await withHTTPSServer { server, certificate in
            let trusted = await hire(
                ["interviewer", "list", "--ca-file", certificate.certificateFile, "--json"], server: server)
            #expect(trusted.status == 0, "\(trusted.stderr)")
            #expect(trusted.stdout.contains("\"items\""))

            let environment = [
                "FEISHU_APP_ID": DemoData.appID, "FEISHU_APP_SECRET": DemoData.appSecret,
                "FEISHU_BASE_URL": server.baseURL, "FEISHU_CA_FILE": certificate.certificateFile,
            ]
            let fromEnvironment = await hire(["interviewer", "list", "--json"], server: server, environment: environment)
            #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")

            let untrusted = await hire(["interviewer", "list", "--connect-timeout", "2"], server: server)
            #expect(untrusted.status != 0)
            #expect(untrusted.stderr.contains("TLS failure"), "\(untrusted.stderr)")

            let missing = await hire(["interviewer", "list", "--ca-file", "/nonexistent/ca.pem"], server: server)
            #expect(missing.status != 0)
            #expect(missing.stderr.contains("Cannot read the CA file"), "\(missing.stderr)")
        }
    }
}
