import Foundation
import HireCore
import HireServerKit
import HireTestSupport
import Synchronization
import Testing

@testable import Feishu

@Suite("tenant access tokens")
struct TokenTests {
    @Test("a cold client fetches one token however many calls start at once")
    func singleFlight() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<20 {
                        group.addTask {
                            try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID).count
                        }
                    }
                    for try await count in group { #expect(count == 1) }
                }
                #expect(server.requests(to: Path.token) == 1)
                #expect(server.requests(to: Path.byTalent) == 20)
            }
        }
    }

    @Test("the token is cached across calls")
    func cached() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                for _ in 0..<3 { _ = try await client.hire.v1.interviewer.listPage() }
                _ = try await client.hire.v1.interview.getByTalent(talentID: DemoData.talentID)
                #expect(server.requests(to: Path.token) == 1)
            }
        }
    }

    @Test("the token is renewed once it has 10 minutes or less left, not before")
    func renewal() async throws {
        let serverClock = TestClock()
        let sdkClock = SDKClock()
        try await withServer(clock: serverClock.clock) { server in
            try await withClient(server, clock: sdkClock) { client in
                _ = try await client.hire.v1.interviewer.listPage()
                #expect(server.requests(to: Path.token) == 1)

                // 11m40s left: still fresh.
                serverClock.advance(seconds: 6500)
                sdkClock.advance(seconds: 6500)
                _ = try await client.hire.v1.interviewer.listPage()
                #expect(server.requests(to: Path.token) == 1)

                // 8m20s left: stale, renewed before the call.
                serverClock.advance(seconds: 200)
                sdkClock.advance(seconds: 200)
                _ = try await client.hire.v1.interviewer.listPage()
                #expect(server.requests(to: Path.token) == 2)
                #expect(server.requests(to: Path.interviewers) == 3)

                // The new token is cached again.
                _ = try await client.hire.v1.interviewer.listPage()
                #expect(server.requests(to: Path.token) == 2)
            }
        }
    }

    @Test("on 99991663 the cached token is dropped, a new one fetched and the call sent once more")
    func invalidTokenRetry() async throws {
        let serverClock = TestClock()
        try await withServer(clock: serverClock.clock) { server in
            try await withClient(server) { client in
                _ = try await client.hire.v1.interviewer.listPage()
                // The server's clock passes the token's expiry; the client's does not.
                serverClock.advance(seconds: 7300)
                let page = try await client.hire.v1.interviewer.listPage()
                #expect(page.items == [])
                #expect(server.requests(to: Path.token) == 2)
                #expect(server.requests(to: Path.interviewers) == 3)
            }
        }
    }

    @Test("the call is retried once only: a second 99991663 is the caller's")
    func invalidTokenRetriedOnce() async throws {
        // Every reading of this clock is three hours after the last: every token has expired by its next use.
        let jumps = Mutex<Int64>(HireClock.system.now())
        let clock = HireClock { jumps.withLock { $0 += 3 * 3_600_000; return $0 } }
        try await withServer(clock: clock) { server in
            try await withClient(server) { client in
                let error = await feishuError { _ = try await client.hire.v1.interviewer.listPage() }
                #expect(error?.code == .invalidAccessToken)
                #expect(error?.httpStatus == 400)
                #expect(server.requests(to: Path.token) == 2)
                #expect(server.requests(to: Path.interviewers) == 2)
            }
        }
    }

    @Test("a tenant token of the caller's own is sent as given, never fetched nor renewed")
    func callersOwnToken() async throws {
        try await withServer { server in
            let token = try await server.demoToken()
            try await withClient(server) { client in
                let options = RequestOptions.tenantAccessToken(token)
                let applications = try await client.hire.v1.interview.getByTalent(
                    talentID: DemoData.talentID, options: options)
                #expect(applications.count == 1)
                let interviewer = try await client.hire.v1.interviewer.patch(
                    interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified, options: options)
                #expect(interviewer.verifyStatus == .verified)
                #expect(server.requests(to: Path.token) == 1)  // the test's own fetch

                let error = await feishuError {
                    _ = try await client.hire.v1.interviewer.listPage(options: .tenantAccessToken("t-not-a-token"))
                }
                #expect(error?.code == .invalidAccessToken)
                #expect(server.requests(to: Path.token) == 1)
                #expect(server.requests(to: Path.interviewers) == 1)
            }
        }
    }

    @Test("wrong credentials are the token endpoint's API error, not a transport or decoding one")
    func wrongCredentials() async throws {
        try await withServer { server in
            try await withClient(server, appSecret: "wrong-secret-wrong-secret-wrong-") { client in
                let error = await feishuError { _ = try await client.hire.v1.interviewer.listPage() }
                #expect(error?.kind == .api)
                #expect(error?.code == .appCredentialsInvalid)
                #expect(error?.msg == "app secret invalid")
                #expect(error?.httpStatus == 200)
                #expect(error?.endpoint == Endpoint.tenantAccessToken.name)
                #expect(server.requests(to: Path.interviewers) == 0)
            }
            try await withClient(server, appID: "cli_ffffffffffffffff") { client in
                let error = await feishuError { _ = try await client.hire.v1.interviewer.listPage() }
                #expect(error?.code == .appCredentialsInvalid)
                #expect(error?.msg == "app id not exists")
            }
        }
    }

    @Test("a failed fetch is shared by its waiters and not cached: the next call fetches again")
    func failedFetchIsNotCached() async throws {
        let fetches = Mutex(0)
        let tokens = TokenProvider(renewalMargin: .seconds(600), logger: LogCapture().logger(), now: { .now }) {
            () async throws(FeishuError) -> (token: String, expiresIn: Int) in
            let number = fetches.withLock { count in
                count += 1
                return count
            }
            try? await Task.sleep(for: .milliseconds(300))
            guard number > 1 else { throw FeishuError(kind: .transport, msg: "connection refused") }
            return ("t-\(number)", 7200)
        }
        await withTaskGroup(of: FeishuError?.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    do throws(FeishuError) {
                        _ = try await tokens.token()
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            for await error in group { #expect(error?.kind == .transport) }
        }
        #expect(fetches.withLock { $0 } == 1)
        #expect(try await tokens.token() == "t-2")
        #expect(try await tokens.token() == "t-2")
        #expect(fetches.withLock { $0 } == 2)

        await tokens.invalidate("t-1")  // not the cached token: kept
        #expect(try await tokens.token() == "t-2")
        await tokens.invalidate("t-2")
        #expect(try await tokens.token() == "t-3")
    }

    @Test("a token shorter-lived than twice the margin is used for half its life")
    func shortLivedToken() async throws {
        let clock = SDKClock()
        let fetches = Mutex(0)
        let tokens = TokenProvider(renewalMargin: .seconds(600), logger: LogCapture().logger(), now: clock.now) {
            () async throws(FeishuError) -> (token: String, expiresIn: Int) in
            fetches.withLock { $0 += 1 }
            return ("t-short", 300)
        }
        _ = try await tokens.token()
        clock.advance(seconds: 140)
        _ = try await tokens.token()
        #expect(fetches.withLock { $0 } == 1)
        clock.advance(seconds: 20)
        _ = try await tokens.token()
        #expect(fetches.withLock { $0 } == 2)
    }
}
