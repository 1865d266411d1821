import FeishuWire
import GRDB
import HireCore
import HireStore

extension SQLiteStore {
    package func exportEntries(
        tenantKeys: [String]?, to sink: @escaping @Sendable (DataFileEntry) throws -> Void
    ) async throws {
        try await pool.read { db in
            let known = try String.fetchAll(db, sql: "SELECT tenant_key FROM tenants ORDER BY tenant_key")
            for (index, key) in try StoreRules.exportedTenants(tenantKeys, stored: known).enumerated() {
                var export = TenantExport(tenantKey: key, tenantIndex: index, sink: sink)
                try SQLiteExporter(db: db, tenantKey: key).run(&export)
            }
        }
    }
}

/// Reads one tenant's entities in export order, streaming them to the export.
private struct SQLiteExporter {
    let db: Database
    let tenantKey: String

    func run(_ export: inout TenantExport) throws {
        let name = try String.fetchOne(db, sql: "SELECT name FROM tenants WHERE tenant_key = ?", arguments: [tenantKey])
        try export.emit(.tenant(TenantEntity(tenantKey: tenantKey, name: name)))
        for kind in DataFileFormat.documentOrder {
            try each(kind) { entity in try export.emit(entity) }
        }
    }

    private func each(_ kind: EntityKind, _ body: (DataFileEntry.Entity) throws -> Void) throws {
        switch kind {
        case .app:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT app_id, secret_sha256, name, developer, scopes FROM apps WHERE tenant_key = ? ORDER BY app_id
                """, arguments: [tenantKey])
            while let row = try rows.next() {
                try body(.app(AppEntity(
                    appID: row[0], secretSHA256: row[1], name: row[2], developer: row[3],
                    scopes: (row[4] as String).split(separator: " ").map { Scope(rawValue: String($0)) })))
            }
        case .user:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, user_id, name, people_admin_id FROM users WHERE tenant_key = ? ORDER BY user_id
                """, arguments: [tenantKey])
            let pinned = try db.cachedStatement(sql: """
                SELECT id_type, namespace, external_id FROM user_ids WHERE user_row = ? AND pinned
                """)
            while let row = try rows.next() {
                var user = UserEntity(userID: row[1], name: try StoreRules.storedJSON(row[2]), peopleAdminID: row[3])
                for id in try Row.fetchAll(pinned, arguments: [row[0] as Int64]) {
                    if (id[0] as String) == UserIDType.openID.rawValue { user.openIDs[id[1]] = id[2] } else { user.unionIDs[id[1]] = id[2] }
                }
                try body(.user(user))
            }
        case .jobLevel:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT job_level_id, people_admin_job_level_id, name FROM job_levels WHERE tenant_key = ? ORDER BY job_level_id
                """, arguments: [tenantKey])
            while let row = try rows.next() {
                try body(.jobLevel(JobLevelEntity(jobLevelID: row[0], peopleAdminJobLevelID: row[1], name: try StoreRules.storedJSON(row[2]))))
            }
        case .interviewer:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT user_id, verify_status, update_time FROM interviewers WHERE tenant_key = ? ORDER BY user_id
                """, arguments: [tenantKey])
            while let row = try rows.next() {
                try body(.interviewer(InterviewerEntity(
                    userID: row[0], verifyStatus: VerifyStatus(rawValue: row[1]), updateTime: row[2])))
            }
        case .interviewRoundType:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT round_type_id, process_type, body FROM interview_round_types WHERE tenant_key = ? ORDER BY position
                """, arguments: [tenantKey])
            while let row = try rows.next() {
                try body(.interviewRoundType(InterviewRoundTypeEntity(
                    id: row[0], processType: (row[1] as Int?).map(ProcessType.init(rawValue:)), body: row[2])))
            }
        case .talent:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT talent_id, name FROM talents WHERE tenant_key = ? ORDER BY talent_id
                """, arguments: [tenantKey])
            while let row = try rows.next() { try body(.talent(TalentEntity(talentID: row[0], name: row[1]))) }
        case .application:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT application_id, talent_id FROM applications WHERE tenant_key = ? ORDER BY application_id
                """, arguments: [tenantKey])
            while let row = try rows.next() {
                try body(.application(ApplicationEntity(applicationID: row[0], talentID: row[1])))
            }
        case .interview:
            let rows = try Row.fetchCursor(db, sql: """
                SELECT i.interview_id, i.application_id, i.begin_time, i.body, c.user_id, k.user_id
                FROM interviews i
                LEFT JOIN users c ON c.id = i.creator_row
                LEFT JOIN users k ON k.id = i.contact_row
                WHERE i.tenant_key = ? ORDER BY i.interview_id
                """, arguments: [tenantKey])
            let records = try db.cachedStatement(sql: """
                SELECT r.record_id, r.body, u.user_id, r.min_job_level_id, r.max_job_level_id
                FROM interview_records r LEFT JOIN users u ON u.id = r.interviewer_row
                WHERE r.tenant_key = ? AND r.interview_id = ? ORDER BY r.position
                """)
            while let row = try rows.next() {
                let interviewID: String = row[0]
                let recordEntities = try Row.fetchAll(records, arguments: [tenantKey, interviewID]).map {
                    InterviewRecordEntity(
                        id: $0[0], body: $0[1], interviewerUserID: $0[2], minJobLevelID: $0[3], maxJobLevelID: $0[4])
                }
                try body(.interview(InterviewEntity(
                    id: interviewID, applicationID: row[1], beginTime: row[2], body: row[3],
                    creatorUserID: row[4], contactUserID: row[5], records: recordEntities)))
            }
        case .tenant, .interviewRecord:
            break
        }
    }
}
