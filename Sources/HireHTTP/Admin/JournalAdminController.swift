import FeishuWire
import HireCore
import Hummingbird

/// `/_hire/requests`: what clients sent.
struct JournalAdminController {
    let admin: AdminContext

    func addRoutes(to group: RouterGroup<HireRequestContext>) {
        group.on(AdminRoutes.requests) { request, _ in
            let journal = try journal()
            let items = request.queryItems
            let limit = try Self.integer(items, "limit", in: 1...10_000) ?? 1_000
            let entries = journal.entries(try Self.filter(items), limit: Int(limit))
            return try admin.ok(AdminWire.Items(items: entries))
        }
        group.on(AdminRoutes.countRequests) { request, _ in
            try admin.ok(AdminWire.Count(count: try journal().count(try Self.filter(request.queryItems))))
        }
        group.on(AdminRoutes.clearRequests) { _, _ in
            try admin.ok(AdminWire.Count(count: try journal().clear()))
        }
    }

    private func journal() throws -> RequestJournal {
        guard let journal = admin.controls.journal else {
            throw APIError.invalidParameter("journal_size", "the journal is off: serve with --journal-size above 0")
        }
        return journal
    }

    static func filter(_ items: QueryItems) throws(APIError) -> JournalFilter {
        JournalFilter(
            operation: try nonEmpty(items, "operation"), appID: try nonEmpty(items, "app_id"),
            tenantKey: try nonEmpty(items, "tenant_key"),
            code: try integer(items, "code", in: Int64(Int32.min)...Int64(Int32.max)).map(Int.init),
            sinceSeq: try integer(items, "since_seq", in: 0...Int64.max) ?? 0)
    }

    private static func nonEmpty(_ items: QueryItems, _ name: String) throws(APIError) -> String? {
        guard let value = try items.single(name), !value.isEmpty else { return nil }
        return value
    }

    private static func integer(_ items: QueryItems, _ name: String, in range: ClosedRange<Int64>) throws(APIError)
        -> Int64?
    {
        guard let text = try nonEmpty(items, name) else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw .invalidParameter(name, "must be an integer from \(range.lowerBound) to \(range.upperBound)", value: text)
        }
        return value
    }
}
