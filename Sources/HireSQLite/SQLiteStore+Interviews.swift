import FeishuWire
import GRDB
import HireCore
import HireStore

extension SQLiteStore {
    public func talentInterviews(
        talentID: String, in view: IdentityView, jobLevelIDType: JobLevelIDType
    ) async throws -> [StoredInterview]? {
        try await pool.read { db in
            let tenant = view.tenantKey
            guard try Bool.fetchOne(
                try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM talents WHERE tenant_key = ? AND talent_id = ?)"),
                arguments: [tenant, talentID])!
            else { return nil }

            let interviews = try Row.fetchAll(
                try db.cachedStatement(sql: """
                    SELECT i.interview_id, i.application_id, i.body, i.creator_row, i.contact_row
                    FROM applications a
                    JOIN interviews i ON i.tenant_key = a.tenant_key AND i.application_id = a.application_id
                    WHERE a.tenant_key = ? AND a.talent_id = ?
                    ORDER BY a.application_id, i.begin_time NULLS FIRST, i.interview_id
                    """),
                arguments: [tenant, talentID])
            guard !interviews.isEmpty else { return [] }

            let levelColumn = jobLevelIDType == .jobLevelID ? "id" : "people_admin_job_level_id"
            let records = try Row.fetchAll(
                try db.cachedStatement(sql: """
                    SELECT r.interview_id, r.body, r.interviewer_row, min_level.\(levelColumn), max_level.\(levelColumn)
                    FROM applications a
                    JOIN interviews i ON i.tenant_key = a.tenant_key AND i.application_id = a.application_id
                    JOIN interview_records r ON r.tenant_key = i.tenant_key AND r.interview_id = i.interview_id
                    LEFT JOIN (SELECT job_level_id AS id, people_admin_job_level_id FROM job_levels WHERE tenant_key = ?1) min_level
                        ON min_level.id = r.min_job_level_id
                    LEFT JOIN (SELECT job_level_id AS id, people_admin_job_level_id FROM job_levels WHERE tenant_key = ?1) max_level
                        ON max_level.id = r.max_job_level_id
                    WHERE a.tenant_key = ?1 AND a.talent_id = ?2
                    ORDER BY r.interview_id, r.position
                    """),
                arguments: [tenant, talentID])

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
                    body: row[1], interviewer: user(row[2]), minJobLevelID: row[3], maxJobLevelID: row[4]))
            }
            return interviews.map { row in
                StoredInterview(
                    applicationID: row[1], body: row[2], creator: user(row[3]), contactUser: user(row[4]),
                    records: recordsByInterview[row[0]] ?? [])
            }
        }
    }
}
