import FeishuWire
import Foundation

/// Snapshots of the data, stored in the server's database: `admin.snapshots`.
///
/// ```swift
/// try await admin.snapshots.save(name: "before-sync")
/// // … the test changes things …
/// try await admin.snapshots.restore(name: "before-sync")
/// ```
public struct AdminSnapshots: Sendable {
    let admin: HireAdmin

    /// Saves tenants as the snapshot `name`, replacing one of that name (`PUT /_hire/snapshots/{name}`).
    /// - Parameters:
    ///   - name: 1–64 characters of `A–Z a–z 0–9 . _ -`.
    ///   - tenantKeys: the tenants to save; empty for every tenant (a snapshot with
    ///     ``Snapshot/allTenants``, whose restore also removes tenants created since).
    /// - Returns: the snapshot saved.
    /// - Throws: always a ``FeishuError``; 1002002 for an invalid name or an unknown tenant.
    @discardableResult
    public func save(name: String, tenantKeys: [String] = []) async throws -> Snapshot {
        try await admin.call(.saveSnapshot(name: name, tenantKeys: tenantKeys)).snapshot
    }

    /// Restores the snapshot `name` in one transaction (`POST /_hire/snapshots/{name}/restore`).
    ///
    /// A snapshot of all tenants makes the data exactly the snapshot's; one of some tenants
    /// replaces only those. Tokens stay valid while their app exists with the same secret;
    /// every rate-limit window is cleared.
    /// - Returns: the snapshot and the tenants restored.
    /// - Throws: always a ``FeishuError``; 1002002 (HTTP 404) for an unknown snapshot.
    @discardableResult
    public func restore(name: String) async throws -> RestoredSnapshot {
        try await admin.call(.restoreSnapshot(name: name))
    }

    /// Every snapshot, by name (`GET /_hire/snapshots`).
    /// - Throws: always a ``FeishuError``.
    public func list() async throws -> [Snapshot] {
        try await admin.call(.listSnapshots()).items ?? []
    }

    /// Deletes the snapshot `name` (`DELETE /_hire/snapshots/{name}`).
    /// - Throws: always a ``FeishuError``; 1002002 (HTTP 404) for an unknown snapshot.
    public func delete(name: String) async throws {
        _ = try await admin.send(.deleteSnapshot(name: name))
    }
}
