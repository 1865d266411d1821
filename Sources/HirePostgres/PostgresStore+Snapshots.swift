import Foundation
import HireCore
import HireStore
import PostgresNIO

extension PostgresStore {
    package func tenantKeys() async throws -> [String] {
        try await rows("SELECT tenant_key FROM tenants ORDER BY tenant_key").map { try $0.decode(String.self) }
    }

    package func saveSnapshot(_ snapshot: StoredSnapshot) async throws {
        let info = snapshot.info
        try await execute(
            """
            INSERT INTO snapshots (name, tenants, all_tenants, created_ms, data)
            VALUES (\(info.name), \(SnapshotColumns.tenants(info.tenants)), \(info.allTenants), \(info.createdMS), \(Data(snapshot.data)))
            ON CONFLICT (name) DO UPDATE SET tenants = excluded.tenants, all_tenants = excluded.all_tenants,
                created_ms = excluded.created_ms, data = excluded.data
            """)
    }

    package func snapshot(named name: String) async throws -> StoredSnapshot? {
        let found = try await rows(
            "SELECT name, tenants, all_tenants, created_ms, length(data), data FROM snapshots WHERE name = \(name)")
        return try found.first.map { row in
            let (name, tenants, all, created, bytes, data) = try row.decode((String, String, Bool, Int64, Int, Data).self)
            return StoredSnapshot(
                info: SnapshotInfo(
                    name: name, tenants: try SnapshotColumns.tenants(tenants), allTenants: all, createdMS: created,
                    bytes: bytes),
                data: Array(data))
        }
    }

    package func snapshots() async throws -> [SnapshotInfo] {
        try await rows("SELECT name, tenants, all_tenants, created_ms, length(data) FROM snapshots ORDER BY name").map { row in
            let (name, tenants, all, created, bytes) = try row.decode((String, String, Bool, Int64, Int).self)
            return SnapshotInfo(
                name: name, tenants: try SnapshotColumns.tenants(tenants), allTenants: all, createdMS: created, bytes: bytes)
        }
    }

    package func deleteSnapshot(named name: String) async throws -> Bool {
        try await !rows("DELETE FROM snapshots WHERE name = \(name) RETURNING 1").isEmpty
    }
}
