import FeishuWire
import HireCore

/// What a snapshot holds, without its data.
package struct SnapshotInfo: Sendable, Hashable {
    package let name: String
    /// The tenants it holds, by key.
    package let tenants: [String]
    /// Whether it was taken of every tenant (restoring it removes tenants created since).
    package let allTenants: Bool
    package let createdMS: Int64
    /// The size of its data.
    package let bytes: Int

    package init(name: String, tenants: [String], allTenants: Bool, createdMS: Int64, bytes: Int) {
        self.name = name
        self.tenants = tenants
        self.allTenants = allTenants
        self.createdMS = createdMS
        self.bytes = bytes
    }

    /// The admin API's view of the snapshot.
    package var wire: AdminWire.Snapshot {
        AdminWire.Snapshot(name: name, tenants: tenants, allTenants: allTenants, createdMS: createdMS, bytes: bytes)
    }
}

/// A snapshot with its data: the tenants' entities as a JSON Lines data file.
package struct StoredSnapshot: Sendable, Hashable {
    package let info: SnapshotInfo
    package let data: [UInt8]

    package init(info: SnapshotInfo, data: [UInt8]) {
        self.info = info
        self.data = data
    }
}

/// The tenants an operation replaces.
package enum TenantSelection: Sendable, Hashable {
    /// Every tenant: those the new data lacks are removed.
    case all
    /// These tenants only; one the new data lacks is removed, every other tenant is left as it is.
    case only([String])
}

/// How both stores keep a snapshot's tenant list in a text column: a JSON array of keys.
package enum SnapshotColumns {
    package static func tenants(_ keys: [String]) -> String {
        JSONWriter.write(.array(keys.map(JSONValue.string)))
    }

    package static func tenants(_ text: String) throws -> [String] {
        guard case .array(let values) = try JSONParser.parse(text) else { return [] }
        return values.compactMap(\.stringValue)
    }
}
