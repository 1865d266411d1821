import FeishuWire

/// One request as the server received and answered it, for the admin API's journal: the
/// admin API's own wire type, which `GET /_hire/requests` answers as it is.
package typealias JournalEntry = AdminWire.JournalEntry

extension AdminWire.JournalEntry {
    /// The most of a body kept: 64 KiB.
    package static let maximumBody = 64 << 10

    /// An entry for the journal to number (``RequestJournal/append(_:)``), its duration kept
    /// to the microsecond.
    package init(
        node: String, timeMS: Int64, method: String, path: String, query: String, operation: String?, appID: String?,
        tenantKey: String?, httpStatus: Int, code: Int, logID: String, durationMS: Double, body: String?,
        bodyTruncated: Bool, faultID: String?
    ) {
        self.init(
            seq: 0, node: node, timeMS: timeMS, method: method, path: path, query: query, operation: operation,
            appID: appID, tenantKey: tenantKey, httpStatus: httpStatus, code: APICode(code), logID: logID,
            durationMS: (durationMS * 1000).rounded() / 1000, body: body, bodyTruncated: bodyTruncated,
            faultID: faultID)
    }

    /// A write's body as the journal keeps it: UTF-8 text cut at ``maximumBody`` bytes;
    /// for the token endpoints, the JSON object with `app_secret` redacted (nothing if it is not one).
    package static func recordedBody(_ bytes: [UInt8], redactingSecret: Bool) -> (body: String?, truncated: Bool) {
        if redactingSecret {
            guard case .object(var object)? = try? JSONParser.parse(bytes) else { return (nil, false) }
            if object["app_secret"] != nil { object["app_secret"] = .string("[REDACTED]") }
            return cut(Array(JSONWriter.write(.object(object)).utf8))
        }
        return cut(bytes)
    }

    private static func cut(_ bytes: [UInt8]) -> (body: String?, truncated: Bool) {
        guard bytes.count > maximumBody else { return (String(decoding: bytes, as: UTF8.self), false) }
        var end = maximumBody
        // Do not cut a UTF-8 sequence in two.
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }
        return (String(decoding: bytes[..<end], as: UTF8.self), true)
    }
}

/// Which journal entries a query selects.
package struct JournalFilter: Sendable, Hashable {
    package var operation: String?
    package var appID: String?
    package var tenantKey: String?
    package var code: Int?
    /// Entries after this sequence number.
    package var sinceSeq: Int64 = 0

    package init(operation: String? = nil, appID: String? = nil, tenantKey: String? = nil, code: Int? = nil, sinceSeq: Int64 = 0) {
        self.operation = operation
        self.appID = appID
        self.tenantKey = tenantKey
        self.code = code
        self.sinceSeq = sinceSeq
    }

    package func selects(_ entry: JournalEntry) -> Bool {
        entry.seq > sinceSeq
            && (operation == nil || entry.operation == operation)
            && (appID == nil || entry.appID == appID)
            && (tenantKey == nil || entry.tenantKey == tenantKey)
            && (code == nil || entry.code.rawValue == code)
    }
}
