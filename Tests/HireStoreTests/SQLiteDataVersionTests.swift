import FeishuWire
import Foundation
import HireCore
import HireSQLite
import HireStore
import HireTestSupport
import Testing

/// What the SQLite store caches (principals) is checked against `PRAGMA data_version`, which
/// every commit changes, also one made by another process on the same file.
@Suite("Store: SQLite's data version")
struct SQLiteDataVersionTests {
    let now: Int64 = 1_800_000_000_000

    /// Two stores on one file, as two processes would have: `body(first, second)`.
    func withTwoStores(_ body: (SQLiteStore, SQLiteStore) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-version-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("hire.sqlite").path
        let first = try SQLiteStore(path: path)
        let second = try SQLiteStore(path: path)
        do {
            try await body(first, second)
        } catch {
            try? await first.close()
            try? await second.close()
            throw error
        }
        try await first.close()
        try await second.close()
    }

    @Test func everyCommitChangesTheVersionReadsDoNot() async throws {
        try await withTwoStores { first, second in
            let start = try #require(try first.dataVersion())
            #expect(try first.dataVersion() == start)
            _ = try await first.isEmpty()
            #expect(try first.dataVersion() == start, "a read changed the version")
            try await StoreSeeding.importDocument(Fixtures.acme, into: first, now: now)
            let afterOwnWrite = try #require(try first.dataVersion())
            #expect(afterOwnWrite != start)
            try await StoreSeeding.importDocument(Fixtures.globex, into: second, now: now)
            #expect(try first.dataVersion() != afterOwnWrite, "a commit of another store went unseen")
        }
    }

    @Test func aTokenRevokedThroughAnotherProcessIsRefusedAtOnce() async throws {
        try await withTwoStores { first, second in
            try await StoreSeeding.importDocument(Fixtures.acme, into: first, now: now)
            let app = try #require(try await first.app(id: Fixtures.acmeApp))
            let nonce = AccessToken.newNonce()
            let token = AccessToken.mint(secret: Fixtures.acmeSecret, nonce: nonce)
            _ = try await first.acquireToken(
                appID: app.appID, secretSHA256: app.secretSHA256,
                candidate: NewToken(hash: AccessToken.hash(token), nonce: nonce, issuedAt: now, expiresAt: now + 7_200_000),
                now: now, reuseThreshold: 1_800_000)
            let hash = AccessToken.hash(token)
            #expect(try await first.principal(tokenHash: hash, now: now + 1) != nil)
            #expect(try await first.principal(tokenHash: hash, now: now + 2) != nil)
            try await StoreSeeding.importDocument(
                TokenStoreTests.acme(secret: "RotatedSecretRotatedSecretRotat01"), into: second, now: now)
            #expect(try await first.principal(tokenHash: hash, now: now + 3) == nil)
        }
    }

    @Test func aStoreInMemoryHasNoVersionAndCachesNothing() async throws {
        let store = try SQLiteStore.inMemory()
        #expect(try store.dataVersion() == nil)
        try await store.close()
    }
}
