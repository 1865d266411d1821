import FeishuWire
import HireCore
import HireStore
import HireTestSupport
import Testing

@Suite("Store: snapshots, tenant replacement and the admin API's settings")
struct SnapshotStoreTests {
    let now: Int64 = 1_800_000_000_000

    private func token(_ store: any HireStore, app: String, secret: String) async throws -> String {
        let nonce = AccessToken.newNonce()
        let token = AccessToken.mint(secret: secret, nonce: nonce)
        _ = try await store.acquireToken(
            appID: app, secretSHA256: SecretDigest.hex(of: secret),
            candidate: NewToken(hash: AccessToken.hash(token), nonce: nonce, issuedAt: now, expiresAt: now + 7_200_000),
            now: now, reuseThreshold: 1_800_000)
        return token
    }

    @Test(arguments: StoreBackend.available)
    func restoringATenantUndoesItsChangesAndLeavesTheOthers(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let snapshots = Snapshots(store: store)
            let before = try await StoreSeeding.exportDocument(store)
            let acmeBefore = try await StoreSeeding.exportDocument(store, tenants: [Fixtures.acmeTenant])
            let saved = try await snapshots.save(name: "start", tenantKeys: nil, now: now)
            #expect(saved.tenants == [Fixtures.acmeTenant, Fixtures.globexTenant] && saved.allTenants)
            #expect(saved.bytes > 0)

            _ = try await store.patchInterviewer(externalID: "alice", in: .acme(.userID), verifyStatus: .verified, now: now + 1)
            _ = try await store.patchInterviewer(externalID: "alice", in: .globex(.userID), verifyStatus: .verified, now: now + 1)
            let changed = try await StoreSeeding.exportDocument(store)
            #expect(changed != before)

            let restored = try #require(try await snapshots.restore(name: "start", tenantKey: Fixtures.acmeTenant, now: now + 2))
            #expect(restored.1 == [Fixtures.acmeTenant])
            #expect(try await StoreSeeding.exportDocument(store, tenants: [Fixtures.acmeTenant]) == acmeBefore)
            // Globex keeps its change.
            #expect(try await store.patchInterviewer(externalID: "alice", in: .globex(.userID), verifyStatus: nil, now: now + 3) == .verified)

            _ = try #require(try await snapshots.restore(name: "start", now: now + 4))
            #expect(try await StoreSeeding.exportDocument(store) == before)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aWholeRestoreRemovesTenantsAndAppsCreatedSince(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let snapshots = Snapshots(store: store)
            let before = try await StoreSeeding.exportDocument(store)
            _ = try await snapshots.save(name: "start", tenantKeys: nil, now: now)
            try await StoreSeeding.importDocument(
                #"{"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "initech000000001", "users": [{"user_id": "peter"}]}]}"#,
                into: store)
            try await StoreSeeding.importDocument(
                #"{"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "\#(Fixtures.acmeTenant)", "apps": [{"app_id": "cli_new0000000000001", "app_secret": "NewSecretNewSecretNewSecretNew01", "scopes": ["hire:interviewer"]}]}]}"#,
                into: store)
            let newToken = try await token(store, app: "cli_new0000000000001", secret: "NewSecretNewSecretNewSecretNew01")
            let acmeToken = try await token(store, app: Fixtures.acmeApp, secret: Fixtures.acmeSecret)
            #expect(try await store.tenantKeys().count == 3)

            _ = try #require(try await snapshots.restore(name: "start", now: now))
            #expect(try await store.tenantKeys() == [Fixtures.acmeTenant, Fixtures.globexTenant])
            #expect(try await StoreSeeding.exportDocument(store) == before)
            // Tokens stay valid while their app exists in the restored data, and only then.
            #expect(try await store.principal(tokenHash: AccessToken.hash(acmeToken), now: now) != nil)
            #expect(try await store.principal(tokenHash: AccessToken.hash(newToken), now: now) == nil)
            #expect(try await store.app(id: "cli_new0000000000001") == nil)
        }
    }

    @Test(arguments: StoreBackend.available)
    func aBadSnapshotOrTenantChangesNothing(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let snapshots = Snapshots(store: store)
            #expect(try await snapshots.restore(name: "missing", now: now) == nil)
            await #expect(throws: StoreError.unknownTenant("nobody")) {
                _ = try await snapshots.save(name: "x", tenantKeys: ["nobody"], now: now)
            }
            _ = try await snapshots.save(name: "acme", tenantKeys: [Fixtures.acmeTenant], now: now)
            await #expect(throws: StoreError.unknownTenant("nobody")) {
                _ = try await snapshots.restore(name: "acme", tenantKey: "nobody", now: now)
            }
            // A replacement whose data is broken rolls back, deletions included.
            let before = try await StoreSeeding.exportDocument(store)
            let broken = DataFileSource([.failure(DataFileError(DataLocation(path: .root), "broken"))])
            await #expect(throws: DataFileError.self) {
                _ = try await store.replaceTenants(.all, with: broken, now: now)
            }
            #expect(try await StoreSeeding.exportDocument(store) == before)
        }
    }

    @Test(arguments: StoreBackend.available)
    func snapshotsAreListedReplacedAndDeleted(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let snapshots = Snapshots(store: store)
            _ = try await snapshots.save(name: "b", tenantKeys: [Fixtures.globexTenant], now: now)
            _ = try await snapshots.save(name: "a", tenantKeys: nil, now: now)
            _ = try await snapshots.save(name: "b", tenantKeys: [Fixtures.acmeTenant, Fixtures.acmeTenant], now: now + 1)
            let listed = try await store.snapshots()
            #expect(listed.map(\.name) == ["a", "b"])
            #expect(listed[1].tenants == [Fixtures.acmeTenant] && !listed[1].allTenants && listed[1].createdMS == now + 1)
            let stored = try #require(try await store.snapshot(named: "b"))
            #expect(stored.data.count == stored.info.bytes)
            #expect(try await store.deleteSnapshot(named: "b"))
            #expect(try await !store.deleteSnapshot(named: "b"))
            #expect(try await store.snapshots().map(\.name) == ["a"])
        }
    }

    @Test(arguments: StoreBackend.available)
    func faultsCountTheirTimesAndGoWhenUsedUp(backend: StoreBackend) async throws {
        try await withFixtureStore(backend) { store async throws in
            let controls = store.controls
            let start = try await controls.revision()
            let twice = Fault(id: "f_0000000000000001", operation: "hire.v1.interviewer.list", code: 1_002_001, times: 2, createdMS: now)
            let always = Fault(id: "f_0000000000000002", times: 0, delayMS: 5, createdMS: now)
            _ = try await controls.addFault(twice)
            let added = try await controls.addFault(always)
            #expect(added > start)
            var state = try await controls.load()
            #expect(state.faults.map(\.id) == [twice.id, always.id])
            #expect(state.faults[0].timesLeft == 2 && state.faults[1].timesLeft == nil)
            #expect(try await controls.fire(faultID: twice.id))
            state = try await controls.load()
            #expect(state.faults[0].timesLeft == 1 && state.faults[0].fired == 1)
            #expect(try await controls.fire(faultID: twice.id))
            #expect(try await !controls.fire(faultID: twice.id))
            for _ in 0..<3 { #expect(try await controls.fire(faultID: always.id)) }
            state = try await controls.load()
            #expect(state.faults.map(\.id) == [always.id] && state.faults[0].fired == 3)
            #expect(try await controls.removeFault(id: "f_nope") == nil)
            let cleared = try await controls.removeAllFaults()
            #expect(cleared.count == 1)
            _ = try await controls.setClockOffset(-5_000)
            let epoch = try await controls.load().rateLimitEpoch
            _ = try await controls.bumpRateLimitEpoch()
            state = try await controls.load()
            #expect(state.clockOffsetMS == -5_000 && state.rateLimitEpoch == epoch + 1 && state.faults.isEmpty)
            _ = try await controls.setClockOffset(0)
        }
    }
}
