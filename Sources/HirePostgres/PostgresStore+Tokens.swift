import FeishuWire
import Foundation
import HireCore
import HireStore
import PostgresNIO

extension PostgresStore {
    package func app(id appID: String) async throws -> StoredApp? {
        let rows = try await rows("SELECT tenant_key, secret_sha256 FROM apps WHERE app_id = \(appID)")
        return try rows.first.map { row in
            let (tenantKey, secret) = try row.decode((String, String).self)
            return StoredApp(appID: appID, tenantKey: tenantKey, secretSHA256: secret)
        }
    }

    package func acquireToken(
        appID: String, secretSHA256: String, candidate: NewToken, now: Int64, reuseThreshold: Int64
    ) async throws -> TokenRecord {
        try await transaction { [logger] connection in
            // The app's row lock serializes token acquisition for the app across nodes; the
            // statements after it see every token a concurrent acquisition committed.
            try await connection.run("SELECT 1 FROM apps WHERE app_id = \(appID) FOR UPDATE", logger: logger)
            let current = try await connection.run(
                """
                SELECT nonce, expires_at FROM access_tokens
                WHERE app_id = \(appID) AND secret_sha256 = \(secretSHA256) AND expires_at > \(now)
                ORDER BY expires_at DESC LIMIT 1
                """, logger: logger
            )
            if let row = current.first {
                let (nonce, expiresAt) = try row.decode((Data, Int64).self)
                if expiresAt - now >= reuseThreshold { return TokenRecord(nonce: Array(nonce), expiresAt: expiresAt) }
            }
            try await connection.run(
                """
                INSERT INTO access_tokens (token_hash, app_id, secret_sha256, nonce, issued_at, expires_at)
                VALUES (\(candidate.hash), \(appID), \(secretSHA256), \(Data(candidate.nonce)), \(candidate.issuedAt),
                    \(candidate.expiresAt))
                """, logger: logger)
            return TokenRecord(nonce: candidate.nonce, expiresAt: candidate.expiresAt)
        }
    }

    package func principal(tokenHash: String, now: Int64) async throws -> Principal? {
        let rows = try await rows(PrincipalStatement(tokenHash: tokenHash, now: now))
        return try rows.first.map { row in
            let (tenantKey, appID, developer, scopes) = try row.decode((String, String, String, String).self)
            return Principal(
                tenantKey: tenantKey, appID: appID, developer: developer,
                scopes: Set(scopes.split(separator: " ").map { Scope(rawValue: String($0)) }))
        }
    }
}

/// The app and tenant of a valid token. A token minted under a secret the app no longer has is revoked.
struct PrincipalStatement: HireStatement {
    static let sql = """
        SELECT a.tenant_key, a.app_id, a.developer, a.scopes
        FROM access_tokens t JOIN apps a ON a.app_id = t.app_id
        WHERE t.token_hash = $1::text AND t.expires_at > $2::int8 AND t.secret_sha256 = a.secret_sha256
        """

    let tokenHash: String
    let now: Int64

    func makeBindings() -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(tokenHash)
        bindings.append(now)
        return bindings
    }
}
