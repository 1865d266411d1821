import FeishuWire
import Foundation
import GRDB
import HireCore
import HireStore

/// Writes an import's entries inside the import's transaction, every statement prepared
/// once for the whole import (GRDB's statement cache).
///
/// - Duplicates are found through the TEMP table `import_seen` (``SQLiteSeenKeys``).
/// - References are checked against a bounded cache of what is known to exist (written
///   or found earlier in the import), falling back to a query.
/// - The `users` rows of user IDs are cached the same way, as every interview names users.
struct SQLiteImportWriter: SyncImportWriter {
    static let cacheCapacity = 50_000

    let db: Database
    private var seen: SQLiteSeenKeys
    private var known = BoundedSet<EntityKey>(capacity: cacheCapacity)
    private var userRows = BoundedMap<UserKey, Int64>(capacity: cacheCapacity)

    init(db: Database) {
        self.db = db
        seen = SQLiteSeenKeys(db: db)
    }

    mutating func markSeen(_ kind: EntityKind, tenantKey: String, id: String) throws -> Bool {
        try seen.insert(EntityKey(kind: kind, tenantKey: tenantKey, id: id))
    }

    mutating func exists(_ reference: EntityReference, tenantKey: String) throws -> Bool {
        let key = EntityKey(kind: reference.kind, tenantKey: reference.owningTenant(tenantKey), id: reference.id)
        if known.contains(key) { return true }
        let place = reference.storage(tenantKey: tenantKey)
        let tenantFilter = place.tenantKey == nil ? "" : "tenant_key = ? AND "
        let statement = try db.cachedStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM \(place.table) WHERE \(tenantFilter)\(place.idColumn) = ?)")
        let found = try Bool.fetchOne(statement, arguments: StatementArguments(place.tenantKey.map { [$0] } ?? []) + [reference.id])!
        if found { known.insert(key) }
        return found
    }

    mutating func write(_ entry: DataFileEntry, now: Int64) throws {
        try write(entry.entity, tenant: entry.tenantKey, at: entry.location, now: now)
        known.insert(EntityKey(kind: entry.kind, tenantKey: entry.tenantKey, id: entry.id))
    }

    private mutating func write(_ entity: DataFileEntry.Entity, tenant: String, at location: DataLocation, now: Int64) throws {
        switch entity {
        case .tenant(let entity):
            try execute(
                "INSERT INTO tenants (tenant_key, name) VALUES (?, ?) ON CONFLICT (tenant_key) DO UPDATE SET name = excluded.name",
                [tenant, entity.name])

        case .app(let app):
            let stored = try Row.fetchOne(
                try db.cachedStatement(sql: "SELECT tenant_key, developer FROM apps WHERE app_id = ?"), arguments: [app.appID]
            ).map { (tenantKey: $0[0] as String, developer: $0[1] as String) }
            let needsIDs = try StoreRules.checkApp(app, tenantKey: tenant, stored: stored, at: location)
            try execute(
                """
                INSERT INTO apps (app_id, tenant_key, name, developer, secret_sha256, scopes) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (app_id) DO UPDATE SET name = excluded.name, developer = excluded.developer,
                    secret_sha256 = excluded.secret_sha256, scopes = excluded.scopes
                """,
                [app.appID, tenant, app.name, app.developer, app.secretSHA256, app.scopes.map(\.rawValue).joined(separator: " ")])
            if needsIDs {
                try SQLiteIdentity.materialize(db, app: TenantApp(appID: app.appID, developer: app.developer), tenantKey: tenant)
            }

        case .user(let user):
            try writeUser(user, tenant: tenant, at: location)

        case .jobLevel(let level):
            try execute(
                """
                INSERT INTO job_levels (tenant_key, job_level_id, people_admin_job_level_id, name) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_key, job_level_id) DO UPDATE SET
                    people_admin_job_level_id = excluded.people_admin_job_level_id, name = excluded.name
                """,
                [tenant, level.jobLevelID, level.peopleAdminJobLevelID, level.name.map(JSONWriter.write)])

        case .talent(let talent):
            try execute(
                """
                INSERT INTO talents (tenant_key, talent_id, name) VALUES (?, ?, ?)
                ON CONFLICT (tenant_key, talent_id) DO UPDATE SET name = excluded.name
                """,
                [tenant, talent.talentID, talent.name])

        case .application(let application):
            try execute(
                """
                INSERT INTO applications (tenant_key, application_id, talent_id) VALUES (?, ?, ?)
                ON CONFLICT (tenant_key, application_id) DO UPDATE SET talent_id = excluded.talent_id
                """,
                [tenant, application.applicationID, application.talentID])

        case .interview(let interview):
            try writeInterview(interview, tenant: tenant)

        case .interviewRoundType(let roundType):
            // A new round type goes after the tenant's others; one written again keeps its place.
            try execute(
                """
                INSERT INTO interview_round_types (tenant_key, round_type_id, position, process_type, body)
                VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM interview_round_types WHERE tenant_key = ?), ?, ?)
                ON CONFLICT (tenant_key, round_type_id) DO UPDATE SET
                    process_type = excluded.process_type, body = excluded.body
                """,
                [tenant, roundType.id, tenant, roundType.processType?.rawValue, roundType.body])

        case .interviewer(let interviewer):
            let userRow = try userRow(tenant, interviewer.userID)!
            let current = try Row.fetchOne(
                try db.cachedStatement(
                    sql: "SELECT verify_status, update_time FROM interviewers WHERE tenant_key = ? AND user_row = ?"),
                arguments: [tenant, userRow])
            let unchanged = (current?[0] as Int?) == interviewer.verifyStatus.rawValue
                && (interviewer.updateTime == nil || (current?[1] as Int64?) == interviewer.updateTime)
            if !unchanged {
                try SQLiteInterviewers.set(
                    db, tenantKey: tenant, userRow: userRow, userID: interviewer.userID, status: interviewer.verifyStatus,
                    updateTime: interviewer.updateTime ?? now, now: now)
            }
        }
    }

    private mutating func writeUser(_ user: UserEntity, tenant: String, at location: DataLocation) throws {
        if let peopleAdminID = user.peopleAdminID,
            let holder = try String.fetchOne(
                try db.cachedStatement(
                    sql: "SELECT user_id FROM users WHERE tenant_key = ? AND people_admin_id = ? AND user_id <> ?"),
                arguments: [tenant, peopleAdminID, user.userID])
        {
            throw StoreRules.peopleAdminIDTaken(holder: holder, at: location)
        }
        let row = try Int64.fetchOne(
            try db.cachedStatement(sql: """
                INSERT INTO users (tenant_key, user_id, name, people_admin_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_key, user_id) DO UPDATE SET name = excluded.name, people_admin_id = excluded.people_admin_id
                RETURNING id
                """),
            arguments: [tenant, user.userID, user.name.map(JSONWriter.write), user.peopleAdminID])!
        userRows[UserKey(tenantKey: tenant, userID: user.userID)] = row
        do {
            try SQLiteIdentity.materialize(
                db, userRow: row, tenantKey: tenant, userID: user.userID, openIDs: user.openIDs, unionIDs: user.unionIDs)
        } catch let conflict as ImportConflict {
            throw ImportConflict(conflict.message, at: location)
        }
    }

    private mutating func userRow(_ tenant: String, _ userID: String?) throws -> Int64? {
        guard let userID else { return nil }
        let key = UserKey(tenantKey: tenant, userID: userID)
        if let row = userRows[key] { return row }
        let row = try Int64.fetchOne(
            try db.cachedStatement(sql: "SELECT id FROM users WHERE tenant_key = ? AND user_id = ?"),
            arguments: [tenant, userID])
        if let row { userRows[key] = row }
        return row
    }

    private mutating func writeInterview(_ interview: InterviewEntity, tenant: String) throws {
        try execute(
            """
            INSERT INTO interviews (tenant_key, interview_id, application_id, begin_time, body, creator_row, contact_row)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_key, interview_id) DO UPDATE SET application_id = excluded.application_id,
                begin_time = excluded.begin_time, body = excluded.body,
                creator_row = excluded.creator_row, contact_row = excluded.contact_row
            """,
            [tenant, interview.id, interview.applicationID, interview.beginTime, interview.body,
             try userRow(tenant, interview.creatorUserID), try userRow(tenant, interview.contactUserID)])
        try execute("DELETE FROM interview_records WHERE tenant_key = ? AND interview_id = ?", [tenant, interview.id])
        for (position, record) in interview.records.enumerated() {
            try execute(
                """
                INSERT INTO interview_records
                    (tenant_key, record_id, interview_id, position, body, interviewer_row, min_job_level_id, max_job_level_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_key, record_id) DO UPDATE SET interview_id = excluded.interview_id,
                    position = excluded.position, body = excluded.body, interviewer_row = excluded.interviewer_row,
                    min_job_level_id = excluded.min_job_level_id, max_job_level_id = excluded.max_job_level_id
                """,
                [tenant, record.id, interview.id, position, record.body, try userRow(tenant, record.interviewerUserID),
                 record.minJobLevelID, record.maxJobLevelID])
        }
    }

    /// Runs `sql`, prepared once per import.
    private func execute(_ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

/// A user of a tenant, by user_id.
private struct UserKey: Hashable {
    let tenantKey: String
    let userID: String
}
