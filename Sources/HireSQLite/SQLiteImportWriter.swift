import FeishuWire
import Foundation
import GRDB
import HireCore
import HireStore

/// Writes an import's entries inside the import's transaction.
struct SQLiteImportWriter: SyncImportWriter {
    let db: Database

    mutating func markSeen(_ kind: EntityKind, tenantKey: String, id: String) throws -> Bool {
        try db.cachedStatement(sql: "INSERT INTO import_seen (kind, tenant_key, id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
            .execute(arguments: [kind.rawValue, tenantKey, id])
        return db.changesCount == 1
    }

    mutating func exists(_ reference: EntityReference, tenantKey: String) throws -> Bool {
        let place = reference.storage(tenantKey: tenantKey)
        let tenantFilter = place.tenantKey == nil ? "" : "tenant_key = ? AND "
        let statement = try db.cachedStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM \(place.table) WHERE \(tenantFilter)\(place.idColumn) = ?)")
        return try Bool.fetchOne(statement, arguments: StatementArguments(place.tenantKey.map { [$0] } ?? []) + [reference.id])!
    }

    mutating func write(_ entry: DataFileEntry, now: Int64) throws {
        let tenant = entry.tenantKey
        switch entry.entity {
        case .tenant(let entity):
            try db.execute(
                sql: "INSERT INTO tenants (tenant_key, name) VALUES (?, ?) ON CONFLICT (tenant_key) DO UPDATE SET name = excluded.name",
                arguments: [tenant, entity.name])

        case .app(let app):
            let stored = try Row.fetchOne(
                db, sql: "SELECT tenant_key, developer FROM apps WHERE app_id = ?", arguments: [app.appID]
            ).map { (tenantKey: $0[0] as String, developer: $0[1] as String) }
            let needsIDs = try StoreRules.checkApp(app, tenantKey: tenant, stored: stored, at: entry.location)
            try db.execute(
                sql: """
                    INSERT INTO apps (app_id, tenant_key, name, developer, secret_sha256, scopes) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (app_id) DO UPDATE SET name = excluded.name, developer = excluded.developer,
                        secret_sha256 = excluded.secret_sha256, scopes = excluded.scopes
                    """,
                arguments: [app.appID, tenant, app.name, app.developer, app.secretSHA256,
                            app.scopes.map(\.rawValue).joined(separator: " ")])
            if needsIDs {
                try SQLiteIdentity.materialize(db, app: TenantApp(appID: app.appID, developer: app.developer), tenantKey: tenant)
            }

        case .user(let user):
            if let peopleAdminID = user.peopleAdminID,
                let holder = try String.fetchOne(
                    db, sql: "SELECT user_id FROM users WHERE tenant_key = ? AND people_admin_id = ? AND user_id <> ?",
                    arguments: [tenant, peopleAdminID, user.userID])
            {
                throw StoreRules.peopleAdminIDTaken(holder: holder, at: entry.location)
            }
            let row = try Int64.fetchOne(
                db,
                sql: """
                    INSERT INTO users (tenant_key, user_id, name, people_admin_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant_key, user_id) DO UPDATE SET name = excluded.name, people_admin_id = excluded.people_admin_id
                    RETURNING id
                    """,
                arguments: [tenant, user.userID, user.name.map(JSONWriter.write), user.peopleAdminID])!
            do {
                try SQLiteIdentity.materialize(
                    db, userRow: row, tenantKey: tenant, userID: user.userID, openIDs: user.openIDs, unionIDs: user.unionIDs)
            } catch let conflict as ImportConflict {
                throw ImportConflict(conflict.message, at: entry.location)
            }

        case .jobLevel(let level):
            try db.execute(
                sql: """
                    INSERT INTO job_levels (tenant_key, job_level_id, people_admin_job_level_id, name) VALUES (?, ?, ?, ?)
                    ON CONFLICT (tenant_key, job_level_id) DO UPDATE SET
                        people_admin_job_level_id = excluded.people_admin_job_level_id, name = excluded.name
                    """,
                arguments: [tenant, level.jobLevelID, level.peopleAdminJobLevelID, level.name.map(JSONWriter.write)])

        case .talent(let talent):
            try db.execute(
                sql: "INSERT INTO talents (tenant_key, talent_id, name) VALUES (?, ?, ?) ON CONFLICT (tenant_key, talent_id) DO UPDATE SET name = excluded.name",
                arguments: [tenant, talent.talentID, talent.name])

        case .application(let application):
            try db.execute(
                sql: """
                    INSERT INTO applications (tenant_key, application_id, talent_id) VALUES (?, ?, ?)
                    ON CONFLICT (tenant_key, application_id) DO UPDATE SET talent_id = excluded.talent_id
                    """,
                arguments: [tenant, application.applicationID, application.talentID])

        case .interview(let interview):
            try writeInterview(interview, tenant: tenant)

        case .interviewRoundType(let roundType):
            // A new round type goes after the tenant's others; one written again keeps its place.
            try db.execute(
                sql: """
                    INSERT INTO interview_round_types (tenant_key, round_type_id, position, process_type, body)
                    VALUES (?, ?, (SELECT coalesce(max(position), -1) + 1 FROM interview_round_types WHERE tenant_key = ?), ?, ?)
                    ON CONFLICT (tenant_key, round_type_id) DO UPDATE SET
                        process_type = excluded.process_type, body = excluded.body
                    """,
                arguments: [tenant, roundType.id, tenant, roundType.processType?.rawValue, roundType.body])

        case .interviewer(let interviewer):
            let userRow = try Int64.fetchOne(
                db, sql: "SELECT id FROM users WHERE tenant_key = ? AND user_id = ?", arguments: [tenant, interviewer.userID])!
            let current = try Row.fetchOne(
                db, sql: "SELECT verify_status, update_time FROM interviewers WHERE tenant_key = ? AND user_row = ?",
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

    private func userRow(_ tenant: String, _ userID: String?) throws -> Int64? {
        guard let userID else { return nil }
        return try Int64.fetchOne(
            try db.cachedStatement(sql: "SELECT id FROM users WHERE tenant_key = ? AND user_id = ?"),
            arguments: [tenant, userID])
    }

    private func writeInterview(_ interview: InterviewEntity, tenant: String) throws {
        try db.execute(
            sql: """
                INSERT INTO interviews (tenant_key, interview_id, application_id, begin_time, body, creator_row, contact_row)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_key, interview_id) DO UPDATE SET application_id = excluded.application_id,
                    begin_time = excluded.begin_time, body = excluded.body,
                    creator_row = excluded.creator_row, contact_row = excluded.contact_row
                """,
            arguments: [tenant, interview.id, interview.applicationID, interview.beginTime, interview.body,
                        try userRow(tenant, interview.creatorUserID), try userRow(tenant, interview.contactUserID)])
        try db.execute(
            sql: "DELETE FROM interview_records WHERE tenant_key = ? AND interview_id = ?", arguments: [tenant, interview.id])
        let insert = try db.cachedStatement(sql: """
            INSERT INTO interview_records
                (tenant_key, record_id, interview_id, position, body, interviewer_row, min_job_level_id, max_job_level_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (tenant_key, record_id) DO UPDATE SET interview_id = excluded.interview_id,
                position = excluded.position, body = excluded.body, interviewer_row = excluded.interviewer_row,
                min_job_level_id = excluded.min_job_level_id, max_job_level_id = excluded.max_job_level_id
            """)
        for (position, record) in interview.records.enumerated() {
            try insert.execute(arguments: [
                tenant, record.id, interview.id, position, record.body, try userRow(tenant, record.interviewerUserID),
                record.minJobLevelID, record.maxJobLevelID,
            ])
        }
    }
}
