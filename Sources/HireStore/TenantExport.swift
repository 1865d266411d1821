import FeishuWire
import HireCore

/// Hands one tenant's exported entities to a sink, each with the location a
/// document would give it (`$.tenants[i].users[j]`), whichever store reads them.
package struct TenantExport {
    package let tenantKey: String
    private let tenantIndex: Int
    private let sink: (DataFileEntry) throws -> Void
    private var counts: [EntityKind: Int] = [:]

    /// - Parameter tenantIndex: the tenant's position in the export.
    package init(tenantKey: String, tenantIndex: Int, sink: @escaping (DataFileEntry) throws -> Void) {
        self.tenantKey = tenantKey
        self.tenantIndex = tenantIndex
        self.sink = sink
    }

    /// Emits the next entity; the tenant comes first, then each kind in ``DataFileFormat/documentOrder``.
    package mutating func emit(_ entity: DataFileEntry.Entity) throws {
        var location = DataLocation(path: JSONPath.root / "tenants" / tenantIndex)
        if entity.kind != .tenant {
            let index = counts[entity.kind, default: 0]
            counts[entity.kind] = index + 1
            location = location / entity.kind.collectionName / index
        }
        try sink(DataFileEntry(tenantKey: tenantKey, entity: entity, location: location))
    }
}
