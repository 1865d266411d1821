import Foundation
import HireTestSupport
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A shared count of acknowledged writes, watched by the task that kills the server.
final class AckCounter: Sendable {
    let value = Atomic<Int>(0)
}

/// What one PATCH client saw before the server died.
struct ClientOutcome: Sendable {
    /// The last acknowledged verify_status per interviewer.
    var lastAcknowledged: [String: Int] = [:]
    /// The interviewer whose write was under way when the connection failed (its value may be either).
    var unanswered: String?
    var acknowledged = 0
    /// Answers other than 200/0 while the server was up (there must be none).
    var unexpected: [String] = []
}

@Suite(
    "hire-server process: kill -9 under concurrent PATCH load", .serialized,
    .enabled(if: StressTests.isEnabled, "a stress suite: scripts/test runs it alone (HIRE_STRESS_TESTS=1)"))
struct KillNineTests {
    static let rounds = 10
    static let clients = 12
    /// Interviewers each client writes in turn: only the one it was writing when killed is ambiguous.
    static let usersPerClient = 4

    @Test(.timeLimit(.minutes(5)))
    func sqliteKeepsEveryAcknowledgedWrite() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-kill9-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.rounds(database: directory.appendingPathComponent("hire.sqlite").path, directory: directory, backend: "SQLite")
    }

    @Test(.timeLimit(.minutes(5)), .enabled(if: PostgresTestDatabase.isEnabled, "HIRE_TEST_POSTGRES_URL is not set"))
    func postgresKeepsEveryAcknowledgedWrite() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-kill9-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let schema = try await PostgresTestDatabase.makeSchema()
        var url = try #require(PostgresTestDatabase.url)
        url += (url.contains("?") ? "&" : "?") + "schema=\(schema)"
        try await Self.rounds(database: url, directory: directory, backend: "PostgreSQL")
        try await PostgresTestDatabase.dropSchema(schema)
    }

    /// Ten rounds of: concurrent PATCHes, SIGKILL mid-load, restart on the same database, check.
    static func rounds(database: String, directory: URL, backend: String) async throws {
        let started = ContinuousClock.now
        try ProcessTestData.importInto(database, users: clients * usersPerClient, directory: directory)
        let arguments = ["--database", database, "--rate-limit", "off", "--no-demo"]
        var server = try await ServerProcess(serve: arguments)
        var state = try await HireCalls(port: server.port).statuses()
        var checked = 0, lost = 0, acknowledgedTotal = 0
        for round in 1...rounds {
            let calls = try await HireCalls(port: server.port)
            let counter = AckCounter()
            // Kill after a varying number of acknowledged writes, so the kill lands at different points.
            let target = 40 + Int.random(in: 0..<80)
            let victim = server
            let outcomes = await withTaskGroup(of: ClientOutcome?.self) { group in
                for client in 0..<clients {
                    let users = (0..<usersPerClient).map { ProcessTestData.userID(client * usersPerClient + $0) }
                    let known = state
                    group.addTask { await Self.client(users: users, known: known, calls: calls, counter: counter) }
                }
                group.addTask {
                    let deadline = ContinuousClock.now + .seconds(60)
                    while counter.value.load(ordering: .relaxed) < target, ContinuousClock.now < deadline {
                        try? await Task.sleep(for: .milliseconds(2))
                    }
                    victim.send(SIGKILL)
                    return nil
                }
                var outcomes: [ClientOutcome] = []
                for await outcome in group { if let outcome { outcomes.append(outcome) } }
                return outcomes
            }
            let status = try await victim.waitForExit()
            #expect(status != nil && victim.process.terminationReason == .uncaughtSignal, "round \(round): not killed")
            let unexpected = outcomes.flatMap { $0.unexpected }
            #expect(unexpected.isEmpty, "round \(round): \(unexpected)")

            server = try await ServerProcess(serve: arguments)
            let after = try await HireCalls(port: server.port).statuses()
            for outcome in outcomes {
                acknowledgedTotal += outcome.acknowledged
                for (user, value) in outcome.lastAcknowledged {
                    if user == outcome.unanswered {
                        // A later write that was sent but not answered may have landed.
                        #expect([value, 3 - value].contains(after[user] ?? 0), "round \(round): \(user)")
                        continue
                    }
                    checked += 1
                    if after[user] != value {
                        lost += 1
                        Issue.record("round \(round): \(user) acknowledged \(value), found \(String(describing: after[user]))")
                    }
                }
            }
            #expect(outcomes.reduce(0) { $0 + $1.acknowledged } >= target, "round \(round): the load did not run")
            state = after
        }
        try await server.stop()
        let seconds = (ContinuousClock.now - started).components.seconds
        print("""
            kill -9 on \(backend): \(rounds) rounds, \(clients) clients, \(acknowledgedTotal) writes acknowledged, \
            \(checked) last-acknowledged values checked after restarts, \(lost) lost, \(seconds) s
            """)
        #expect(lost == 0)
        #expect(checked >= rounds * clients)
    }

    /// Writes its interviewers in turn, each time flipping verify_status, until the server is gone.
    static func client(users: [String], known: [String: Int], calls: HireCalls, counter: AckCounter) async -> ClientOutcome {
        var outcome = ClientOutcome()
        var intended = known
        var index = 0
        while true {
            let user = users[index % users.count]
            let value = intended[user] == 1 ? 2 : 1
            do {
                let answer = try await calls.patch(user, verifyStatus: value)
                guard answer.status == 200, answer.code == 0 else {
                    outcome.unexpected.append("\(user): \(answer.status) \(String(decoding: answer.body, as: UTF8.self))")
                    outcome.unanswered = user
                    return outcome
                }
            } catch {
                outcome.unanswered = user
                return outcome
            }
            intended[user] = value
            outcome.lastAcknowledged[user] = value
            outcome.acknowledged += 1
            counter.value.add(1, ordering: .relaxed)
            index += 1
        }
    }
}
