import FeishuWire
import HireCore
import HireStore
import Logging
import PostgresNIO

extension PostgresStore {
    package func patchInterviewer(
        externalID: String, in view: IdentityView, verifyStatus: VerifyStatus?, now: Int64
    ) async throws -> VerifyStatus? {
        guard let verifyStatus else {
            let rows = try await rows(InterviewerStatusStatement(externalID: externalID, view: view))
            return try rows.first.map { row in
                try row.decode(Int?.self).map(VerifyStatus.init(rawValue:)) ?? .unverified
            }
        }
        return try await transaction { [logger] connection in
            let target = try await connection.run(
                BumpRevisionStatement(externalID: externalID, view: view), logger: logger)
            guard let row = target.first else { return nil }
            let (revision, userRow, userID) = try row.decode((Int64, Int64, String).self)
            try await connection.run(
                SetInterviewerStatement(
                    tenantKey: view.tenantKey, userRow: userRow, userID: userID, status: verifyStatus,
                    revision: revision, now: now),
                logger: logger)
            return verifyStatus
        }
    }

    package func listInterviewers(
        in view: IdentityView, query: InterviewerListQuery, after cursor: InterviewerCursor?
    ) async throws -> StoredInterviewerPage {
        let rows = try await rows(InterviewerPageStatement(view: view, query: query, cursor: cursor))
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

/// The verification status of the user an ID names (NULL if never set); no row for an unknown ID.
struct InterviewerStatusStatement: HireStatement {
    static let sql = """
        SELECT i.verify_status
        FROM (\(IdentitySQL.userOf(externalID: "$4", tenant: "$1", type: "$2", namespace: "$3"))) t
        LEFT JOIN interviewers i ON i.tenant_key = $1::text AND i.user_row = t.id
        """

    let externalID: String
    let view: IdentityView

    func makeBindings() -> PostgresBindings { .identity(view, externalID) }
}

/// Bumps the tenant's revision, returning it with the `users` row an ID names (no row for an
/// unknown ID, and then no bump).
///
/// The bump locks the tenant's row until commit: interviewer writes of a tenant run one after
/// another on every node, and revisions follow commit order.
struct BumpRevisionStatement: HireStatement {
    static let sql = """
        WITH target AS (\(IdentitySQL.userOf(externalID: "$4", tenant: "$1", type: "$2", namespace: "$3")))
        UPDATE tenants SET revision = revision + 1 FROM target
        WHERE tenants.tenant_key = $1::text
        RETURNING tenants.revision, target.id, target.user_id
        """

    let externalID: String
    let view: IdentityView

    func makeBindings() -> PostgresBindings { .identity(view, externalID) }
}

/// Sets a status at `revision` (the tenant's, just bumped in this transaction, which holds the
/// tenant's row lock), keeping the superseded state for open listings. The update time is now,
/// never earlier than the state it replaces.
///
/// A statement of its own, after the lock: its snapshot holds every earlier write.
struct SetInterviewerStatement: HireStatement {
    static let sql = """
        WITH previous AS (
            SELECT verify_status, update_time, revision FROM interviewers
            WHERE tenant_key = $1::text AND user_row = $2::int8
        ),
        history AS (
            INSERT INTO interviewer_history
                (tenant_key, user_row, user_id, verify_status, update_time, revision, superseded_revision, superseded_at)
            SELECT $1::text, $2::int8, $3::text, verify_status, update_time, revision, $5::int8, $6::int8
            FROM previous
        )
        INSERT INTO interviewers (tenant_key, user_row, user_id, verify_status, update_time, revision)
        VALUES ($1::text, $2::int8, $3::text, $4::int8, greatest($6::int8, (SELECT update_time FROM previous)), $5::int8)
        ON CONFLICT (tenant_key, user_row) DO UPDATE SET
            verify_status = excluded.verify_status, update_time = excluded.update_time, revision = excluded.revision
        """

    let tenantKey: String
    let userRow: Int64
    let userID: String
    let status: VerifyStatus
    let revision: Int64
    let now: Int64

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 6)
        bindings.append(tenantKey)
        bindings.append(userRow)
        bindings.append(userID)
        bindings.append(Int64(status.rawValue))
        bindings.append(revision)
        bindings.append(now)
        return bindings
    }
}

/// One page of a listing: the current states not changed since the listing's revision, and
/// the states superseded after it, filtered and ordered by update time then `user_id`.
///
/// One statement, so one snapshot of both tables. Always at least one row, carrying the
/// snapshot's revision (with NULLs for an empty page). Absent bounds and cursor are bound as
/// NULL and widened to the whole range, so that each branch is one ordered index range
/// read only as far as the page needs.
struct InterviewerPageStatement: HireStatement {
    static let sql = """
        WITH snap AS (
            SELECT coalesce($4::int8, (SELECT revision FROM tenants WHERE tenant_key = $1::text)) AS revision
        ),
        wanted AS (\(IdentitySQL.usersOf(externalIDs: "$6", tenant: "$1", type: "$2", namespace: "$3"))),
        page AS (
            (SELECT s.user_row, s.user_id, s.verify_status, s.update_time FROM interviewers s
            WHERE s.tenant_key = $1::text AND \(window("s")) AND s.revision <= (SELECT revision FROM snap)
            ORDER BY s.update_time, s.user_id LIMIT $12::int8)
            UNION ALL
            (SELECT h.user_row, h.user_id, h.verify_status, h.update_time FROM interviewer_history h
            WHERE h.tenant_key = $1::text AND h.superseded_revision > (SELECT revision FROM snap) AND \(window("h"))
                AND h.revision <= (SELECT revision FROM snap)
            ORDER BY h.update_time, h.user_id LIMIT $12::int8)
            ORDER BY update_time, user_id LIMIT $12::int8
        )
        SELECT snap.revision, p.user_id, p.verify_status, p.update_time, \(IdentitySQL.idOf(.user, type: "$2", namespace: "$3"))
        FROM snap
        LEFT JOIN (page p JOIN users u ON u.id = p.user_row) ON true
        ORDER BY p.update_time, p.user_id
        """

    /// The conditions on the states of `alias` (after the cursor, within the time bounds, of
    /// the status and users asked for).
    private static func window(_ alias: String) -> String {
        """
        (\(alias).update_time, \(alias).user_id) > (coalesce($10::int8, \(Int64.min)), coalesce($11::text, ''))
            AND \(alias).update_time BETWEEN coalesce($8::int8, \(Int64.min)) AND coalesce($9::int8, \(Int64.max))
            AND ($7::int8 IS NULL OR \(alias).verify_status = $7::int8)
            AND (NOT $5::bool OR \(alias).user_row IN (SELECT id FROM wanted))
        """
    }

    let view: IdentityView
    let query: InterviewerListQuery
    let cursor: InterviewerCursor?

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 12)
        bindings.append(view.tenantKey)
        bindings.append(view.type.rawValue)
        bindings.append(view.namespace)
        bindings.append(cursor?.snapshot)
        bindings.append(!query.userIDs.isEmpty)
        bindings.append(query.userIDs)
        bindings.append(query.verifyStatus.map { Int64($0.rawValue) })
        bindings.append(query.earliestUpdateTime)
        bindings.append(query.latestUpdateTime)
        bindings.append(cursor?.updateTime)
        bindings.append(cursor?.userID)
        bindings.append(Int64(query.pageSize + 1))
        return bindings
    }
}

extension PostgresBindings {
    /// The bindings of a statement resolving one ID in a view: `$1` tenant, `$2` ID type,
    /// `$3` namespace, `$4` the ID.
    static func identity(_ view: IdentityView, _ externalID: String) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 4)
        bindings.append(view.tenantKey)
        bindings.append(view.type.rawValue)
        bindings.append(view.namespace)
        bindings.append(externalID)
        return bindings
    }
}
