import Crypto
import FeishuWire

/// The open_ids and union_ids a data file does not pin: derived from the IDs
/// that name the user, so they are the same after a restart, an export and a
/// re-import into another store.
package enum DerivedID {
    /// `ou_` + 32 lowercase hex, different for every app.
    package static func openID(tenantKey: String, appID: String, userID: String) -> String {
        "ou_" + digest("open_id", tenantKey, appID, userID)
    }

    /// `on_` + 32 lowercase hex, different for every developer.
    package static func unionID(tenantKey: String, developer: String, userID: String) -> String {
        "on_" + digest("union_id", tenantKey, developer, userID)
    }

    private static func digest(_ parts: String...) -> String {
        var hasher = SHA256()
        for part in parts {
            // Length-prefixed, so ("ab","c") and ("a","bc") differ.
            withUnsafeBytes(of: UInt32(part.utf8.count).bigEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: Array(part.utf8))
        }
        return Hex.encode(hasher.finalize().prefix(16))
    }
}
