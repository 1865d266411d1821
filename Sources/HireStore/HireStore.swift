import FeishuWire
import HireCore
import ServiceLifecycle

/// Durable storage of tenants, apps, tokens and hiring data.
///
/// The server's rules live in `HireCore` and the HTTP layer; a store keeps data
/// and answers the access paths of the endpoints, each in one transaction.
/// Implementations: `SQLiteStore` (embedded, the default) and `PostgresStore`
/// (several nodes on one database). Both pass the same test suite.
///
/// All times are milliseconds since 1970.
package protocol HireStore: Sendable {
    // MARK: Apps and tokens

    /// The app with this ID, whatever its tenant.
    func app(id appID: String) async throws -> StoredApp?

    /// The app's current tenant token if it has at least `reuseThreshold` left and
    /// was minted under the secret `secretSHA256`; otherwise `candidate`, now recorded.
    ///
    /// Atomic: concurrent calls, on any node, agree on one current token.
    func acquireToken(appID: String, secretSHA256: String, candidate: NewToken, now: Int64, reuseThreshold: Int64)
        async throws -> TokenRecord

    /// The caller a token hash belongs to, if the token is valid at `now`.
    func principal(tokenHash: String, now: Int64) async throws -> Principal?

    // MARK: Interviewers

    /// Sets (or, for a `nil` status, reads) the verification status of the user
    /// `externalID` in `view`. `nil` if there is no such user there.
    func patchInterviewer(externalID: String, in view: IdentityView, verifyStatus: VerifyStatus?, now: Int64)
        async throws -> VerifyStatus?

    /// One page of the interviewers whose status was set, in the snapshot
    /// `cursor.snapshot` (or the current one for a first page), ordered by update
    /// time then tenant `user_id`, starting after the cursor.
    func listInterviewers(in view: IdentityView, query: InterviewerListQuery, after cursor: InterviewerCursor?)
        async throws -> StoredInterviewerPage

    // MARK: Interviews

    /// Every interview of the talent, ordered by application ID, then begin time
    /// and ID, references resolved in `view` and `jobLevelIDType`. `nil` if the
    /// tenant has no such talent.
    func talentInterviews(talentID: String, in view: IdentityView, jobLevelIDType: JobLevelIDType)
        async throws -> [StoredInterview]?

    /// Up to `limit` of the tenant's interviews that match `filter`, in interview ID order (byte order
    /// of the ID string), starting after the interview `afterID`, each with its records in their
    /// position order; references resolved in `view` and `jobLevelIDType` as for talentInterviews.
    ///
    /// The filter's meaning and the page's bounds are ``StoreRules/interviewSelection(_:after:limit:)``'s.
    func interviews(
        matching filter: InterviewFilter, after afterID: String?, limit: Int, in view: IdentityView,
        jobLevelIDType: JobLevelIDType
    ) async throws -> [StoredInterview]

    /// Whether the tenant has the application.
    func applicationExists(_ applicationID: String, tenantKey: String) async throws -> Bool

    /// Interview records of the tenant, references resolved in `view` (job levels as `job_level_id`):
    /// with `ids`, those of them the tenant has (in record ID order; `afterID` and `limit` ignored);
    /// with `ids == nil`, up to `limit` of all the tenant's records in record ID order after `afterID`.
    ///
    /// Which records: ``StoreRules/recordSelection(ids:after:limit:)``.
    func interviewRecords(ids: [String]?, after afterID: String?, limit: Int, in view: IdentityView)
        async throws -> [StoredInterviewRecord]

    /// The tenant's interview round types, of `processType` or (for `nil`) of every process, in the
    /// order the data file gave them: each as its canonical JSON object text (members as in the data file).
    func interviewRoundTypes(tenantKey: String, processType: ProcessType?) async throws -> [String]

    // MARK: Data files

    /// Imports entries in one transaction: all of them or, on any problem, none.
    /// - Throws: ``DataFileError`` naming the first problems.
    func importEntries(_ source: DataFileSource, now: Int64) async throws -> ImportSummary

    /// Hands every entry of the tenants (all tenants for `nil`) to `sink`, tenant by
    /// tenant in key order, each tenant's in ``DataFileFormat/documentOrder``, from one snapshot.
    /// - Throws: ``StoreError/unknownTenant(_:)`` for a tenant the store does not have.
    func exportEntries(tenantKeys: [String]?, to sink: @escaping @Sendable (DataFileEntry) throws -> Void) async throws

    /// Whether the store holds no tenant at all.
    func isEmpty() async throws -> Bool

    /// The keys of every tenant, sorted.
    func tenantKeys() async throws -> [String]

    // MARK: Snapshots and the admin API

    /// Replaces tenants' data with `source`'s in one transaction, by the rules of
    /// ``TenantReplacement``: a request beside it sees the data before or after, never a mix.
    /// - Throws: ``DataFileError`` (nothing changed).
    func replaceTenants(_ selection: TenantSelection, with source: DataFileSource, now: Int64) async throws -> ImportSummary

    /// Stores a snapshot, replacing one of the same name.
    func saveSnapshot(_ snapshot: StoredSnapshot) async throws
    func snapshot(named name: String) async throws -> StoredSnapshot?
    /// Every snapshot, by name.
    func snapshots() async throws -> [SnapshotInfo]
    /// `false` if there was no such snapshot.
    func deleteSnapshot(named name: String) async throws -> Bool

    /// Where the admin API's clock, faults and rate-limit epoch live.
    var controls: any ControlStore { get }

    // MARK: Lifecycle

    /// What must run while the store is used (PostgreSQL's connection pool), in the caller's
    /// `ServiceGroup` or around a one-shot use (``whileRunning(_:)``). Empty for SQLite.
    var services: StoreServices { get }

    /// Readies the store once its ``services`` run: waits for the database and migrates it.
    /// Call it once, before any other operation.
    func prepare() async throws

    /// The rate limiter of a server on this store and the services it needs running beside
    /// the server: this process's limiter, or on PostgreSQL one shared by every node.
    func makeRateLimiter(policy: RateLimitPolicy, clock: HireClock) async -> StoreRateLimiter

    // MARK: Housekeeping

    /// The key page tokens are sealed with: created once, shared by every node.
    func pageTokenKey() async throws -> [UInt8]

    /// Drops expired tokens and the interviewer history no page token can still read.
    func purgeExpired(now: Int64) async throws

    /// Releases connections. The store is unusable afterwards.
    func close() async throws
}

/// Services a store or its rate limiter needs running (a type of its own, so that a backend
/// without any needs no import of ServiceLifecycle).
package typealias StoreServices = [any Service]

/// A rate limiter and what must run for it (a sync with the other nodes).
package struct StoreRateLimiter: Sendable {
    package let limiter: any RateLimiter
    package let services: StoreServices

    package init(limiter: any RateLimiter, services: StoreServices = []) {
        self.limiter = limiter
        self.services = services
    }
}

extension HireStore {
    /// An embedded store (SQLite, a test double) needs nothing running.
    package var services: StoreServices { [] }

    /// An embedded store is ready once opened.
    package func prepare() async throws {}

    /// This process's limiter: one process serves an embedded store.
    package func makeRateLimiter(policy: RateLimitPolicy, clock: HireClock) async -> StoreRateLimiter {
        StoreRateLimiter(limiter: LocalRateLimiter(policy: policy))
    }

    /// Runs the store's ``services`` around `body`, readying the store first, and stops them
    /// after: for one-shot uses (`hire-server import`, `export`). Does not close the store.
    package func whileRunning<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in services { group.addTask { try await service.run() } }
            defer { group.cancelAll() }
            try await prepare()
            return try await body()
        }
    }
}

/// An app as the token endpoint needs it.
package struct StoredApp: Sendable, Hashable {
    package let appID: String
    package let tenantKey: String
    package let secretSHA256: String

    package init(appID: String, tenantKey: String, secretSHA256: String) {
        self.appID = appID
        self.tenantKey = tenantKey
        self.secretSHA256 = secretSHA256
    }
}

/// A token about to be recorded.
package struct NewToken: Sendable, Hashable {
    package let hash: String
    package let nonce: [UInt8]
    package let issuedAt: Int64
    package let expiresAt: Int64

    package init(hash: String, nonce: [UInt8], issuedAt: Int64, expiresAt: Int64) {
        self.hash = hash
        self.nonce = nonce
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
    }
}

/// The token handed out: its nonce (the token is re-minted from it) and expiry.
package struct TokenRecord: Sendable, Hashable {
    package let nonce: [UInt8]
    package let expiresAt: Int64

    package init(nonce: [UInt8], expiresAt: Int64) {
        self.nonce = nonce
        self.expiresAt = expiresAt
    }
}

/// One interviewer of a list page.
package struct InterviewerRow: Sendable, Hashable {
    /// The ID in the request's view.
    package let externalID: String
    /// The tenant `user_id`, for the cursor.
    package let userID: String
    package let verifyStatus: VerifyStatus
    package let updateTime: Int64

    package init(externalID: String, userID: String, verifyStatus: VerifyStatus, updateTime: Int64) {
        self.externalID = externalID
        self.userID = userID
        self.verifyStatus = verifyStatus
        self.updateTime = updateTime
    }
}

/// A page of interviewers and the snapshot it was read from.
package struct StoredInterviewerPage: Sendable, Hashable {
    package let rows: [InterviewerRow]
    package let snapshot: Int64
    package let hasMore: Bool

    package init(rows: [InterviewerRow], snapshot: Int64, hasMore: Bool) {
        self.rows = rows
        self.snapshot = snapshot
        self.hasMore = hasMore
    }

    /// Where the next page starts, if there is one.
    package var nextCursor: InterviewerCursor? {
        guard hasMore, let last = rows.last else { return nil }
        return InterviewerCursor(snapshot: snapshot, updateTime: last.updateTime, userID: last.userID)
    }
}

/// What an import wrote: entities per kind.
package struct ImportSummary: Sendable, Hashable, CustomStringConvertible {
    package var counts: [EntityKind: Int]

    package init(counts: [EntityKind: Int] = [:]) { self.counts = counts }

    package var description: String {
        let parts = EntityKind.allCases.compactMap { kind in
            counts[kind].map { "\($0) \(kind.displayName)" }
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }
}

/// Errors of a store other than data-file problems.
package enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownTenant(String)
    /// The database was written by a newer version of the server.
    case schemaTooNew(found: String)
    /// A write failed because the disk holding the database is full; it left nothing behind.
    case diskFull(String)

    package var description: String {
        switch self {
        case .unknownTenant(let key): "no tenant \"\(key)\" in the store"
        case .schemaTooNew(let found): "the database was written by a newer hire-server (migration \(found)); upgrade"
        case .diskFull(let detail): "the disk holding the database is full; the write was rolled back (\(detail))"
        }
    }
}
