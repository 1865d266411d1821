import Foundation
import HireServerKit
import HireTestSupport
import Testing

/// The built `hire` executable, next to the test bundle (`.build/<triple>/debug/hire`).
enum HireExecutable {
    static let url: URL? = {
        var candidates: [URL] = []
        for bundle in [Bundle.main.bundleURL, Bundle.main.executableURL].compactMap({ $0 }) {
            var directory = bundle.deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(directory.appendingPathComponent("hire"))
                directory.deleteLastPathComponent()
            }
        }
        // <package>/Tests/FeishuTests/CLIExecutableTests.swift → <package>/.build/debug/hire
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        candidates.append(package.appendingPathComponent(".build/debug/hire"))
        return candidates.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: url.path)
        }
    }()

    /// Runs the executable with `arguments` and `environment` (added to a minimal one).
    static func run(_ url: URL, _ arguments: [String], environment: [String: String]) async throws -> CLIRun {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "TZ": "Asia/Shanghai"].merging(environment) { $1 }
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        let exited = AsyncStream<Int32>.makeStream()
        process.terminationHandler = { process in
            exited.continuation.yield(process.terminationStatus)
            exited.continuation.finish()
        }
        try process.run()
        // Read both pipes at once, on threads of their own: a blocking read on the cooperative
        // pool can starve the in-process server the executable is talking to.
        async let out = readToEnd(stdout.fileHandleForReading)
        async let err = readToEnd(stderr.fileHandleForReading)
        let (outData, errData) = await (out, err)
        var statuses = exited.stream.makeAsyncIterator()
        let status = await statuses.next() ?? -1
        return CLIRun(
            status: status, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Everything `handle` yields until end of file, read on a dispatch thread.
    private static func readToEnd(_ handle: FileHandle) async -> Data {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: handle.readDataToEndOfFile()) }
        }
    }
}

@Suite("the hire executable")
struct CLIExecutableTests {
    @Test(
        "exit statuses: 0 on success, 1 for an API failure, 2 for a usage error",
        .enabled(if: HireExecutable.url != nil, "the hire executable is not built next to the tests: run `swift build` first"))
    func exitStatuses() async throws {
        let url = try #require(HireExecutable.url)
        try await withServer { server in
            let environment = [
                "FEISHU_APP_ID": DemoData.appID, "FEISHU_APP_SECRET": DemoData.appSecret, "FEISHU_BASE_URL": server.baseURL,
            ]
            let success = try await HireExecutable.run(
                url, ["interviewer", "patch", DemoData.interviewerOpenID, "--verify-status", "2", "--json"],
                environment: environment)
            #expect(success.status == 0, "\(success.stderr)")
            #expect(success.stdout == #"{"interviewer":{"user_id":"\#(DemoData.interviewerOpenID)","verify_status":2}}"# + "\n")

            let timeline = try await HireExecutable.run(url, ["interview", "by-talent", DemoData.talentID], environment: environment)
            #expect(timeline.status == 0)
            #expect(timeline.stdout.contains("2021-04-20 14:16 – 2021-04-21 18:02"))

            let failure = try await HireExecutable.run(url, ["interview", "by-talent", "404"], environment: environment)
            #expect(failure.status == 1)
            #expect(failure.stdout == "")
            #expect(failure.stderr.wholeMatch(of: /error: 1002002 [^\n]+ \(log_id: [0-9A-F]+\)\n/) != nil)

            let usage = try await HireExecutable.run(url, ["interviewer", "patch"], environment: environment)
            #expect(usage.status == 2)
            #expect(usage.stderr.contains("USAGE: hire interviewer patch"))

            let missingCredentials = try await HireExecutable.run(
                url, ["interviewer", "list"], environment: ["FEISHU_BASE_URL": server.baseURL])
            #expect(missingCredentials.status == 2)
            #expect(missingCredentials.stderr.contains("FEISHU_APP_ID"))
        }
    }
}
