import FeishuWire
import GRDB
import HireCore
import HireStore

/// Resolving user IDs inside one ``IdentityView``.
enum SQLiteIdentity {
    /// The `users` row of `externalID` in `view`; `nil` if there is no such user there.
    static func userRow(_ db: Database, externalID: String, in view: IdentityView) throws -> Int64? {
        let statement: Statement
        let arguments: StatementArguments
        switch view.type {
        case .userID:
            statement = try db.cachedStatement(sql: "SELECT id FROM users WHERE tenant_key = ? AND user_id = ?")
            arguments = [view.tenantKey, externalID]
        case .peopleAdminID:
            statement = try db.cachedStatement(sql: "SELECT id FROM users WHERE tenant_key = ? AND people_admin_id = ?")
            arguments = [view.tenantKey, externalID]
        case .openID, .unionID:
            statement = try db.cachedStatement(sql: """
                SELECT user_row FROM user_ids
                WHERE tenant_key = ? AND id_type = ? AND namespace = ? AND external_id = ?
                """)
            arguments = [view.tenantKey, view.type.rawValue, view.namespace, externalID]
        }
        return try Int64.fetchOne(statement, arguments: arguments)
    }

    /// The IDs in `view` and the names of the given `users` rows.
    static func resolve(_ db: Database, rows: Set<Int64>, in view: IdentityView) throws -> [Int64: ResolvedUser] {
        guard !rows.isEmpty else { return [:] }
        let rowList = "[" + rows.map(String.init).joined(separator: ",") + "]"
        let statement: Statement
        let arguments: StatementArguments
        switch view.type {
        case .userID, .peopleAdminID:
            let column = view.type == .userID ? "user_id" : "people_admin_id"
            statement = try db.cachedStatement(sql: """
                SELECT id, \(column), name FROM users WHERE id IN (SELECT value FROM json_each(?))
                """)
            arguments = [rowList]
        case .openID, .unionID:
            statement = try db.cachedStatement(sql: """
                SELECT u.id, x.external_id, u.name FROM users u
                LEFT JOIN user_ids x ON x.user_row = u.id AND x.id_type = ? AND x.namespace = ?
                WHERE u.id IN (SELECT value FROM json_each(?))
                """)
            arguments = [view.type.rawValue, view.namespace, rowList]
        }
        var users: [Int64: ResolvedUser] = [:]
        let cursor = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try cursor.next() {
            users[row[0]] = ResolvedUser(id: row[1], nameJSON: row[2])
        }
        return users
    }

    /// Gives the user every open_id and union_id of the tenant's apps and developers (``IdentityPlan``).
    static func materialize(
        _ db: Database, userRow: Int64, tenantKey: String, userID: String,
        openIDs: [String: String], unionIDs: [String: String]
    ) throws {
        try db.execute(sql: "DELETE FROM user_ids WHERE user_row = ?", arguments: [userRow])
        let apps = try Row.fetchAll(db, sql: "SELECT app_id, developer FROM apps WHERE tenant_key = ?", arguments: [tenantKey])
            .map { TenantApp(appID: $0[0], developer: $0[1]) }
        for id in IdentityPlan.ids(
            ofUser: userID, row: userRow, tenantKey: tenantKey, openIDs: openIDs, unionIDs: unionIDs, apps: apps)
        {
            try insert(db, id, tenantKey: tenantKey)
        }
    }

    /// Gives every user of the tenant an ID for a new app (and its developer), unless pinned already.
    static func materialize(_ db: Database, app: TenantApp, tenantKey: String) throws {
        let users = try Row.fetchAll(db, sql: """
            SELECT u.id, u.user_id,
                EXISTS (SELECT 1 FROM user_ids WHERE user_row = u.id AND id_type = 'open_id' AND namespace = ?),
                EXISTS (SELECT 1 FROM user_ids WHERE user_row = u.id AND id_type = 'union_id' AND namespace = ?)
            FROM users u WHERE u.tenant_key = ?
            """, arguments: [app.appID, app.developer, tenantKey])
        for user in users {
            for id in IdentityPlan.ids(
                ofUser: user[1], row: user[0], tenantKey: tenantKey, forApp: app, hasOpenID: user[2], hasUnionID: user[3])
            {
                try insert(db, id, tenantKey: tenantKey)
            }
        }
    }

    private static func insert(_ db: Database, _ id: PlannedUserID, tenantKey: String) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO user_ids (tenant_key, id_type, namespace, external_id, user_row, pinned)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """)
        try statement.execute(arguments: [tenantKey, id.type.rawValue, id.namespace, id.externalID, id.userRow, id.pinned])
        if db.changesCount == 0 {
            let owner = try String.fetchOne(db, sql: """
                SELECT u.user_id FROM user_ids x JOIN users u ON u.id = x.user_row
                WHERE x.tenant_key = ? AND x.id_type = ? AND x.namespace = ? AND x.external_id = ?
                """, arguments: [tenantKey, id.type.rawValue, id.namespace, id.externalID])
            throw StoreRules.idTaken(id, owner: owner)
        }
    }
}

