import Crypto
import Foundation

/// Where the next page of a list starts: numbers and a text, sealed into a page token.
package protocol PageCursor: Sendable, Hashable {
    /// How many numbers the cursor holds.
    static var numberCount: Int { get }
    var numbers: [Int64] { get }
    var text: String { get }
    init(numbers: [Int64], text: String)
}

/// Where the next page of a list ordered by ID starts: after the last ID returned.
package struct IDCursor: PageCursor {
    package let lastID: String

    package init(lastID: String) { self.lastID = lastID }

    package static let numberCount = 0
    package var numbers: [Int64] { [] }
    package var text: String { lastID }
    package init(numbers: [Int64], text: String) { lastID = text }
}

/// Where the next page of the interviewer list starts.
///
/// A listing reads one snapshot of the tenant's interviewers (the tenant's revision
/// when the first page was read), so pages never repeat or skip an interviewer
/// however many PATCHes land while a client pages.
package struct InterviewerCursor: PageCursor {
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

extension InterviewerCursor {
    package static let numberCount = 2
    package var numbers: [Int64] { [snapshot, updateTime] }
    package var text: String { userID }
    package init(numbers: [Int64], text: String) {
        self.init(snapshot: numbers[0], updateTime: numbers[1], userID: text)
    }
}

/// Seals cursors into opaque page tokens and opens them again.
///
/// Tokens are AES-GCM sealed under a key every node of a deployment shares:
/// clients can neither read nor alter them, and a token is bound to the tenant
/// and the filters of the listing that issued it (its fingerprint, which names the
/// endpoint, so that one list's token is refused by another).
package struct PageTokenSealer: Sendable {
    /// How long a page token stays valid, in seconds.
    package static let lifetime: Int64 = 60 * 60
    private static let version: UInt8 = 1

    private let key: SymmetricKey

    /// - Parameter keyBytes: 32 random bytes, the same on every node.
    package init(keyBytes: [UInt8]) {
        key = SymmetricKey(data: keyBytes)
    }

    package func seal(_ cursor: some PageCursor, tenantKey: String, fingerprint: String, issuedAt: Int64) -> String {
        var plain: [UInt8] = [Self.version]
        Self.append(issuedAt, to: &plain)
        for number in cursor.numbers { Self.append(number, to: &plain) }
        plain.append(contentsOf: cursor.text.utf8)
        // Sealing only fails for a key of the wrong size, which init rules out.
        let box = try! AES.GCM.seal(plain, using: key, authenticating: Self.context(tenantKey, fingerprint))
        return Base64URL.encode(box.combined!)
    }

    /// The cursor of a token this deployment issued for this tenant and these filters.
    /// - Parameter now: seconds since 1970.
    package func open<Cursor: PageCursor>(
        _ token: String, as type: Cursor.Type = Cursor.self, tenantKey: String, fingerprint: String, now: Int64
    ) throws(APIError) -> Cursor {
        let invalid = APIError.invalidParameter(
            "page_token", "is not a page token this server issued for this query", value: token)
        let textStart = 9 + 8 * Cursor.numberCount
        guard let combined = Base64URL.decode(token),
            let box = try? AES.GCM.SealedBox(combined: combined),
            let plain = try? AES.GCM.open(box, using: key, authenticating: Self.context(tenantKey, fingerprint)),
            plain.count >= textStart, plain[0] == Self.version
        else { throw invalid }
        let bytes = Array(plain)
        guard now - Self.int64(bytes, at: 1) <= Self.lifetime else {
            throw .invalidParameter("page_token", "has expired; list again from the first page", value: token)
        }
        guard let text = String(validating: bytes[textStart...], as: UTF8.self) else { throw invalid }
        return Cursor(numbers: (0..<Cursor.numberCount).map { Self.int64(bytes, at: 9 + 8 * $0) }, text: text)
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

extension PageTokenSealer {
    /// The cursor a list request's `page_token` holds; `nil` for a first page.
    /// - Parameter nowMS: milliseconds since 1970.
    package func cursor<Cursor: PageCursor>(
        _ token: String?, as type: Cursor.Type, tenantKey: String, fingerprint: String, nowMS: Int64
    ) throws(APIError) -> Cursor? {
        guard let token else { return nil }
        return try open(token, as: type, tenantKey: tenantKey, fingerprint: fingerprint, now: nowMS / 1000)
    }

    /// The `page_token` of the page after `cursor`; `nil` when there is none.
    package func token(
        after cursor: (some PageCursor)?, tenantKey: String, fingerprint: String, nowMS: Int64
    ) -> String? {
        cursor.map { seal($0, tenantKey: tenantKey, fingerprint: fingerprint, issuedAt: nowMS / 1000) }
    }
}
