import FeishuWire
import HireCore
import HireStore
import Logging
import PostgresNIO

extension PostgresStore {
    package func exportEntries(
        tenantKeys: [String]?, to sink: @escaping @Sendable (DataFileEntry) throws -> Void
    ) async throws {
        // One snapshot for the whole export; rows stream from the server as the sink takes them.
        // Never retried: the sink has taken what was read.
        try await transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", retrying: false) { [logger] connection in
            var known: [String] = []
            for try await key in try await connection.query(
                "SELECT tenant_key FROM tenants ORDER BY tenant_key", logger: logger
            ).decode(String.self) {
                known.append(key)
            }
            for (index, key) in try StoreRules.exportedTenants(tenantKeys, stored: known).enumerated() {
                var export = TenantExport(tenantKey: key, tenantIndex: index, sink: sink)
                try await PostgresExporter(connection: connection, logger: logger, tenantKey: key).run(&export)
            }
        }
    }
}

/// Reads one tenant's entities in export order, streaming them to the export.
private struct PostgresExporter {
    let connection: PostgresConnection
    let logger: Logger
    let tenantKey: String

    func run(_ export: inout TenantExport) async throws {
        let name = try await connection.query(
            "SELECT name FROM tenants WHERE tenant_key = \(tenantKey)", logger: logger
        ).collect().first?.decode(String?.self) ?? nil
        try export.emit(.tenant(TenantEntity(tenantKey: tenantKey, name: name)))
        for kind in DataFileFormat.documentOrder {
            try await each(kind) { entity in try export.emit(entity) }
        }
    }

    private func each(_ kind: EntityKind, _ body: (DataFileEntry.Entity) throws -> Void) async throws {
        switch kind {
        case .app:
            let rows = try await connection.query(
                """
                SELECT app_id, secret_sha256, name, developer, scopes FROM apps WHERE tenant_key = \(tenantKey)
                ORDER BY app_id
                """, logger: logger)
            for try await (appID, secret, name, developer, scopes) in rows.decode(
                (String, String, String?, String, String).self)
            {
                try body(.app(AppEntity(
                    appID: appID, secretSHA256: secret, name: name, developer: developer,
                    scopes: scopes.split(separator: " ").map { Scope(rawValue: String($0)) })))
            }
        case .user:
            // Each user with its pinned IDs, one row per ID.
            let rows = try await connection.query(
                """
                SELECT u.user_id, u.name, u.people_admin_id, x.id_type, x.namespace, x.external_id
                FROM users u LEFT JOIN user_ids x ON x.user_row = u.id AND x.pinned
                WHERE u.tenant_key = \(tenantKey)
                ORDER BY u.user_id, x.id_type, x.namespace
                """, logger: logger)
            var current: UserEntity?
            for try await (userID, name, peopleAdminID, idType, namespace, externalID) in rows.decode(
                (String, String?, String?, String?, String?, String?).self)
            {
                if current?.userID != userID {
                    if let done = current { try body(.user(done)) }
                    current = UserEntity(userID: userID, name: try StoreRules.storedJSON(name), peopleAdminID: peopleAdminID)
                }
                if let idType, let namespace, let externalID {
                    if idType == UserIDType.openID.rawValue {
                        current?.openIDs[namespace] = externalID
                    } else {
                        current?.unionIDs[namespace] = externalID
                    }
                }
            }
            if let done = current { try body(.user(done)) }
        case .jobLevel:
            let rows = try await connection.query(
                """
                SELECT job_level_id, people_admin_job_level_id, name FROM job_levels WHERE tenant_key = \(tenantKey)
                ORDER BY job_level_id
                """, logger: logger)
            for try await (id, peopleAdminID, name) in rows.decode((String, String?, String?).self) {
                try body(.jobLevel(JobLevelEntity(jobLevelID: id, peopleAdminJobLevelID: peopleAdminID, name: try StoreRules.storedJSON(name))))
            }
        case .interviewer:
            let rows = try await connection.query(
                """
                SELECT user_id, verify_status, update_time FROM interviewers WHERE tenant_key = \(tenantKey)
                ORDER BY user_id
                """, logger: logger)
            for try await (userID, status, updateTime) in rows.decode((String, Int, Int64).self) {
                try body(.interviewer(InterviewerEntity(
                    userID: userID, verifyStatus: VerifyStatus(rawValue: status), updateTime: updateTime)))
            }
        case .interviewRoundType:
            let rows = try await connection.query(
                """
                SELECT round_type_id, process_type, body FROM interview_round_types WHERE tenant_key = \(tenantKey)
                ORDER BY position
                """, logger: logger)
            for try await (id, processType, roundTypeBody) in rows.decode((String, Int64?, String).self) {
                try body(.interviewRoundType(InterviewRoundTypeEntity(
                    id: id, processType: processType.map { ProcessType(rawValue: Int($0)) }, body: roundTypeBody)))
            }
        case .talent:
            let rows = try await connection.query(
                "SELECT talent_id, name FROM talents WHERE tenant_key = \(tenantKey) ORDER BY talent_id", logger: logger)
            for try await (id, name) in rows.decode((String, String?).self) {
                try body(.talent(TalentEntity(talentID: id, name: name)))
            }
        case .application:
            let rows = try await connection.query(
                """
                SELECT application_id, talent_id FROM applications WHERE tenant_key = \(tenantKey)
                ORDER BY application_id
                """, logger: logger)
            for try await (id, talentID) in rows.decode((String, String).self) {
                try body(.application(ApplicationEntity(applicationID: id, talentID: talentID)))
            }
        case .interview:
            // Each interview with its records, one row per record.
            let rows = try await connection.query(
                """
                SELECT i.interview_id, i.application_id, i.begin_time, i.body, c.user_id, k.user_id,
                    r.record_id, r.body, v.user_id, r.min_job_level_id, r.max_job_level_id
                FROM interviews i
                LEFT JOIN users c ON c.id = i.creator_row
                LEFT JOIN users k ON k.id = i.contact_row
                LEFT JOIN interview_records r ON r.tenant_key = i.tenant_key AND r.interview_id = i.interview_id
                LEFT JOIN users v ON v.id = r.interviewer_row
                WHERE i.tenant_key = \(tenantKey)
                ORDER BY i.interview_id, r.position
                """, logger: logger)
            var current: InterviewEntity?
            for try await row in rows {
                let (id, applicationID, beginTime, interviewBody, creator, contact, recordID, recordBody, interviewer,
                     minLevel, maxLevel) = try row.decode(
                        (String, String, Int64?, String, String?, String?, String?, String?, String?, String?, String?).self)
                if current?.id != id {
                    if let done = current { try body(.interview(done)) }
                    current = InterviewEntity(
                        id: id, applicationID: applicationID, beginTime: beginTime, body: interviewBody,
                        creatorUserID: creator, contactUserID: contact, records: [])
                }
                if let recordID, let recordBody {
                    current?.records.append(InterviewRecordEntity(
                        id: recordID, body: recordBody, interviewerUserID: interviewer, minJobLevelID: minLevel,
                        maxJobLevelID: maxLevel))
                }
            }
            if let done = current { try body(.interview(done)) }
        case .tenant, .interviewRecord:
            break
        }
    }
}
