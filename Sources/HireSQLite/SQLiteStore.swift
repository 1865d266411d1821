import FeishuWire
import Foundation
import GRDB
import HireCore
import HireStore

/// The embedded store: one SQLite file in WAL mode, through GRDB.
///
/// Commits are synced to disk before they are acknowledged (`synchronous=FULL`),
/// so an answered PATCH survives a crash of the process or the machine.
///
/// `SQLiteStore.inMemory()` keeps everything in memory instead, for throwaway servers.
package final class SQLiteStore: HireStore {
    let pool: any DatabaseWriter
    /// The writer of PATCHes and tokens: one commit for the writes that arrive together.
    let groupCommit: SQLiteGroupCommit
    /// A read-only connection of its own for what every request reads first, on the calling
    /// thread: `PRAGMA data_version`, which changes with every commit of any other connection
    /// (in this process or another), and the token's principal when it is not cached. One
    /// indexed lookup costs less than the two thread switches of a read through the pool.
    /// `nil` in memory.
    let versionReader: DatabaseQueue?
    /// Connections for a request's reads on the calling thread; `nil` in memory.
    let readers: SQLiteReaders?
    /// Principals by token hash, while the data is unchanged: most requests then need no query
    /// for their token. A revoked token, a changed scope or a restore changes the data.
    let principals = VersionedCache<String, Principal>(maximumCount: 10_000)
    /// The admin API's settings: a single process's.
    package let controls: any ControlStore = LocalControlStore()

    /// Opens (creating if needed) the database at `path` and migrates it to the current schema.
    package convenience init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.maximumReaderCount = max(4, ProcessInfo.processInfo.activeProcessorCount * 2)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Only a new database takes it: interview bodies (about 1 KiB) fit in an 8 KiB
            // page of a WITHOUT ROWID table, where 4 KiB pages spill each to an overflow page.
            try db.execute(sql: "PRAGMA page_size = 8192")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try self.init(
            database: pool,
            readers: {
                (try DatabaseQueue(path: path, configuration: SQLiteReaders.readOnly),
                 try SQLiteReaders(path: path, count: ProcessInfo.processInfo.activeProcessorCount + 1))
            })
    }

    /// A store in memory: nothing is written to disk, and everything is gone once it is closed.
    package static func inMemory() throws -> SQLiteStore {
        try SQLiteStore(database: try DatabaseQueue(), readers: { (nil, nil) })
    }

    /// - Parameter readers: the version reader and the request readers, opened once the schema is migrated.
    private init(
        database: any DatabaseWriter, readers: () throws -> (version: DatabaseQueue?, requests: SQLiteReaders?)
    ) throws {
        pool = database
        groupCommit = SQLiteGroupCommit(writer: database)
        let migrator = SQLiteSchema.migrator
        try pool.write { db in
            if try migrator.hasBeenSuperseded(db) {
                throw StoreError.schemaTooNew(found: (try migrator.appliedIdentifiers(db)).sorted().last ?? "?")
            }
        }
        try migrator.migrate(pool)
        (versionReader, self.readers) = try readers()
    }

    /// A write transaction; SQLITE_FULL (a full disk) becomes ``StoreError/diskFull(_:)``.
    /// GRDB rolls the transaction back, so the store stays usable and writes work again once
    /// space is freed.
    func write<T: Sendable>(_ updates: @Sendable (Database) throws -> T) async throws -> T {
        try await Self.reportingFullDisk { try await pool.write(updates) }
    }

    /// A small write of a request, in the transaction of the writes that arrive with it
    /// (``SQLiteGroupCommit``): acknowledged once that transaction has committed.
    func groupedWrite<T: Sendable>(_ updates: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await Self.reportingFullDisk { try await groupCommit.write(updates) }
    }

    private static func reportingFullDisk<T>(_ write: () async throws -> T) async throws -> T {
        do {
            return try await write()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL {
            throw StoreError.diskFull(error.description)
        }
    }

    /// A read transaction of a request: on a free reader on the calling thread, or else
    /// through the pool. Long reads (exports, snapshots) go through the pool.
    func read<T: Sendable>(_ body: @Sendable (Database) throws -> T) async throws -> T {
        if let readers, let value = try readers.readIfFree(body) { return value }
        return try await pool.read(body)
    }

    package func close() async throws {
        try readers?.close()
        try versionReader?.close()
        try pool.close()
    }

    /// `PRAGMA data_version` of the version reader: one call on the calling thread, no read of
    /// the data; `nil` in memory.
    package func dataVersion() throws -> DataVersion? {
        try versionReader?.inDatabase(Self.dataVersion)
    }

    static func dataVersion(_ db: Database) throws -> DataVersion {
        DataVersion(try Int64.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0)
    }

    package func isEmpty() async throws -> Bool {
        try await pool.read { db in try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM tenants)")! }
    }

    package func pageTokenKey() async throws -> [UInt8] {
        let candidate = Data(AccessToken.newNonce())
        let key = try await write { db in
            try db.execute(
                sql: "INSERT INTO server_keys (name, key) VALUES ('page_token', ?) ON CONFLICT (name) DO NOTHING",
                arguments: [candidate])
            return try Data.fetchOne(db, sql: "SELECT key FROM server_keys WHERE name = 'page_token'")!
        }
        return Array(key)
    }

    package func purgeExpired(now: Int64) async throws {
        let historyHorizon = StoreRules.historyHorizon(now: now)
        try await write { db in
            try db.execute(sql: "DELETE FROM access_tokens WHERE expires_at <= ?", arguments: [now])
            try db.execute(sql: "DELETE FROM interviewer_history WHERE superseded_at < ?", arguments: [historyHorizon])
        }
    }

    package func importEntries(_ source: DataFileSource, now: Int64) async throws -> ImportSummary {
        try await write { db in try Self.runImport(db, source: source, now: now) }
    }

    /// The page cache of an import's connection, in KiB, while the import runs.
    static let importCacheKiB = 4_096

    /// An import inside the caller's transaction.
    static func runImport(_ db: Database, source: DataFileSource, now: Int64) throws -> ImportSummary {
        try db.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS import_seen (
                kind TEXT NOT NULL, tenant_key TEXT NOT NULL, id TEXT NOT NULL,
                PRIMARY KEY (kind, tenant_key, id)) WITHOUT ROWID;
            DELETE FROM import_seen;
            """)
        // A large transaction spills pages to the WAL once the cache is full, some many times.
        let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size")!
        try db.execute(sql: "PRAGMA cache_size = -\(importCacheKiB)")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
        var writer = SQLiteImportWriter(db: db)
        return try ImportDriver.run(source, writer: &writer, now: now)
    }
}
