import FeishuWire
import Foundation

/// The request journal: every request to `/open-apis/`, newest `--journal-size` per node: `admin.requests`.
///
/// ```swift
/// let patches = try await admin.requests.list(filter: RequestFilter(operation: Endpoint.patchInterviewer.name))
/// #expect(patches.last?.logID == error.logID)
/// ```
public struct AdminRequests: Sendable {
    let admin: HireAdmin

    /// The entries that match `filter`, in arrival order (`GET /_hire/requests`).
    /// - Parameters:
    ///   - filter: which requests; every one by default.
    ///   - sinceSeq: only entries with a ``JournalEntry/seq`` greater than this; pass the last
    ///     one seen to get only newer entries. `nil` for all (0).
    ///   - limit: at most this many, 1–10000; `nil` for the server's default, 1000.
    /// - Throws: always a ``FeishuError``; 1002002 for a limit out of range.
    public func list(
        filter: RequestFilter = RequestFilter(), sinceSeq: Int64? = nil, limit: Int? = nil
    ) async throws -> [JournalEntry] {
        try await admin.call(.listRequests(filter: filter, sinceSeq: sinceSeq, limit: limit)).items ?? []
    }

    /// How many entries match `filter` (`GET /_hire/requests/count`).
    /// - Throws: always a ``FeishuError``.
    public func count(filter: RequestFilter = RequestFilter()) async throws -> Int {
        try await admin.call(.countRequests(filter: filter)).count
    }

    /// Empties the journal (`DELETE /_hire/requests`); ``JournalEntry/seq`` numbers are never reused.
    /// - Returns: how many entries were removed.
    /// - Throws: always a ``FeishuError``.
    @discardableResult
    public func clear() async throws -> Int {
        try await admin.call(.clearRequests()).count
    }
}

/// Which journal entries: each member set narrows the selection.
public struct RequestFilter: Sendable, Hashable {
    /// The operation, an ``Endpoint/name`` such as `hire.v1.interviewer.patch`.
    public var operation: String?
    /// The app that made the request.
    public var appID: String?
    /// The tenant of the request.
    public var tenantKey: String?
    /// The code answered, e.g. ``APICode/success`` or ``APICode/invalidAccessToken``.
    public var code: APICode?

    /// A filter; `nil` members match anything.
    public init(operation: String? = nil, appID: String? = nil, tenantKey: String? = nil, code: APICode? = nil) {
        self.operation = operation
        self.appID = appID
        self.tenantKey = tenantKey
        self.code = code
    }

    /// The query parameters of the filter.
    var queryParameters: [QueryParameter] {
        QueryParameter.optional("operation", operation) + QueryParameter.optional("app_id", appID)
            + QueryParameter.optional("tenant_key", tenantKey)
            + QueryParameter.optional("code", code.map { String($0.rawValue) })
    }
}
