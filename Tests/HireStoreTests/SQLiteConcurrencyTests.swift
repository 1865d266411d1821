import Foundation
import GRDB
import HireSQLite
import Testing

/// The SQLite store's two ways around GRDB's pool: writes that share a commit, and reads on
/// the calling thread.
@Suite("Store: SQLite's group commit and readers")
struct SQLiteConcurrencyTests {
    struct Refused: Error {}

    /// A database file in a new directory, removed after `body`.
    func withDatabase(_ body: (String, DatabasePool) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-group-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("group.sqlite").path
        let pool = try DatabasePool(path: path)
        try await pool.write { db in try db.execute(sql: "CREATE TABLE writes (n INTEGER PRIMARY KEY)") }
        try await body(path, pool)
        try pool.close()
    }

    /// Holds the writer until the returned function is called.
    func holdWriter(_ pool: DatabasePool) async -> @Sendable () -> Void {
        let release = DispatchSemaphore(value: 0)
        await withCheckedContinuation { (entered: CheckedContinuation<Void, Never>) in
            pool.asyncWriteWithoutTransaction { _ in
                entered.resume()
                release.wait()
            }
        }
        return { release.signal() }
    }

    @Test func writesThatArriveTogetherShareOneCommitAndOneFailureStaysItsOwn() async throws {
        try await withDatabase { _, pool in
            let group = SQLiteGroupCommit(writer: pool)
            let release = await holdWriter(pool)
            let writes = (0..<10).map { n in
                Task {
                    try await group.write { db in
                        try db.execute(sql: "INSERT INTO writes (n) VALUES (?)", arguments: [n])
                        if n == 3 { throw Refused() }
                        return n
                    }
                }
            }
            for _ in 0..<5_000 where group.waiting < writes.count { try await Task.sleep(for: .milliseconds(1)) }
            #expect(group.waiting == writes.count)
            release()
            var acknowledged: [Int] = []
            var refused = 0
            for write in writes {
                do { acknowledged.append(try await write.value) } catch is Refused { refused += 1 }
            }
            #expect(acknowledged == [0, 1, 2, 4, 5, 6, 7, 8, 9])
            #expect(refused == 1)
            #expect(group.groupsCommitted == 1)
            let stored = try await pool.read { db in try Int.fetchAll(db, sql: "SELECT n FROM writes ORDER BY n") }
            #expect(stored == acknowledged, "the refused write's insert was not rolled back alone")
        }
    }

    @Test func aWriteAloneIsCommittedAtOnce() async throws {
        try await withDatabase { _, pool in
            let group = SQLiteGroupCommit(writer: pool)
            for n in 0..<3 {
                _ = try await group.write { db in try db.execute(sql: "INSERT INTO writes (n) VALUES (?)", arguments: [n]) }
                #expect(try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM writes") } == n + 1)
            }
            #expect(group.groupsCommitted == 3)
        }
    }

    @Test func aFailedCommitFailsEveryWriteOfTheGroup() async throws {
        try await withDatabase { _, pool in
            let group = SQLiteGroupCommit(writer: pool)
            // A deferred foreign key is checked at the commit: the group cannot commit.
            try await pool.write { db in
                try db.execute(sql: """
                    CREATE TABLE parents (id INTEGER PRIMARY KEY);
                    CREATE TABLE children (parent INTEGER REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED);
                    """)
            }
            let release = await holdWriter(pool)
            let good = Task { try await group.write { db in try db.execute(sql: "INSERT INTO writes (n) VALUES (1)") } }
            let orphan = Task { try await group.write { db in try db.execute(sql: "INSERT INTO children VALUES (42)") } }
            for _ in 0..<5_000 where group.waiting < 2 { try await Task.sleep(for: .milliseconds(1)) }
            release()
            await #expect(throws: DatabaseError.self) { try await good.value }
            await #expect(throws: DatabaseError.self) { try await orphan.value }
            #expect(try await pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM writes") } == 0)
        }
    }

    @Test func aReadTakesAFreeConnectionAndNeverWaitsForABusyOne() async throws {
        try await withDatabase { path, pool in
            try await pool.write { db in try db.execute(sql: "INSERT INTO writes (n) VALUES (7)") }
            let readers = try SQLiteReaders(path: path, count: 2)
            defer { try? readers.close() }
            let count = { (db: Database) in try Int.fetchOne(db, sql: "SELECT count(*) FROM writes")! }
            #expect(try readers.readIfFree(count) == 1)
            // Both connections taken (the outer reads hold them): the third read is refused.
            let nested = try readers.readIfFree { _ in
                try readers.readIfFree { _ in try readers.readIfFree(count) }
            }
            #expect(nested == .some(.some(nil)))
            try await pool.write { db in try db.execute(sql: "INSERT INTO writes (n) VALUES (8)") }
            #expect(try readers.readIfFree(count) == 2, "a reader missed a commit")
        }
    }
}
