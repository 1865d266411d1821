import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A `hire-server` executable run as a child process, as an operator runs it.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let output = Output()
    /// The port it listens on, read from its banner.
    private(set) var port = 0

    /// The `hire-server` built next to the tests.
    static var binary: URL? {
        if let path = ProcessInfo.processInfo.environment["HIRE_SERVER_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return URL(fileURLWithPath: path)
        }
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("hire-server")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs `hire-server ARGUMENTS` to completion (e.g. `import`) and returns its exit status.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        guard let binary else { throw ServerProcessError("hire-server is not built next to the tests") }
        return try runToCompletion(binary, arguments)
    }

    /// Runs `executable ARGUMENTS` to completion; its exit status and its output and errors together.
    static func runToCompletion(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Starts `hire-server serve --port 0 ARGUMENTS` and waits until it listens.
    init(serve arguments: [String]) async throws {
        guard let binary = Self.binary else { throw ServerProcessError("hire-server is not built next to the tests") }
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--host", "127.0.0.1", "--log-level", "warning"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [output] handle in
            let data = handle.availableData
            if !data.isEmpty { output.text.withLock { $0 += String(decoding: data, as: UTF8.self) } }
        }
        try process.run()
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let text = log
            if let range = text.range(of: "listening on http://127.0.0.1:") {
                let digits = text[range.upperBound...].prefix { $0.isNumber }
                if let port = Int(digits) {
                    self.port = port
                    return
                }
            }
            if !process.isRunning { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.terminate()
        throw ServerProcessError("hire-server did not start: \(log)")
    }

    /// What it printed so far.
    var log: String { output.text.withLock { $0 } }

    /// What the process prints, collected as it arrives.
    private final class Output: Sendable {
        let text = Mutex("")
    }

    /// Sends `signal` (SIGKILL, SIGTERM).
    func send(_ signal: Int32) {
        kill(process.processIdentifier, signal)
    }

    /// Waits (polling, so the caller's task is not blocked) for the process to end.
    /// - Returns: its exit status, or `nil` if it is still running after `timeout`.
    func waitForExit(timeout: Duration = .seconds(120)) async throws -> Int32? {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline { return nil }
            try await Task.sleep(for: .milliseconds(10))
        }
        return process.terminationStatus
    }

    /// Stops it with SIGTERM and waits.
    func stop() async throws {
        guard process.isRunning else { return }
        send(SIGTERM)
        if try await waitForExit() == nil {
            send(SIGKILL)
            _ = try await waitForExit()
        }
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A data file for these tests: one tenant, one app with the interviewer scopes, users `u00`…
enum ProcessTestData {
    static let tenant = "proc0000000000001"
    static let appID = "cli_0c0c000000000001"
    static let appSecret = "ProcSecretProcSecretProcSecret01"

    static func userID(_ index: Int) -> String { String(format: "u%02d", index) }

    /// Writes the JSON Lines file with `users` users to `url`.
    static func write(users: Int, to url: URL) throws {
        var lines = [
            #"{"format":"feishu-hire-data/1"}"#,
            #"{"tenant":{"tenant_key":"\#(tenant)","name":"Process tests"}}"#,
            #"{"tenant_key":"\#(tenant)","app":{"app_id":"\#(appID)","app_secret":"\#(appSecret)","scopes":["hire:interviewer","hire:interview:readonly","contact:user.employee_id:readonly"]}}"#,
        ]
        for index in 0..<users {
            lines.append(#"{"tenant_key":"\#(tenant)","user":{"user_id":"\#(userID(index))","name":{"en_us":"User \#(index)"}}}"#)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: url)
    }

    /// Imports a fresh data file with `users` users into `database` with `hire-server import`.
    static func importInto(_ database: String, users: Int, directory: URL) throws {
        let file = directory.appendingPathComponent("data.jsonl")
        try write(users: users, to: file)
        let result = try ServerProcess.run(["import", file.path, "--database", database, "--log-level", "warning"])
        #expect(result.status == 0, "\(result.output)")
    }
}
