import FeishuWire
import Foundation
import HireCore
import HireHTTP
import HireStore
import HireTestSupport
import HTTPTypes
import Testing

/// The admin API (`/_hire/`, docs/admin-api.md) through the real router.
@Suite("Admin API")
struct AdminTests {
    static let adminToken = "admin-token-for-tests"
    static let admin = AdminSettings(token: adminToken, journalSize: 100)

    /// Runs `body` on a server with the admin API on.
    private func withAdmin(
        rateLimit: RateLimitPolicy? = nil, journalSize: Int = 100,
        _ body: @escaping @Sendable (Client, any HireStore) async throws -> Void
    ) async throws {
        try await withServer(
            rateLimit: rateLimit, admin: AdminSettings(token: Self.adminToken, journalSize: journalSize), body)
    }

    @Test func withoutAnAdminTokenThereIsNoAdminAPI() async throws {
        try await withServer { client, _ in
            for path in ["/_hire/snapshots", "/_hire/faults", "/_hire/clock", "/_hire/requests"] {
                let reply = try await client.send(.get, path, token: Self.adminToken)
                #expect(reply.status == .notFound && reply.code == 404, "\(path): \(reply.text)")
            }
            let reset = try await client.send(.post, "/_hire/reset", token: Self.adminToken)
            #expect(reset.status == .notFound)
        }
    }

    @Test func everyAdminRequestNeedsTheToken() async throws {
        try await withAdmin { client, _ in
            let missing = try await client.send(.get, "/_hire/snapshots")
            #expect(missing.status == .unauthorized && missing.code == 99_991_661 && missing.logID != nil)
            let wrong = try await client.send(.post, "/_hire/reset", token: "not-the-admin-token")
            #expect(wrong.status == .unauthorized && wrong.code == 99_991_663)
            // A tenant token is not an admin token either.
            let tenantToken = try await client.token()
            #expect(try await client.send(.get, "/_hire/clock", token: tenantToken).code == 99_991_663)
            let method = try await client.send(.patch, "/_hire/clock", token: Self.adminToken)
            #expect(method.status == .methodNotAllowed)
        }
    }

    @Test func resetUndoesAPatchAndAPerTenantResetLeavesTheOthers() async throws {
        try await withAdmin { client, _ in
            let acme = try await client.token()
            let globex = try await client.token(Fixtures.globexApp, Fixtures.globexSecret)
            #expect(try await client.patch("dave", #"{"interviewer":{"verify_status":2}}"#, token: acme, userIDType: "user_id").code == 0)
            #expect(try await client.patch("alice", #"{"interviewer":{"verify_status":2}}"#, token: globex, userIDType: "user_id").code == 0)

            let reset = try await client.send(.post, "/_hire/reset?tenant_key=\(Fixtures.acmeTenant)", token: Self.adminToken)
            #expect(reset.code == 0, "\(reset.text)")
            #expect(reset.data?["tenants"] == [.string(Fixtures.acmeTenant)])
            #expect(try await status(client, "dave", token: acme) == nil)
            #expect(try await status(client, "alice", token: globex) == 2)

            #expect(try await client.send(.post, "/_hire/reset", token: Self.adminToken).code == 0)
            #expect(try await status(client, "alice", token: globex) == nil)
            // Tokens issued before stay valid: their apps exist in the restored data.
            #expect(try await client.list(token: acme).code == 0)
            let unknown = try await client.send(.post, "/_hire/reset?tenant_key=nobody", token: Self.adminToken)
            #expect(unknown.code == 1_002_002 && unknown.fieldViolations == ["tenant_key"])
        }
    }

    private func status(_ client: Client, _ userID: String, token: String) async throws -> Int64? {
        let reply = try await client.list("user_id_type=user_id&user_ids=\(userID)", token: token)
        #expect(reply.code == 0, "\(reply.text)")
        return reply.data?["items"]?.arrayValue?.first?.objectValue?["verify_status"]?.integerValue
    }

    @Test func snapshotsAreSavedListedRestoredAndDeleted() async throws {
        try await withAdmin { client, _ in
            let acme = try await client.token()
            let saved = try await client.send(.put, "/_hire/snapshots/one-tenant?tenant_key=\(Fixtures.acmeTenant)", token: Self.adminToken)
            #expect(saved.code == 0, "\(saved.text)")
            let snapshot = try #require(saved.data?["snapshot"]?.objectValue)
            #expect(snapshot["tenants"] == [.string(Fixtures.acmeTenant)] && snapshot["all_tenants"] == false)
            #expect((snapshot["bytes"]?.integerValue ?? 0) > 0)

            #expect(try await client.patch("dave", #"{"interviewer":{"verify_status":2}}"#, token: acme, userIDType: "user_id").code == 0)
            let restored = try await client.send(.post, "/_hire/snapshots/one-tenant/restore", token: Self.adminToken)
            #expect(restored.code == 0 && restored.data?["tenants"] == [.string(Fixtures.acmeTenant)], "\(restored.text)")
            #expect(try await status(client, "dave", token: acme) == nil)

            let listed = try await client.send(.get, "/_hire/snapshots", token: Self.adminToken)
            let names = listed.data?["items"]?.arrayValue?.compactMap { $0.objectValue?["name"]?.stringValue }
            #expect(names == ["baseline", "one-tenant"])
            #expect(try await client.send(.delete, "/_hire/snapshots/one-tenant", token: Self.adminToken).code == 0)

            for (method, path) in [
                (HTTPRequest.Method.delete, "/_hire/snapshots/one-tenant"), (.post, "/_hire/snapshots/one-tenant/restore"),
            ] {
                let gone = try await client.send(method, path, token: Self.adminToken)
                #expect(gone.status == .notFound && gone.code == 1_002_002 && gone.fieldViolations == ["name"], "\(gone.text)")
            }
            let badName = try await client.send(.put, "/_hire/snapshots/no%20spaces", token: Self.adminToken)
            #expect(badName.status == .badRequest && badName.fieldViolations == ["name"])
            let badTenant = try await client.send(.put, "/_hire/snapshots/x?tenant_key=nobody", token: Self.adminToken)
            #expect(badTenant.fieldViolations == ["tenant_key"])
        }
    }

    @Test func aFaultFiresItsTimesThenStops() async throws {
        try await withAdmin { client, _ in
            let acme = try await client.token()
            let added = try await addFault(client, #"{"operation":"hire.v1.interview.get_by_talent","code":1002001,"times":2}"#)
            #expect(added["times_left"] == 2 && added["http_status"] == 500 && added["app_id"] == .null)
            let id = try #require(added["id"]?.stringValue)
            for _ in 0..<2 {
                let faulted = try await client.byTalent("talent_id=T1", token: acme)
                #expect(faulted.status == .internalServerError && faulted.code == 1_002_001 && faulted.logID != nil)
            }
            #expect(try await client.byTalent("talent_id=T1", token: acme).code == 0)
            let faults = try await client.send(.get, "/_hire/faults", token: Self.adminToken)
            #expect(faults.data?["items"] == [])
            let removed = try await client.send(.delete, "/_hire/faults/\(id)", token: Self.adminToken)
            #expect(removed.status == .notFound && removed.fieldViolations == ["id"])
        }
    }

    @Test("answers are written from the wire types: the documented members in order, nulls included, read back by the SDK's types")
    func answersAreTheWireTypes() async throws {
        try await withAdmin { client, _ in
            let reply = try await client.send(
                .post, "/_hire/faults", token: Self.adminToken, body: #"{"operation":"hire.v1.interviewer.list","code":99991400}"#)
            let data = try #require(reply.data)
            #expect(data.keys == [
                "id", "operation", "app_id", "tenant_key", "code", "http_status", "msg", "times", "times_left",
                "probability", "delay_ms", "drop", "fired", "created_ms",
            ])
            #expect(reply.text.contains(#""app_id":null,"tenant_key":null,"code":99991400,"http_status":429"#))
            #expect(reply.text.contains(#""probability":1.0,"delay_ms":0,"drop":false,"fired":0"#))
            let envelope = try JSONDecoder().decode(Envelope<AdminWire.Fault>.self, from: Data(reply.text.utf8))
            #expect(envelope.data.operation == "hire.v1.interviewer.list" && envelope.data.code == .rateLimited)
            #expect(envelope.data.httpStatus == 429 && envelope.data.timesLeft == 1 && envelope.data.appID == nil)

            let clock = try await client.send(.get, "/_hire/clock", token: Self.adminToken)
            #expect(clock.data?.keys == ["now_ms", "offset_ms"])
            let snapshots = try await client.send(.get, "/_hire/snapshots", token: Self.adminToken)
            let listed = try JSONDecoder().decode(Envelope<AdminWire.Items<AdminWire.Snapshot>>.self, from: Data(snapshots.text.utf8))
            #expect(listed.data.items?.map(\.name) == ["baseline"])
            #expect(snapshots.text.contains(#"{"items":[{"name":"baseline","tenants":["#))
        }
    }

    private struct Envelope<T: Decodable>: Decodable {
        var code: Int
        var data: T
    }

    @Test func aFaultNarrowedToOneAppLeavesTheOthers() async throws {
        try await withAdmin { client, _ in
            let acme = try await client.token()
            let reader = try await client.token(Fixtures.acmeReader, Fixtures.acmeReaderSecret)
            _ = try await addFault(client, #"{"app_id":"\#(Fixtures.acmeReader)","code":99991663,"times":0}"#)
            for _ in 0..<3 {
                #expect(try await client.byTalent("talent_id=T1", token: reader).code == 99_991_663)
                #expect(try await client.byTalent("talent_id=T1", token: acme).code == 0)
            }
            let listed = try await client.send(.get, "/_hire/faults", token: Self.adminToken)
            let fault = try #require(listed.data?["items"]?.arrayValue?.first?.objectValue)
            #expect(fault["times_left"] == .null && fault["fired"] == 3)
            let cleared = try await client.send(.delete, "/_hire/faults", token: Self.adminToken)
            #expect(cleared.data?["count"] == 1)
            #expect(try await client.byTalent("talent_id=T1", token: reader).code == 0)
        }
    }

    @Test func aFaultedPatchChangesNothingAndARateLimitFaultAnswersAsTheLimit() async throws {
        try await withAdmin { client, _ in
            let acme = try await client.token()
            _ = try await addFault(client, #"{"operation":"hire.v1.interviewer.patch","code":1002001}"#)
            let faulted = try await client.patch("dave", #"{"interviewer":{"verify_status":2}}"#, token: acme, userIDType: "user_id")
            #expect(faulted.code == 1_002_001)
            #expect(try await status(client, "dave", token: acme) == nil)

            _ = try await addFault(client, #"{"operation":"hire.v1.interviewer.list","code":99991400}"#)
            let limited = try await client.list(token: acme)
            #expect(limited.status == .tooManyRequests && limited.code == 99_991_400)
            #expect(limited.msg == APIError.rateLimited.msg)
            #expect(limited.headers[HTTPField.Name(WireHeader.rateLimitLimit)!] != nil)
            #expect(limited.headers[HTTPField.Name(WireHeader.rateLimitReset)!] == "1")

            _ = try await addFault(client, #"{"operation":"auth.v3.tenant_access_token.internal","code":1002001,"http_status":503,"msg":"down"}"#)
            let token = try await client.send(
                .post, "/open-apis/auth/v3/tenant_access_token/internal",
                body: #"{"app_id":"\#(Fixtures.acmeApp)","app_secret":"\#(Fixtures.acmeSecret)"}"#)
            #expect(token.status == .serviceUnavailable && token.code == 1_002_001 && token.msg == "down")
        }
    }

    @Test func aDelayIsAddedBeforeTheAnswer() async throws {
        try await withAdmin { client, _ in
            let acme = try await client.token()
            _ = try await addFault(client, #"{"operation":"hire.v1.interviewer.list","delay_ms":300}"#)
            let started = ContinuousClock.now
            let delayed = try await client.list(token: acme)
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(delayed.code == 0)
        }
    }

    @Test func badFaultsAreRefusedNamingTheMember() async throws {
        try await withAdmin { client, _ in
            for (body, field) in [
                (#"{"operation":"hire.v1.nothing","code":1}"#, "operation"),
                (#"{"code":1,"tmies":2}"#, "tmies"),
                (#"{"operation":"hire.v1.interviewer.list"}"#, "code"),
                (#"{"code":1002001,"times":-1}"#, "times"),
                (#"{"code":1002001,"probability":0}"#, "probability"),
                (#"{"code":1002001,"delay_ms":"5"}"#, "delay_ms"),
                (#"{"code":1002001,"http_status":99}"#, "http_status"),
                (#"[1]"#, "body"),
            ] {
                let reply = try await client.send(.post, "/_hire/faults", token: Self.adminToken, body: body)
                #expect(reply.code == 1_002_002 && reply.fieldViolations == [field], "\(body): \(reply.text)")
            }
            #expect(try await client.send(.get, "/_hire/faults", token: Self.adminToken).data?["items"] == [])
        }
    }

    @Test func theClockMovesTokensPastTheirExpiry() async throws {
        try await withAdmin { client, _ in
            let acme = try await client.token()
            let moved = try await client.send(.post, "/_hire/clock", token: Self.adminToken, body: #"{"advance_ms":7200000}"#)
            #expect(moved.data?["offset_ms"] == 7_200_000, "\(moved.text)")
            #expect(try await client.list(token: acme).code == 99_991_663)
            let fresh = try await client.token()
            #expect(fresh != acme)
            #expect(try await client.list(token: fresh).code == 0)

            let target: Int64 = 4_102_444_800_000
            let set = try await client.send(.post, "/_hire/clock", token: Self.adminToken, body: #"{"now_ms":\#(target)}"#)
            let now = try #require(set.data?["now_ms"]?.integerValue)
            #expect(now >= target && now < target + 5_000)
            let back = try await client.send(.delete, "/_hire/clock", token: Self.adminToken)
            #expect(back.data?["offset_ms"] == 0)
            for body in [#"{}"#, #"{"advance_ms":1,"now_ms":2}"#, #"{"advance_ms":"1h"}"#, #"{"later":1}"#] {
                #expect(try await client.send(.post, "/_hire/clock", token: Self.adminToken, body: body).code == 1_002_002)
            }
        }
    }

    @Test func theJournalRecordsWhatClientsSentWithoutSecrets() async throws {
        try await withAdmin { client, _ in
            let acme = try await client.token()
            let patch = try await client.patch("dave", #"{"interviewer":{"verify_status":2}}"#, token: acme, userIDType: "user_id")
            let missing = try await client.byTalent("talent_id=nobody", token: acme)
            _ = try await client.send(.get, "/open-apis/hire/v1/nothing", token: acme)

            let reply = try await client.send(.get, "/_hire/requests", token: Self.adminToken)
            let items = try #require(reply.data?["items"]?.arrayValue)
            let entries = items.compactMap(\.objectValue)
            #expect(entries.map { $0["seq"]?.integerValue } == [1, 2, 3, 4])
            #expect(entries.map { $0["operation"]?.stringValue } == [
                "auth.v3.tenant_access_token.internal", "hire.v1.interviewer.patch", "hire.v1.interview.get_by_talent", nil,
            ])
            #expect(entries[1]["log_id"]?.stringValue == patch.logID && entries[1]["code"] == 0)
            #expect(entries[1]["body"]?.stringValue == #"{"interviewer":{"verify_status":2}}"#)
            #expect(entries[1]["query"] == "user_id_type=user_id" && entries[1]["app_id"]?.stringValue == Fixtures.acmeApp)
            #expect(entries[2]["log_id"]?.stringValue == missing.logID && entries[2]["code"] == 1_002_002)
            #expect(entries[2]["http_status"] == 400 && entries[2]["body"] == nil)
            #expect(entries[3]["code"] == 404)
            #expect(entries[0]["body"]?.stringValue == #"{"app_id":"\#(Fixtures.acmeApp)","app_secret":"[REDACTED]"}"#)
            #expect(!reply.text.contains(Fixtures.acmeSecret) && !reply.text.contains(acme))

            let filtered = try await client.send(
                .get, "/_hire/requests?operation=hire.v1.interviewer.patch&since_seq=1&limit=5", token: Self.adminToken)
            #expect(filtered.data?["items"]?.arrayValue?.count == 1)
            let count = try await client.send(.get, "/_hire/requests/count?code=1002002", token: Self.adminToken)
            #expect(count.data?["count"] == 1)
            let bad = try await client.send(.get, "/_hire/requests?limit=0", token: Self.adminToken)
            #expect(bad.fieldViolations == ["limit"])
            #expect(try await client.send(.delete, "/_hire/requests", token: Self.adminToken).data?["count"] == 4)
            // Admin requests are not journaled; sequence numbers go on.
            _ = try await client.list(token: acme)
            let after = try await client.send(.get, "/_hire/requests", token: Self.adminToken)
            #expect(after.data?["items"]?.arrayValue?.compactMap { $0.objectValue?["seq"]?.integerValue } == [5])
        }
    }

    @Test func theJournalKeepsTheNewestEntries() async throws {
        try await withAdmin(journalSize: 3) { client, _ in
            let acme = try await client.token()
            for _ in 0..<5 { _ = try await client.list(token: acme) }
            let reply = try await client.send(.get, "/_hire/requests", token: Self.adminToken)
            #expect(reply.data?["items"]?.arrayValue?.compactMap { $0.objectValue?["seq"]?.integerValue } == [4, 5, 6])
        }
    }

    @Test func dataGoesInAndOutOverHTTP() async throws {
        try await withAdmin { client, store in
            let before = try await StoreSeeding.exportDocument(store)
            let broken = #"{"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "new0000000000001", "talents": [{"talent_id": 5}]}]}"#
            let refused = try await client.send(.post, "/_hire/data", token: Self.adminToken, body: broken)
            #expect(refused.code == 1_002_002 && refused.fieldViolations == ["$.tenants[0].talents[0].talent_id"], "\(refused.text)")
            #expect(try await StoreSeeding.exportDocument(store) == before)

            let good = #"{"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "new0000000000001", "talents": [{"talent_id": "5"}]}]}"#
            let imported = try await client.send(.post, "/_hire/data", token: Self.adminToken, body: good)
            #expect(imported.data?["imported"] == ["tenant": 1, "talent": 1], "\(imported.text)")

            let exported = try await client.raw(
                .get, "/_hire/data?tenant_key=new0000000000001&tenant_key=\(Fixtures.acmeTenant)",
                headers: [.authorization: "Bearer \(Self.adminToken)"])
            #expect(exported.text == (try await StoreSeeding.exportDocument(store, tenants: [Fixtures.acmeTenant, "new0000000000001"])))
            let badFormat = try await client.send(.get, "/_hire/data?format=xml", token: Self.adminToken)
            #expect(badFormat.fieldViolations == ["format"])
        }
    }

    @Test func aRestoreClearsRateLimitWindows() async throws {
        // A frozen clock: the three calls share one minute however slowly they run.
        try await withServer(
            rateLimit: RateLimitPolicy(perSecond: .max, perMinute: 2), clock: TestClock().clock,
            admin: AdminSettings(token: Self.adminToken, journalSize: 100)
        ) { client, _ in
            let acme = try await client.token()
            #expect(try await client.list(token: acme).code == 0)
            #expect(try await client.list(token: acme).code == 0)
            #expect(try await client.list(token: acme).code == 99_991_400)
            #expect(try await client.send(.post, "/_hire/reset", token: Self.adminToken).code == 0)
            #expect(try await client.list(token: acme).code == 0)
        }
    }

    private func addFault(_ client: Client, _ body: String) async throws -> JSONObject {
        let reply = try await client.send(.post, "/_hire/faults", token: Self.adminToken, body: body)
        #expect(reply.code == 0, "\(reply.text)")
        return try #require(reply.data)
    }
}
