extension AdminWire {
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

        enum CodingKeys: String, CodingKey {
            case name, tenants
            case allTenants = "all_tenants"
            case createdMS = "created_ms"
            case bytes
        }
    }

    /// The `data` of saving a snapshot: `{"snapshot": …}`.
    public struct SavedSnapshot: Codable, Sendable, Hashable {
        /// The snapshot saved.
        public var snapshot: Snapshot

        /// A save's answer; the server creates these, tests of callers may too.
        public init(snapshot: Snapshot) { self.snapshot = snapshot }
    }

    /// What a restore did: the `data` of `POST /_hire/reset` and `POST /_hire/snapshots/{name}/restore`.
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
}
