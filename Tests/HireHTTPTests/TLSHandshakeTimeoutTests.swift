#if canImport(Glibc)
import Foundation
import HireHTTP
import HireTestSupport
import Testing

/// The read timeout bounds an HTTPS connection's TLS handshake as it bounds a request: a
/// client that opens a connection and stalls before or inside the handshake is closed.
@Suite("HTTPS: a stalled TLS handshake is closed at the read timeout")
struct TLSHandshakeTimeoutTests {
    @Test func connectionsThatNeverFinishTheHandshakeAreClosed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-tls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let certificate = try TestCertificate.make(in: directory)
        let server = try await TestServer.start(
            limits: ConnectionLimits(readTimeout: .seconds(2)), tls: try certificate.serverTLS())
        do {
            let opened = ContinuousClock.now
            let silent = try #require(RawConnection(port: server.port))
            let halfHello = try #require(RawConnection(port: server.port))
            defer { silent.close(); halfHello.close() }
            // The first bytes of a ClientHello record: a handshake record, TLS 1.0, 512 bytes to follow.
            halfHello.send("\u{16}\u{03}\u{01}\u{02}\u{00}\u{01}")
            try await Task.sleep(for: .milliseconds(300))
            let early = (silent.isClosedByServer, halfHello.isClosedByServer)
            // Only meaningful if the machine let this check run well before the timeout.
            if ContinuousClock.now - opened < .seconds(1) {
                #expect(!early.0 && !early.1, "closed before the timeout")
            }
            let deadline = opened + .seconds(15)
            while !(silent.isClosedByServer && halfHello.isClosedByServer), ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(100))
            }
            #expect(silent.isClosedByServer && halfHello.isClosedByServer, "still open 15 s after a 2 s timeout")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
#endif
