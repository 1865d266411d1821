import Foundation
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

/// `hire interview list|of-application`, `hire interview-record get|list`, `hire round-type list`
/// against a real hire-server.
@Suite("the hire CLI: interview lists, records and round types")
struct InterviewListCLITests {
    static let demoID = "6949805467799537964"

    @Test("interview list: the by-talent timeline, grouped by application; --all --json one array of the items")
    func interviewList() async throws {
        try await withServer(data: [Fixtures.jobLevels]) { server in
            let run = await hire(["interview", "list", "--application-id", Self.demoID], server: server)
            #expect(run.status == 0, "\(run.stderr)")
            let byTalent = await hire(["interview", "by-talent", DemoData.talentID], server: server)
            let timeline = byTalent.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            #expect(run.stdout == "1 interview (times in Asia/Shanghai, UTC+08:00)\n" + timeline.joined(separator: "\n"))

            let window = await hire(
                ["interviews", "list", "--start-time", "2023-11-15", "--end-time", "2023-11-16", "--all", "--page-size", "1"],
                server: server)
            #expect(window.stdout.hasPrefix("3 interviews (times in Asia/Shanghai, UTC+08:00)\n"))
            #expect(window.stdout.contains("Application app-1\n"))
            #expect(window.stdout.contains("Application app-2\n"))

            let json = await hire(["interview", "list", "--start-time", "1699990000000", "--all", "--json"], server: server)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
            #expect(Set(items.compactMap { $0["id"] as? String }) == ["iv-1", "iv-2", "iv-3"])

            let page = await hire(["interview", "list", "--start-time", "1", "--page-size", "2"], server: server)
            #expect(page.stdout.contains("More on the next page: --page-token "))
        }
    }

    @Test("interview of-application: a timeline of the historic model; --json the data object")
    func ofApplication() async throws {
        try await withServer { server in
            let run = await hire(["interview", "of-application", Self.demoID], server: server)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.hasPrefix("""
                Application 6949805467799537964: 1 interview (times in Asia/Shanghai, UTC+08:00)

                  ● 2021-04-20 14:16 – 2021-04-21 18:02  (round 0)
                      interview: 6949805467799537964
                      stage: 634324253532232
                      feedback of 段誉 (Yu Duan) <ou_266ed047ed37f24554e5a0afdbb15556>: conclusion 1 (pass)
                """))

            let json = await hire(["interview", "of-application", Self.demoID, "--json"], server: server)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect((data["items"] as? [Any])?.count == 1)
            #expect(data["has_more"] as? Bool == false)

            let unknown = await hire(["interview", "of-application", "404"], server: server)
            #expect(unknown.status == 1)
            #expect(unknown.stderr.hasPrefix("error: 1002002 "))
        }
    }

    @Test("interview-record get and list: the record in full, a table; --json the server's bytes")
    func records() async throws {
        try await withServer(data: [Fixtures.jobLevels]) { server in
            let get = await hire(["interview-record", "get", Self.demoID, "--user-id-type", "user_id"], server: server)
            #expect(get.status == 0, "\(get.stderr)")
            #expect(get.stdout == """
                Interview record 6949805467799537964 (times in Asia/Shanghai, UTC+08:00)
                  feedback of 段誉 (Yu Duan) <u_duanyu>: conclusion 1 (pass), feedback 1 (submitted), score 3 (通过, 能力达到要求, 建议录用)
                    “逻辑严密，代码质量高”

                """)
            let other = await hire(["interview-record", "get", "rec-2"], server: server)
            #expect(other.stdout.contains("  job level: jl_p6 – jl_p6\n"))

            let list = await hire(["interview-record", "list", "--id", "\(Self.demoID),rec-2"], server: server)
            #expect(list.status == 0, "\(list.stderr)")
            let lines = list.stdout.split(separator: "\n")
            #expect(lines.first?.hasPrefix("RECORD ID") == true)
            #expect(lines.count == 3)
            #expect(list.stdout.contains("2023-11-15 08:13"))

            let all = await hire(["interview-records", "list", "--all", "--page-size", "1", "--json"], server: server)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [[String: Any]])
            #expect(Set(items.compactMap { $0["id"] as? String }) == [Self.demoID, "rec-2"])

            let json = await hire(["interview-record", "get", Self.demoID, "--json"], server: server)
            try await withClient(server) { client in
                let response = try await client.send(.getInterviewRecord(interviewRecordID: Self.demoID))
                #expect(String(decoding: response.body, as: UTF8.self).contains(json.stdout.trimmingCharacters(in: .newlines)))
            }
        }
    }

    @Test("round-type list: the tenant's status and a table; --process-type by name or number")
    func roundTypes() async throws {
        try await withServer { server in
            let run = await hire(["round-type", "list"], server: server)
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout == """
                Interview round types: 1 (active)

                ID                   NAME              PROCESS     STATUS      ASSESSMENT TEMPLATE
                6949805467799537964  一面 (Round one)  1 (social)  1 (active)  -

                """)
            let campus = await hire(["round-types", "list", "--process-type", "campus"], server: server)
            #expect(campus.stdout == "Interview round types: 1 (active)\nNo round types.\n")
            let json = await hire(["round-type", "list", "--process-type", "1", "--json"], server: server)
            let data = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(data["active_status"] as? Int == 1)
        }
    }
}
