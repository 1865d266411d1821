import Foundation
#if canImport(Glibc)
import Glibc
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HireCore
import HireServerKit
import HireSQLite
import HireStore
import HireTestSupport
import Testing

/// The admin API against real servers on loopback: what needs a socket or a restart.
@Suite("Admin API: live servers")
struct LiveAdminTests {
    static let adminToken = "live-admin-token"

    private func send(
        _ server: TestServer, _ method: String, _ path: String, token: String?, body: String? = nil
    ) async throws -> (status: Int, json: [String: Any]) {
        var request = URLRequest(url: URL(string: server.baseURL + path)!)
        request.httpMethod = method
        request.timeoutInterval = 10
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        request.httpBody = body.map { Data($0.utf8) }
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as! HTTPURLResponse).statusCode, (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:])
    }

    @Test func aDropFaultClosesTheConnectionWithoutAnAnswer() async throws {
        let server = try await TestServer.start(adminToken: Self.adminToken)
        let token = try await server.demoToken()
        let added = try await send(
            server, "POST", "/_hire/faults", token: Self.adminToken,
            body: #"{"operation":"hire.v1.interviewer.patch","drop":true}"#)
        #expect(added.json["code"] as? Int == 0)
        // On a socket of its own: URLSession resends requests whose connection closed.
        let path = "/open-apis/hire/v1/interviewers/\(DemoData.interviewerOpenID)?user_id_type=open_id"
        let body = #"{"interviewer":{"verify_status":2}}"#
        let answer = try RawHTTP.exchange(
            port: server.port,
            "PATCH \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer \(token)\r\n"
                + "Content-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
        #expect(answer.isEmpty, "\(String(decoding: answer, as: UTF8.self))")
        // The dropped PATCH changed nothing; the fault fired once, and the server answers again.
        let read = try await send(server, "PATCH", path, token: token, body: #"{"interviewer":{}}"#)
        #expect(((read.json["data"] as? [String: Any])?["interviewer"] as? [String: Any])?["verify_status"] as? Int == 1)
        let journal = try await send(
            server, "GET", "/_hire/requests?operation=hire.v1.interviewer.patch", token: Self.adminToken)
        let entries = (journal.json["data"] as? [String: Any])?["items"] as? [[String: Any]] ?? []
        #expect(entries.count == 2)
        #expect(entries.first?["http_status"] as? Int == 0 && entries.first?["fault_id"] is String)
        await server.stop()
    }

    @Test func snapshotsSurviveARestart() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("hire.sqlite").path

        let first = try await TestServer.start(store: try SQLiteStore(path: path), adminToken: Self.adminToken)
        #expect(try await send(first, "PUT", "/_hire/snapshots/kept", token: Self.adminToken).json["code"] as? Int == 0)
        await first.stop()

        let second = try await TestServer.start(demo: false, store: try SQLiteStore(path: path), adminToken: Self.adminToken)
        let listed = try await send(second, "GET", "/_hire/snapshots", token: Self.adminToken)
        let names = ((listed.json["data"] as? [String: Any])?["items"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(names == ["baseline", "kept"])
        #expect(try await send(second, "POST", "/_hire/snapshots/kept/restore", token: Self.adminToken).json["code"] as? Int == 0)
        await second.stop()
    }

    @Test func aMemoryStoreWritesNothingToDisk() async throws {
        let store = try SQLiteStore.inMemory()
        let server = try await TestServer.start(store: store, adminToken: Self.adminToken)
        let token = try await server.demoToken()
        #expect(try await send(server, "GET", "/open-apis/hire/v1/interviewers", token: token).json["code"] as? Int == 0)
        #expect(try await send(server, "PUT", "/_hire/snapshots/s", token: Self.adminToken).json["code"] as? Int == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: server.directory.path).isEmpty)
        await server.stop()
    }
}

/// One HTTP exchange over a plain socket: writes the request, reads until the server closes.
enum RawHTTP {
    struct Failure: Error { let step: String }

    static func exchange(port: Int, _ request: String) throws -> [UInt8] {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(step: "socket") }
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw Failure(step: "connect") }
        let bytes = Array(request.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw Failure(step: "write") }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count > 0 { received += buffer[..<count] } else if count == 0 { return received } else {
                throw Failure(step: "read (no close within 10 s)")
            }
        }
    }
}
