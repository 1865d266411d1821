import Foundation
import HireTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("hire-server process: SIGTERM with requests in flight", .enabled(if: StressTests.isEnabled, "a stress suite: scripts/test runs it alone (HIRE_STRESS_TESTS=1)"))
struct GracefulShutdownTests {
    static let connections = 32
    static let adminToken = "adm-process-tests-0001"

    @Test(.timeLimit(.minutes(3)))
    func everyAcceptedRequestIsAnsweredAndNewConnectionsAreRefused() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("hire.sqlite").path
        try ProcessTestData.importInto(database, users: Self.connections, directory: directory)
        let grace = 20
        let server = try await ServerProcess(serve: [
            "--database", database, "--rate-limit", "off", "--no-demo",
            "--admin-token", Self.adminToken, "--shutdown-grace", "\(grace)",
        ])
        let calls = try await HireCalls(port: server.port)
        // Every PATCH waits 4 s inside the server before it is processed.
        let fault = try await RawHTTP.exchange(
            port: server.port, method: "POST", path: "/_hire/faults",
            headers: ["Authorization": "Bearer \(Self.adminToken)"],
            body: #"{"operation":"hire.v1.interviewer.patch","delay_ms":4000,"times":0}"#)
        #expect(fault.status == 200 && fault.code == 0, "\(String(decoding: fault.body, as: UTF8.self))")

        let requests = Task {
            try await withThrowingTaskGroup(of: (String, RawHTTP.Answer).self) { group in
                for index in 0..<Self.connections {
                    let user = ProcessTestData.userID(index)
                    group.addTask { (user, try await calls.patch(user, verifyStatus: 1)) }
                }
                return try await group.reduce(into: [String: RawHTTP.Answer]()) { $0[$1.0] = $1.1 }
            }
        }
        // Wait until the server has begun processing all 32 (the fault fired on each).
        let deadline = ContinuousClock.now + .seconds(60)
        var fired = 0
        while fired < Self.connections, ContinuousClock.now < deadline {
            let faults = try await RawHTTP.exchange(
                port: server.port, method: "GET", path: "/_hire/faults",
                headers: ["Authorization": "Bearer \(Self.adminToken)"])
            let items = (faults.json?["data"] as? [String: Any])?["items"] as? [[String: Any]]
            fired = items?.first?["fired"] as? Int ?? 0
            if fired < Self.connections { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(fired == Self.connections)

        let signalled = ContinuousClock.now
        server.send(SIGTERM)
        // New connections are refused while the 32 are still being answered.
        var refused = false
        while !refused, ContinuousClock.now - signalled < .seconds(3) {
            do {
                close(try RawHTTP.connect(port: server.port))
                try await Task.sleep(for: .milliseconds(10))
            } catch RawHTTP.Failure.connect(let error) {
                refused = error == ECONNREFUSED
            }
        }
        #expect(refused, "a new connection was still accepted after SIGTERM")
        #expect(server.process.isRunning, "the server stopped before answering what it had accepted")

        let answers = try await requests.value
        let exit = try await server.waitForExit(timeout: .seconds(grace + 30))
        let stopped = ContinuousClock.now - signalled
        #expect(answers.count == Self.connections)
        var answered = 0
        for (user, answer) in answers {
            let interviewer = (answer.json?["data"] as? [String: Any])?["interviewer"] as? [String: Any]
            if answer.status == 200, answer.code == 0, interviewer?["user_id"] as? String == user,
                interviewer?["verify_status"] as? Int == 1
            {
                answered += 1
            } else {
                Issue.record("\(user): \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
            }
        }
        #expect(exit == 0, "\(server.log)")
        #expect(stopped < .seconds(grace), "took \(stopped) to stop")
        print("SIGTERM: \(answered) of \(Self.connections) requests in flight answered 200 with their body, new connections refused: \(refused), exit \(String(describing: exit)) after \(stopped)")

        // And they were written.
        let restarted = try await ServerProcess(serve: ["--database", database, "--rate-limit", "off", "--no-demo"])
        let statuses = try await HireCalls(port: restarted.port).statuses()
        #expect((0..<Self.connections).allSatisfy { statuses[ProcessTestData.userID($0)] == 1 }, "\(statuses)")
        try await restarted.stop()
    }

    @Test(.timeLimit(.minutes(3)))
    func theGraceBoundsTheWait() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("hire.sqlite").path
        try ProcessTestData.importInto(database, users: 1, directory: directory)
        let server = try await ServerProcess(serve: [
            "--database", database, "--rate-limit", "off", "--no-demo",
            "--admin-token", Self.adminToken, "--shutdown-grace", "1",
        ])
        let calls = try await HireCalls(port: server.port)
        _ = try await RawHTTP.exchange(
            port: server.port, method: "POST", path: "/_hire/faults",
            headers: ["Authorization": "Bearer \(Self.adminToken)"],
            body: #"{"operation":"hire.v1.interviewer.patch","delay_ms":60000,"times":0}"#)
        let request = Task { try? await calls.patch(ProcessTestData.userID(0), verifyStatus: 1) }
        try await Task.sleep(for: .milliseconds(500))
        let signalled = ContinuousClock.now
        server.send(SIGTERM)
        let exit = try await server.waitForExit(timeout: .seconds(50))
        // A 60 s request does not hold a 1 s grace for long (generous bound: a busy machine).
        #expect(exit != nil, "still running 50 s after SIGTERM with a 1 s grace")
        #expect(ContinuousClock.now - signalled < .seconds(30))
        _ = await request.value
    }
}
