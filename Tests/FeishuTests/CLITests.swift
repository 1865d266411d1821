import Foundation
import HireCLIKit
import HireServerKit
import HireTestSupport
import Synchronization
import Testing

@testable import Feishu

/// What a run of `hire` printed, and its exit status.
struct CLIRun {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `hire` in-process against `server` (credentials from the environment), in Shanghai time.
func hire(
    _ arguments: [String], server: TestServer?, environment: [String: String]? = nil,
    timeZone: String = "Asia/Shanghai"
) async -> CLIRun {
    let output = OutputBox()
    let environment =
        environment ?? [
            "FEISHU_APP_ID": DemoData.appID, "FEISHU_APP_SECRET": DemoData.appSecret,
            "FEISHU_BASE_URL": server?.baseURL ?? "http://127.0.0.1:9",
        ]
    let context = CLIContext(
        environment: environment, timeZone: TimeZone(identifier: timeZone)!,
        output: { text in output.stdout.withLock { $0 += text } },
        errorOutput: { text in output.stderr.withLock { $0 += text } })
    let status = await HireTool.run(arguments, context: context)
    return CLIRun(status: status, stdout: output.stdout.withLock { $0 }, stderr: output.stderr.withLock { $0 })
}

final class OutputBox: Sendable {
    let stdout = Mutex("")
    let stderr = Mutex("")
}

/// The `data` member of a JSON body, re-serialized with sorted keys for comparing.
func canonicalJSON(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
}

@Suite("the hire CLI, in-process")
struct CLITests {
    @Test("interviewer patch: a table for people, the data object with --json")
    func patch() async throws {
        try await withServer { server in
            let run = await hire(
                ["interviewer", "patch", DemoData.interviewerOpenID, "--verify-status", "verified"], server: server)
            #expect(run.status == 0)
            #expect(run.stderr == "")
            #expect(run.stdout == """
                USER ID                              VERIFY STATUS
                \(DemoData.interviewerOpenID)  2 (verified)

                """)

            let json = await hire(
                ["interviewer", "patch", "u_wangyuyan", "--verify-status", "1", "--user-id-type", "user_id", "--json"],
                server: server)
            #expect(json.status == 0)
            #expect(json.stdout == #"{"interviewer":{"user_id":"u_wangyuyan","verify_status":1}}"# + "\n")
        }
    }

    @Test("interviewer list: one page with a pointer to the next; --all walks every page")
    func list() async throws {
        try await withServer(data: [Fixtures.interviewers(count: 12)]) { server in
            let page = await hire(["interviewer", "list", "--user-id-type", "user_id", "--page-size", "5"], server: server)
            #expect(page.status == 0)
            let lines = page.stdout.split(separator: "\n")
            #expect(lines.first == "USER ID  VERIFY STATUS")
            #expect(lines[1] == "u_p01    2 (verified)")
            #expect(lines[2] == "u_p02    1 (not verified)")
            #expect(lines.count == 7)
            #expect(lines.last?.hasPrefix("More on the next page: --page-token ") == true)

            let token = String(lines.last!.split(separator: " ")[6])
            let next = await hire(
                ["interviewer", "list", "--user-id-type", "user_id", "--page-size", "5", "--page-token", token, "--json"],
                server: server)
            #expect(next.status == 0, "\(next.stderr)")
            let data = try #require(try JSONSerialization.jsonObject(with: Data(next.stdout.utf8)) as? [String: Any])
            let items = try #require(data["items"] as? [[String: Any]])
            #expect(items.map { $0["user_id"] as? String } == ["u_p06", "u_p07", "u_p08", "u_p09", "u_p10"])
            #expect(data["has_more"] as? Bool == true)

            let requestsBefore = server.requests(to: Path.interviewers)
            let all = await hire(
                ["interviewer", "list", "--all", "--page-size", "5", "--user-id-type", "user_id", "--json"], server: server)
            #expect(all.status == 0)
            #expect(server.requests(to: Path.interviewers) - requestsBefore == 3)
            let array = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
            #expect(array.map { $0["user_id"] as? String } == (1...12).map { String(format: "u_p%02d", $0) })
            #expect(all.stdout.hasPrefix(#"[{"user_id":"u_p01","verify_status":2},{"#))

            let allTable = await hire(["interviewer", "list", "--all", "--user-id-type", "user_id"], server: server)
            #expect(allTable.stdout.split(separator: "\n").count == 13)
        }
    }

    @Test("interviewer list: filters by status, users and time")
    func listFilters() async throws {
        try await withServer(data: [Fixtures.interviewers(count: 10)]) { server in
            let base = ["interviewer", "list", "--all", "--user-id-type", "user_id", "--json"]
            func users(_ extra: [String]) async throws -> [String?] {
                let run = await hire(base + extra, server: server)
                #expect(run.status == 0, "\(run.stderr)")
                let array = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
                return array.map { $0["user_id"] as? String }
            }
            let verified = try await users(["--verify-status", "2"])
            #expect(verified == ["u_p01", "u_p03", "u_p05", "u_p07", "u_p09"])
            let chosen = try await users(["--verify-status", "unverified", "--user-ids", "u_p01,u_p02", "--user-ids", "u_p04"])
            #expect(chosen == ["u_p02", "u_p04"])
            let window = try await users([
                "--since", String(Fixtures.firstUpdate + 3000), "--until", String(Fixtures.firstUpdate + 5000),
            ])
            #expect(window == ["u_p04", "u_p05", "u_p06"])
            // 1714374796000 ms is 2024-04-29T07:13:16Z; the 10 updates span 07:13:16 to 07:13:25.
            let sinceWithOffset = try await users(["--since", "2024-04-29T15:13:20+08:00"])
            #expect(sinceWithOffset == ["u_p05", "u_p06", "u_p07", "u_p08", "u_p09", "u_p10"])
            let untilLocal = try await users(["--until", "2024-04-29T15:13:17"])  // Shanghai time
            #expect(untilLocal == ["u_p01", "u_p02"])
            let wholeDay = try await users(["--since", "2024-04-29", "--until", "2024-04-29"])
            #expect(wholeDay.count == 10)
            let dayBefore = try await users(["--until", "2024-04-28"])
            #expect(dayBefore == [])
        }
    }

    @Test("interview by-talent: a timeline with names, local times and the meanings of codes")
    func byTalentTimeline() async throws {
        try await withServer(data: [Fixtures.jobLevels]) { server in
            let run = await hire(["interview", "by-talent", DemoData.talentID], server: server)
            #expect(run.status == 0)
            #expect(run.stdout == """
                Talent 6949805467799537964: 1 application, 1 interview (times in Asia/Shanghai, UTC+08:00)

                Application 6949805467799537964
                  ● 2021-04-20 14:16 – 2021-04-21 18:02  一面 (Round one)  (round 0)
                      interview: 6949805467799537964
                      stage: 待入职 (Prehire)
                      result: 1 (pass)
                      creator: 段誉 (Yu Duan) <ou_266ed047ed37f24554e5a0afdbb15556>
                      contact: 段誉 (Yu Duan) <ou_266ed047ed37f24554e5a0afdbb15556>, 13333333333
                      where: 中国四川成都天府二街155号 (No. 155, Tianfu 2nd Street, Chengdu, Sichuan, China) · 成都 (Chengdu), 武侯区 (Wuhou)
                      rooms: OCG111 (OCG, floor 17)
                      talent's time zone: Asia/Shanghai
                      remark: test
                      feedback of 段誉 (Yu Duan) <ou_266ed047ed37f24554e5a0afdbb15556>: conclusion 1 (pass), feedback 1 (submitted), score 3 (通过, 能力达到要求, 建议录用)
                        “逻辑严密，代码质量高”

                """)

            let tokyo = await hire(["interview", "by-talent", Fixtures.talentID], server: server, timeZone: "Asia/Tokyo")
            #expect(tokyo.status == 0)
            #expect(tokyo.stdout.contains("2 applications, 3 interviews (times in Asia/Tokyo, UTC+09:00)"))
            // Oldest first within an application; unknown codes shown as bare numbers.
            let first = try #require(tokyo.stdout.range(of: "2023-11-15 04:26 – 05:26"))
            let second = try #require(tokyo.stdout.range(of: "2023-11-15 07:13 – 08:13"))
            #expect(first.lowerBound < second.lowerBound)
            #expect(tokyo.stdout.contains("result: 2 (fail)"))
            #expect(tokyo.stdout.contains("result: 42\n"))
            #expect(tokyo.stdout.contains("feedback of 王语嫣 (Yuyan Wang) <\(DemoData.interviewerOpenID)>: "
                + "conclusion 9, feedback 7, assessment 4.5/5, submitted 2023-11-15 09:13"))
        }
    }

    @Test("interview by-talent --json prints exactly the answer's data object")
    func byTalentJSON() async throws {
        try await withServer { server in
            let run = await hire(
                ["interview", "by-talent", DemoData.talentID, "--json", "--user-id-type", "union_id",
                 "--job-level-id-type", "job_level_id"], server: server)
            #expect(run.status == 0)
            try await withClient(server) { client in
                let response = try await client.send(
                    .interviewsByTalent(talentID: DemoData.talentID, userIDType: .unionID, jobLevelIDType: .jobLevelID))
                let body = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
                let printed = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
                #expect(try canonicalJSON(printed) == canonicalJSON(try #require(body["data"])))
                let raw = String(decoding: response.body, as: UTF8.self)
                #expect(raw.contains(run.stdout.trimmingCharacters(in: .newlines)))
            }
            #expect(run.stdout.contains("on_8ed6aa67826108097d9ee143816345"))
        }
    }

    @Test("an API failure: status 1 and one line on stderr with code, msg and log id")
    func apiFailure() async throws {
        try await withServer { server in
            let run = await hire(["interview", "by-talent", "404"], server: server)
            #expect(run.status == 1)
            #expect(run.stdout == "")
            let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 2 && lines[1].isEmpty)
            let line = String(lines[0])
            #expect(line.hasPrefix("error: 1002002 invalid parameter talent_id"))
            #expect(line.wholeMatch(of: /error: 1002002 .+ \(log_id: [0-9]{14}[0-9A-F]+\)/) != nil)

            let badSecret = await hire(
                ["interviewer", "list", "--app-secret", "wrong-secret-wrong-secret-wrong-"], server: server)
            #expect(badSecret.status == 1)
            #expect(badSecret.stderr.hasPrefix("error: 10014 app secret invalid"))
        }
    }

    @Test("a transport failure is status 1 too")
    func transportFailure() async throws {
        let server = try await TestServer.start()
        let url = server.baseURL
        await server.stop()
        let run = await hire(["interviewer", "list", "--connect-timeout", "0.5"], server: nil, environment: [
            "FEISHU_APP_ID": DemoData.appID, "FEISHU_APP_SECRET": DemoData.appSecret, "FEISHU_BASE_URL": url,
        ])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: transport failure: "))
    }

    @Test("usage errors: status 2, the problem and the command's help on stderr")
    func usageErrors() async throws {
        try await withServer { server in
            let missing = await hire(["interviewer", "patch", DemoData.interviewerOpenID], server: server)
            #expect(missing.status == 2)
            #expect(missing.stderr.hasPrefix("error: Missing expected argument '--verify-status <verify-status>'"))
            #expect(missing.stderr.contains("USAGE: hire interviewer patch"))
            #expect(missing.stdout == "")

            let badStatus = await hire(
                ["interviewer", "patch", DemoData.interviewerOpenID, "--verify-status", "3"], server: server)
            #expect(badStatus.status == 2)
            #expect(badStatus.stderr.contains("--verify-status"))

            let badTime = await hire(["interviewer", "list", "--since", "yesterday"], server: server)
            #expect(badTime.status == 2)
            #expect(badTime.stderr.contains("USAGE: hire interviewer list"))

            let conflicting = await hire(["interviewer", "list", "--all", "--page-token", "x"], server: server)
            #expect(conflicting.status == 2)
            #expect(conflicting.stderr.hasPrefix("error: --page-token and --all cannot be combined."))

            let noCommand = await hire([], server: server)
            #expect(noCommand.status == 2)
            #expect(noCommand.stderr.contains("SUBCOMMANDS:"))

            let unknown = await hire(["interviews"], server: server)
            #expect(unknown.status == 2)

            let badType = await hire(["interview", "by-talent", "1", "--user-id-type", "email"], server: server)
            #expect(badType.status == 2)
            #expect(badType.stderr.contains("USAGE: hire interview by-talent"))

            #expect(server.requests(to: Path.token) == 0)
        }
    }

    @Test("credentials: flags override the environment; missing ones are usage errors")
    func credentials() async throws {
        try await withServer { server in
            let overridden = await hire(
                ["interviewer", "list", "--app-id", DemoData.appID, "--app-secret", DemoData.appSecret, "--base-url",
                 server.baseURL],
                server: server,
                environment: [
                    "FEISHU_APP_ID": "cli_ffffffffffffffff", "FEISHU_APP_SECRET": "nope", "FEISHU_BASE_URL": "http://127.0.0.1:9",
                ])
            #expect(overridden.status == 0, "\(overridden.stderr)")
            #expect(overridden.stdout == "No interviewers.\n")

            let noSecret = await hire(
                ["interviewer", "list"], server: server,
                environment: ["FEISHU_APP_ID": DemoData.appID, "FEISHU_BASE_URL": server.baseURL])
            #expect(noSecret.status == 2)
            #expect(noSecret.stderr.hasPrefix("error: Missing the app secret: pass --app-secret or set FEISHU_APP_SECRET."))

            let badURL = await hire(["interviewer", "list", "--base-url", "127.0.0.1:8080"], server: server)
            #expect(badURL.status == 2)
        }
    }

    @Test("--help prints help on stdout and exits 0")
    func help() async {
        let run = await hire(["interviewer", "list", "--help"], server: nil)
        #expect(run.status == 0)
        #expect(run.stdout.contains("--verify-status"))
        #expect(run.stdout.contains("--since"))
        #expect(run.stderr == "")
    }
}
