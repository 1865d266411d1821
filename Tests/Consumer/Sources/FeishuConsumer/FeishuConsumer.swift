import Feishu
import Foundation

/// The code a user writes around the SDK's calls, run against a hire-server with the demo
/// tenant and its admin API on:
///
///     FeishuConsumer <base URL> <admin token>
///
/// Each check prints `ok` or `FAIL`; the exit status is 1 if any failed.
@main
@MainActor
struct FeishuConsumer {
    static let appID = "cli_a1b2c3d4e5f60718"
    static let appSecret = "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6"
    static let talentID = "6949805467799537964"
    static let interviewerID = "ou_7dab8a3d3cdcc9da365777c7ad535d62"

    static func main() async {
        let arguments = CommandLine.arguments
        guard arguments.count == 3, let baseURL = URL(string: arguments[1]) else {
            FileHandle.standardError.write(Data("usage: FeishuConsumer <base URL> <admin token>\n".utf8))
            exit(2)
        }
        let client = FeishuClient(appID: appID, appSecret: appSecret, baseURL: baseURL)
        let admin = HireAdmin(baseURL: baseURL, token: arguments[2])
        var checks = Checks()

        await checks.run("do/catch let e as FeishuError: success") {
            do {
                let applications = try await client.hire.v1.interview.getByTalent(talentID: talentID)
                try expect(!applications.isEmpty, "the demo talent has applications")
            } catch let e as FeishuError {
                throw Failure("unexpected FeishuError \(e.code?.rawValue ?? -1): \(e)")
            }
        }

        await checks.run("do/catch let e as FeishuError: an API error") {
            try await admin.reset()
            try await admin.faults.add(FaultSpec(operation: Endpoint.interviewsByTalent.name, code: .scopeRequired))
            do {
                _ = try await client.hire.v1.interview.getByTalent(talentID: talentID, userIDType: .userID)
                throw Failure("the call did not fail")
            } catch let e as FeishuError {
                try expect(e.kind == .api && e.code == .scopeRequired, "99991672, got \(e)")
                try expect(e.logID != nil, "a log id")
            }
        }

        await checks.run("catch let e as FeishuError where …, then a plain catch") {
            try await admin.faults.add(FaultSpec(operation: Endpoint.patchInterviewer.name, code: .rateLimited))
            var caught = ""
            do {
                _ = try await client.hire.v1.interviewer.patch(interviewerID: interviewerID, verifyStatus: .verified)
            } catch let e as FeishuError where e.code == .scopeRequired {
                caught = "scope"
            } catch let e as FeishuError where e.isRateLimited {
                caught = "rate limited, retry after \(e.retryAfter ?? .zero)"
            } catch {
                caught = "other: \(error)"
            }
            try expect(caught.hasPrefix("rate limited"), "the rate-limit clause, got \(caught)")
        }

        await checks.run("catch where on the untyped error, and catch is") {
            try await admin.faults.add(FaultSpec(operation: Endpoint.listInterviewers.name, code: .systemError))
            do {
                _ = try await client.hire.v1.interviewer.listPage(pageSize: 10)
                throw Failure("the call did not fail")
            } catch where (error as? FeishuError)?.code == .systemError {
                // the error the fault answered
            }
            do {
                _ = try await client.hire.v1.interviewer.listPage(pageSize: 10)
            } catch is FeishuError {
                throw Failure("the fault fired twice")
            }
        }

        await checks.run("try? on a failing and a succeeding call") {
            try await admin.faults.add(FaultSpec(operation: Endpoint.interviewsByTalent.name, code: .systemError))
            let failed = try? await client.hire.v1.interview.getByTalent(talentID: talentID)
            try expect(failed == nil, "nil on failure")
            let succeeded = try? await client.hire.v1.interview.getByTalent(talentID: talentID)
            try expect(succeeded?.isEmpty == false, "the applications on success")
        }

        await checks.run("calls in withThrowingTaskGroup") {
            let counts = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await client.hire.v1.interview.getByTalent(talentID: talentID).count }
                }
                group.addTask {
                    _ = try await client.hire.v1.interviewer.patch(interviewerID: interviewerID, verifyStatus: .verified)
                    return 1
                }
                var counts: [Int] = []
                for try await count in group { counts.append(count) }
                return counts
            }
            try expect(counts.count == 5 && counts.allSatisfy { $0 > 0 }, "five answers, got \(counts)")
        }

        await checks.run("a failure in a task group reaches the caller as a FeishuError") {
            try await admin.faults.add(FaultSpec(operation: Endpoint.interviewsByTalent.name, code: .invalidParameter))
            do {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { _ = try await client.hire.v1.interview.getByTalent(talentID: talentID) }
                    try await group.waitForAll()
                }
                throw Failure("the group did not fail")
            } catch let e as FeishuError {
                try expect(e.code == .invalidParameter, "1002002, got \(e)")
            }
        }

        await checks.run("for try await over the auto-paging sequence") {
            var pages = 0
            var total = 0
            var token: String?
            repeat {
                let page = try await client.hire.v1.interviewer.listPage(pageSize: 1, pageToken: token)
                total += page.items?.count ?? 0
                pages += 1
                token = page.hasMore == true ? page.pageToken : nil
            } while token != nil
            var iterated: [String] = []
            for try await interviewer in client.hire.v1.interviewer.list(pageSize: 1) {
                iterated.append(interviewer.userID ?? "-")
            }
            try expect(total > 0 && iterated.count == total, "\(total) interviewers page by page, \(iterated.count) iterated")
            var pageCount = 0
            for try await response in client.hire.v1.interviewer.list(pageSize: 1).pages {
                try expect(response.logID != nil, "each page has a log id")
                pageCount += 1
            }
            try expect(pageCount == pages, "\(pages) pages, \(pageCount) iterated")
        }

        await checks.run("a failing page ends for try await with a FeishuError") {
            try await admin.faults.add(FaultSpec(operation: Endpoint.listInterviewers.name, code: .systemError))
            do {
                for try await _ in client.hire.v1.interviewer.list(pageSize: 1) {}
                throw Failure("the iteration did not fail")
            } catch let e as FeishuError {
                try expect(e.code == .systemError, "1002001, got \(e)")
            }
        }

        await checks.run("the generic pager over interview.list, and its parameter error") {
            var ids: [String] = []
            for try await interview in client.hire.v1.interview.list(applicationID: talentID) {
                ids.append(interview.id ?? "-")
            }
            try expect(ids == [talentID], "the demo interview, got \(ids)")
            let unfiltered: PagedSequence<Interview> = client.hire.v1.interview.list()
            do {
                for try await _ in unfiltered {}
                throw Failure("a listing without a filter did not fail")
            } catch let e as FeishuError where e.code == .invalidParameter {}
        }

        await checks.run("rethrowing through a function of the user's") {
            func interviewsOrEmpty(_ id: String) async throws -> [TalentInterview] {
                do {
                    return try await client.hire.v1.interview.getByTalent(talentID: id)
                } catch let e as FeishuError where e.code == .invalidParameter {
                    return []
                }
            }
            try await admin.faults.add(FaultSpec(operation: Endpoint.interviewsByTalent.name, code: .invalidParameter))
            try expect(try await interviewsOrEmpty(talentID).isEmpty, "the fallback")
            try expect(try await !interviewsOrEmpty(talentID).isEmpty, "the answer")
        }

        await checks.run("the admin client: catch let e as FeishuError") {
            try expect(try await admin.snapshots.list().contains { $0.name == "baseline" }, "the baseline snapshot")
            let clock = try await admin.clock.get()
            try expect(clock.offsetMS == 0, "real time, got offset \(clock.offsetMS)")
            try expect(try await admin.requests.count(filter: RequestFilter(code: .scopeRequired)) >= 1, "the journal")
            do {
                try await admin.snapshots.restore(name: "no-such-snapshot")
                throw Failure("the restore did not fail")
            } catch let e as FeishuError where e.httpStatus == 404 {
                try expect(e.fieldViolations.map(\.field) == ["name"], "a violation on name, got \(e.fieldViolations)")
            }
            let wrong = HireAdmin(baseURL: baseURL, token: "not-the-token")
            let listed = try? await wrong.faults.list()
            try await wrong.shutdown()
            try expect(listed == nil, "a wrong admin token fails")
        }

        await checks.run("withShutdown with a throwing body") {
            let other = FeishuClient(appID: appID, appSecret: "wrong-secret", baseURL: baseURL)
            do {
                try await other.withShutdown { client in
                    _ = try await client.hire.v1.interview.getByTalent(talentID: talentID)
                }
                throw Failure("a wrong secret did not fail")
            } catch let e as FeishuError {
                try expect(e.kind == .api, "an API error, got \(e)")
            }
        }

        _ = try? await admin.faults.clear()
        try? await admin.shutdown()
        try? await client.shutdown()
        print("consumer-check: \(checks.passed) passed, \(checks.failed) failed")
        exit(checks.failed == 0 ? 0 : 1)
    }
}

/// A check that did not hold.
struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

func expect(_ condition: Bool, _ what: @autoclosure () -> String) throws {
    if !condition { throw Failure("expected \(what())") }
}

@MainActor
struct Checks {
    var passed = 0
    var failed = 0

    mutating func run(_ name: String, _ body: () async throws -> Void) async {
        do {
            try await body()
            passed += 1
            print("ok    \(name)")
        } catch {
            failed += 1
            print("FAIL  \(name): \(error)")
        }
    }
}
