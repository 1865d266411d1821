import FeishuWire
import Foundation
import HireCore
import HireStore
import Logging
import PostgresNIO

extension PostgresStore {
    /// Imports on one connection and in one transaction, from the first entry to the last.
    /// Imports through any node run one after another (an advisory lock).
    package func importEntries(_ source: DataFileSource, now: Int64) async throws -> ImportSummary {
        try await runImport(source, now: now, replacing: nil)
    }

    package func replaceTenants(_ selection: TenantSelection, with source: DataFileSource, now: Int64) async throws
        -> ImportSummary
    {
        try await runImport(source, now: now, replacing: selection)
    }

    private func runImport(_ source: DataFileSource, now: Int64, replacing: TenantSelection?) async throws -> ImportSummary {
        try await withConnection { [logger] connection in
            try await PostgresImport.run(
                source, on: ImportConnection(connection: connection, logger: logger), now: now, replacing: replacing)
        }
    }
}

/// The connection of an import: every statement's rows, collected.
struct ImportConnection: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    @discardableResult
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.run(query, logger: logger)
    }
}

enum PostgresImport {
    /// - Parameter replacing: the tenants whose data the import replaces (``TenantReplacement``); `nil` for an upsert.
    static func run(
        _ source: DataFileSource, on db: ImportConnection, now: Int64, replacing: TenantSelection? = nil
    ) async throws -> ImportSummary {
        try await db.rows("BEGIN")
        do {
            // An import may wait for another to finish, however long it takes.
            try await db.rows("SET LOCAL lock_timeout = 0")
            try await db.rows(PostgresSchema.Lock.import.acquire)
            try await db.rows(
                """
                CREATE TEMP TABLE import_seen (
                    kind text COLLATE "C", tenant_key text COLLATE "C", id text COLLATE "C",
                    PRIMARY KEY (kind, tenant_key, id)
                ) ON COMMIT DROP
                """)
            var replaced: [String] = []
            if let replacing { replaced = try await clear(replacing, on: db) }
            let observer = TenantReplacement.Observer()
            var writer = PostgresImportWriter(db: db, now: now)
            let summary = try await ImportDriver.run(
                replacing == nil ? source : observer.watching(source), writer: &writer, now: now)
            try await writer.finish()
            if replacing != nil { try await removeUnseen(of: replaced, observer: observer, on: db) }
            try await db.rows("COMMIT")
            return summary
        } catch {
            do {
                try await db.rows("ROLLBACK")
            } catch {
                // Not back to the pool in a transaction.
                try? await db.connection.close()
            }
            throw error
        }
    }
}

extension PostgresImport {
    /// Deletes the tenants' data but their rows, apps and tokens; returns their keys.
    private static func clear(_ selection: TenantSelection, on db: ImportConnection) async throws -> [String] {
        let keys: [String]
        switch selection {
        case .all: keys = try await db.rows("SELECT tenant_key FROM tenants").map { try $0.decode(String.self) }
        case .only(let only): keys = only
        }
        // Requests writing these tenants wait for the replacement, and see the new data.
        try await db.rows("SELECT 1 FROM tenants WHERE tenant_key = ANY(\(keys)) FOR UPDATE")
        for table in TenantReplacement.clearedTables {
            var bindings = PostgresBindings()
            bindings.append(keys)
            try await db.rows(PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE tenant_key = ANY($1)", binds: bindings))
        }
        return keys
    }

    /// Removes the apps and tenants the new data lacks, with the apps' tokens and IDs.
    private static func removeUnseen(
        of keys: [String], observer: TenantReplacement.Observer, on db: ImportConnection
    ) async throws {
        let seenApps = Array(observer.apps)
        let goneApps = try await db.rows(
            "SELECT app_id FROM apps WHERE tenant_key = ANY(\(keys)) AND NOT (app_id = ANY(\(seenApps)))"
        ).map { try $0.decode(String.self) }
        if !goneApps.isEmpty {
            try await db.rows("DELETE FROM access_tokens WHERE app_id = ANY(\(goneApps))")
            try await db.rows(
                "DELETE FROM user_ids WHERE tenant_key = ANY(\(keys)) AND id_type = 'open_id' AND namespace = ANY(\(goneApps))")
            try await db.rows("DELETE FROM apps WHERE app_id = ANY(\(goneApps))")
        }
        try await db.rows(
            """
            DELETE FROM user_ids u WHERE u.tenant_key = ANY(\(keys)) AND u.id_type = 'union_id'
                AND NOT EXISTS (SELECT 1 FROM apps a WHERE a.tenant_key = u.tenant_key AND a.developer = u.namespace)
            """)
        let goneTenants = keys.filter { !observer.tenants.contains($0) }
        if !goneTenants.isEmpty {
            try await db.rows("DELETE FROM tenants WHERE tenant_key = ANY(\(goneTenants))")
        }
    }
}

/// Writes an import's entries inside the import's transaction, with memory bounded
/// whatever the size of the file:
///
/// - The bulk kinds (job levels, talents, applications, interviews with their records,
///   interviewers) are written in batches: a few statements per batch, each column bound as one array.
/// - Duplicates are found through the TEMP table `import_seen`, in front of which a
///   fixed-size Bloom filter answers "never seen" (nearly always) without a round trip;
///   new keys reach the table in batches.
/// - References are checked against a bounded cache of what is known to exist
///   (written or found earlier), falling back to a query.
/// - Tenants, apps and users are written one by one, as they may conflict with stored data;
///   so are interview round types, which are few.
///   They are only updated when they change, so a re-import locks nothing that requests use.
struct PostgresImportWriter: ImportWriter {
    static let batchEntries = 1_000
    static let batchBytes = 4 << 20
    /// The batched kinds, in the order their batches are written: each after what it refers to.
    static let batchOrder: [EntityKind] = [.jobLevel, .talent, .application, .interview, .interviewer]
    static let seenBatch = 2_000

    let db: ImportConnection
    let now: Int64
    private var seenFilter = BloomFilter(bitCount: 1 << 26)
    private var pendingSeen: [EntityKey] = []
    private var pendingSeenSet: Set<EntityKey> = []
    private var known = BoundedSet<EntityKey>(capacity: 50_000)
    private var pending: [EntityKind: [DataFileEntry]] = [:]
    private var pendingCount = 0
    private var pendingBytes = 0
    private var appsByTenant: [String: [TenantApp]] = [:]

    init(db: ImportConnection, now: Int64) {
        self.db = db
        self.now = now
    }

    // MARK: ImportWriter

    mutating func markSeen(_ kind: EntityKind, tenantKey: String, id: String) async throws -> Bool {
        let key = EntityKey(kind: kind, tenantKey: tenantKey, id: id)
        if seenFilter.insertIfAbsent(key) {
            pendingSeen.append(key)
            pendingSeenSet.insert(key)
            if pendingSeen.count >= Self.seenBatch { try await flushSeen() }
            return true
        }
        if pendingSeenSet.contains(key) { return false }
        try await flushSeen()
        let inserted = try await db.rows(
            """
            INSERT INTO import_seen (kind, tenant_key, id) VALUES (\(kind.rawValue), \(tenantKey), \(id))
            ON CONFLICT DO NOTHING RETURNING 1
            """)
        return !inserted.isEmpty
    }

    mutating func exists(_ reference: EntityReference, tenantKey: String) async throws -> Bool {
        let place = reference.storage(tenantKey: tenantKey)
        let key = EntityKey(kind: reference.kind, tenantKey: reference.owningTenant(tenantKey), id: reference.id)
        if known.contains(key) { return true }
        if pending[reference.kind]?.isEmpty == false { try await flushBatches() }
        var bindings = PostgresBindings()
        bindings.append(reference.id)
        if let tenant = place.tenantKey { bindings.append(tenant) }
        let tenantFilter = place.tenantKey == nil ? "" : " AND tenant_key = $2"
        let found = try await db.rows(PostgresQuery(
            unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(place.table) WHERE \(place.idColumn) = $1\(tenantFilter))",
            binds: bindings))[0].decode(Bool.self)
        if found { known.insert(key) }
        return found
    }

    mutating func write(_ entry: DataFileEntry, now: Int64) async throws {
        let tenant = entry.tenantKey
        switch entry.entity {
        // Tenants, apps and users are written at once; what is pending only ever refers to them.
        case .tenant(let entity):
            try await writeTenant(tenant, name: entity.name)
        case .app(let app):
            try await writeApp(app, tenant: tenant, at: entry.location)
        case .user(let user):
            try await writeUser(user, tenant: tenant, at: entry.location)
        case .interviewRoundType(let roundType):
            try await writeRoundType(roundType, tenant: tenant)
        case .jobLevel(let level):
            try await enqueue(entry, bytes: 64 + (level.name.map { JSONWriter.write($0).utf8.count } ?? 0))
        case .talent(let talent):
            try await enqueue(entry, bytes: 64 + (talent.name?.utf8.count ?? 0))
        case .application:
            try await enqueue(entry, bytes: 64)
        case .interview(let interview):
            try await enqueue(entry, bytes: interview.body.utf8.count + interview.records.reduce(64) { $0 + 64 + $1.body.utf8.count })
        case .interviewer:
            try await enqueue(entry, bytes: 64)
        }
        known.insert(EntityKey(kind: entry.kind, tenantKey: tenant, id: entry.id))
    }

    /// Writes what is still pending; the caller commits next.
    mutating func finish() async throws {
        try await flushBatches()
        try await flushSeen()
    }

    // MARK: Entities written one by one

    private mutating func writeTenant(_ tenant: String, name: String?) async throws {
        let inserted = try await db.rows(
            "INSERT INTO tenants (tenant_key, name) VALUES (\(tenant), \(name)) ON CONFLICT (tenant_key) DO NOTHING RETURNING 1")
        if inserted.isEmpty {
            try await db.rows("UPDATE tenants SET name = \(name) WHERE tenant_key = \(tenant) AND name IS DISTINCT FROM \(name)")
        }
    }

    private mutating func writeApp(_ app: AppEntity, tenant: String, at location: DataLocation) async throws {
        let scopes = app.scopes.map(\.rawValue).joined(separator: " ")
        let existing = try await db.rows("SELECT tenant_key, developer FROM apps WHERE app_id = \(app.appID)").first
            .map { try $0.decode((String, String).self) }
        let needsIDs = try StoreRules.checkApp(
            app, tenantKey: tenant, stored: existing.map { (tenantKey: $0.0, developer: $0.1) }, at: location)
        if existing == nil {
            try await db.rows(
                """
                INSERT INTO apps (app_id, tenant_key, name, developer, secret_sha256, scopes)
                VALUES (\(app.appID), \(tenant), \(app.name), \(app.developer), \(app.secretSHA256), \(scopes))
                """)
        } else {
            try await db.rows(
                """
                UPDATE apps SET name = \(app.name), developer = \(app.developer), secret_sha256 = \(app.secretSHA256),
                    scopes = \(scopes)
                WHERE app_id = \(app.appID) AND (name IS DISTINCT FROM \(app.name) OR developer <> \(app.developer)
                    OR secret_sha256 <> \(app.secretSHA256) OR scopes <> \(scopes))
                """)
        }
        appsByTenant[tenant] = nil
        if needsIDs { try await materialize(TenantApp(appID: app.appID, developer: app.developer), tenant: tenant) }
    }

    private mutating func writeUser(_ user: UserEntity, tenant: String, at location: DataLocation) async throws {
        if let peopleAdminID = user.peopleAdminID,
            let holder = try await db.rows(
                """
                SELECT user_id FROM users
                WHERE tenant_key = \(tenant) AND people_admin_id = \(peopleAdminID) AND user_id <> \(user.userID)
                LIMIT 1
                """
            ).first?.decode(String.self)
        {
            throw StoreRules.peopleAdminIDTaken(holder: holder, at: location)
        }
        let name = user.name.map(JSONWriter.write)
        let userRow = try await db.rows(
            """
            WITH inserted AS (
                INSERT INTO users (tenant_key, user_id, name, people_admin_id)
                VALUES (\(tenant), \(user.userID), \(name), \(user.peopleAdminID))
                ON CONFLICT DO NOTHING RETURNING id
            ),
            updated AS (
                UPDATE users SET name = \(name), people_admin_id = \(user.peopleAdminID)
                WHERE tenant_key = \(tenant) AND user_id = \(user.userID)
                    AND (name IS DISTINCT FROM \(name) OR people_admin_id IS DISTINCT FROM \(user.peopleAdminID))
            )
            SELECT id FROM inserted
            UNION ALL
            SELECT id FROM users WHERE tenant_key = \(tenant) AND user_id = \(user.userID)
            """
        )[0].decode(Int64.self)
        do {
            try await materialize(
                userRow: userRow, tenant: tenant, userID: user.userID, openIDs: user.openIDs, unionIDs: user.unionIDs)
        } catch let conflict as ImportConflict {
            throw ImportConflict(conflict.message, at: location)
        }
    }

    /// A new round type goes after the tenant's others; one written again keeps its place.
    private func writeRoundType(_ roundType: InterviewRoundTypeEntity, tenant: String) async throws {
        let processType = roundType.processType.map { Int64($0.rawValue) }
        try await db.rows(
            """
            INSERT INTO interview_round_types (tenant_key, round_type_id, position, process_type, body)
            VALUES (\(tenant), \(roundType.id),
                (SELECT coalesce(max(position), -1) + 1 FROM interview_round_types WHERE tenant_key = \(tenant)),
                \(processType), \(roundType.body))
            ON CONFLICT (tenant_key, round_type_id) DO UPDATE SET
                process_type = excluded.process_type, body = excluded.body
            WHERE interview_round_types.process_type IS DISTINCT FROM excluded.process_type
                OR interview_round_types.body <> excluded.body
            """)
    }

    // MARK: Derived IDs

    private mutating func apps(of tenant: String) async throws -> [TenantApp] {
        if let apps = appsByTenant[tenant] { return apps }
        let apps = try await db.rows("SELECT app_id, developer FROM apps WHERE tenant_key = \(tenant)").map {
            let (appID, developer) = try $0.decode((String, String).self)
            return TenantApp(appID: appID, developer: developer)
        }
        if appsByTenant.count > 1_000 { appsByTenant.removeAll() }
        appsByTenant[tenant] = apps
        return apps
    }

    /// Gives the user every open_id and union_id of the tenant's apps and developers (``IdentityPlan``).
    private mutating func materialize(
        userRow: Int64, tenant: String, userID: String, openIDs: [String: String], unionIDs: [String: String]
    ) async throws {
        try await db.rows("DELETE FROM user_ids WHERE user_row = \(userRow)")
        let apps = try await apps(of: tenant)
        try await insert(
            IdentityPlan.ids(ofUser: userID, row: userRow, tenantKey: tenant, openIDs: openIDs, unionIDs: unionIDs, apps: apps),
            tenant: tenant)
    }

    /// Gives every user of the tenant an ID for a new app (and its developer), unless pinned
    /// already, a few thousand users at a time.
    private mutating func materialize(_ app: TenantApp, tenant: String) async throws {
        var after: Int64 = 0
        while true {
            let users = try await db.rows(
                """
                SELECT u.id, u.user_id,
                    EXISTS (SELECT 1 FROM user_ids WHERE user_row = u.id AND id_type = 'open_id' AND namespace = \(app.appID)),
                    EXISTS (SELECT 1 FROM user_ids WHERE user_row = u.id AND id_type = 'union_id' AND namespace = \(app.developer))
                FROM users u WHERE u.tenant_key = \(tenant) AND u.id > \(after)
                ORDER BY u.id LIMIT 5000
                """)
            guard !users.isEmpty else { return }
            var ids: [PlannedUserID] = []
            for row in users {
                let (userRow, userID, hasOpenID, hasUnionID) = try row.decode((Int64, String, Bool, Bool).self)
                after = userRow
                ids += IdentityPlan.ids(
                    ofUser: userID, row: userRow, tenantKey: tenant, forApp: app, hasOpenID: hasOpenID, hasUnionID: hasUnionID)
            }
            try await insert(ids, tenant: tenant)
        }
    }

    /// Inserts IDs, each only if no user has it; the first one taken is a conflict.
    private func insert(_ ids: [PlannedUserID], tenant: String) async throws {
        guard !ids.isEmpty else { return }
        let inserted = try await db.rows(
            """
            INSERT INTO user_ids (tenant_key, id_type, namespace, external_id, user_row, pinned)
            SELECT \(tenant), x.id_type, x.namespace, x.external_id, x.user_row, x.pinned
            FROM unnest(\(ids.map(\.type.rawValue)), \(ids.map(\.namespace)), \(ids.map(\.externalID)), \(ids.map(\.userRow)),
                    \(ids.map(\.pinned)))
                AS x(id_type, namespace, external_id, user_row, pinned)
            ON CONFLICT DO NOTHING
            RETURNING id_type, namespace, user_row
            """)
        guard inserted.count < ids.count else { return }
        var done = Set<String>()
        for row in inserted {
            let (type, namespace, userRow) = try row.decode((String, String, Int64).self)
            done.insert("\(type)\u{0}\(namespace)\u{0}\(userRow)")
        }
        for id in ids where !done.contains("\(id.type.rawValue)\u{0}\(id.namespace)\u{0}\(id.userRow)") {
            let owner = try await db.rows(
                """
                SELECT u.user_id FROM user_ids x JOIN users u ON u.id = x.user_row
                WHERE x.tenant_key = \(tenant) AND x.id_type = \(id.type.rawValue) AND x.namespace = \(id.namespace)
                    AND x.external_id = \(id.externalID)
                """
            ).first?.decode(String.self)
            throw StoreRules.idTaken(id, owner: owner)
        }
    }

    // MARK: Batches

    private mutating func enqueue(_ entry: DataFileEntry, bytes: Int) async throws {
        pending[entry.kind, default: []].append(entry)
        pendingCount += 1
        pendingBytes += bytes
        if pendingCount >= Self.batchEntries || pendingBytes >= Self.batchBytes { try await flushBatches() }
    }

    /// Writes every pending batch, each kind after the kinds it refers to. Within a batch no
    /// entity appears twice (duplicates never reach `write`), so batching changes no outcome.
    private mutating func flushBatches() async throws {
        guard pendingCount > 0 else { return }
        let batches = pending
        pending.removeAll(keepingCapacity: true)
        pendingCount = 0
        pendingBytes = 0
        for kind in Self.batchOrder {
            guard let entries = batches[kind], !entries.isEmpty else { continue }
            switch kind {
            case .jobLevel: try await writeJobLevels(entries)
            case .talent: try await writeTalents(entries)
            case .application: try await writeApplications(entries)
            case .interview: try await writeInterviews(entries)
            case .interviewer:
                var byTenant: [String: [InterviewerEntity]] = [:]
                var order: [String] = []
                for entry in entries {
                    guard case .interviewer(let interviewer) = entry.entity else { continue }
                    if byTenant[entry.tenantKey] == nil { order.append(entry.tenantKey) }
                    byTenant[entry.tenantKey, default: []].append(interviewer)
                }
                for tenant in order { try await writeInterviewers(byTenant[tenant]!, tenant: tenant) }
            default:
                preconditionFailure("\(kind) is not written in batches")
            }
        }
    }

    private mutating func flushSeen() async throws {
        guard !pendingSeen.isEmpty else { return }
        try await db.rows(
            """
            INSERT INTO import_seen (kind, tenant_key, id)
            SELECT * FROM unnest(\(pendingSeen.map(\.kind.rawValue)), \(pendingSeen.map(\.tenantKey)), \(pendingSeen.map(\.id)))
            ON CONFLICT DO NOTHING
            """)
        // The filter keeps the keys; the table now has them too.
        pendingSeen.removeAll(keepingCapacity: true)
        pendingSeenSet.removeAll(keepingCapacity: true)
    }

    private func writeJobLevels(_ entries: [DataFileEntry]) async throws {
        var tenants = TextArray(), ids = TextArray(), peopleAdminIDs = TextArray(), names = TextArray()
        for entry in entries {
            guard case .jobLevel(let level) = entry.entity else { continue }
            tenants.elements.append(entry.tenantKey)
            ids.elements.append(level.jobLevelID)
            peopleAdminIDs.elements.append(level.peopleAdminJobLevelID)
            names.elements.append(level.name.map(JSONWriter.write))
        }
        try await db.rows(
            """
            INSERT INTO job_levels (tenant_key, job_level_id, people_admin_job_level_id, name)
            SELECT * FROM unnest(\(tenants), \(ids), \(peopleAdminIDs), \(names))
            ON CONFLICT (tenant_key, job_level_id) DO UPDATE SET
                people_admin_job_level_id = excluded.people_admin_job_level_id, name = excluded.name
            """)
    }

    private func writeTalents(_ entries: [DataFileEntry]) async throws {
        var tenants = TextArray(), ids = TextArray(), names = TextArray()
        for entry in entries {
            guard case .talent(let talent) = entry.entity else { continue }
            tenants.elements.append(entry.tenantKey)
            ids.elements.append(talent.talentID)
            names.elements.append(talent.name)
        }
        try await db.rows(
            """
            INSERT INTO talents (tenant_key, talent_id, name)
            SELECT * FROM unnest(\(tenants), \(ids), \(names))
            ON CONFLICT (tenant_key, talent_id) DO UPDATE SET name = excluded.name
            """)
    }

    private func writeApplications(_ entries: [DataFileEntry]) async throws {
        var tenants = TextArray(), ids = TextArray(), talents = TextArray()
        for entry in entries {
            guard case .application(let application) = entry.entity else { continue }
            tenants.elements.append(entry.tenantKey)
            ids.elements.append(application.applicationID)
            talents.elements.append(application.talentID)
        }
        try await db.rows(
            """
            INSERT INTO applications (tenant_key, application_id, talent_id)
            SELECT * FROM unnest(\(tenants), \(ids), \(talents))
            ON CONFLICT (tenant_key, application_id) DO UPDATE SET talent_id = excluded.talent_id
            """)
    }

    private func writeInterviews(_ entries: [DataFileEntry]) async throws {
        var tenants = TextArray(), ids = TextArray(), applications = TextArray(), beginTimes = Int64Array()
        var bodies = TextArray(), creators = TextArray(), contacts = TextArray()
        var recordTenants = TextArray(), recordIDs = TextArray(), recordInterviews = TextArray()
        var positions = Int64Array(), recordBodies = TextArray(), interviewers = TextArray()
        var minLevels = TextArray(), maxLevels = TextArray()
        for entry in entries {
            guard case .interview(let interview) = entry.entity else { continue }
            tenants.elements.append(entry.tenantKey)
            ids.elements.append(interview.id)
            applications.elements.append(interview.applicationID)
            beginTimes.elements.append(interview.beginTime)
            bodies.elements.append(interview.body)
            creators.elements.append(interview.creatorUserID)
            contacts.elements.append(interview.contactUserID)
            for (position, record) in interview.records.enumerated() {
                recordTenants.elements.append(entry.tenantKey)
                recordIDs.elements.append(record.id)
                recordInterviews.elements.append(interview.id)
                positions.elements.append(Int64(position))
                recordBodies.elements.append(record.body)
                interviewers.elements.append(record.interviewerUserID)
                minLevels.elements.append(record.minJobLevelID)
                maxLevels.elements.append(record.maxJobLevelID)
            }
        }
        try await db.rows(
            """
            INSERT INTO interviews (tenant_key, interview_id, application_id, begin_time, body, creator_row, contact_row)
            SELECT x.tenant_key, x.interview_id, x.application_id, x.begin_time, x.body,
                (SELECT id FROM users WHERE tenant_key = x.tenant_key AND user_id = x.creator),
                (SELECT id FROM users WHERE tenant_key = x.tenant_key AND user_id = x.contact)
            FROM unnest(\(tenants), \(ids), \(applications), \(beginTimes), \(bodies), \(creators), \(contacts))
                AS x(tenant_key, interview_id, application_id, begin_time, body, creator, contact)
            ON CONFLICT (tenant_key, interview_id) DO UPDATE SET application_id = excluded.application_id,
                begin_time = excluded.begin_time, body = excluded.body,
                creator_row = excluded.creator_row, contact_row = excluded.contact_row
            """)
        // An interview's records are replaced by the ones given.
        try await db.rows(
            """
            DELETE FROM interview_records r USING unnest(\(tenants), \(ids)) AS x(tenant_key, interview_id)
            WHERE r.tenant_key = x.tenant_key AND r.interview_id = x.interview_id
            """)
        guard !recordIDs.elements.isEmpty else { return }
        try await db.rows(
            """
            INSERT INTO interview_records
                (tenant_key, record_id, interview_id, position, body, interviewer_row, min_job_level_id, max_job_level_id)
            SELECT x.tenant_key, x.record_id, x.interview_id, x.position, x.body,
                (SELECT id FROM users WHERE tenant_key = x.tenant_key AND user_id = x.interviewer),
                x.min_job_level_id, x.max_job_level_id
            FROM unnest(\(recordTenants), \(recordIDs), \(recordInterviews), \(positions), \(recordBodies), \(interviewers),
                    \(minLevels), \(maxLevels))
                AS x(tenant_key, record_id, interview_id, position, body, interviewer, min_job_level_id, max_job_level_id)
            ON CONFLICT (tenant_key, record_id) DO UPDATE SET interview_id = excluded.interview_id,
                position = excluded.position, body = excluded.body, interviewer_row = excluded.interviewer_row,
                min_job_level_id = excluded.min_job_level_id, max_job_level_id = excluded.max_job_level_id
            """)
    }

    /// Sets the statuses that differ from the stored ones (or whose given update time does),
    /// as one new revision of the tenant, keeping the superseded states for open listings.
    /// All of them commit together, so no listing can see a revision between them.
    private func writeInterviewers(_ interviewers: [InterviewerEntity], tenant: String) async throws {
        let users = interviewers.map(\.userID)
        let statuses = interviewers.map { Int64($0.verifyStatus.rawValue) }
        let times = Int64Array(interviewers.map(\.updateTime))
        // Nothing changes on a re-import, and then the tenant is not locked at all.
        let changes = try await db.rows(
            """
            SELECT EXISTS (
                SELECT 1 FROM unnest(\(users), \(statuses), \(times)) AS x(user_id, verify_status, update_time)
                JOIN users u ON u.tenant_key = \(tenant) AND u.user_id = x.user_id
                LEFT JOIN interviewers i ON i.tenant_key = \(tenant) AND i.user_row = u.id
                WHERE i.verify_status IS DISTINCT FROM x.verify_status
                    OR (x.update_time IS NOT NULL AND i.update_time IS DISTINCT FROM x.update_time)
            )
            """)[0].decode(Bool.self)
        guard changes else { return }
        // Lock the tenant's revision first: the next statement then sees every committed PATCH.
        try await db.rows("SELECT revision FROM tenants WHERE tenant_key = \(tenant) FOR UPDATE")
        try await db.rows(
            """
            WITH changed AS (
                SELECT u.id AS user_row, x.user_id, x.verify_status, x.update_time,
                    i.verify_status AS old_status, i.update_time AS old_time, i.revision AS old_revision
                FROM unnest(\(users), \(statuses), \(times)) AS x(user_id, verify_status, update_time)
                JOIN users u ON u.tenant_key = \(tenant) AND u.user_id = x.user_id
                LEFT JOIN interviewers i ON i.tenant_key = \(tenant) AND i.user_row = u.id
                WHERE i.verify_status IS DISTINCT FROM x.verify_status
                    OR (x.update_time IS NOT NULL AND i.update_time IS DISTINCT FROM x.update_time)
            ),
            bump AS (
                UPDATE tenants SET revision = revision + 1
                WHERE tenant_key = \(tenant) AND EXISTS (SELECT 1 FROM changed)
                RETURNING revision
            ),
            history AS (
                INSERT INTO interviewer_history
                    (tenant_key, user_row, user_id, verify_status, update_time, revision, superseded_revision, superseded_at)
                SELECT \(tenant), c.user_row, c.user_id, c.old_status, c.old_time, c.old_revision, b.revision, \(now)
                FROM changed c, bump b WHERE c.old_status IS NOT NULL
            )
            INSERT INTO interviewers (tenant_key, user_row, user_id, verify_status, update_time, revision)
            SELECT \(tenant), c.user_row, c.user_id, c.verify_status, coalesce(c.update_time, greatest(\(now), c.old_time)),
                b.revision
            FROM changed c, bump b
            ON CONFLICT (tenant_key, user_row) DO UPDATE SET
                verify_status = excluded.verify_status, update_time = excluded.update_time, revision = excluded.revision
            """)
    }
}
