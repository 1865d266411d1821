import Foundation
import HireCLIKit
import HireServerKit
import HireTestSupport
import Synchronization
import Testing

@testable import Feishu

/// The environment of `hire admin` against `server`: its URL, its admin token (or `token`), and the demo app.
func adminEnvironment(_ server: TestServer, token: String? = nil) -> [String: String] {
    [
        "FEISHU_BASE_URL": server.baseURL, "HIRE_ADMIN_TOKEN": token ?? server.adminToken ?? "",
        "FEISHU_APP_ID": DemoData.appID, "FEISHU_APP_SECRET": DemoData.appSecret,
    ]
}

/// Runs `hire admin …` in-process against `server`, in Shanghai time.
func hireAdmin(_ arguments: [String], server: TestServer, token: String? = nil) async -> CLIRun {
    await hire(["admin"] + arguments, server: server, environment: adminEnvironment(server, token: token))
}

/// A run of `hire` in a task of its own, for commands that run until cancelled.
final class BackgroundRun: Sendable {
    let output = OutputBox()
    let task: Task<Int32, Never>

    init(_ arguments: [String], environment: [String: String]) {
        let output = self.output
        let context = CLIContext(
            environment: environment, timeZone: TimeZone(identifier: "Asia/Shanghai")!,
            output: { text in output.stdout.withLock { $0 += text } },
            errorOutput: { text in output.stderr.withLock { $0 += text } })
        task = Task { await HireTool.run(arguments, context: context) }
    }

    var stdout: String { output.stdout.withLock { $0 } }
    var stderr: String { output.stderr.withLock { $0 } }

    /// Waits (up to `seconds`) until standard output satisfies `condition`; whether it did.
    func waitForOutput(seconds: Double = 10, _ condition: (String) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if condition(stdout) { return true }
            try await Task.sleep(for: .milliseconds(50))
        }
        return condition(stdout)
    }

    /// Cancels the run (as an interrupt would end it) and returns its exit status.
    func stop() async -> Int32 {
        task.cancel()
        return await task.value
    }
}

/// `date` in Shanghai time, in `format`.
func shanghaiTime(_ date: Date, _ format: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "Asia/Shanghai")!
    formatter.dateFormat = format
    return formatter.string(from: date)
}

@Suite("hire admin: the CLI against real servers")
struct AdminCLITests {
    @Test("admin reset undoes a PATCH; --tenant restores one tenant; --json prints the data object")
    func reset() async throws {
        try await withAdminServer { server, _ in
            let environment = adminEnvironment(server)
            let patch = await hire(
                ["interviewer", "patch", DemoData.interviewerOpenID, "--verify-status", "verified"], server: server,
                environment: environment)
            #expect(patch.status == 0)
            #expect(await hire(["interviewer", "list"], server: server, environment: environment).stdout != "No interviewers.\n")

            let reset = await hireAdmin(["reset"], server: server)
            #expect(reset.status == 0, "\(reset.stderr)")
            #expect(reset.stderr == "")
            #expect(reset.stdout == "Restored snapshot baseline (all tenants): 1 tenant, \(DemoData.tenantKey)\n")
            #expect(await hire(["interviewer", "list"], server: server, environment: environment).stdout == "No interviewers.\n")

            let json = await hireAdmin(["reset", "--tenant", DemoData.tenantKey, "--json"], server: server)
            #expect(json.status == 0)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(data["tenants"] as? [String] == [DemoData.tenantKey])
            #expect((data["snapshot"] as? [String: Any])?["name"] as? String == "baseline")
            #expect(json.stdout.hasPrefix(#"{"snapshot":{"name":"baseline","#))
        }
    }

    @Test("admin snapshot save, list, restore and delete")
    func snapshots() async throws {
        try await withAdminServer(data: [HireTestSupport.Fixtures.acme]) { server, admin in
            let acme = HireTestSupport.Fixtures.acmeTenant
            let save = await hireAdmin(["snapshot", "save", "only-acme", "--tenant", acme], server: server)
            #expect(save.status == 0, "\(save.stderr)")
            let saved = save.stdout.split(separator: "\n")
            #expect(saved.count == 2)
            #expect(saved.first?.wholeMatch(of: /NAME +TENANTS +SAVED +SIZE/) != nil)
            #expect(saved.last?.wholeMatch(of: /only-acme  acme0000000000001  20\d\d-\d\d-\d\d \d\d:\d\d:\d\d  [0-9.]+ (B|KiB)/) != nil)

            // The time saved is shown in local (Shanghai) time.
            let snapshot = try #require(try await admin.snapshots.list().first { $0.name == "only-acme" })
            let shanghai = shanghaiTime(snapshot.createdDate, "yyyy-MM-dd HH:mm:ss")
            #expect(saved.last?.contains(shanghai) == true)

            let list = await hireAdmin(["snapshot", "list"], server: server)
            #expect(list.status == 0)
            let rows = list.stdout.split(separator: "\n")
            #expect(rows.count == 3)
            #expect(rows[1].hasPrefix("baseline   all (\(DemoData.tenantKey), \(acme))  ")
                || rows[1].hasPrefix("baseline   all (\(acme), \(DemoData.tenantKey))  "))
            #expect(rows[2].hasPrefix("only-acme  \(acme)  "))

            let listJSON = await hireAdmin(["snapshot", "list", "--json"], server: server)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(listJSON.stdout.utf8)) as? [String: Any])
            #expect((data["items"] as? [[String: Any]])?.map { $0["name"] as? String } == ["baseline", "only-acme"])

            let restore = await hireAdmin(["snapshot", "restore", "only-acme"], server: server)
            #expect(restore.status == 0)
            #expect(restore.stdout == "Restored snapshot only-acme: 1 tenant, \(acme)\n")

            let delete = await hireAdmin(["snapshot", "delete", "only-acme"], server: server)
            #expect(delete.status == 0)
            #expect(delete.stdout == "Deleted snapshot only-acme.\n")
            let again = await hireAdmin(["snapshot", "delete", "only-acme"], server: server)
            #expect(again.status == 1)
            #expect(again.stdout == "")
            #expect(again.stderr.wholeMatch(of: /error: 1002002 [^\n]*only-acme[^\n]* \(log_id: [0-9A-F]+\)\n/) != nil)

            let none = await hireAdmin(["snapshot", "restore", "no-such"], server: server)
            #expect(none.status == 1)
        }
    }

    @Test("admin fault add, list, remove and clear; a faulted call fails with status 1")
    func faults() async throws {
        try await withAdminServer { server, _ in
            let add = await hireAdmin(
                ["fault", "add", "--operation", "hire.v1.interviewer.patch", "--code", "99991400", "--times", "2"],
                server: server)
            #expect(add.status == 0, "\(add.stderr)")
            let lines = add.stdout.split(separator: "\n")
            #expect(lines.first?.wholeMatch(of: /ID +OPERATION +APP +TENANT +EFFECT +LEFT +FIRED/) != nil)
            let row = try #require(lines.last)
            #expect(row.wholeMatch(of: /f_[0-9a-f]{16}  hire\.v1\.interviewer\.patch  \*    \*       99991400 \(HTTP 429\)  2 of 2  0/) != nil)
            let id = String(row.prefix(18))

            let patch = await hire(
                ["interviewer", "patch", DemoData.interviewerOpenID, "--verify-status", "2"], server: server,
                environment: adminEnvironment(server))
            #expect(patch.status == 1)
            #expect(patch.stderr.hasPrefix("error: 99991400 "))

            let list = await hireAdmin(["fault", "list", "--json"], server: server)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
            let items = try #require(data["items"] as? [[String: Any]])
            #expect(items.count == 1)
            #expect(items.first?["id"] as? String == id)
            #expect(items.first?["times_left"] as? Int == 1)
            #expect(items.first?["fired"] as? Int == 1)

            let slow = await hireAdmin(
                ["fault", "add", "--app-id", DemoData.appID, "--delay-ms", "5", "--probability", "0.5", "--times", "0",
                 "--drop"], server: server)
            #expect(slow.status == 0, "\(slow.stderr)")
            #expect(slow.stdout.contains("  \(DemoData.appID)  *       delay 5 ms, drop, 50%  until removed  0"))

            let remove = await hireAdmin(["fault", "remove", id], server: server)
            #expect(remove.status == 0)
            #expect(remove.stdout == "Removed fault \(id).\n")
            let clear = await hireAdmin(["fault", "clear"], server: server)
            #expect(clear.stdout == "Removed 1 fault.\n")
            #expect(await hireAdmin(["fault", "list"], server: server).stdout == "No faults.\n")

            let noEffect = await hireAdmin(["fault", "add", "--operation", "hire.v1.interviewer.list"], server: server)
            #expect(noEffect.status == 1)
            #expect(noEffect.stderr.hasPrefix("error: 1002002 "))
            let notANumber = await hireAdmin(["fault", "add", "--code", "many"], server: server)
            #expect(notANumber.status == 2)
        }
    }

    @Test("admin clock: show, advance, set and reset, in local time")
    func clock() async throws {
        try await withAdminServer { server, _ in
            let show = await hireAdmin(["clock"], server: server)
            #expect(show.status == 0, "\(show.stderr)")
            let lines = show.stdout.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines[0].wholeMatch(of: /now     20\d\d-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} \(Asia\/Shanghai, UTC\+08:00\), \d{13} ms/) != nil)
            #expect(lines[1] == "offset  0 (real time)")

            #expect(await hireAdmin(["clock", "advance", "2h"], server: server).stdout.hasSuffix("offset  +2h (7200000 ms)\n"))
            #expect(await hireAdmin(["clock", "advance", "90m"], server: server).stdout.hasSuffix("offset  +3h30m (12600000 ms)\n"))
            #expect(await hireAdmin(["clock", "advance", "30s"], server: server).stdout.hasSuffix("offset  +3h30m30s (12630000 ms)\n"))
            #expect(await hireAdmin(["clock", "advance", "1500ms"], server: server).stdout.hasSuffix("offset  +3h30m31s500ms (12631500 ms)\n"))
            #expect(await hireAdmin(["clock", "advance", "--", "-3h30m31s500ms"], server: server).stdout.hasSuffix("offset  0 (real time)\n"))

            let set = await hireAdmin(["clock", "set", "2030-01-01T08:00:00+08:00"], server: server)
            #expect(set.status == 0)
            #expect(set.stdout.hasPrefix("now     2030-01-01 08:00:0"))
            #expect(set.stdout.contains(", 18934560"))
            let local = await hireAdmin(["clock", "set", "2030-01-01T09:00:00", "--json"], server: server)  // Shanghai time
            let state = try #require(try JSONSerialization.jsonObject(with: Data(local.stdout.utf8)) as? [String: Any])
            let now = try #require(state["now_ms"] as? Int64)
            #expect(now >= 1_893_459_600_000 && now < 1_893_459_660_000)
            let millis = await hireAdmin(["clock", "set", "1893456000000"], server: server)
            #expect(millis.stdout.hasPrefix("now     2030-01-01 08:00:0"))

            let reset = await hireAdmin(["clock", "reset"], server: server)
            #expect(reset.stdout.hasSuffix("offset  0 (real time)\n"))

            let bad = await hireAdmin(["clock", "advance", "2x"], server: server)
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("USAGE: hire admin clock advance"))
            #expect(await hireAdmin(["clock", "set", "soon"], server: server).status == 2)
        }
    }

    @Test("admin requests: a table with the log ids the client saw, filters, --json, count and clear")
    func requests() async throws {
        try await withAdminServer { server, admin in
            let patch = await hire(
                ["interviewer", "patch", DemoData.interviewerOpenID, "--verify-status", "2"], server: server,
                environment: adminEnvironment(server))
            #expect(patch.status == 0)
            let entry = try #require(try await admin.requests.list(filter: RequestFilter(operation: "hire.v1.interviewer.patch")).first)

            let table = await hireAdmin(["requests", "--operation", "hire.v1.interviewer.patch"], server: server)
            #expect(table.status == 0, "\(table.stderr)")
            let lines = table.stdout.split(separator: "\n")
            #expect(lines.count == 2)
            #expect(lines[0].wholeMatch(of: /SEQ +TIME +REQUEST +APP +HTTP +CODE +MS +LOG ID +FAULT/) != nil)
            let time = shanghaiTime(entry.time, "HH:mm:ss.SSS")
            #expect(lines[1].hasPrefix("\(entry.seq)    \(time)  PATCH /open-apis/hire/v1/interviewers/\(DemoData.interviewerOpenID)  \(DemoData.appID)  200   0  "))
            #expect(lines[1].hasSuffix("  \(entry.logID)  -"))

            let all = await hireAdmin(["requests"], server: server)
            #expect(all.stdout.split(separator: "\n").count == 3)  // the token request, the PATCH
            let since = await hireAdmin(["requests", "--since-seq", String(entry.seq), "--app-id", DemoData.appID], server: server)
            #expect(since.stdout == "No requests.\n")
            let limited = await hireAdmin(["requests", "list", "--limit", "1", "--json"], server: server)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [String: Any])
            let items = try #require(data["items"] as? [[String: Any]])
            #expect(items.map { $0["operation"] as? String } == ["auth.v3.tenant_access_token.internal"])

            #expect(await hireAdmin(["requests", "count", "--code", "0"], server: server).stdout == "2\n")
            #expect(await hireAdmin(["requests", "count", "--tenant-key", "nobody"], server: server).stdout == "0\n")
            #expect(await hireAdmin(["requests", "count", "--json"], server: server).stdout == #"{"count":2}"# + "\n")
            #expect(await hireAdmin(["requests", "clear"], server: server).stdout == "Removed 2 journal entries.\n")
            #expect(await hireAdmin(["requests"], server: server).stdout == "No requests.\n")

            let badLimit = await hireAdmin(["requests", "--limit", "0"], server: server)
            #expect(badLimit.status == 1)
            #expect(badLimit.stderr.hasPrefix("error: 1002002 "))
        }
    }

    @Test("admin requests --follow prints new entries as they come, until interrupted")
    func follow() async throws {
        try await withAdminServer { server, admin in
            let run = BackgroundRun(["admin", "requests", "--follow"], environment: adminEnvironment(server))
            #expect(try await run.waitForOutput { $0.hasPrefix("SEQ ") })
            try await withClient(server) { client in
                _ = try await client.hire.v1.interviewer.listPage()
                #expect(try await run.waitForOutput { $0.contains("GET /open-apis/hire/v1/interviewers ") })
                _ = try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID)
                #expect(try await run.waitForOutput { $0.contains("GET /open-apis/hire/v1/interviews/get_by_talent ") })
            }
            #expect(await run.stop() == 0)
            #expect(run.stderr == "")
            let lines = run.stdout.split(separator: "\n")
            #expect(lines.count == 4)  // the header once, the token request, the two calls
            #expect(lines.filter { $0.hasPrefix("SEQ ") }.count == 1)
            let seqs = lines.dropFirst().map { Int($0.prefix { $0 != " " }) ?? 0 }
            #expect(seqs == seqs.sorted() && Set(seqs).count == 3)

            // --json: JSON Lines, one entry a line, only the new ones after --since-seq.
            let last = try #require(try await admin.requests.list().last?.seq)
            let json = BackgroundRun(
                ["admin", "requests", "--follow", "--json", "--since-seq", String(last)], environment: adminEnvironment(server))
            try await Task.sleep(for: .milliseconds(200))
            try await withClient(server) { client in
                _ = try await client.hire.v1.interviewer.listPage()
            }
            #expect(try await json.waitForOutput { $0.split(separator: "\n").count == 2 })
            #expect(await json.stop() == 0)
            let entries = try json.stdout.split(separator: "\n").map {
                try JSONDecoder().decode(Feishu.JournalEntry.self, from: Data($0.utf8))
            }
            #expect(entries.map(\.operation) == ["auth.v3.tenant_access_token.internal", "hire.v1.interviewer.list"])
            #expect(entries.allSatisfy { $0.seq > last })
        }
    }

    @Test("admin data export writes the file to stdout; admin data import reads one, as a document or JSON Lines")
    func data() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-admin-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let acme = HireTestSupport.Fixtures.acmeTenant
        let document = directory.appendingPathComponent("acme.json")
        try Data(HireTestSupport.Fixtures.acme.utf8).write(to: document)

        try await withAdminServer { server, admin in
            let imported = await hireAdmin(["data", "import", document.path], server: server)
            #expect(imported.status == 0, "\(imported.stderr)")
            let lines = imported.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first?.wholeMatch(of: /KIND +IMPORTED/) != nil)
            #expect(lines.dropFirst().first?.wholeMatch(of: /tenant +1/) != nil)
            #expect(lines.contains { $0.wholeMatch(of: /app +3/) != nil })
            #expect(lines.contains { $0.wholeMatch(of: /user +4/) != nil })

            let export = await hireAdmin(["data", "export", "--tenant", acme], server: server)
            #expect(export.status == 0)
            #expect(Data(export.stdout.utf8) == (try await admin.data.export(tenantKeys: [acme])))

            let lines2 = await hireAdmin(["data", "export", "--tenant", acme, "--format", "jsonl"], server: server)
            #expect(lines2.stdout.hasPrefix(#"{"format":"feishu-hire-data/1"}"# + "\n"))
            let file = directory.appendingPathComponent("acme.jsonl")
            try Data(lines2.stdout.utf8).write(to: file)

            try await withAdminServer(demo: false) { other, otherAdmin in
                let again = await hireAdmin(["data", "import", file.path], server: other)
                #expect(again.status == 0, "\(again.stderr)")
                #expect(again.stdout == imported.stdout)
                let exported = try await otherAdmin.data.export()
                #expect(exported == Data(export.stdout.utf8))
            }

            let bad = directory.appendingPathComponent("bad.json")
            try Data(#"{"format":"feishu-hire-data/1","tenants":[{"name":"x"}]}"#.utf8).write(to: bad)
            let refused = await hireAdmin(["data", "import", bad.path], server: server)
            #expect(refused.status == 1)
            #expect(refused.stderr.hasPrefix("error: 1002002 "))
            #expect(refused.stderr.contains("$.tenants[0].tenant_key"))

            // The file's name says JSON Lines; --format overrides it.
            let mislabeled = await hireAdmin(["data", "import", document.path, "--format", "jsonl"], server: server)
            #expect(mislabeled.status == 1)

            let missing = await hireAdmin(["data", "import", directory.appendingPathComponent("none.json").path], server: server)
            #expect(missing.status == 2)
            #expect(missing.stderr.hasPrefix("error: Cannot read "))
        }
    }

    @Test("admin usage and failures: the token, the server, the arguments")
    func usageAndFailures() async throws {
        try await withAdminServer { server, _ in
            var environment = adminEnvironment(server)
            environment["HIRE_ADMIN_TOKEN"] = nil
            let noToken = await hire(["admin", "clock"], server: server, environment: environment)
            #expect(noToken.status == 2)
            #expect(noToken.stderr.hasPrefix("error: Missing the admin token: pass --admin-token or set HIRE_ADMIN_TOKEN."))

            let flag = await hire(
                ["admin", "clock", "--admin-token", server.adminToken ?? "", "--json"], server: server, environment: environment)
            #expect(flag.status == 0, "\(flag.stderr)")

            let wrong = await hireAdmin(["snapshot", "list"], server: server, token: "not-the-token")
            #expect(wrong.status == 1)
            #expect(wrong.stdout == "")
            #expect(wrong.stderr.wholeMatch(of: /error: 99991663 [^\n]+ \(log_id: [0-9A-F]+\)\n/) != nil)

            var noServer = adminEnvironment(server)
            noServer["FEISHU_BASE_URL"] = nil
            let missingServer = await hire(["admin", "reset"], server: server, environment: noServer)
            #expect(missingServer.status == 2)
            #expect(missingServer.stderr.contains("--base-url"))
            let overridden = await hire(["admin", "reset", "--base-url", server.baseURL], server: server, environment: noServer)
            #expect(overridden.status == 0)

            let noName = await hireAdmin(["snapshot", "save"], server: server)
            #expect(noName.status == 2)
            #expect(noName.stderr.contains("USAGE: hire admin snapshot save"))
            let noCommand = await hireAdmin([], server: server)
            #expect(noCommand.status == 2)
            #expect(noCommand.stderr.contains("SUBCOMMANDS:"))

            let help = await hireAdmin(["fault", "add", "--help"], server: server)
            #expect(help.status == 0)
            #expect(help.stdout.contains("--delay-ms"))
            #expect(help.stdout.contains("hire.v1.interview.get_by_talent"))
        }
        try await withServer { server in
            let off = await hire(
                ["admin", "reset"], server: server,
                environment: ["FEISHU_BASE_URL": server.baseURL, "HIRE_ADMIN_TOKEN": "anything"])
            #expect(off.status == 1)
            #expect(off.stderr.hasPrefix("error: 404 "))
        }
    }

    @Test(
        "the hire executable: admin commands exit 0, 1 and 2",
        .enabled(if: HireExecutable.url != nil, "the hire executable is not built next to the tests: run `swift build` first"))
    func executable() async throws {
        let url = try #require(HireExecutable.url)
        try await withAdminServer { server, _ in
            let success = try await HireExecutable.run(url, ["admin", "clock", "advance", "1h"], environment: adminEnvironment(server))
            #expect(success.status == 0, "\(success.stderr)")
            #expect(success.stdout.hasSuffix("offset  +1h (3600000 ms)\n"))

            let exported = try await HireExecutable.run(url, ["admin", "data", "export"], environment: adminEnvironment(server))
            #expect(exported.status == 0)
            #expect(exported.stdout.hasPrefix("{"))

            let failure = try await HireExecutable.run(
                url, ["admin", "clock"], environment: adminEnvironment(server, token: "not-the-token"))
            #expect(failure.status == 1)
            #expect(failure.stderr.hasPrefix("error: 99991663 "))

            let usage = try await HireExecutable.run(url, ["admin", "clock"], environment: ["FEISHU_BASE_URL": server.baseURL])
            #expect(usage.status == 2)
            #expect(usage.stderr.contains("HIRE_ADMIN_TOKEN"))
        }
    }
}
