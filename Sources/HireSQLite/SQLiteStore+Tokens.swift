import FeishuWire
import Foundation
import GRDB
import HireCore
import HireStore

extension SQLiteStore {
    package func app(id appID: String) async throws -> StoredApp? {
        try await read { db in
            try Row.fetchOne(
                db, sql: "SELECT tenant_key, secret_sha256 FROM apps WHERE app_id = ?", arguments: [appID]
            ).map { StoredApp(appID: appID, tenantKey: $0[0], secretSHA256: $0[1]) }
        }
    }

    package func acquireToken(
        appID: String, secretSHA256: String, candidate: NewToken, now: Int64, reuseThreshold: Int64
    ) async throws -> TokenRecord {
        try await groupedWrite { db in
            if let current = try Row.fetchOne(
                db,
                sql: """
                    SELECT nonce, expires_at FROM access_tokens
                    WHERE app_id = ? AND secret_sha256 = ? AND expires_at > ?
                    ORDER BY expires_at DESC LIMIT 1
                    """,
                arguments: [appID, secretSHA256, now]),
                (current["expires_at"] as Int64) - now >= reuseThreshold
            {
                return TokenRecord(nonce: Array(current["nonce"] as Data), expiresAt: current["expires_at"])
            }
            try db.execute(
                sql: """
                    INSERT INTO access_tokens (token_hash, app_id, secret_sha256, nonce, issued_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [candidate.hash, appID, secretSHA256, Data(candidate.nonce), candidate.issuedAt, candidate.expiresAt])
            return TokenRecord(nonce: candidate.nonce, expiresAt: candidate.expiresAt)
        }
    }

    package func principal(tokenHash: String, now: Int64) async throws -> Principal? {
        guard let versionReader else {
            return try await pool.read { db in try Self.principal(db, tokenHash: tokenHash, now: now)?.principal }
        }
        return try versionReader.inDatabase { db in
            let version = try Self.dataVersion(db)
            if let cached = principals.value(for: tokenHash, at: version, now: now) { return cached }
            guard let found = try Self.principal(db, tokenHash: tokenHash, now: now) else { return nil }
            principals.store(found.principal, for: tokenHash, at: version, expiresAt: found.expiresAt)
            return found.principal
        }
    }

    /// The principal of a token valid at `now`, and when the token expires.
    private static func principal(
        _ db: Database, tokenHash: String, now: Int64
    ) throws -> (principal: Principal, expiresAt: Int64)? {
        let statement = try db.cachedStatement(sql: """
            SELECT a.tenant_key, a.app_id, a.developer, a.scopes, t.expires_at
            FROM access_tokens t JOIN apps a ON a.app_id = t.app_id
            WHERE t.token_hash = ? AND t.expires_at > ? AND t.secret_sha256 = a.secret_sha256
            """)
        return try Row.fetchOne(statement, arguments: [tokenHash, now]).map { row in
            (Principal(
                tenantKey: row[0], appID: row[1], developer: row[2],
                scopes: Set((row[3] as String).split(separator: " ").map { Scope(rawValue: String($0)) })),
             row[4])
        }
    }
}
