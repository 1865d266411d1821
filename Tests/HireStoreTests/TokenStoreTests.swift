import FeishuWire
import Foundation
import HireCore
import HireStore
import HireTestSupport
import Testing

@Suite("Store: apps and tokens")
struct TokenStoreTests {
    let now: Int64 = 1_800_000_000_000
    let lifetime = AccessToken.lifetime * 1000
    let reuse = AccessToken.reuseThreshold * 1000

    func candidate(_ secret: String, at time: Int64) -> NewToken {
        let nonce = AccessToken.newNonce()
        return NewToken(
            hash: AccessToken.hash(AccessToken.mint(secret: secret, nonce: nonce)), nonce: nonce,
            issuedAt: time, expiresAt: time + lifetime)
    }

    func acquire(_ store: any HireStore, at time: Int64, secret: String = Fixtures.acmeSecret) async throws -> (String, TokenRecord) {
        let app = try #require(try await store.app(id: Fixtures.acmeApp))
        let record = try await store.acquireToken(
            appID: app.appID, secretSHA256: app.secretSHA256, candidate: candidate(secret, at: time), now: time,
            reuseThreshold: reuse)
        return (AccessToken.mint(secret: secret, nonce: record.nonce), record)
    }

    @Test(arguments: StoreBackend.available)
    func appsAreFoundWithTheirTenantAndSecretDigest(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let app = try #require(try await store.app(id: Fixtures.acmeApp))
            #expect(app.tenantKey == Fixtures.acmeTenant)
            #expect(SecretDigest.matches(secret: Fixtures.acmeSecret, digestHex: app.secretSHA256))
            #expect(try await store.app(id: "cli_unknown") == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aTokenIsHandedOutAgainWhileItHasThirtyMinutesLeft(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let (first, record) = try await acquire(store, at: now)
            #expect(record.expiresAt == now + lifetime)
            let (again, _) = try await acquire(store, at: now + lifetime - reuse)
            #expect(again == first)
            let (renewed, renewedRecord) = try await acquire(store, at: now + lifetime - reuse + 1)
            #expect(renewed != first)
            #expect(renewedRecord.expiresAt == now + lifetime - reuse + 1 + lifetime)
            // Both stay valid until their own expiry.
            let check = now + lifetime - 1
            #expect(try await store.principal(tokenHash: AccessToken.hash(first), now: check) != nil)
            #expect(try await store.principal(tokenHash: AccessToken.hash(renewed), now: check) != nil)
            #expect(try await store.principal(tokenHash: AccessToken.hash(first), now: now + lifetime) == nil)
        }
    }

    /// The acme fixture with its sync app's scopes or secret changed.
    static func acme(scopes: String? = nil, secret: String? = nil) -> String {
        var document = Fixtures.acme
        if let scopes {
            document = document.replacingOccurrences(
                of: #""scopes": ["hire:interviewer", "hire:interview", "contact:user.employee_id:readonly"]"#,
                with: #""scopes": \#(scopes)"#)
        }
        if let secret { document = document.replacingOccurrences(of: Fixtures.acmeSecret, with: secret) }
        return document
    }

    @Test(arguments: StoreBackend.available)
    func aPrincipalFollowsItsAppsScopesAndSecretAtOnce(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let (token, _) = try await acquire(store, at: now)
            let hash = AccessToken.hash(token)
            #expect(try await store.principal(tokenHash: hash, now: now + 1)?.scopes.count == 3)
            #expect(try await store.principal(tokenHash: hash, now: now + 2)?.scopes.count == 3)
            try await StoreSeeding.importDocument(Self.acme(scopes: #"["hire:interview:readonly"]"#), into: store, now: now)
            #expect(try await store.principal(tokenHash: hash, now: now + 3)?.scopes == [.hireInterviewReadonly])
            try await StoreSeeding.importDocument(Self.acme(secret: "RotatedSecretRotatedSecretRotat01"), into: store, now: now)
            #expect(try await store.principal(tokenHash: hash, now: now + 4) == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func principalsCarryTheAppsTenantDeveloperAndScopes(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let (token, _) = try await acquire(store, at: now)
            let principal = try #require(try await store.principal(tokenHash: AccessToken.hash(token), now: now + 1))
            #expect(principal.tenantKey == Fixtures.acmeTenant)
            #expect(principal.appID == Fixtures.acmeApp)
            #expect(principal.developer == "dev-acme")
            #expect(principal.scopes == [.hireInterviewer, .hireInterview, .contactUserEmployeeIDReadonly])
            #expect(try await store.principal(tokenHash: AccessToken.hash("t-forged"), now: now) == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func rotatingTheSecretRevokesTokensAndStopsReuse(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let (old, _) = try await acquire(store, at: now)
            let rotated = Fixtures.acme.replacingOccurrences(of: Fixtures.acmeSecret, with: "RotatedSecretRotatedSecretRotat01")
            try await StoreSeeding.importDocument(rotated, into: store, now: now)
            #expect(try await store.principal(tokenHash: AccessToken.hash(old), now: now + 1) == nil)
            let (new, _) = try await acquire(store, at: now + 1, secret: "RotatedSecretRotatedSecretRotat01")
            #expect(new != old)
            #expect(try await store.principal(tokenHash: AccessToken.hash(new), now: now + 2) != nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func concurrentRequestsAgreeOnOneToken(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let tokens = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<16 { group.addTask { try await acquire(store, at: now).0 } }
                return try await group.reduce(into: Set<String>()) { $0.insert($1) }
            }
            #expect(tokens.count == 1)
        }
    }

    @Test(arguments: StoreBackend.available)
    func purgingDropsOnlyExpiredTokens(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let (token, _) = try await acquire(store, at: now)
            try await store.purgeExpired(now: now + 10)
            #expect(try await store.principal(tokenHash: AccessToken.hash(token), now: now + 11) != nil)
            try await store.purgeExpired(now: now + lifetime + 1)
            #expect(try await store.principal(tokenHash: AccessToken.hash(token), now: now + 11) == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func thePageTokenKeyIsCreatedOnceAndKept(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let key = try await store.pageTokenKey()
            #expect(key.count == 32)
            #expect(try await store.pageTokenKey() == key)
        }
    }
}
