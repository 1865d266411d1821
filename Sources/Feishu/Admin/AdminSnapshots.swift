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
    /// - Throws: ``FeishuError``; 1002002 for an invalid name or an unknown tenant.
    @discardableResult
    public func save(name: String, tenantKeys: [String] = []) async throws(FeishuError) -> Snapshot {
        try await admin.call(.saveSnapshot(name: name, tenantKeys: tenantKeys)).snapshot
    }

    /// Restores the snapshot `name` in one transaction (`POST /_hire/snapshots/{name}/restore`).
    ///
    /// A snapshot of all tenants makes the data exactly the snapshot's; one of some tenants
    /// replaces only those. Tokens stay valid while their app exists with the same secret;
    /// every rate-limit window is cleared.
    /// - Returns: the snapshot and the tenants restored.
    /// - Throws: ``FeishuError``; 1002002 (HTTP 404) for an unknown snapshot.
    @discardableResult
    public func restore(name: String) async throws(FeishuError) -> RestoredSnapshot {
        try await admin.call(.restoreSnapshot(name: name))
    }

    /// Every snapshot, by name (`GET /_hire/snapshots`).
    /// - Throws: ``FeishuError``.
    public func list() async throws(FeishuError) -> [Snapshot] {
        try await admin.call(.listSnapshots()).items ?? []
    }

    /// Deletes the snapshot `name` (`DELETE /_hire/snapshots/{name}`).
    /// - Throws: ``FeishuError``; 1002002 (HTTP 404) for an unknown snapshot.
    public func delete(name: String) async throws(FeishuError) {
        _ = try await admin.send(.deleteSnapshot(name: name))
    }
}

/// A saved copy of every entity of some tenants.
public struct Snapshot: Codable, Sendable, Hashable {
    /// The snapshot's name; `baseline` is the one `hire-server serve` records at startup.
    public var name: String
    /// The tenant keys it holds.
    public var tenants: [String]
    /// Whether it was saved from every tenant: restoring it also removes tenants created since.
    public var allTenants: Bool
    /// When it was saved, in milliseconds since 1970 on the server's clock.
    public var createdMS: Int64
    /// Its size in the database.
    public var bytes: Int

    /// A snapshot; the server creates these, tests of callers may too.
    public init(name: String, tenants: [String], allTenants: Bool, createdMS: Int64, bytes: Int) {
        self.name = name
        self.tenants = tenants
        self.allTenants = allTenants
        self.createdMS = createdMS
        self.bytes = bytes
    }

    /// ``createdMS`` as a date.
    public var createdDate: Date { Date(feishuMilliseconds: createdMS) }

    enum CodingKeys: String, CodingKey {
        case name, tenants, bytes
        case allTenants = "all_tenants"
        case createdMS = "created_ms"
    }
}

/// What a restore did: the answer of ``HireAdmin/reset(tenantKey:)`` and ``AdminSnapshots/restore(name:)``.
public struct RestoredSnapshot: Codable, Sendable, Hashable {
    /// The snapshot restored.
    public var snapshot: Snapshot
    /// The tenant keys restored (or removed, for a tenant the snapshot does not hold).
    public var tenants: [String]

    /// A restore's answer; the server creates these, tests of callers may too.
    public init(snapshot: Snapshot, tenants: [String]) {
        self.snapshot = snapshot
        self.tenants = tenants
    }
}
