import HireCore

/// What a snapshot holds, without its data.
public struct SnapshotInfo: Sendable, Hashable {
    public let name: String
    /// The tenants it holds, by key.
    public let tenants: [String]
    /// Whether it was taken of every tenant (restoring it removes tenants created since).
    public let allTenants: Bool
    public let createdMS: Int64
    /// The size of its data.
    public let bytes: Int

    public init(name: String, tenants: [String], allTenants: Bool, createdMS: Int64, bytes: Int) {
        self.name = name
        self.tenants = tenants
        self.allTenants = allTenants
        self.createdMS = createdMS
        self.bytes = bytes
    }

    /// The admin API's JSON of the snapshot.
    public var json: JSONValue {
        [
            "name": .string(name), "tenants": .array(tenants.map(JSONValue.string)), "all_tenants": .bool(allTenants),
            "created_ms": .number(JSONNumber(createdMS)), "bytes": .number(JSONNumber(bytes)),
        ]
    }
}

/// A snapshot with its data: the tenants' entities as a JSON Lines data file.
public struct StoredSnapshot: Sendable, Hashable {
    public let info: SnapshotInfo
    public let data: [UInt8]

    public init(info: SnapshotInfo, data: [UInt8]) {
        self.info = info
        self.data = data
    }
}

/// The tenants an operation replaces.
public enum TenantSelection: Sendable, Hashable {
    /// Every tenant: those the new data lacks are removed.
    case all
    /// These tenants only; one the new data lacks is removed, every other tenant is left as it is.
    case only([String])
}

/// How both stores keep a snapshot's tenant list in a text column: a JSON array of keys.
public enum SnapshotColumns {
    public static func tenants(_ keys: [String]) -> String {
        JSONWriter.write(.array(keys.map(JSONValue.string)))
    }

    public static func tenants(_ text: String) throws -> [String] {
        guard case .array(let values) = try JSONParser.parse(text) else { return [] }
        return values.compactMap(\.stringValue)
    }
}
