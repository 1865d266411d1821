import Foundation
import HireHTTP
import HireTestSupport
import Testing

/// Slow, idle and too many clients, against a real server on loopback.
#if canImport(Glibc)
@Suite(
    "Connections: read timeout, idle timeout, maximum", .serialized,
    .enabled(if: StressTests.isEnabled, "a stress suite: scripts/test runs it alone (HIRE_STRESS_TESTS=1)"))
struct ConnectionLimitTests {
    @Test func halfOpenRequestsAreClosedByTheReadTimeoutWhileOthersAreServed() async throws {
        // 2,000 clients and their 2,000 server sides, with room for the rest of the process.
        try #require(raiseDescriptorLimit(to: 8192) >= 5000)
        let server = try await TestServer.start(demo: false, limits: ConnectionLimits(readTimeout: .seconds(2)))
        defer { Task { await server.stop() } }
        let started = ContinuousClock.now
        var connections = [RawConnection]()
        for _ in 0..<2000 {
            guard let connection = RawConnection(port: server.port) else { break }
            connection.send("GET /healthz HT")
            connections.append(connection)
        }
        #expect(connections.count == 2000)
        defer { connections.forEach { $0.close() } }
        let allOpen = ContinuousClock.now
        var latencies: [Duration] = []
        var failures = 0
        var open = connections
        // Generous: the timeout is 2 s; a noisy machine gets a minute.
        while !open.isEmpty, ContinuousClock.now - started < .seconds(60) {
            let asked = ContinuousClock.now
            if try await health(server) { latencies.append(ContinuousClock.now - asked) } else { failures += 1 }
            open.removeAll { $0.isClosedByServer }
            try await Task.sleep(for: .milliseconds(100))
        }
        let elapsed = ContinuousClock.now - started
        let afterLastOpened = ContinuousClock.now - allOpen
        latencies.sort()
        let median = latencies.isEmpty ? Duration.zero : latencies[latencies.count / 2]
        print("half-open: \(connections.count) opened, \(connections.count - open.count) closed by the server, \(open.count) still open, \(elapsed) after the first was opened, \(afterLastOpened) after the last; /healthz answered \(latencies.count) times meanwhile (median \(median), slowest \(latencies.last ?? .zero)), failed \(failures)")
        #expect(open.isEmpty)
        #expect(!latencies.isEmpty && failures == 0)
        // Milliseconds, not seconds: the half-open clients hold no thread and no queue.
        #expect(median < .milliseconds(100), "median /healthz \(median)")
        #expect(try await health(server))
    }

    @Test func aFloodPastTheMaximumIsClosedAtOnceAndTheServerKeepsServing() async throws {
        let server = try await TestServer.start(
            demo: false, limits: ConnectionLimits(idleTimeout: .seconds(20), maxConnections: 200))
        try #require(raiseDescriptorLimit(to: 8192) >= 2000)
        defer { Task { await server.stop() } }
        // A client connected before the flood keeps being served through it.
        let regular = try #require(RawConnection(port: server.port))
        defer { regular.close() }
        regular.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(regular.read(until: "}").contains("200 OK"))
        let before = openDescriptorCount()
        let started = ContinuousClock.now
        var connections = [RawConnection]()
        for _ in 0..<1000 {
            guard let connection = RawConnection(port: server.port) else { break }
            connections.append(connection)
        }
        #expect(connections.count == 1000)
        defer { connections.forEach { $0.close() } }
        while server.connections.open + server.connections.refused < connections.count,
            ContinuousClock.now - started < .seconds(60)
        {
            try await Task.sleep(for: .milliseconds(100))
        }
        let serverHeld = openDescriptorCount() - before - connections.count
        var refusedSeen = 0
        for connection in connections where connection.isClosedByServer { refusedSeen += 1 }
        print("flood: \(connections.count) opened against a maximum of 200; the server holds \(server.connections.open), closed \(server.connections.refused) at once (\(refusedSeen) seen closed by the clients); descriptors: \(before) before, +\(serverHeld) on the server's side, after \(ContinuousClock.now - started)")
        #expect(server.connections.open <= 200)
        #expect(server.connections.refused >= 800)
        #expect(refusedSeen >= 800)
        // The server's side: at most the 200 it holds, with room for the other tests' descriptors.
        #expect(serverHeld <= 200 + 50)
        #expect(regular.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(regular.read(until: "}").contains("200 OK"), "a connection held before the flood is still served")
        // The held connections are idle: the idle timeout frees them, then the server answers.
        var answered = false
        while !answered, ContinuousClock.now - started < .seconds(60) {
            answered = try await health(server)
            if !answered { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(answered)
    }

    @Test func aKeepAliveConnectionOutlivesTheReadTimeoutBetweenRequests() async throws {
        let server = try await TestServer.start(demo: false, limits: ConnectionLimits(readTimeout: .seconds(1)))
        defer { Task { await server.stop() } }
        let connection = try #require(RawConnection(port: server.port))
        defer { connection.close() }
        connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(connection.read(until: "}").contains("200 OK"))
        try await Task.sleep(for: .seconds(3))  // past the read timeout, well within the idle timeout
        #expect(connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"))
        #expect(connection.read(until: "}").contains("200 OK"))
    }

    /// Whether `/healthz` answers 200 on a new connection, within 5 s. A plain socket, not
    /// URLSession: its dispatch sources crashed libdispatch while this test's many descriptors
    /// were closed and their numbers reused.
    private func health(_ server: TestServer) async throws -> Bool {
        guard let connection = RawConnection(port: server.port) else { return false }
        defer { connection.close() }
        connection.setReceiveTimeout(seconds: 5)
        guard connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") else { return false }
        return connection.read(until: "}").hasPrefix("HTTP/1.1 200")
    }
}
#endif
