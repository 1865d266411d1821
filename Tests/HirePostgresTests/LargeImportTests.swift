import Foundation
import FeishuWire
import HireCore
@testable import HirePostgres
import HireStore
import HireTestSupport
import PostgresNIO
import Testing

@Suite("PostgreSQL: importing large data files, JSON Lines and JSON documents", .serialized, postgresAvailable)
struct LargeImportTests {
    /// Interviews of the larger file (the smaller has a tenth); `HIRE_TEST_IMPORT_INTERVIEWS` overrides.
    static let interviews = ProcessInfo.processInfo.environment["HIRE_TEST_IMPORT_INTERVIEWS"].flatMap(Int.init) ?? 40_000

    /// A data file: a tenant, an app, 50 users, 2 job levels, and `count` talents, each with
    /// one application and one interview of two records; JSON Lines, or the same as a JSON document.
    static func writeFile(interviews count: Int, to url: URL, document: Bool = false) throws -> Int {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = ""
        func write(_ text: String) throws {
            buffer += text
            if buffer.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(buffer.utf8))
                buffer = ""
            }
        }
        let tenant = "bulk0000000000001"
        // Each entity once, as a line or as an element of its collection.
        var collection = ""
        var first = true
        func entity(_ kind: EntityKind, _ object: String) throws {
            if !document { return try write(#"{"tenant_key":"\#(tenant)","\#(kind.rawValue)":\#(object)}"# + "\n") }
            if collection != kind.collectionName {
                try write((collection.isEmpty ? "," : "],") + #""\#(kind.collectionName)":["#)
                collection = kind.collectionName
                first = true
            }
            try write((first ? "" : ",\n") + object)
            first = false
        }
        if document {
            try write(#"{"format":"feishu-hire-data/1","tenants":[{"tenant_key":"\#(tenant)","name":"Bulk""#)
        } else {
            try write(#"{"format":"feishu-hire-data/1"}"# + "\n" + #"{"tenant":{"tenant_key":"\#(tenant)","name":"Bulk"}}"# + "\n")
        }
        try entity(.app, #"{"app_id":"cli_b0b0000000000001","app_secret":"BulkSecretBulkSecretBulkSecret01","scopes":["hire:interview:readonly"]}"#)
        for user in 0..<50 {
            try entity(.user, #"{"user_id":"user\#(user)","name":{"zh_cn":"用户\#(user)","en_us":"User \#(user)"}}"#)
        }
        try entity(.jobLevel, #"{"job_level_id":"p5","name":{"en_us":"P5"}}"#)
        try entity(.jobLevel, #"{"job_level_id":"p6","name":{"en_us":"P6"}}"#)
        // A document lists each kind together; lines may interleave them.
        let passes: [EntityKind?] = document ? [.talent, .application, .interview] : [nil]
        for pass in passes {
            for index in 0..<count {
                if pass == nil || pass == .talent {
                    try entity(.talent, #"{"talent_id":"T\#(index)","name":"Talent \#(index)"}"#)
                }
                if pass == nil || pass == .application {
                    try entity(.application, #"{"application_id":"A\#(index)","talent_id":"T\#(index)"}"#)
                }
                if pass == nil || pass == .interview {
                    try entity(.interview, #"""
                        {"id":"I\#(index)","application_id":"A\#(index)","begin_time":\#(1_700_000_000_000 + index),"end_time":\#(1_700_000_360_000 + index),"round":1,"creator":{"user_id":"user\#(index % 50)"},"interview_record_list":[{"id":"R\#(index)a","interviewer":{"user_id":"user\#((index + 1) % 50)"},"content":"A thorough interview with notes that make the record a realistic size, 面试记录。","commit_status":1,"conclusion":1,"min_job_level_id":"p5","max_job_level_id":"p6"},{"id":"R\#(index)b","interviewer":{"user_id":"user\#((index + 2) % 50)"},"content":"Second opinion.","commit_status":2,"conclusion":4}]}
                        """#)
                }
            }
        }
        if document { try write("]}]}\n") }
        try handle.write(contentsOf: Data(buffer.utf8))
        return Int(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? UInt64 ?? 0)
    }

    /// The `hire-server` built next to the tests.
    static var serverBinary: URL? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [directory, directory.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("hire-server")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Runs `hire-server import` and returns its peak resident memory in KiB (sampled from /proc).
    static func importPeakMemory(_ file: URL, databaseURL: String) async throws -> (kib: Int, seconds: Double) {
        let process = Process()
        guard let binary = serverBinary else {
            Issue.record("hire-server is not built next to the tests")
            return (0, 0)
        }
        process.executableURL = binary
        process.arguments = ["import", file.path, "--database", databaseURL, "--log-level", "warning"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let started = Date()
        try process.run()
        var peak = 0
        while process.isRunning {
            if let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
                let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                let kib = Int(line.split(separator: " ").dropFirst().first ?? "")
            {
                peak = max(peak, kib)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
        return (peak, Date().timeIntervalSince(started))
    }

    @Test(.timeLimit(.minutes(10)), arguments: ["jsonl", "json"])
    func memoryDoesNotGrowWithTheFile(format: String) async throws {
        #if os(Linux)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-bulk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let small = directory.appendingPathComponent("small.\(format)")
        let large = directory.appendingPathComponent("large.\(format)")
        let smallSize = try Self.writeFile(interviews: Self.interviews / 10, to: small, document: format == "json")
        let largeSize = try Self.writeFile(interviews: Self.interviews, to: large, document: format == "json")

        var results: [(kib: Int, seconds: Double)] = []
        for file in [small, large] {
            let schema = try await PostgresTestDatabase.makeSchema()
            var url = try #require(PostgresTestDatabase.url)
            url += (url.contains("?") ? "&" : "?") + "schema=\(schema)"
            results.append(try await Self.importPeakMemory(file, databaseURL: url))
            // Everything arrived.
            let store = try await PostgresTestDatabase.makeStore(schema: schema)
            let counts = try await store.testRows(
                "SELECT (SELECT count(*) FROM interviews), (SELECT count(*) FROM interview_records)"
            )[0].decode((Int, Int).self)
            let expected = file == small ? Self.interviews / 10 : Self.interviews
            #expect(counts == (expected, expected * 2))
            let view = IdentityView(tenantKey: "bulk0000000000001", type: .userID, namespace: "")
            let last = try #require(try await store.talentInterviews(
                talentID: "T\(expected - 1)", in: view, jobLevelIDType: .jobLevelID))
            #expect(last.first?.records.count == 2 && last.first?.creator?.id == "user\((expected - 1) % 50)")
            try await store.close()
            try await PostgresTestDatabase.dropSchema(schema)
        }
        print("""
            import peak RSS (\(format)): \(smallSize / 1024) KiB file → \(results[0].kib) KiB in \(Int(results[0].seconds)) s; \
            \(largeSize / 1024) KiB file → \(results[1].kib) KiB in \(Int(results[1].seconds)) s
            """)
        // Ten times the file, about the same memory: within 24 MiB of the small import's.
        #expect(results[1].kib - results[0].kib < 24 * 1024, "\(results)")
        #expect(largeSize > 9 * smallSize)
        #endif
    }
}
