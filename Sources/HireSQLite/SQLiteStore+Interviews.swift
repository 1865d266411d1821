import FeishuWire
import GRDB
import HireCore
import HireStore

extension SQLiteStore {
    package func talentInterviews(
        talentID: String, in view: IdentityView, jobLevelIDType: JobLevelIDType
    ) async throws -> [StoredInterview]? {
        try await read { db in
            let tenant = view.tenantKey
            guard try Bool.fetchOne(
                try db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM talents WHERE tenant_key = ? AND talent_id = ?)"),
                arguments: [tenant, talentID])!
            else { return nil }

            // CROSS JOIN keeps SQLite's planner on the talent's applications, whatever the statistics say.
            let interviews = try SQLiteInterviewRow.fetchAll(
                try db.cachedStatement(sql: """
                    SELECT \(SQLiteHydration.interviewColumns)
                    FROM applications a INDEXED BY applications_by_talent
                    CROSS JOIN interviews i INDEXED BY interviews_by_application ON i.tenant_key = a.tenant_key AND i.application_id = a.application_id
                    WHERE a.tenant_key = ? AND a.talent_id = ?
                    ORDER BY a.application_id, i.begin_time NULLS FIRST, i.interview_id
                    """),
                arguments: [tenant, talentID])
            return try SQLiteHydration(db: db, view: view, jobLevelIDType: jobLevelIDType).interviews(interviews)
        }
    }

    package func interviews(
        matching filter: InterviewFilter, after afterID: String?, limit: Int, in view: IdentityView,
        jobLevelIDType: JobLevelIDType
    ) async throws -> [StoredInterview] {
        let selection = StoreRules.interviewSelection(filter, after: afterID, limit: limit)
        guard !selection.isEmpty else { return [] }
        // Only the conditions given, so that SQLite plans each combination on its own index.
        var conditions = ["i.tenant_key = ?"]
        var arguments: StatementArguments = [view.tenantKey]
        if let interviewID = selection.interviewID {
            conditions.append("i.interview_id = ?")
            arguments += [interviewID]
        }
        if let applicationID = selection.applicationID {
            conditions.append("i.application_id = ?")
            arguments += [applicationID]
        }
        if let window = selection.beginTime {
            conditions.append("i.begin_time BETWEEN ? AND ?")
            arguments += [window.lowerBound, window.upperBound]
        }
        if let afterID = selection.afterID {
            conditions.append("i.interview_id > ?")
            arguments += [afterID]
        }
        arguments += [selection.limit]
        let sql = """
            SELECT \(SQLiteHydration.interviewColumns) FROM interviews i
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY i.interview_id LIMIT ?
            """
        return try await read { [arguments] db in
            let rows = try SQLiteInterviewRow.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments)
            return try SQLiteHydration(db: db, view: view, jobLevelIDType: jobLevelIDType).interviews(rows)
        }
    }

    package func applicationExists(_ applicationID: String, tenantKey: String) async throws -> Bool {
        try await read { db in
            try Bool.fetchOne(
                try db.cachedStatement(sql: """
                    SELECT EXISTS (SELECT 1 FROM applications WHERE tenant_key = ? AND application_id = ?)
                    """),
                arguments: [tenantKey, applicationID])!
        }
    }

    package func interviewRecords(ids: [String]?, after afterID: String?, limit: Int, in view: IdentityView)
        async throws -> [StoredInterviewRecord]
    {
        let tenant = view.tenantKey
        let sql: String
        let arguments: StatementArguments
        switch StoreRules.recordSelection(ids: ids, after: afterID, limit: limit) {
        case .ids(let ids):
            guard !ids.isEmpty else { return [] }
            sql = """
                SELECT \(SQLiteHydration.recordColumns) FROM interview_records r
                WHERE r.tenant_key = ? AND r.record_id IN (SELECT value FROM json_each(?))
                ORDER BY r.record_id
                """
            arguments = [tenant, JSONWriter.write(.array(ids.map(JSONValue.string)))]
        case .page(let after, let limit):
            guard limit > 0 else { return [] }
            sql = """
                SELECT \(SQLiteHydration.recordColumns) FROM interview_records r
                WHERE r.tenant_key = ? AND r.record_id > ?
                ORDER BY r.record_id LIMIT ?
                """
            // Every ID sorts after the empty string.
            arguments = [tenant, after ?? "", limit]
        }
        return try await read { db in
            let rows = try SQLiteRecordRow.fetchAll(try db.cachedStatement(sql: sql), arguments: arguments)
            return try SQLiteHydration(db: db, view: view, jobLevelIDType: .jobLevelID).records(rows)
        }
    }

    package func interviewRoundTypes(tenantKey: String, processType: ProcessType?) async throws -> [String] {
        try await read { db in
            if let processType {
                try String.fetchAll(
                    try db.cachedStatement(sql: """
                        SELECT body FROM interview_round_types WHERE tenant_key = ? AND process_type = ? ORDER BY position
                        """),
                    arguments: [tenantKey, processType.rawValue])
            } else {
                try String.fetchAll(
                    try db.cachedStatement(sql: """
                        SELECT body FROM interview_round_types WHERE tenant_key = ? ORDER BY position
                        """),
                    arguments: [tenantKey])
            }
        }
    }
}

/// The step every interview read ends with: the interviews' records, and the users and job
/// levels they name, resolved in the request's view, inside the read's transaction.
struct SQLiteHydration {
    /// The columns of an interview row (table alias `i`) that ``interviews(_:)`` takes.
    static let interviewColumns = "i.interview_id, i.application_id, i.body, i.creator_row, i.contact_row"
    /// The columns of a record row (table alias `r`) that ``records(_:)`` takes.
    static let recordColumns = "r.record_id, r.body, r.interviewer_row, r.min_job_level_id, r.max_job_level_id, r.interview_id"

    let db: Database
    let view: IdentityView
    let jobLevelIDType: JobLevelIDType

    /// The interviews of rows of ``interviewColumns``, in the rows' order, each with its records in position order.
    func interviews(_ rows: [SQLiteInterviewRow]) throws -> [StoredInterview] {
        guard !rows.isEmpty else { return [] }
        let interviewIDs = rows.map { JSONValue.string($0.id) }
        let recordRows = try SQLiteRecordRow.fetchAll(
            try db.cachedStatement(sql: """
                SELECT \(Self.recordColumns) FROM interview_records r
                WHERE r.tenant_key = ? AND r.interview_id IN (SELECT value FROM json_each(?))
                ORDER BY r.interview_id, r.position
                """),
            arguments: [view.tenantKey, JSONWriter.write(.array(interviewIDs))])
        let userRows = Set(rows.flatMap { [$0.creator, $0.contact] }.compactMap { $0 })
        let references = try References(self, records: recordRows, users: userRows)
        var recordsByInterview: [String: [StoredInterviewRecord]] = [:]
        for row in recordRows {
            recordsByInterview[row.interviewID, default: []].append(references.record(row))
        }
        return rows.map { row in
            StoredInterview(
                id: row.id, applicationID: row.applicationID, body: row.body, creator: references.user(row.creator),
                contactUser: references.user(row.contact), records: recordsByInterview[row.id] ?? [])
        }
    }

    /// The records of rows of ``recordColumns``, in the rows' order.
    func records(_ rows: [SQLiteRecordRow]) throws -> [StoredInterviewRecord] {
        guard !rows.isEmpty else { return [] }
        let references = try References(self, records: rows, users: [])
        return rows.map(references.record)
    }

    /// The users and job levels named by some interviews and records, resolved.
    private struct References {
        let users: [Int64: ResolvedUser]
        let levels: [String: String]

        init(_ hydration: SQLiteHydration, records: [SQLiteRecordRow], users interviewUsers: Set<Int64>) throws {
            let userRows = interviewUsers.union(records.compactMap(\.interviewer))
            users = try SQLiteIdentity.resolve(hydration.db, rows: userRows, in: hydration.view)
            levels = try SQLiteJobLevels.rename(
                hydration.db, tenantKey: hydration.view.tenantKey, ids: records.flatMap { [$0.minJobLevelID, $0.maxJobLevelID] },
                to: hydration.jobLevelIDType)
        }

        func user(_ row: Int64?) -> ResolvedUser? { row.flatMap { users[$0] } }

        func record(_ row: SQLiteRecordRow) -> StoredInterviewRecord {
            StoredInterviewRecord(
                id: row.id, body: row.body, interviewer: user(row.interviewer),
                minJobLevelID: row.minJobLevelID.flatMap { levels[$0] },
                maxJobLevelID: row.maxJobLevelID.flatMap { levels[$0] })
        }
    }
}

/// A row of ``SQLiteHydration/interviewColumns``, read in place from the statement (a fetched
/// `Row` would be copied with its column names first).
struct SQLiteInterviewRow: FetchableRecord {
    let id: String
    let applicationID: String
    let body: [UInt8]
    let creator: Int64?
    let contact: Int64?

    init(row: Row) throws {
        id = row[0]
        applicationID = row[1]
        body = try row.storedJSON(atIndex: 2)
        creator = row[3]
        contact = row[4]
    }
}

/// A row of ``SQLiteHydration/recordColumns``, read in place from the statement.
struct SQLiteRecordRow: FetchableRecord {
    let id: String
    let body: [UInt8]
    let interviewer: Int64?
    let minJobLevelID: String?
    let maxJobLevelID: String?
    let interviewID: String

    init(row: Row) throws {
        id = row[0]
        body = try row.storedJSON(atIndex: 1)
        interviewer = row[2]
        minJobLevelID = row[3]
        maxJobLevelID = row[4]
        interviewID = row[5]
    }
}

extension Row {
    /// A stored JSON body's bytes, copied as they are: the import wrote them as valid UTF-8,
    /// so they need no decoding into a `String` (and its validation) before they are sent.
    func storedJSON(atIndex index: Int) throws -> [UInt8] {
        try withUnsafeData(atIndex: index) { data in data.map { [UInt8]($0) } ?? [] }
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
