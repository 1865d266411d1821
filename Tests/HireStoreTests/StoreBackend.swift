import Foundation
import HireSQLite
import HireStore
import HireTestSupport
import Testing

/// The backends the store suite runs against: SQLite always, PostgreSQL when
/// `HIRE_TEST_POSTGRES_URL` names a database.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case sqlite
    case postgres

    static var available: [StoreBackend] {
        PostgresTestDatabase.isEnabled ? [.sqlite, .postgres] : [.sqlite]
    }

    var testDescription: String { rawValue }

    /// A fresh, empty store of this backend.
    func makeStore() async throws -> any HireStore {
        switch self {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hire-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            return try SQLiteStore(path: directory.appendingPathComponent("hire.sqlite").path)
        case .postgres:
            guard PostgresTestDatabase.isEnabled else {
                throw BackendUnavailable(reason: "HIRE_TEST_POSTGRES_URL names no PostgreSQL server")
            }
            // A schema of its own, dropped when the store closes.
            return try await PostgresTestDatabase.makeStore()
        }
    }
}

struct BackendUnavailable: Error, CustomStringConvertible {
    let reason: String
    var description: String { reason }
}

/// Runs `body` on a fresh store of `backend` holding the Acme and Globex fixtures.
func withFixtureStore(
    _ backend: StoreBackend, now: Int64 = 1_800_000_000_000, _ body: (any HireStore) async throws -> Void
) async throws {
    let store = try await backend.makeStore()
    do {
        try await StoreSeeding.importDocument(Fixtures.acme, into: store, now: now)
        try await StoreSeeding.importDocument(Fixtures.globex, into: store, now: now)
        try await body(store)
    } catch {
        try? await store.close()
        throw error
    }
    try await store.close()
}
