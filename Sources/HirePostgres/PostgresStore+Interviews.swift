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
        return try InterviewHydration.interviews(rows)
    }

    package func interviews(
        matching filter: InterviewFilter, after afterID: String?, limit: Int, in view: IdentityView,
        jobLevelIDType: JobLevelIDType
    ) async throws -> [StoredInterview] {
        let selection = StoreRules.interviewSelection(filter, after: afterID, limit: limit)
        guard !selection.isEmpty else { return [] }
        return try InterviewHydration.interviews(
            try await rows(InterviewPageStatement(selection: selection, view: view, jobLevelIDType: jobLevelIDType)))
    }

    package func applicationExists(_ applicationID: String, tenantKey: String) async throws -> Bool {
        try await rows(ApplicationExistsStatement(tenantKey: tenantKey, applicationID: applicationID))[0].decode(Bool.self)
    }

    package func interviewRecords(ids: [String]?, after afterID: String?, limit: Int, in view: IdentityView)
        async throws -> [StoredInterviewRecord]
    {
        switch StoreRules.recordSelection(ids: ids, after: afterID, limit: limit) {
        case .ids(let ids):
            guard !ids.isEmpty else { return [] }
            return try InterviewHydration.records(try await rows(RecordsByIDStatement(ids: ids, view: view)))
        case .page(let after, let limit):
            guard limit > 0 else { return [] }
            return try InterviewHydration.records(try await rows(RecordPageStatement(after: after, limit: limit, view: view)))
        }
    }

    package func interviewRoundTypes(tenantKey: String, processType: ProcessType?) async throws -> [String] {
        try await rows(RoundTypesStatement(tenantKey: tenantKey, processType: processType)).map { try $0.decode(String.self) }
    }
}

/// The step every interview read ends with, in the read's one statement (one snapshot): the
/// interviews a selection picks, with their records, and the users and job levels they name
/// resolved in the request's view.
///
/// Every statement built here binds `$1` the tenant, `$2` the ID type, `$3` its namespace and
/// `$4` whether job levels are wanted as `job_level_id`s (``bindings(_:_:)``); a selection's own
/// parameters follow from `$5`.
enum InterviewHydration {
    /// A statement reading the interviews `selection` picks: a query of interview rows with the
    /// columns `interview_id, application_id, body, creator_row, contact_row` (and any that `order`
    /// names, as `p.…`). One row per record, or per interview without records; an interview's
    /// records in position order.
    static func interviewsSQL(selection: String, order: String) -> String {
        """
        WITH picked AS (\(selection))
        SELECT p.interview_id, p.application_id, p.body,
            c.id IS NOT NULL, \(IdentitySQL.idOf(.creator, type: "$2", namespace: "$3")), c.name,
            k.id IS NOT NULL, \(IdentitySQL.idOf(.contact, type: "$2", namespace: "$3")), k.name,
            \(recordColumns)
        FROM picked p
        LEFT JOIN users c ON c.id = p.creator_row
        LEFT JOIN users k ON k.id = p.contact_row
        LEFT JOIN interview_records r ON r.tenant_key = $1::text AND r.interview_id = p.interview_id
        \(recordJoins)
        ORDER BY \(order), r.position
        """
    }

    /// A statement reading the records `selection` picks: a query of record rows with the columns
    /// `record_id, body, interviewer_row, min_job_level_id, max_job_level_id` (and any that `order`
    /// names, as `r.…`).
    static func recordsSQL(selection: String, order: String) -> String {
        """
        WITH picked AS (\(selection))
        SELECT \(recordColumns)
        FROM picked r
        \(recordJoins)
        ORDER BY \(order)
        """
    }

    /// A record's columns, from the record `r`, its interviewer `v` and its levels.
    private static let recordColumns = """
        r.record_id, r.body, v.id IS NOT NULL, \(IdentitySQL.idOf(.interviewer, type: "$2", namespace: "$3")), v.name,
            CASE WHEN $4::bool THEN r.min_job_level_id ELSE min_level.people_admin_job_level_id END,
            CASE WHEN $4::bool THEN r.max_job_level_id ELSE max_level.people_admin_job_level_id END
        """

    private static let recordJoins = """
        LEFT JOIN users v ON v.id = r.interviewer_row
        LEFT JOIN job_levels min_level ON min_level.tenant_key = $1::text AND min_level.job_level_id = r.min_job_level_id
        LEFT JOIN job_levels max_level ON max_level.tenant_key = $1::text AND max_level.job_level_id = r.max_job_level_id
        """

    /// The first parameters of every statement built here.
    static func bindings(_ view: IdentityView, _ jobLevelIDType: JobLevelIDType, capacity: Int) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: capacity)
        bindings.append(view.tenantKey)
        bindings.append(view.type.rawValue)
        bindings.append(view.namespace)
        bindings.append(jobLevelIDType == .jobLevelID)
        return bindings
    }

    /// The interviews of an ``interviewsSQL(selection:order:)`` statement's rows, in their order
    /// (rows whose interview is NULL are skipped).
    static func interviews(_ rows: [PostgresRow]) throws -> [StoredInterview] {
        struct Pending {
            var id: String
            var applicationID: String
            var body: [UInt8]
            var creator: ResolvedUser?
            var contact: ResolvedUser?
            var records: [StoredInterviewRecord] = []

            var interview: StoredInterview {
                StoredInterview(
                    id: id, applicationID: applicationID, body: body, creator: creator, contactUser: contact,
                    records: records)
            }
        }
        var interviews: [StoredInterview] = []
        var current: Pending?
        for row in rows {
            let (interviewID, applicationID, body, hasCreator, creatorID, creatorName, hasContact, contactID, contactName)
                = try row.decode(
                    (String?, String?, String?, Bool, String?, String?, Bool, String?, String?).self)
            guard let interviewID, let applicationID, let body else { continue }
            if current?.id != interviewID {
                if let done = current { interviews.append(done.interview) }
                current = Pending(
                    id: interviewID, applicationID: applicationID, body: Array(body.utf8),
                    creator: hasCreator ? ResolvedUser(id: creatorID, nameJSON: creatorName) : nil,
                    contact: hasContact ? ResolvedUser(id: contactID, nameJSON: contactName) : nil)
            }
            if let record = try record(row.makeRandomAccess(), at: 9) { current?.records.append(record) }
        }
        if let done = current { interviews.append(done.interview) }
        return interviews
    }

    /// The records of a ``recordsSQL(selection:order:)`` statement's rows, in their order.
    static func records(_ rows: [PostgresRow]) throws -> [StoredInterviewRecord] {
        try rows.compactMap { try record($0.makeRandomAccess(), at: 0) }
    }

    /// The record whose columns start at `offset`; `nil` where there is none (an interview without records).
    private static func record(_ cells: PostgresRandomAccessRow, at offset: Int) throws -> StoredInterviewRecord? {
        guard let id = try cells[offset].decode(String?.self), let body = try cells[offset + 1].decode(String?.self) else {
            return nil
        }
        let hasInterviewer = try cells[offset + 2].decode(Bool.self)
        return StoredInterviewRecord(
            id: id, body: Array(body.utf8),
            interviewer: hasInterviewer
                ? ResolvedUser(
                    id: try cells[offset + 3].decode(String?.self), nameJSON: try cells[offset + 4].decode(String?.self))
                : nil,
            minJobLevelID: try cells[offset + 5].decode(String?.self),
            maxJobLevelID: try cells[offset + 6].decode(String?.self))
    }
}

/// Every interview of a talent, by application, then begin time and ID.
///
/// A single row of NULLs for a talent without interviews; none for an unknown talent.
struct TalentInterviewsStatement: HireStatement {
    static let sql = InterviewHydration.interviewsSQL(
        selection: """
            SELECT i.interview_id, i.application_id, i.body, i.creator_row, i.contact_row, i.begin_time
            FROM talents t
            LEFT JOIN (applications a JOIN interviews i
                    ON i.tenant_key = a.tenant_key AND i.application_id = a.application_id)
                ON a.tenant_key = t.tenant_key AND a.talent_id = t.talent_id
            WHERE t.tenant_key = $1::text AND t.talent_id = $5::text
            """,
        order: "p.application_id, p.begin_time NULLS FIRST, p.interview_id")

    let talentID: String
    let view: IdentityView
    let jobLevelIDType: JobLevelIDType

    func makeBindings() -> PostgresBindings {
        var bindings = InterviewHydration.bindings(view, jobLevelIDType, capacity: 5)
        bindings.append(talentID)
        return bindings
    }
}

/// A page of the interviews an ``InterviewSelection`` picks, in ID order.
///
/// One branch per way of finding them (by ID, by application, by begin time, all), each gated on
/// its parameters, so that a prepared plan runs only the branch whose gate holds, on its index.
struct InterviewPageStatement: HireStatement {
    static let sql = InterviewHydration.interviewsSQL(
        selection: """
            (SELECT \(columns) FROM interviews i
            WHERE $5::text IS NOT NULL AND i.tenant_key = $1::text AND i.interview_id = $5::text AND \(conditions))
            UNION ALL
            (SELECT \(columns) FROM interviews i
            WHERE $5::text IS NULL AND $6::text IS NOT NULL AND i.tenant_key = $1::text AND \(conditions)
            ORDER BY i.interview_id LIMIT $10::int8)
            UNION ALL
            (SELECT \(columns) FROM interviews i
            WHERE $5::text IS NULL AND $6::text IS NULL AND $7::int8 IS NOT NULL AND i.tenant_key = $1::text
                AND \(conditions)
            ORDER BY i.interview_id LIMIT $10::int8)
            UNION ALL
            (SELECT \(columns) FROM interviews i
            WHERE $5::text IS NULL AND $6::text IS NULL AND $7::int8 IS NULL AND i.tenant_key = $1::text
                AND \(conditions)
            ORDER BY i.interview_id LIMIT $10::int8)
            ORDER BY interview_id LIMIT $10::int8
            """,
        order: "p.interview_id")

    private static let columns = "i.interview_id, i.application_id, i.body, i.creator_row, i.contact_row"
    /// Every condition of the selection; IDs sort after the empty string, the cursor's stand-in for none.
    private static let conditions = """
        ($6::text IS NULL OR i.application_id = $6::text)
            AND ($7::int8 IS NULL OR i.begin_time BETWEEN $7::int8 AND $8::int8)
            AND i.interview_id > $9::text
        """

    let selection: InterviewSelection
    let view: IdentityView
    let jobLevelIDType: JobLevelIDType

    func makeBindings() -> PostgresBindings {
        var bindings = InterviewHydration.bindings(view, jobLevelIDType, capacity: 10)
        bindings.append(selection.interviewID)
        bindings.append(selection.applicationID)
        bindings.append(selection.beginTime?.lowerBound)
        bindings.append(selection.beginTime?.upperBound)
        bindings.append(selection.afterID ?? "")
        bindings.append(Int64(selection.limit))
        return bindings
    }
}

/// The records of the tenant among some IDs, in ID order.
struct RecordsByIDStatement: HireStatement {
    static let sql = InterviewHydration.recordsSQL(
        selection: """
            SELECT record_id, body, interviewer_row, min_job_level_id, max_job_level_id FROM interview_records
            WHERE tenant_key = $1::text AND record_id = ANY($5::text[])
            """,
        order: "r.record_id")

    let ids: [String]
    let view: IdentityView

    func makeBindings() -> PostgresBindings {
        var bindings = InterviewHydration.bindings(view, .jobLevelID, capacity: 5)
        bindings.append(ids)
        return bindings
    }
}

/// A page of the tenant's records in ID order.
struct RecordPageStatement: HireStatement {
    static let sql = InterviewHydration.recordsSQL(
        selection: """
            SELECT record_id, body, interviewer_row, min_job_level_id, max_job_level_id FROM interview_records
            WHERE tenant_key = $1::text AND record_id > $5::text
            ORDER BY record_id LIMIT $6::int8
            """,
        order: "r.record_id")

    let after: String?
    let limit: Int
    let view: IdentityView

    func makeBindings() -> PostgresBindings {
        var bindings = InterviewHydration.bindings(view, .jobLevelID, capacity: 6)
        // IDs sort after the empty string.
        bindings.append(after ?? "")
        bindings.append(Int64(limit))
        return bindings
    }
}

struct ApplicationExistsStatement: HireStatement {
    static let sql = """
        SELECT EXISTS (SELECT 1 FROM applications WHERE tenant_key = $1::text AND application_id = $2::text)
        """

    let tenantKey: String
    let applicationID: String

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(tenantKey)
        bindings.append(applicationID)
        return bindings
    }
}

/// The tenant's round types of a process (every process for NULL), in the order given.
struct RoundTypesStatement: HireStatement {
    static let sql = """
        SELECT body FROM interview_round_types
        WHERE tenant_key = $1::text AND ($2::int8 IS NULL OR process_type = $2::int8)
        ORDER BY position
        """

    let tenantKey: String
    let processType: ProcessType?

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(tenantKey)
        bindings.append(processType.map { Int64($0.rawValue) })
        return bindings
    }
}
