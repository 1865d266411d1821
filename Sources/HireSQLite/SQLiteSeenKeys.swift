import GRDB
import HireCore
import HireStore

/// The IDs an import has brought so far, kept in the TEMP table `import_seen` so that
/// memory stays bounded whatever the size of the file.
///
/// A Bloom filter answers "never seen" (nearly always) without a query; such keys reach
/// the table in batches, a multi-row INSERT each.
struct SQLiteSeenKeys {
    static let batch = 100

    let db: Database
    private var filter = BloomFilter(bitCount: 1 << 26)
    private var pending: [EntityKey] = []

    init(db: Database) { self.db = db }

    /// Records `key`; `false` if it was recorded before.
    mutating func insert(_ key: EntityKey) throws -> Bool {
        if filter.insertIfAbsent(key) {
            pending.append(key)
            if pending.count >= Self.batch { try flush() }
            return true
        }
        // The filter may be wrong: ask the table, once it holds every earlier key.
        if pending.contains(key) { return false }
        try flush()
        try db.cachedStatement(sql: "INSERT INTO import_seen (kind, tenant_key, id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
            .execute(arguments: [key.kind.rawValue, key.tenantKey, key.id])
        return db.changesCount == 1
    }

    private mutating func flush() throws {
        guard !pending.isEmpty else { return }
        let rows = Array(repeating: "(?, ?, ?)", count: pending.count).joined(separator: ", ")
        var values: [String] = []
        values.reserveCapacity(pending.count * 3)
        for key in pending { values += [key.kind.rawValue, key.tenantKey, key.id] }
        try db.cachedStatement(sql: "INSERT INTO import_seen (kind, tenant_key, id) VALUES \(rows)")
            .execute(arguments: StatementArguments(values))
        pending.removeAll(keepingCapacity: true)
    }
}
