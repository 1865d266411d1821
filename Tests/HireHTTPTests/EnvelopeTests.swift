import FeishuWire
import Foundation
import HireCore
import HireServerKit
import HireStore
import HireTestSupport
import HTTPTypes
import NIOCore
import Testing

@Suite("HTTP: envelope, log ids, routes, faults, rate limits")
struct EnvelopeTests {
    static let logIDPattern = #"^\d{14}[0-9A-F]{20}$"#

    @Test func everyAnswerCarriesALogIDAndErrorsRepeatIt() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let replies = [
                try await client.send(.get, "/healthz"),
                try await client.list(token: token),
                try await client.list("page_size=0", token: token),
                try await client.list(token: "t-bad"),
                try await client.send(.get, "/nowhere"),
                try await client.send(.post, "/open-apis/hire/v1/interviewers"),
                try await client.send(.post, "/open-apis/auth/v3/tenant_access_token/internal", body: "{}"),
            ]
            for reply in replies {
                let logID = try #require(reply.logID, "\(reply.text)")
                #expect(logID.range(of: Self.logIDPattern, options: .regularExpression) != nil, "\(logID)")
                #expect(nulls(in: reply.json).isEmpty)
                if (reply.code ?? 0) != 0, reply.status != .ok {
                    #expect(reply.object["error"]?.objectValue?["log_id"]?.stringValue == logID)
                    #expect(reply.object["data"] == nil)
                }
            }
            #expect(Set(replies.compactMap(\.logID)).count == replies.count)
        }
    }

    @Test func unknownRoutesAndWrongMethodsAnswerJSON() async throws {
        try await withServer { client, _ in
            let missing = try await client.send(.get, "/open-apis/hire/v1/nothing")
            #expect(missing.status == .notFound && missing.code == 404)
            let wrong = try await client.send(.delete, "/open-apis/hire/v1/interviewers/ou_x")
            #expect(wrong.status == .methodNotAllowed && wrong.code == 405)
            #expect(wrong.headers[.allow] == "PATCH")
            let wrongToken = try await client.send(.get, "/open-apis/auth/v3/tenant_access_token/internal")
            #expect(wrongToken.status == .methodNotAllowed && wrongToken.headers[.allow] == "POST")
        }
    }

    @Test func aFaultOfTheServerAnswers1002001AndTheServerKeepsServing() async throws {
        try await withServer(store: { FailingStore(base: $0) }) { client, _ in
            let token = try await client.token()
            let reply = try await client.byTalent("talent_id=T1", token: token)
            #expect(reply.status == .internalServerError && reply.code == 1_002_001)
            #expect(reply.object["error"]?.objectValue?["log_id"]?.stringValue == reply.logID)
            #expect(reply.msg?.contains("disk on fire") == false)
            #expect(try await client.list(token: token).code == 0)
        }
    }

    @Test func requestsOverTheRateLimitAnswer99991400WithWindowHeaders() async throws {
        let clock = TestClock(start: 1_800_000_000_000)
        try await withServer(rateLimit: RateLimitPolicy(perSecond: 3, perMinute: 5), clock: clock.clock) { client, _ in
            let token = try await client.token()
            for _ in 0..<3 { #expect(try await client.list(token: token).code == 0) }
            let limited = try await client.list(token: token)
            #expect(limited.status == .tooManyRequests && limited.code == 99_991_400)
            #expect(limited.headers[HTTPField.Name("x-ogw-ratelimit-limit")!] == "3")
            #expect(limited.headers[HTTPField.Name("x-ogw-ratelimit-reset")!] == "1")
            // Limits are per endpoint and per app.
            #expect(try await client.byTalent("talent_id=T1", token: token).code == 0)
            let other = try await client.token(Fixtures.acmeOther, Fixtures.acmeOtherSecret)
            #expect(try await client.list(token: other).code == 0)
            // The next second admits again, up to the minute's limit.
            clock.advance(seconds: 1)
            #expect(try await client.list(token: token).code == 0)
            #expect(try await client.list(token: token).code == 0)
            let minute = try await client.list(token: token)
            #expect(minute.code == 99_991_400)
            #expect(minute.headers[HTTPField.Name("x-ogw-ratelimit-limit")!] == "5")
            #expect(minute.headers[HTTPField.Name("x-ogw-ratelimit-reset")!] == "59")
        }
    }
}

/// A store whose interview reads fail, as a broken disk would.
struct FailingStore: HireStore {
    let base: any HireStore
    struct Fault: Error { let message = "disk on fire" }

    func talentInterviews(talentID: String, in view: IdentityView, jobLevelIDType: JobLevelIDType) async throws -> [StoredInterview]? {
        throw Fault()
    }

    func app(id appID: String) async throws -> StoredApp? { try await base.app(id: appID) }
    func acquireToken(appID: String, secretSHA256: String, candidate: NewToken, now: Int64, reuseThreshold: Int64) async throws -> TokenRecord {
        try await base.acquireToken(appID: appID, secretSHA256: secretSHA256, candidate: candidate, now: now, reuseThreshold: reuseThreshold)
    }
    func principal(tokenHash: String, now: Int64) async throws -> Principal? { try await base.principal(tokenHash: tokenHash, now: now) }
    func patchInterviewer(externalID: String, in view: IdentityView, verifyStatus: VerifyStatus?, now: Int64) async throws -> VerifyStatus? {
        try await base.patchInterviewer(externalID: externalID, in: view, verifyStatus: verifyStatus, now: now)
    }
    func listInterviewers(in view: IdentityView, query: InterviewerListQuery, after cursor: InterviewerCursor?) async throws -> StoredInterviewerPage {
        try await base.listInterviewers(in: view, query: query, after: cursor)
    }
    func importEntries(_ source: DataFileSource, now: Int64) async throws -> ImportSummary { try await base.importEntries(source, now: now) }
    func exportEntries(tenantKeys: [String]?, to sink: @escaping @Sendable (DataFileEntry) throws -> Void) async throws {
        try await base.exportEntries(tenantKeys: tenantKeys, to: sink)
    }
    func isEmpty() async throws -> Bool { try await base.isEmpty() }
    func pageTokenKey() async throws -> [UInt8] { try await base.pageTokenKey() }
    func purgeExpired(now: Int64) async throws { try await base.purgeExpired(now: now) }
    func tenantKeys() async throws -> [String] { try await base.tenantKeys() }
    func replaceTenants(_ selection: TenantSelection, with source: DataFileSource, now: Int64) async throws -> ImportSummary {
        try await base.replaceTenants(selection, with: source, now: now)
    }
    func saveSnapshot(_ snapshot: StoredSnapshot) async throws { try await base.saveSnapshot(snapshot) }
    func snapshot(named name: String) async throws -> StoredSnapshot? { try await base.snapshot(named: name) }
    func snapshots() async throws -> [SnapshotInfo] { try await base.snapshots() }
    func deleteSnapshot(named name: String) async throws -> Bool { try await base.deleteSnapshot(named: name) }
    func interviews(
        matching filter: InterviewFilter, after afterID: String?, limit: Int, in view: IdentityView,
        jobLevelIDType: JobLevelIDType
    ) async throws -> [StoredInterview] {
        throw Fault()
    }
    func applicationExists(_ applicationID: String, tenantKey: String) async throws -> Bool {
        try await base.applicationExists(applicationID, tenantKey: tenantKey)
    }
    func interviewRecords(ids: [String]?, after afterID: String?, limit: Int, in view: IdentityView) async throws
        -> [StoredInterviewRecord]
    {
        throw Fault()
    }
    func interviewRoundTypes(tenantKey: String, processType: ProcessType?) async throws -> [String] {
        throw Fault()
    }
    var controls: any ControlStore { base.controls }
    func close() async throws {}
}
