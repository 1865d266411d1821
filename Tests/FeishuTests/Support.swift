import Foundation
import HireCore
import HireServerKit
import HireTestSupport
import Logging
import Synchronization
import Testing

@testable import Feishu

/// Starts a hire-server with the demo tenant (and `data`), runs `body` against it, stops it.
func withServer<T>(
    data: [String] = [], rateLimit: RateLimitPolicy? = nil, clock: HireClock = .system,
    _ body: (TestServer) async throws -> T
) async throws -> T {
    let server = try await TestServer.start(data: data, rateLimit: rateLimit, clock: clock)
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// A client of the demo app; `body` runs with it and it is shut down after.
func withClient<T>(
    _ server: TestServer, appID: String = DemoData.appID, appSecret: String = DemoData.appSecret,
    configuration: FeishuClient.Configuration = .init(), clock: SDKClock? = nil,
    _ body: (FeishuClient) async throws -> T
) async throws -> T {
    let now: @Sendable () -> ContinuousClock.Instant
    if let clock { now = { clock.now() } } else { now = { ContinuousClock.now } }
    let client = FeishuClient(
        appID: appID, appSecret: appSecret, baseURL: URL(string: server.baseURL)!, configuration: configuration,
        httpClient: nil, now: now)
    return try await client.withShutdown(body)
}

/// The paths of the wire contract, for counting requests.
enum Path {
    static let token = Endpoint.tenantAccessToken.path
    static let interviewers = Endpoint.listInterviewers.path
    static let byTalent = Endpoint.interviewsByTalent.path
    static func interviewer(_ id: String) -> String { "/open-apis/hire/v1/interviewers/\(id)" }
}

/// The SDK's token clock, moved by hand.
final class SDKClock: Sendable {
    private let offset = Mutex(Duration.zero)

    func now() -> ContinuousClock.Instant { ContinuousClock.now + offset.withLock { $0 } }
    func advance(seconds: Int64) { offset.withLock { $0 += .seconds(seconds) } }
}

/// Runs `body` and returns the `FeishuError` it throws; records an issue if it throws none.
func feishuError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> FeishuError? {
    do {
        try await body()
        Issue.record("expected a FeishuError, got success", sourceLocation: sourceLocation)
        return nil
    } catch let error as FeishuError {
        return error
    } catch {
        Issue.record("expected a FeishuError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// Keeps every log record, rendered with its metadata.
final class LogCapture: Sendable {
    private let records = Mutex<[String]>([])

    var lines: [String] { records.withLock { $0 } }

    func logger(level: Logger.Level = .trace) -> Logger {
        var logger = Logger(label: "feishu-test") { _ in Handler(capture: self) }
        logger.logLevel = level
        return logger
    }

    fileprivate func append(_ line: String) { records.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            let all = metadata.merging(event.metadata ?? [:]) { $1 }
            let rendered = all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            capture.append("\(event.level) \(event.message) \(rendered)")
        }
    }
}

/// Data files adding to the demo tenant.
enum Fixtures {
    static let tenantKey = DemoData.tenantKey
    /// An app of the demo tenant with `hire:interview:readonly` only.
    static let readonlyAppID = "cli_0123456789abcdef"
    static let readonlyAppSecret = "AbCdEfGhIjKlMnOpQrStUvWxYz012345"
    /// The first update time of ``interviewers(count:)``; each next one is a second later.
    static let firstUpdate: Int64 = 1_714_374_796_000

    /// `count` users `u_p01`… whose statuses were set a second apart: odd ones verified.
    static func interviewers(count: Int) -> String {
        let ids = (1...count).map { String(format: "u_p%02d", $0) }
        let users = ids.map { #"{"user_id": "\#($0)", "name": {"zh_cn": "面试官\#($0)", "en_us": "Interviewer \#($0)"}}"# }
        let statuses = ids.enumerated().map { index, id in
            #"{"user_id": "\#(id)", "verify_status": \#(index % 2 == 0 ? 2 : 1), "update_time": \#(firstUpdate + Int64(index) * 1000)}"#
        }
        return """
            {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "\(tenantKey)", "name": "Demo Corp",
              "users": [\(users.joined(separator: ","))], "interviewers": [\(statuses.joined(separator: ","))]}]}
            """
    }

    /// An app of the demo tenant that may read interviews but not manage interviewers or read user_ids.
    static let readonlyApp = """
        {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "\(tenantKey)", "name": "Demo Corp",
          "apps": [{"app_id": "\(readonlyAppID)", "app_secret": "\(readonlyAppSecret)", "name": "Reader",
                    "developer": "dev-acme", "scopes": ["hire:interview:readonly"]}]}]}
        """

    /// A second talent with a job level, an unknown conclusion and commit status, and two applications.
    static let talentID = "7000000000000000001"
    static let jobLevels = """
        {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "\(tenantKey)", "name": "Demo Corp",
          "job_levels": [{"job_level_id": "jl_p6", "people_admin_job_level_id": "7010000000000000006",
                          "name": {"zh_cn": "P6", "en_us": "P6"}}],
          "talents": [{"talent_id": "\(talentID)", "name": "李四"}],
          "applications": [{"application_id": "app-1", "talent_id": "\(talentID)"},
                           {"application_id": "app-2", "talent_id": "\(talentID)"}],
          "interviews": [
            {"id": "iv-2", "application_id": "app-1", "begin_time": 1700000000000, "end_time": 1700003600000,
             "round": 1, "interview_round_summary": 42,
             "interview_record_list": [{"id": "rec-2", "interviewer": {"user_id": "u_wangyuyan"},
                "commit_status": 7, "conclusion": 9, "min_job_level_id": "jl_p6", "max_job_level_id": "jl_p6",
                "feedback_submit_time": 1700007200000,
                "assessment_score": {"calculate_type": 1, "score": 4.5, "full_score": 5}}]},
            {"id": "iv-1", "application_id": "app-1", "begin_time": 1699990000000, "end_time": 1699993600000,
             "round": 0, "interview_round_summary": 2},
            {"id": "iv-3", "application_id": "app-2", "begin_time": 1700100000000, "end_time": 1700103600000,
             "round": 0, "contact_user": {"user_id": "u_duanyu"}}
          ]}]}
        """
}

/// The real time, moved forward by hand to the start of a second: requests right
/// after ``alignToSecond()`` fall into one window of a per-second rate limit.
final class AlignedClock: Sendable {
    private let offset = Mutex<Int64>(0)
    /// While set, the clock reads this instead of running.
    private let frozen = Mutex<Int64?>(nil)

    var clock: HireClock {
        HireClock { [self] in frozen.withLock { $0 } ?? HireClock.system.now() + offset.withLock { $0 } }
    }

    /// Stops the clock at the start of its next second, so that the calls that follow share
    /// one rate-limit window however slowly a loaded machine serves them.
    func freezeAtNextSecond() {
        alignToSecond()
        frozen.withLock { $0 = HireClock.system.now() + offset.withLock { $0 } }
    }

    /// Runs the clock again from the start of the second after the frozen one.
    func resumeAfterFrozenSecond() {
        frozen.withLock { frozenAt in
            guard let at = frozenAt else { return }
            offset.withLock { $0 = at + 1000 - HireClock.system.now() }
            frozenAt = nil
        }
    }

    func alignToSecond() {
        offset.withLock { offset in
            let now = HireClock.system.now() + offset
            offset += 1000 - now % 1000
        }
    }
}
