import Foundation
import HireTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite(
    "hire-server process: a disk that fills while PATCHes run (SQLite)",
    .enabled(if: StressTests.isEnabled, "a stress suite: scripts/test runs it alone (HIRE_STRESS_TESTS=1)"),
    .enabled(if: geteuid() == 0, "it mounts a small tmpfs, which needs root (CI runs as root)"))
struct DiskFullTests {
    /// Runs a command, returning its exit status and output.
    static func shell(_ arguments: [String]) throws -> (Int32, String) {
        try ServerProcess.runToCompletion(URL(fileURLWithPath: "/usr/bin/env"), arguments)
    }

    /// Fills the filesystem holding `path` with a file until writing fails with ENOSPC.
    static func fill(_ path: String) -> Int {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { return 0 }
        defer { close(fd) }
        var total = 0
        for size in [1 << 16, 4096, 512, 1] {
            let chunk = [UInt8](repeating: 0x5a, count: size)
            while true {
                let written = chunk.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written <= 0 { break }
                total += written
            }
        }
        fsync(fd)
        return total
    }

    @Test(.timeLimit(.minutes(3)))
    func writesFailCleanlyReadsWorkAndWritesRecover() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (mounted, message) = try Self.shell(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", directory.path])
        try #require(mounted == 0, "mount -t tmpfs failed: \(message)")
        defer { _ = try? Self.shell(["umount", "-l", directory.path]) }

        let database = directory.appendingPathComponent("hire.sqlite").path
        let users = 8
        try ProcessTestData.importInto(database, users: users, directory: directory)
        let arguments = ["--database", database, "--rate-limit", "off", "--no-demo"]
        var server = try await ServerProcess(serve: arguments)
        let calls = try await HireCalls(port: server.port)
        var intended: [String: Int] = [:]
        var acknowledged = 0

        /// PATCHes the next interviewer, flipping its status; returns the answer.
        var next = 0
        func patchNext() async throws -> RawHTTP.Answer {
            let user = ProcessTestData.userID(next % users)
            let value = intended[user] == 1 ? 2 : 1
            let answer = try await calls.patch(user, verifyStatus: value)
            if answer.status == 200, answer.code == 0 {
                intended[user] = value
                acknowledged += 1
                next += 1
            }
            return answer
        }
        for _ in 0..<20 {
            let answer = try await patchNext()
            #expect(answer.status == 200 && answer.code == 0)
        }

        let filler = directory.appendingPathComponent("filler").path
        let filled = Self.fill(filler)
        #expect(filled > 0)
        // Write until the disk says no: the answer is the platform's system error.
        var firstRefusal: RawHTTP.Answer?
        for _ in 0..<5000 {
            let answer = try await patchNext()
            if answer.status != 200 || answer.code != 0 {
                firstRefusal = answer
                break
            }
        }
        let refusal = try #require(firstRefusal, "5000 writes went through on a full disk")
        #expect(refusal.status == 500 && refusal.code == 1_002_001, "\(String(decoding: refusal.body, as: UTF8.self))")
        var refused = 1
        for _ in 0..<10 {
            let answer = try await patchNext()
            if answer.status == 500, answer.code == 1_002_001 { refused += 1 }
        }
        // Reads keep working and show exactly what was acknowledged.
        let whileFull = try await calls.statuses()
        #expect(whileFull == intended, "read on a full disk: \(whileFull), acknowledged: \(intended)")
        #expect(server.log.contains("disk is full"), "no log line names the full disk: \(server.log)")

        // Space returns: writes work again.
        try FileManager.default.removeItem(atPath: filler)
        var recovered = 0
        for _ in 0..<10 {
            let answer = try await patchNext()
            if answer.status == 200, answer.code == 0 { recovered += 1 }
        }
        #expect(recovered == 10)
        #expect(try await calls.statuses() == intended)

        // Nothing acknowledged is lost across a restart, and no refused write landed.
        try await server.stop()
        server = try await ServerProcess(serve: arguments)
        let afterRestart = try await HireCalls(port: server.port).statuses()
        #expect(afterRestart == intended)
        try await server.stop()
        print("""
            disk full (tmpfs 4 MiB): \(acknowledged) writes acknowledged, \(refused) refused with 1002001 while full, \
            reads answered while full, \(recovered)/10 accepted after space returned, \(intended.count) interviewers intact after restart
            """)
    }
}
