import Foundation
import GRDB
import HireCore
import HireStore

extension SQLiteStore {
    package func tenantKeys() async throws -> [String] {
        try await pool.read { db in try String.fetchAll(db, sql: "SELECT tenant_key FROM tenants ORDER BY tenant_key") }
    }

    package func replaceTenants(_ selection: TenantSelection, with source: DataFileSource, now: Int64) async throws
        -> ImportSummary
    {
        try await write { db in
            let keys: [String]
            switch selection {
            case .all: keys = try String.fetchAll(db, sql: "SELECT tenant_key FROM tenants")
            case .only(let only): keys = only
            }
            for key in keys {
                for table in TenantReplacement.clearedTables {
                    try db.execute(sql: "DELETE FROM \(table) WHERE tenant_key = ?", arguments: [key])
                }
            }
            let observer = TenantReplacement.Observer()
            let summary = try Self.runImport(db, source: observer.watching(source), now: now)
            let seenApps = observer.apps
            let seenTenants = observer.tenants
            for key in keys {
                let apps = try String.fetchAll(db, sql: "SELECT app_id FROM apps WHERE tenant_key = ?", arguments: [key])
                for app in apps where !seenApps.contains(app) {
                    try db.execute(sql: "DELETE FROM access_tokens WHERE app_id = ?", arguments: [app])
                    try db.execute(
                        sql: "DELETE FROM user_ids WHERE tenant_key = ? AND id_type = 'open_id' AND namespace = ?",
                        arguments: [key, app])
                    try db.execute(sql: "DELETE FROM apps WHERE app_id = ?", arguments: [app])
                }
                try db.execute(
                    sql: """
                        DELETE FROM user_ids WHERE tenant_key = ? AND id_type = 'union_id'
                            AND namespace NOT IN (SELECT developer FROM apps WHERE tenant_key = ?)
                        """,
                    arguments: [key, key])
                if !seenTenants.contains(key) {
                    try db.execute(sql: "DELETE FROM tenants WHERE tenant_key = ?", arguments: [key])
                }
            }
            return summary
        }
    }

    package func saveSnapshot(_ snapshot: StoredSnapshot) async throws {
        let info = snapshot.info
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO snapshots (name, tenants, all_tenants, created_ms, data) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET tenants = excluded.tenants, all_tenants = excluded.all_tenants,
                        created_ms = excluded.created_ms, data = excluded.data
                    """,
                arguments: [info.name, SnapshotColumns.tenants(info.tenants), info.allTenants, info.createdMS,
                            Data(snapshot.data)])
        }
    }

    package func snapshot(named name: String) async throws -> StoredSnapshot? {
        try await pool.read { db in
            try Row.fetchOne(
                db, sql: "SELECT name, tenants, all_tenants, created_ms, length(data), data FROM snapshots WHERE name = ?",
                arguments: [name]
            ).map { row in StoredSnapshot(info: try Self.snapshotInfo(row), data: Array(row[5] as Data)) }
        }
    }

    package func snapshots() async throws -> [SnapshotInfo] {
        try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT name, tenants, all_tenants, created_ms, length(data) FROM snapshots ORDER BY name"
            ).map(Self.snapshotInfo)
        }
    }

    package func deleteSnapshot(named name: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM snapshots WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }

    private static func snapshotInfo(_ row: Row) throws -> SnapshotInfo {
        SnapshotInfo(
            name: row[0], tenants: try SnapshotColumns.tenants(row[1]), allTenants: row[2], createdMS: row[3],
            bytes: row[4])
    }
}
