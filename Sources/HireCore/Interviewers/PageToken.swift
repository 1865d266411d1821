import Crypto
import Foundation

/// Where the next page of the interviewer list starts.
///
/// A listing reads one snapshot of the tenant's interviewers (the tenant's revision
/// when the first page was read), so pages never repeat or skip an interviewer
/// however many PATCHes land while a client pages.
package struct InterviewerCursor: Sendable, Hashable {
    /// The tenant revision the listing reads.
    package let snapshot: Int64
    /// Update time of the last interviewer returned.
    package let updateTime: Int64
    /// Tenant `user_id` of the last interviewer returned.
    package let userID: String

    package init(snapshot: Int64, updateTime: Int64, userID: String) {
        self.snapshot = snapshot
        self.updateTime = updateTime
        self.userID = userID
    }
}

/// Seals cursors into opaque page tokens and opens them again.
///
/// Tokens are AES-GCM sealed under a key every node of a deployment shares:
/// clients can neither read nor alter them, and a token is bound to the tenant
/// and the filters of the listing that issued it.
package struct PageTokenSealer: Sendable {
    /// How long a page token stays valid, in seconds.
    package static let lifetime: Int64 = 60 * 60
    private static let version: UInt8 = 1

    private let key: SymmetricKey

    /// - Parameter keyBytes: 32 random bytes, the same on every node.
    package init(keyBytes: [UInt8]) {
        key = SymmetricKey(data: keyBytes)
    }

    package func seal(_ cursor: InterviewerCursor, tenantKey: String, fingerprint: String, issuedAt: Int64) -> String {
        var plain: [UInt8] = [Self.version]
        Self.append(cursor.snapshot, to: &plain)
        Self.append(cursor.updateTime, to: &plain)
        Self.append(issuedAt, to: &plain)
        plain.append(contentsOf: cursor.userID.utf8)
        // Sealing only fails for a key of the wrong size, which init rules out.
        let box = try! AES.GCM.seal(plain, using: key, authenticating: Self.context(tenantKey, fingerprint))
        return Base64URL.encode(box.combined!)
    }

    /// The cursor of a token this deployment issued for this tenant and these filters.
    /// - Parameter now: seconds since 1970.
    package func open(_ token: String, tenantKey: String, fingerprint: String, now: Int64) throws(APIError) -> InterviewerCursor {
        let invalid = APIError.invalidParameter(
            "page_token", "is not a page token this server issued for this query", value: token)
        guard let combined = Base64URL.decode(token),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let plain = try? AES.GCM.open(box, using: key, authenticating: Self.context(tenantKey, fingerprint)),
            plain.count >= 25, plain[0] == Self.version
        else { throw invalid }
        let bytes = Array(plain)
        let issuedAt = Self.int64(bytes, at: 17)
        guard now - issuedAt <= Self.lifetime else {
            throw .invalidParameter("page_token", "has expired; list again from the first page", value: token)
        }
        guard let userID = String(validating: bytes[25...], as: UTF8.self) else { throw invalid }
        return InterviewerCursor(snapshot: Self.int64(bytes, at: 1), updateTime: Self.int64(bytes, at: 9), userID: userID)
    }

    private static func context(_ tenantKey: String, _ fingerprint: String) -> [UInt8] {
        Array(tenantKey.utf8) + [0] + Array(fingerprint.utf8)
    }

    private static func append(_ value: Int64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    private static func int64(_ bytes: [UInt8], at offset: Int) -> Int64 {
        bytes[offset..<offset + 8].reduce(0) { $0 << 8 | Int64($1) }
    }
}
