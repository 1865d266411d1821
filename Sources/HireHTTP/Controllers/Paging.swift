import HireCore

/// One page of a list ordered by ID: the request's cursor, the rows read one past the
/// page's size (to learn whether more follow), and the token of the next page.
struct Paging {
    let size: Int
    let after: IDCursor?
    private let sealer: PageTokenSealer
    private let tenantKey: String
    private let fingerprint: String
    private let now: Int64

    /// Opens the request's `page_token` for this tenant and these filters.
    /// - Throws: 1002002 naming `page_token` for a token this listing did not issue, or an expired one.
    init(_ request: PageRequest, view: IdentityView, fingerprint: String, _ services: HireServices) throws(APIError) {
        size = request.size
        sealer = services.pageTokens
        tenantKey = view.tenantKey
        self.fingerprint = fingerprint
        now = services.clock.now()
        after = try sealer.cursor(request.token, as: IDCursor.self, tenantKey: tenantKey, fingerprint: fingerprint, nowMS: now)
    }

    /// Reads the page: `fetch(afterID, limit)` returns rows in ID order. `next` is the row the
    /// next page starts after, `nil` on the last page.
    func read<Row>(
        _ fetch: (_ after: String?, _ limit: Int) async throws -> [Row]
    ) async throws -> (rows: [Row], hasMore: Bool, next: Row?) {
        var rows = try await fetch(after?.lastID, size + 1)
        let hasMore = rows.count > size
        if hasMore { rows.removeLast(rows.count - size) }
        return (rows, hasMore, hasMore ? rows.last : nil)
    }

    /// The `page_token` of the page after the row `lastID`, or `nil` when there is none.
    func token(after lastID: String?) -> String? {
        sealer.token(after: lastID.map { IDCursor(lastID: $0) }, tenantKey: tenantKey, fingerprint: fingerprint, nowMS: now)
    }
}
