import FeishuWire
import HireCore
import HireStore
import PostgresNIO

extension PostgresStore {
    package func talentInterviews(
        talentID: String, in view: IdentityView, jobLevelIDType: JobLevelIDType
    ) async throws -> [StoredInterview]? {
        let rows = try await rows(TalentInterviewsStatement(talentID: talentID, view: view, jobLevelIDType: jobLevelIDType))
        guard !rows.isEmpty else { return nil }

        struct Pending {
            var interviewID: String
            var applicationID: String
            var body: String
            var creator: ResolvedUser?
            var contact: ResolvedUser?
            var records: [StoredInterviewRecord] = []

            var interview: StoredInterview {
                StoredInterview(
                    applicationID: applicationID, body: body, creator: creator, contactUser: contact, records: records)
            }
        }
        var interviews: [StoredInterview] = []
        var current: Pending?
        for row in rows {
            let (interviewID, applicationID, body, hasCreator, creatorID, creatorName, hasContact, contactID, contactName)
                = try row.decode(
                    (String?, String?, String?, Bool, String?, String?, Bool, String?, String?).self)
            guard let interviewID, let applicationID, let body else { continue }
            let cells = row.makeRandomAccess()
            let recordBody = try cells[9].decode(String?.self)
            if current?.interviewID != interviewID {
                if let done = current { interviews.append(done.interview) }
                current = Pending(
                    interviewID: interviewID, applicationID: applicationID, body: body,
                    creator: hasCreator ? ResolvedUser(id: creatorID, nameJSON: creatorName) : nil,
                    contact: hasContact ? ResolvedUser(id: contactID, nameJSON: contactName) : nil)
            }
            if let recordBody {
                let hasInterviewer = try cells[10].decode(Bool.self)
                current?.records.append(StoredInterviewRecord(
                    body: recordBody,
                    interviewer: hasInterviewer
                        ? ResolvedUser(id: try cells[11].decode(String?.self), nameJSON: try cells[12].decode(String?.self))
                        : nil,
                    minJobLevelID: try cells[13].decode(String?.self), maxJobLevelID: try cells[14].decode(String?.self)))
            }
        }
        if let done = current { interviews.append(done.interview) }
        return interviews
    }
}

/// Every interview of a talent, with its records and the users and job levels they name.
///
/// One statement (one snapshot): a row per record, or per interview without records;
/// a single row of NULLs for a talent without interviews; none for an unknown talent.
struct TalentInterviewsStatement: HireStatement {
    static let sql = """
        SELECT i.interview_id, i.application_id, i.body,
            c.id IS NOT NULL, \(IdentitySQL.idOf(.creator, type: "$3", namespace: "$4")), c.name,
            k.id IS NOT NULL, \(IdentitySQL.idOf(.contact, type: "$3", namespace: "$4")), k.name,
            r.body, v.id IS NOT NULL, \(IdentitySQL.idOf(.interviewer, type: "$3", namespace: "$4")), v.name,
            CASE WHEN $5::bool THEN min_level.job_level_id ELSE min_level.people_admin_job_level_id END,
            CASE WHEN $5::bool THEN max_level.job_level_id ELSE max_level.people_admin_job_level_id END
        FROM talents t
        LEFT JOIN (applications a JOIN interviews i
                ON i.tenant_key = a.tenant_key AND i.application_id = a.application_id)
            ON a.tenant_key = t.tenant_key AND a.talent_id = t.talent_id
        LEFT JOIN users c ON c.id = i.creator_row
        LEFT JOIN users k ON k.id = i.contact_row
        LEFT JOIN interview_records r ON r.tenant_key = i.tenant_key AND r.interview_id = i.interview_id
        LEFT JOIN users v ON v.id = r.interviewer_row
        LEFT JOIN job_levels min_level
            ON min_level.tenant_key = r.tenant_key AND min_level.job_level_id = r.min_job_level_id
        LEFT JOIN job_levels max_level
            ON max_level.tenant_key = r.tenant_key AND max_level.job_level_id = r.max_job_level_id
        WHERE t.tenant_key = $1::text AND t.talent_id = $2::text
        ORDER BY a.application_id, i.begin_time NULLS FIRST, i.interview_id, r.position
        """

    let talentID: String
    let view: IdentityView
    let jobLevelIDType: JobLevelIDType

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 5)
        bindings.append(view.tenantKey)
        bindings.append(talentID)
        bindings.append(view.type.rawValue)
        bindings.append(view.namespace)
        bindings.append(jobLevelIDType == .jobLevelID)
        return bindings
    }
}
