import HireCore
import Synchronization

extension HireStore {
    /// The tenants (all for `nil`) as a data file, in memory, with the keys of the tenants it holds.
    /// - Throws: ``StoreError/unknownTenant(_:)``.
    package func exportData(tenantKeys: [String]?, format: DataFileWriter.Format) async throws -> (data: [UInt8], tenants: [String]) {
        let collected = Mutex<(data: [UInt8], tenants: [String])>(([], []))
        let writer = Mutex(DataFileWriter(format: format) { text in
            collected.withLock { $0.data.append(contentsOf: text.utf8) }
        })
        try await exportEntries(tenantKeys: tenantKeys) { entry in
            if entry.kind == .tenant { collected.withLock { $0.tenants.append(entry.tenantKey) } }
            try writer.withLock { try $0.write(entry) }
        }
        try writer.withLock { try $0.finish() }
        return collected.withLock { $0 }
    }
}

/// Saving and restoring snapshots: the rules on top of any store.
package struct Snapshots: Sendable {
    package let store: any HireStore

    package init(store: any HireStore) { self.store = store }

    /// Saves the tenants (all for `nil`) as `name`, replacing a snapshot of that name.
    /// - Throws: ``StoreError/unknownTenant(_:)``.
    package func save(name: String, tenantKeys: [String]?, now: Int64) async throws -> SnapshotInfo {
        let keys = tenantKeys.map { Array(Set($0)).sorted() }
        let (data, tenants) = try await store.exportData(tenantKeys: keys, format: .jsonLines)
        let info = SnapshotInfo(name: name, tenants: tenants, allTenants: keys == nil, createdMS: now, bytes: data.count)
        try await store.saveSnapshot(StoredSnapshot(info: info, data: data))
        return info
    }

    /// Restores the snapshot `name`, or only tenant `tenantKey` of it, in one transaction.
    /// - Returns: the snapshot and the tenants replaced; `nil` if there is no such snapshot.
    /// - Throws: ``StoreError/unknownTenant(_:)`` for a `tenantKey` neither the snapshot nor the store holds.
    package func restore(name: String, tenantKey: String? = nil, now: Int64) async throws -> (SnapshotInfo, [String])? {
        guard let snapshot = try await store.snapshot(named: name) else { return nil }
        let info = snapshot.info
        let lines = snapshot.data.split(separator: 0x0A, omittingEmptySubsequences: false).lazy.map { Array($0) }
        let entries = DataFileReader.entries(lines: lines)
        let selection: TenantSelection
        let source: DataFileSource
        if let tenantKey {
            if !info.tenants.contains(tenantKey), try await !store.tenantKeys().contains(tenantKey) {
                throw StoreError.unknownTenant(tenantKey)
            }
            selection = .only([tenantKey])
            source = DataFileSource(entries.lazy.filter { result in
                guard case .success(let entry) = result else { return true }
                return entry.tenantKey == tenantKey
            })
        } else {
            selection = info.allTenants ? .all : .only(info.tenants)
            source = DataFileSource(entries)
        }
        let before = selection == .all ? try await store.tenantKeys() : []
        _ = try await store.replaceTenants(selection, with: source, now: now)
        switch selection {
        case .all: return (info, Array(Set(before).union(info.tenants)).sorted())
        case .only(let keys): return (info, keys)
        }
    }
}
