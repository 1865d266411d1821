import AsyncHTTPClient
import Foundation
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

@Suite("HireAdmin: the admin API from Swift")
struct AdminTests {
    @Test("reset puts back what a PATCH changed; reset of one tenant leaves the others")
    func resetUndoesPatch() async throws {
        try await withAdminServer(data: [HireTestSupport.Fixtures.acme]) { server, admin in
            try await withClient(server) { client in
                #expect(try await demoStatuses(client) == [:])
                try await client.hire.v1.interviewer.patch(interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified)
                #expect(try await demoStatuses(client).values.sorted { $0.rawValue < $1.rawValue } == [.verified])

                let restored = try await admin.reset()
                #expect(restored.snapshot.name == "baseline")
                #expect(restored.snapshot.allTenants)
                #expect(Set(restored.tenants) == [DemoData.tenantKey, HireTestSupport.Fixtures.acmeTenant])
                #expect(try await demoStatuses(client) == [:])

                // The token issued before the reset still works (same app, same secret): no new token.
                #expect(server.requests(to: Path.token) == 1)

                try await client.hire.v1.interviewer.patch(interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified)
                let one = try await admin.reset(tenantKey: DemoData.tenantKey)
                #expect(one.tenants == [DemoData.tenantKey])
                #expect(try await demoStatuses(client) == [:])

                let error = await feishuError { try await admin.reset(tenantKey: "no-such-tenant") }
                #expect(error?.code == .invalidParameter)
                #expect(error?.fieldViolations.first?.field == "tenant_key")
            }
        }
    }

    @Test("snapshots: save (all tenants or some), list by name, restore, delete")
    func snapshots() async throws {
        try await withAdminServer(data: [HireTestSupport.Fixtures.acme]) { server, admin in
            try await withClient(server) { client in
                let all = try await admin.snapshots.save(name: "before")
                #expect(all.name == "before")
                #expect(all.allTenants)
                #expect(Set(all.tenants) == [DemoData.tenantKey, HireTestSupport.Fixtures.acmeTenant])
                #expect(all.bytes > 0)
                #expect(abs(all.createdDate.timeIntervalSinceNow) < 60)

                try await client.hire.v1.interviewer.patch(interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified)
                let demoOnly = try await admin.snapshots.save(name: "demo.verified-1", tenantKeys: [DemoData.tenantKey])
                #expect(!demoOnly.allTenants)
                #expect(demoOnly.tenants == [DemoData.tenantKey])

                let names = try await admin.snapshots.list().map(\.name)
                #expect(names == ["baseline", "before", "demo.verified-1"])

                let restored = try await admin.snapshots.restore(name: "before")
                #expect(restored.snapshot == all)
                #expect(try await demoStatuses(client) == [:])
                try await admin.snapshots.restore(name: "demo.verified-1")
                #expect(try await demoStatuses(client).count == 1)

                try await admin.snapshots.delete(name: "before")
                #expect(try await admin.snapshots.list().map(\.name) == ["baseline", "demo.verified-1"])

                let unknown = await feishuError { try await admin.snapshots.delete(name: "before") }
                #expect(unknown?.kind == .api)
                #expect(unknown?.code == .invalidParameter)
                #expect(unknown?.httpStatus == 404)
                #expect(unknown?.endpoint == "_hire.snapshots.delete")
                let unknownRestore = await feishuError { try await admin.snapshots.restore(name: "before") }
                #expect(unknownRestore?.httpStatus == 404)

                let badName = await feishuError { try await admin.snapshots.save(name: "no spaces allowed") }
                #expect(badName?.code == .invalidParameter)
                #expect(badName?.httpStatus == 400)
                #expect(badName?.fieldViolations.first?.field == "name")
                let unknownTenant = await feishuError { try await admin.snapshots.save(name: "x", tenantKeys: ["nobody"]) }
                #expect(unknownTenant?.fieldViolations.first?.field == "tenant_key")
            }
        }
    }

    @Test("a fault fires on the matching calls, the client sees its code, then it is used up")
    func faultFiresThenExhausted() async throws {
        try await withAdminServer { server, admin in
            try await withClient(server) { client in
                let fault = try await admin.faults.add(
                    FaultSpec(operation: Endpoint.patchInterviewer.name, code: .rateLimited, times: 2))
                #expect(fault.id.wholeMatch(of: /f_[0-9a-f]{16}/) != nil)
                #expect(fault.operation == "hire.v1.interviewer.patch")
                #expect(fault.appID == nil && fault.tenantKey == nil)
                #expect(fault.code == .rateLimited)
                #expect(fault.httpStatus == 429)
                #expect(fault.times == 2 && fault.timesLeft == 2 && fault.fired == 0)
                #expect(fault.probability == 1 && fault.delayMS == 0 && !fault.drop)
                #expect(try await admin.faults.list() == [fault])

                // Other operations are not faulted.
                _ = try await client.hire.v1.interviewer.listPage()

                var logIDs: [String] = []
                for _ in 0..<2 {
                    let error = await feishuError {
                        try await client.hire.v1.interviewer.patch(
                            interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified)
                    }
                    #expect(error?.kind == .api)
                    #expect(error?.code == .rateLimited)
                    #expect(error?.isRateLimited == true)
                    #expect(error?.httpStatus == 429)
                    logIDs.append(error?.logID ?? "")
                    if logIDs.count == 1 {
                        let listed = try #require(try await admin.faults.list().first)
                        #expect(listed.timesLeft == 1 && listed.fired == 1)
                    }
                }
                // Used up: removed, and the next call goes through; faulted calls changed nothing.
                #expect(try await admin.faults.list() == [])
                #expect(try await demoStatuses(client) == [:])
                let interviewer = try await client.hire.v1.interviewer.patch(
                    interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified)
                #expect(interviewer.verifyStatus == .verified)

                let faulted = try await admin.requests.list(filter: RequestFilter(code: .rateLimited))
                #expect(faulted.map(\.logID) == logIDs)
                #expect(faulted.allSatisfy { $0.faultID == fault.id && $0.httpStatus == 429 })

                let gone = await feishuError { try await admin.faults.remove(id: fault.id) }
                #expect(gone?.code == .invalidParameter)
                #expect(gone?.httpStatus == 404)
            }
        }
    }

    @Test("faults: narrowed to an app, a server error, remove and clear, invalid specs")
    func faultsNarrowedAndCleared() async throws {
        try await withAdminServer(data: [Fixtures.readonlyApp]) { server, admin in
            let other = try await admin.faults.add(
                FaultSpec(
                    operation: Endpoint.interviewsByTalent.name, appID: Fixtures.readonlyAppID, code: .systemError,
                    msg: "injected", times: 0))
            #expect(other.httpStatus == 500)
            #expect(other.msg == "injected")
            #expect(other.times == 0 && other.timesLeft == nil)
            try await withClient(server) { client in
                // The demo app is not the fault's app.
                let applications = try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID)
                #expect(applications.count == 1)
            }
            try await withClient(server, appID: Fixtures.readonlyAppID, appSecret: Fixtures.readonlyAppSecret) { client in
                for _ in 0..<3 {
                    let error = await feishuError {
                        _ = try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID)
                    }
                    #expect(error?.code == .systemError)
                    #expect(error?.httpStatus == 500)
                    #expect(error?.msg == "injected")
                }
            }
            #expect(try await admin.faults.list().first?.fired == 3)

            let second = try await admin.faults.add(FaultSpec(delayMS: 10))
            try await admin.faults.remove(id: other.id)
            #expect(try await admin.faults.list().map(\.id) == [second.id])
            _ = try await admin.faults.add(FaultSpec(drop: true))
            #expect(try await admin.faults.clear() == 2)
            #expect(try await admin.faults.clear() == 0)

            let noEffect = await feishuError { try await admin.faults.add(FaultSpec(operation: Endpoint.patchInterviewer.name)) }
            #expect(noEffect?.code == .invalidParameter)
            #expect(noEffect?.httpStatus == 400)
            let badStatus = await feishuError { try await admin.faults.add(FaultSpec(code: .systemError, httpStatus: 99)) }
            #expect(badStatus?.fieldViolations.first?.field == "http_status")
        }
    }

    @Test("moving the clock past the token's expiry: the client gets 99991663, fetches a new token and goes on")
    func clockExpiresToken() async throws {
        try await withAdminServer { server, admin in
            let before = try await admin.clock.get()
            #expect(before.offsetMS == 0)
            #expect(abs(before.now.timeIntervalSinceNow) < 60)
            try await withClient(server) { client in
                _ = try await client.hire.v1.interviewer.listPage()
                #expect(server.requests(to: Path.token) == 1)

                let moved = try await admin.clock.advance(by: .seconds(7300))
                #expect(moved.offsetMS == 7_300_000)
                #expect(moved.nowMS - before.nowMS >= 7_300_000)

                let page = try await client.hire.v1.interviewer.listPage()
                #expect(page.items == [])
                #expect(server.requests(to: Path.token) == 2)

                let refused = try await admin.requests.list(filter: RequestFilter(code: .invalidAccessToken))
                #expect(refused.count == 1)
                #expect(refused.first?.operation == Endpoint.listInterviewers.name)
                #expect(refused.first?.httpStatus == 400)
                // Two token requests, each answered 0.
                #expect(try await admin.requests.count(filter: RequestFilter(operation: Endpoint.tenantAccessToken.name, code: .success)) == 2)
                // Entries are stamped with the server's moved time.
                let last = try #require(try await admin.requests.list().last)
                #expect(last.timeMS >= moved.nowMS)
            }

            let back = try await admin.clock.advance(byMilliseconds: -300_000)
            #expect(back.offsetMS == 7_000_000)
            let set = try await admin.clock.set(nowMS: 1_900_000_000_000)
            #expect(set.nowMS >= 1_900_000_000_000 && set.nowMS < 1_900_000_060_000)
            let date = try await admin.clock.set(now: Date(feishuMilliseconds: 1_800_000_000_000))
            #expect(date.now >= Date(feishuMilliseconds: 1_800_000_000_000))
            let reset = try await admin.clock.reset()
            #expect(reset.offsetMS == 0)
            #expect(abs(reset.now.timeIntervalSinceNow) < 60)
        }
    }

    @Test("the journal: entries carry the log ids the client saw, bodies without secrets, filters, since_seq, clear")
    func journal() async throws {
        try await withAdminServer { server, admin in
            try await withClient(server) { client in
                let patch = try await client.send(
                    .patchInterviewer(interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified))
                let failure = await feishuError {
                    _ = try await client.hire.v1.interview.getByTalent(talentID: "404", userIDType: .userID)
                }
                let entries = try await admin.requests.list()
                #expect(entries.map(\.operation) == [
                    Endpoint.tenantAccessToken.name, Endpoint.patchInterviewer.name, Endpoint.interviewsByTalent.name,
                ])
                #expect(entries.map(\.seq) == entries.map(\.seq).sorted())

                let token = entries[0]
                #expect(token.body?.contains("[REDACTED]") == true)
                #expect(token.body?.contains(DemoData.appSecret) == false)
                #expect(token.appID == DemoData.appID)

                let patched = entries[1]
                #expect(patched.logID == patch.logID)
                #expect(patched.method == "PATCH")
                #expect(patched.path == "/open-apis/hire/v1/interviewers/\(DemoData.interviewerOpenID)")
                #expect(patched.query == "")
                #expect(patched.appID == DemoData.appID)
                #expect(patched.tenantKey == DemoData.tenantKey)
                #expect(patched.httpStatus == 200 && patched.code == .success)
                #expect(patched.body == #"{"interviewer":{"verify_status":2}}"#)
                #expect(!patched.bodyTruncated)
                #expect(patched.faultID == nil)
                #expect(patched.durationMS >= 0)
                #expect(!patched.node.isEmpty)

                let failed = entries[2]
                #expect(failed.logID == failure?.logID)
                #expect(failed.method == "GET" && failed.body == nil)
                #expect(failed.query.contains("talent_id=404"))
                #expect(failed.code == .invalidParameter && failed.httpStatus == 400)

                let filter = RequestFilter(operation: Endpoint.interviewsByTalent.name, appID: DemoData.appID,
                                           tenantKey: DemoData.tenantKey, code: .invalidParameter)
                #expect(try await admin.requests.list(filter: filter).map(\.seq) == [failed.seq])
                #expect(try await admin.requests.count(filter: filter) == 1)
                #expect(try await admin.requests.count(filter: RequestFilter(appID: "cli_nobody")) == 0)
                #expect(try await admin.requests.list(sinceSeq: token.seq).map(\.seq) == [patched.seq, failed.seq])
                #expect(try await admin.requests.list(limit: 1).map(\.seq) == [token.seq])

                let badLimit = await feishuError { _ = try await admin.requests.list(limit: 0) }
                #expect(badLimit?.fieldViolations.first?.field == "limit")

                // The admin API's own requests are not journaled.
                #expect(try await admin.requests.clear() == 3)
                #expect(try await admin.requests.count() == 0)
                _ = try await client.hire.v1.interviewer.listPage()
                let after = try #require(try await admin.requests.list().first)
                #expect(after.seq > failed.seq)
            }
        }
    }

    @Test("the raw answer of an admin call: log id and body")
    func send() async throws {
        try await withAdminServer { _, admin in
            let response = try await admin.send(.listSnapshots())
            #expect(response.data?.items?.map(\.name) == ["baseline"])
            #expect(response.httpStatus == 200)
            #expect(response.logID?.isEmpty == false)
            #expect(String(decoding: response.body, as: UTF8.self).hasPrefix(#"{"code":0"#))
        }
    }

    @Test("data: import a document and JSON Lines, export what was imported, round trip into another server")
    func dataRoundTrip() async throws {
        try await withAdminServer { _, admin in
            let counts = try await admin.data.import(Data(HireTestSupport.Fixtures.acme.utf8))
            #expect(counts["tenant"] == 1)
            #expect(counts["app"] == 3)
            #expect(counts["user"] == 4)
            #expect(counts["interview"] == 3)

            let acme = HireTestSupport.Fixtures.acmeTenant
            let document = try await admin.data.export(tenantKeys: [acme])
            let object = try #require(try JSONSerialization.jsonObject(with: document) as? [String: Any])
            #expect(object["format"] as? String == "feishu-hire-data/1")
            let tenants = try #require(object["tenants"] as? [[String: Any]])
            #expect(tenants.map { $0["tenant_key"] as? String } == [acme])

            let lines = try await admin.data.export(tenantKeys: [acme], format: .jsonLines)
            let firstLine = String(decoding: lines.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
            #expect(firstLine == #"{"format":"feishu-hire-data/1"}"#)

            let everything = try await admin.data.export()
            let all = try #require(try JSONSerialization.jsonObject(with: everything) as? [String: Any])
            #expect((all["tenants"] as? [[String: Any]])?.count == 2)

            // Into an empty server, once as a document and once as JSON Lines: the same export.
            try await withAdminServer(demo: false) { server, other in
                let imported = try await other.data.import(lines, format: .jsonLines)
                #expect(imported == counts)
                #expect(try await other.data.export(tenantKeys: [acme]) == document)
                try await other.reset()
                #expect(try await other.data.import(document) == counts)
                #expect(try await other.data.export() == document)
                // The imported app works.
                try await withClient(
                    server, appID: HireTestSupport.Fixtures.acmeApp, appSecret: HireTestSupport.Fixtures.acmeSecret
                ) { client in
                    let applications = try await client.hire.v1.interview.getByTalent(talentID: "T1")
                    #expect(applications.count == 2)
                }
            }

            let bad = await feishuError {
                _ = try await admin.data.import(Data(#"{"format":"feishu-hire-data/1","tenants":[{"name":"x"}]}"#.utf8))
            }
            #expect(bad?.code == .invalidParameter)
            #expect(bad?.fieldViolations.first?.field.hasPrefix("$.tenants[0]") == true)
            let unknownTenant = await feishuError { _ = try await admin.data.export(tenantKeys: ["nobody"]) }
            #expect(unknownTenant?.code == .invalidParameter)
        }
    }

    @Test("a wrong admin token is 99991663 (HTTP 401); a server without the admin API answers 404")
    func authentication() async throws {
        try await withAdminServer { server, _ in
            let wrong = HireAdmin(baseURL: URL(string: server.baseURL)!, token: "not-the-token")
            try await wrong.withShutdown { wrong in
                let error = await feishuError { _ = try await wrong.clock.get() }
                #expect(error?.kind == .api)
                #expect(error?.code == .invalidAccessToken)
                #expect(error?.httpStatus == 401)
                #expect(error?.logID?.isEmpty == false)
                let export = await feishuError { _ = try await wrong.data.export() }
                #expect(export?.code == .invalidAccessToken)
            }
            let empty = HireAdmin(baseURL: URL(string: server.baseURL)!, token: "")
            try await empty.withShutdown { empty in
                let error = await feishuError { _ = try await empty.snapshots.list() }
                #expect(error?.code == .missingAccessToken || error?.code == .invalidAccessToken)
                #expect(error?.httpStatus == 401)
            }
        }
        try await withServer { server in
            try await HireAdmin(baseURL: URL(string: server.baseURL)!, token: "anything").withShutdown { admin in
                let error = await feishuError { try await admin.reset() }
                #expect(error?.code == .routeNotFound)
                #expect(error?.httpStatus == 404)
            }
        }
    }

    @Test("the admin token is never logged")
    func tokenNotLogged() async throws {
        try await withAdminServer { server, _ in
            let capture = LogCapture()
            let token = try #require(server.adminToken)
            let admin = HireAdmin(
                baseURL: URL(string: server.baseURL)!, token: token,
                configuration: HireAdmin.Configuration(logger: capture.logger()))
            try await admin.withShutdown { admin in
                _ = try await admin.clock.get()
                _ = try await admin.snapshots.save(name: "logged")
                _ = try await admin.data.export()
            }
            #expect(capture.lines.count >= 3)
            #expect(capture.lines.allSatisfy { !$0.contains(token) })
        }
    }

    @Test("an injected HTTPClient is left running by shutdown()")
    func injectedHTTPClient() async throws {
        try await withAdminServer { server, _ in
            let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
            let admin = HireAdmin(baseURL: URL(string: server.baseURL)!, token: server.adminToken ?? "", httpClient: httpClient)
            _ = try await admin.clock.get()
            try await admin.shutdown()
            try await admin.shutdown()
            let again = HireAdmin(baseURL: URL(string: server.baseURL)!, token: server.adminToken ?? "", httpClient: httpClient)
            #expect(try await again.clock.get().offsetMS == 0)
            try await httpClient.shutdown()
        }
    }
}
