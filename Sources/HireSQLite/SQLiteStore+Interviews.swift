import FeishuWire
import GRDB
import HireCore
import HireStore

extension SQLiteStore {
    package func talentInterviews(
        talentID: String, in view: IdentityView, jobLevelIDType: JobLevelIDType
    ) async throws -> [StoredInterview]? {
        try await pool.read { db in
            let tenant = view.tenantKey
            guard try Bool.fetchOne(
                try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM talents WHERE tenant_key = ? AND talent_id = ?)"),
                arguments: [tenant, talentID])!
            else { return nil }

            // CROSS JOIN keeps SQLite's planner on the talent's applications, whatever the statistics say.
            let interviews = try Row.fetchAll(
                try db.cachedStatement(sql: """
                    SELECT i.interview_id, i.application_id, i.body, i.creator_row, i.contact_row
                    FROM applications a INDEXED BY applications_by_talent
                    CROSS JOIN interviews i INDEXED BY interviews_by_application ON i.tenant_key = a.tenant_key AND i.application_id = a.application_id
                    WHERE a.tenant_key = ? AND a.talent_id = ?
                    ORDER BY a.application_id, i.begin_time NULLS FIRST, i.interview_id
                    """),
                arguments: [tenant, talentID])
            guard !interviews.isEmpty else { return [] }

            let interviewIDs = interviews.map { JSONValue.string($0[0]) }
            let records = try Row.fetchAll(
                try db.cachedStatement(sql: """
                    SELECT interview_id, body, interviewer_row, min_job_level_id, max_job_level_id
                    FROM interview_records
                    WHERE tenant_key = ? AND interview_id IN (SELECT value FROM json_each(?))
                    ORDER BY interview_id, position
                    """),
                arguments: [tenant, JSONWriter.write(.array(interviewIDs))])
            let levels = try SQLiteJobLevels.rename(
                db, tenantKey: tenant, ids: records.flatMap { [$0[3], $0[4]] as [String?] }, to: jobLevelIDType)

            var userRows = Set<Int64>()
            for row in interviews {
                if let creator: Int64 = row[3] { userRows.insert(creator) }
                if let contact: Int64 = row[4] { userRows.insert(contact) }
            }
            for row in records {
                if let interviewer: Int64 = row[2] { userRows.insert(interviewer) }
            }
            let users = try SQLiteIdentity.resolve(db, rows: userRows, in: view)
            func user(_ row: Int64?) -> ResolvedUser? { row.flatMap { users[$0] } }

            var recordsByInterview: [String: [StoredInterviewRecord]] = [:]
            for row in records {
                recordsByInterview[row[0], default: []].append(StoredInterviewRecord(
                    body: row[1], interviewer: user(row[2]),
                    minJobLevelID: (row[3] as String?).flatMap { levels[$0] },
                    maxJobLevelID: (row[4] as String?).flatMap { levels[$0] }))
            }
            return interviews.map { row in
                StoredInterview(
                    applicationID: row[1], body: row[2], creator: user(row[3]), contactUser: user(row[4]),
                    records: recordsByInterview[row[0]] ?? [])
            }
        }
    }
}

/// Job level IDs in the type a request asks for.
enum SQLiteJobLevels {
    /// Each of `ids` in `type`; absent when the level has no ID of that type.
    static func rename(_ db: Database, tenantKey: String, ids: [String?], to type: JobLevelIDType) throws -> [String: String] {
        let unique = Set(ids.compactMap { $0 })
        guard type == .peopleAdminJobLevelID else { return Dictionary(uniqueKeysWithValues: unique.map { ($0, $0) }) }
        guard !unique.isEmpty else { return [:] }
        let rows = try Row.fetchAll(
            try db.cachedStatement(sql: """
                SELECT job_level_id, people_admin_job_level_id FROM job_levels
                WHERE tenant_key = ? AND job_level_id IN (SELECT value FROM json_each(?)) AND people_admin_job_level_id IS NOT NULL
                """),
            arguments: [tenantKey, JSONWriter.write(.array(unique.sorted().map(JSONValue.string)))])
        return Dictionary(uniqueKeysWithValues: rows.map { ($0[0], $0[1]) })
    }
}
