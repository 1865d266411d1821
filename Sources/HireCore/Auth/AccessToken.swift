import Crypto
import FeishuWire

/// Tenant access tokens: minting, hashing, and the lifetime rules.
///
/// A token is `t-` + hex(HMAC-SHA256(key: app secret, message: nonce)), with a
/// random 256-bit nonce. The store keeps the nonce and the token's SHA-256, never
/// the token: a stolen database yields no usable token, yet while a token has
/// 30 minutes left the endpoint can hand the same token out again to a caller
/// who proves the secret.
package enum AccessToken {
    /// Longest life of a token, in seconds.
    package static let lifetime: Int64 = 2 * 60 * 60
    /// A token with at least this many seconds left is handed out again instead of a new one.
    package static let reuseThreshold: Int64 = 30 * 60

    /// A new random nonce.
    package static func newNonce() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// The token of `nonce` for an app whose secret is `secret`.
    package static func mint(secret: String, nonce: [UInt8]) -> String {
        let key = SymmetricKey(data: Array(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: nonce, using: key)
        return "t-" + Hex.encode(Array(mac).prefix(20))
    }

    /// The lookup key of a token: lowercase hex SHA-256.
    package static func hash(_ token: some StringProtocol) -> String {
        Hex.encode(SHA256.hash(data: Array(token.utf8)))
    }

    /// The token of an `Authorization` header value `Bearer <token>`, `nil` if malformed.
    package static func bearer(from header: String?) -> Substring? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: " ")
        return token.isEmpty || token.contains(" ") ? nil : token
    }
}

/// What the token endpoint hands out: the token and its remaining lifetime.
package struct TokenGrant: Sendable, Hashable {
    package let token: String
    /// Seconds the token has left.
    package let expiresIn: Int64

    package init(token: String, expiresIn: Int64) {
        self.token = token
        self.expiresIn = expiresIn
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in character: Character) -> Substring {
        var text = self
        while text.first == character { text.removeFirst() }
        while text.last == character { text.removeLast() }
        return text
    }
}
