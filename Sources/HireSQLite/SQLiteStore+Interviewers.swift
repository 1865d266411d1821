import FeishuWire
import GRDB
import HireCore
import HireStore

extension SQLiteStore {
    package func patchInterviewer(
        externalID: String, in view: IdentityView, verifyStatus: VerifyStatus?, now: Int64
    ) async throws -> VerifyStatus? {
        try await groupedWrite { db in
            guard let userRow = try SQLiteIdentity.userRow(db, externalID: externalID, in: view) else { return nil }
            guard let verifyStatus else {
                let current = try Int.fetchOne(
                    try db.cachedStatement(sql: "SELECT verify_status FROM interviewers WHERE tenant_key = ? AND user_row = ?"),
                    arguments: [view.tenantKey, userRow])
                return current.map(VerifyStatus.init(rawValue:)) ?? .unverified
            }
            let userID = try String.fetchOne(
                try db.cachedStatement(sql: "SELECT user_id FROM users WHERE id = ?"), arguments: [userRow])!
            try SQLiteInterviewers.set(
                db, tenantKey: view.tenantKey, userRow: userRow, userID: userID, status: verifyStatus,
                updateTime: nil, now: now)
            return verifyStatus
        }
    }

    package func listInterviewers(
        in view: IdentityView, query: InterviewerListQuery, after cursor: InterviewerCursor?
    ) async throws -> StoredInterviewerPage {
        try await read { db in
            guard let snapshot = try cursor?.snapshot ?? Int64.fetchOne(
                db, sql: "SELECT revision FROM tenants WHERE tenant_key = ?", arguments: [view.tenantKey])
            else { return StoredInterviewerPage(rows: [], snapshot: 0, hasMore: false) }

            var conditions = ["tenant_key = :tenant", "revision <= :snapshot"]
            var arguments: [String: (any DatabaseValueConvertible)?] = [
                "tenant": view.tenantKey, "snapshot": snapshot, "limit": query.pageSize + 1,
            ]
            if !query.userIDs.isEmpty {
                var rows: [Int64] = []
                for id in query.userIDs {
                    if let row = try SQLiteIdentity.userRow(db, externalID: id, in: view) { rows.append(row) }
                }
                guard !rows.isEmpty else { return StoredInterviewerPage(rows: [], snapshot: snapshot, hasMore: false) }
                conditions.append("user_row IN (SELECT value FROM json_each(:rows))")
                arguments["rows"] = "[" + rows.map(String.init).joined(separator: ",") + "]"
            }
            if let status = query.verifyStatus {
                conditions.append("verify_status = :status")
                arguments["status"] = status.rawValue
            }
            if let earliest = query.earliestUpdateTime {
                conditions.append("update_time >= :earliest")
                arguments["earliest"] = earliest
            }
            if let latest = query.latestUpdateTime {
                conditions.append("update_time <= :latest")
                arguments["latest"] = latest
            }
            if let cursor {
                conditions.append("(update_time, user_id) > (:afterTime, :afterUser)")
                arguments["afterTime"] = cursor.updateTime
                arguments["afterUser"] = cursor.userID
            }
            let filter = conditions.joined(separator: " AND ")
            // The current states not changed since the snapshot, and the states superseded after it.
            let sql = """
                SELECT user_row, user_id, verify_status, update_time FROM interviewers WHERE \(filter)
                UNION ALL
                SELECT user_row, user_id, verify_status, update_time FROM interviewer_history
                WHERE \(filter) AND superseded_revision > :snapshot
                ORDER BY update_time, user_id LIMIT :limit
                """
            // One statement per combination of filters, prepared once.
            let found = try Row.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(arguments))
            let page = found.prefix(query.pageSize)
            let ids = try SQLiteIdentity.resolve(db, rows: Set(page.map { $0[0] as Int64 }), in: view)
            let rows = page.map { row in
                InterviewerRow(
                    externalID: ids[row[0]]?.id ?? "", userID: row[1],
                    verifyStatus: VerifyStatus(rawValue: row[2]), updateTime: row[3])
            }
            return StoredInterviewerPage(rows: rows, snapshot: snapshot, hasMore: found.count > query.pageSize)
        }
    }
}

/// Writing interviewer states, from PATCH and from imports alike.
enum SQLiteInterviewers {
    /// Sets a status as a new revision of the tenant, keeping the superseded state for open listings.
    /// - Parameter updateTime: the time to record; `nil` for now, never earlier than the state it replaces.
    static func set(
        _ db: Database, tenantKey: String, userRow: Int64, userID: String, status: VerifyStatus,
        updateTime: Int64?, now: Int64
    ) throws {
        let revision = try Int64.fetchOne(
            try db.cachedStatement(sql: "UPDATE tenants SET revision = revision + 1 WHERE tenant_key = ? RETURNING revision"),
            arguments: [tenantKey])!
        let previous = try Row.fetchOne(
            try db.cachedStatement(
                sql: "SELECT verify_status, update_time, revision FROM interviewers WHERE tenant_key = ? AND user_row = ?"),
            arguments: [tenantKey, userRow])
        if let previous {
            try db.cachedStatement(
                sql: """
                    INSERT INTO interviewer_history
                        (tenant_key, user_row, user_id, verify_status, update_time, revision, superseded_revision, superseded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """
            ).execute(arguments: [tenantKey, userRow, userID, previous[0], previous[1], previous[2], revision, now])
        }
        let time = updateTime ?? max(now, previous?[1] ?? now)
        try db.cachedStatement(
            sql: """
                INSERT INTO interviewers (tenant_key, user_row, user_id, verify_status, update_time, revision)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_key, user_row) DO UPDATE SET
                    verify_status = excluded.verify_status, update_time = excluded.update_time, revision = excluded.revision
                """
        ).execute(arguments: [tenantKey, userRow, userID, status.rawValue, time, revision])
    }
}
