import Crypto
import FeishuWire

/// How app secrets are kept: only their SHA-256, compared in constant time.
///
/// A plain hash suffices because app secrets are long random strings, not passwords.
package enum SecretDigest {
    /// Lowercase hex SHA-256 of the secret's UTF-8.
    package static func hex(of secret: String) -> String {
        Hex.encode(SHA256.hash(data: Array(secret.utf8)))
    }

    /// Whether `secret` hashes to `digestHex`, in time independent of where they differ.
    package static func matches(secret: String, digestHex: String) -> Bool {
        let candidate = Array(hex(of: secret).utf8)
        let expected = Array(digestHex.lowercased().utf8)
        guard candidate.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in candidate.indices { difference |= candidate[index] ^ expected[index] }
        return difference == 0
    }

    /// Whether text is a well-formed digest (64 hex digits).
    package static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && Hex.decode(text) != nil
    }
}
