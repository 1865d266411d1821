import FeishuWire
import HireCore
import HireStore
import Logging
import PostgresNIO

extension PostgresStore {
    public func patchInterviewer(
        externalID: String, in view: IdentityView, verifyStatus: VerifyStatus?, now: Int64
    ) async throws -> VerifyStatus? {
        guard let verifyStatus else {
            let rows = try await rows(
                """
                SELECT i.verify_status FROM (\(userOf: externalID, in: view)) t
                LEFT JOIN interviewers i ON i.tenant_key = \(view.tenantKey) AND i.user_row = t.id
                """)
            return try rows.first.map { row in
                try row.decode(Int?.self).map(VerifyStatus.init(rawValue:)) ?? .unverified
            }
        }
        return try await transaction { [logger] connection in
            // Bumping the tenant's revision locks its row until commit: interviewer writes of a
            // tenant run one after another on every node, and revisions follow commit order.
            let target = try await connection.run(
                """
                WITH target AS (\(userOf: externalID, in: view))
                UPDATE tenants SET revision = revision + 1 FROM target
                WHERE tenants.tenant_key = \(view.tenantKey)
                RETURNING tenants.revision, target.id, target.user_id
                """, logger: logger
            )
            guard let row = target.first else { return nil }
            let (revision, userRow, userID) = try row.decode((Int64, Int64, String).self)
            try await PostgresInterviewers.set(
                connection, logger: logger, tenantKey: view.tenantKey, userRow: userRow, userID: userID,
                status: verifyStatus, updateTime: nil, revision: revision, now: now)
            return verifyStatus
        }
    }

    public func listInterviewers(
        in view: IdentityView, query: InterviewerListQuery, after cursor: InterviewerCursor?
    ) async throws -> StoredInterviewerPage {
        let tenant = view.tenantKey
        let filterUsers = !query.userIDs.isEmpty
        let status = query.verifyStatus.map(\.rawValue)
        // One statement, so one snapshot of both tables: the current states not changed since
        // the listing's revision, and the states superseded after it.
        let rows = try await rows(
            """
            WITH snap AS (
                SELECT coalesce(\(cursor?.snapshot)::int8, (SELECT revision FROM tenants WHERE tenant_key = \(tenant))) AS revision
            ),
            wanted AS (\(usersOf: query.userIDs, in: view)),
            states AS (
                SELECT s.user_row, s.user_id, s.verify_status, s.update_time FROM interviewers s, snap
                WHERE s.tenant_key = \(tenant) AND s.revision <= snap.revision
                UNION ALL
                SELECT h.user_row, h.user_id, h.verify_status, h.update_time FROM interviewer_history h, snap
                WHERE h.tenant_key = \(tenant) AND h.revision <= snap.revision AND h.superseded_revision > snap.revision
            ),
            page AS (
                SELECT * FROM states
                WHERE (NOT \(filterUsers) OR user_row IN (SELECT id FROM wanted))
                    AND (\(status)::int4 IS NULL OR verify_status = \(status))
                    AND (\(query.earliestUpdateTime)::int8 IS NULL OR update_time >= \(query.earliestUpdateTime))
                    AND (\(query.latestUpdateTime)::int8 IS NULL OR update_time <= \(query.latestUpdateTime))
                    AND (\(cursor?.updateTime)::int8 IS NULL
                        OR (update_time, user_id) > (\(cursor?.updateTime), \(cursor?.userID)::text))
                ORDER BY update_time, user_id
                LIMIT \(query.pageSize + 1)
            )
            SELECT snap.revision, p.user_id, p.verify_status, p.update_time, \(idOf: .user, in: view)
            FROM snap
            LEFT JOIN (page p JOIN users u ON u.id = p.user_row) ON true
            ORDER BY p.update_time, p.user_id
            """)
        var snapshot: Int64?
        var found: [InterviewerRow] = []
        for row in rows {
            let (revision, userID, status, updateTime, externalID) = try row.decode(
                (Int64?, String?, Int?, Int64?, String?).self)
            snapshot = revision
            guard let userID, let status, let updateTime else { continue }
            found.append(InterviewerRow(
                externalID: externalID ?? "", userID: userID, verifyStatus: VerifyStatus(rawValue: status),
                updateTime: updateTime))
        }
        guard let snapshot else { return StoredInterviewerPage(rows: [], snapshot: 0, hasMore: false) }
        return StoredInterviewerPage(
            rows: Array(found.prefix(query.pageSize)), snapshot: snapshot, hasMore: found.count > query.pageSize)
    }
}

/// Writing interviewer states, from PATCH and from imports alike.
enum PostgresInterviewers {
    /// Sets a status at `revision` (the tenant's, just bumped in this transaction, which holds
    /// the tenant's row lock), keeping the superseded state for open listings.
    /// - Parameter updateTime: the time to record; `nil` for now, never earlier than the state it replaces.
    static func set(
        _ connection: PostgresConnection, logger: Logger, tenantKey: String, userRow: Int64, userID: String,
        status: VerifyStatus, updateTime: Int64?, revision: Int64, now: Int64
    ) async throws {
        // A statement of its own, after the lock: its snapshot holds every earlier write.
        try await connection.run(
            """
            WITH previous AS (
                SELECT verify_status, update_time, revision FROM interviewers
                WHERE tenant_key = \(tenantKey) AND user_row = \(userRow)
            ),
            history AS (
                INSERT INTO interviewer_history
                    (tenant_key, user_row, user_id, verify_status, update_time, revision, superseded_revision, superseded_at)
                SELECT \(tenantKey), \(userRow), \(userID), verify_status, update_time, revision, \(revision), \(now)
                FROM previous
            )
            INSERT INTO interviewers (tenant_key, user_row, user_id, verify_status, update_time, revision)
            VALUES (\(tenantKey), \(userRow), \(userID), \(status.rawValue),
                coalesce(\(updateTime)::int8, greatest(\(now), (SELECT update_time FROM previous))), \(revision))
            ON CONFLICT (tenant_key, user_row) DO UPDATE SET
                verify_status = excluded.verify_status, update_time = excluded.update_time, revision = excluded.revision
            """, logger: logger)
    }
}
