import FeishuWire
import HireCore

/// The rules every backend applies, as plain functions over values: a backend reads
/// what they need and writes what they answer, in its own SQL.
package enum StoreRules {
    /// Interviewer history superseded before this time (ms) no page token can still read:
    /// page tokens live ``PageTokenSealer/lifetime`` seconds, plus five minutes of clock skew.
    package static func historyHorizon(now: Int64) -> Int64 { now - (PageTokenSealer.lifetime + 300) * 1000 }

    /// The tenants an export writes, in order: the requested ones (all stored ones for `nil`) by key.
    /// - Parameter stored: every stored tenant key, sorted.
    /// - Throws: ``StoreError/unknownTenant(_:)`` for a requested tenant the store does not have.
    package static func exportedTenants(_ requested: [String]?, stored: [String]) throws -> [String] {
        let keys = requested.map { $0.sorted() } ?? stored
        if let missing = keys.first(where: { !stored.contains($0) }) { throw StoreError.unknownTenant(missing) }
        return keys
    }

    /// The most rows a page may read: `limit`, never negative (SQLite reads a negative LIMIT as none).
    package static func pageLimit(_ limit: Int) -> Int { max(0, limit) }

    /// What an interview listing reads (``HireStore/interviews(matching:after:limit:in:jobLevelIDType:)``):
    /// the filter's conditions, all of which must hold, and the page's bounds. An interview without
    /// a begin time is outside any time window (``InterviewFilter/admits(beginTime:)``).
    package static func interviewSelection(_ filter: InterviewFilter, after afterID: String?, limit: Int)
        -> InterviewSelection
    {
        var window: ClosedRange<Int64>?
        var empty = pageLimit(limit) == 0
        if filter.beginTimeFrom != nil || filter.beginTimeTo != nil {
            let from = filter.beginTimeFrom ?? .min
            let to = filter.beginTimeTo ?? .max
            if from <= to { window = from...to } else { empty = true }
        }
        return InterviewSelection(
            interviewID: filter.interviewID, applicationID: filter.applicationID, beginTime: window, afterID: afterID,
            limit: pageLimit(limit), isEmpty: empty)
    }

    /// Which records a record listing reads (``HireStore/interviewRecords(ids:after:limit:in:)``): the
    /// IDs asked for, each once, whatever the page (none for an empty list); or a page in record ID order.
    package static func recordSelection(ids: [String]?, after afterID: String?, limit: Int) -> RecordSelection {
        guard let ids else { return .page(after: afterID, limit: pageLimit(limit)) }
        var seen = Set<String>()
        return .ids(ids.filter { seen.insert($0).inserted })
    }

    /// A name column's value: names are stored as the JSON text of their value.
    package static func storedJSON(_ text: String?) throws -> JSONValue? {
        try text.map { try JSONParser.parse($0) }
    }

    /// Whether an app may be written over what is stored under its ID (`stored`: the stored
    /// app's tenant and developer, if any), and so whether its users need IDs for it.
    /// - Returns: `true` if every user of the tenant needs an ID for the app and its developer
    ///   (a new app, or a new developer).
    /// - Throws: ``ImportConflict`` if the app belongs to another tenant.
    package static func checkApp(
        _ app: AppEntity, tenantKey: String, stored: (tenantKey: String, developer: String)?, at location: DataLocation
    ) throws -> Bool {
        if let stored, stored.tenantKey != tenantKey {
            throw ImportConflict("app \(JSONValue.quoted(app.appID)) belongs to another tenant", at: location / "app_id")
        }
        return stored?.developer != app.developer
    }

    /// The conflict of a user whose people_admin_id another user of the tenant (`holder`) has.
    package static func peopleAdminIDTaken(holder: String, at location: DataLocation) -> ImportConflict {
        ImportConflict("is already the people_admin_id of user \(JSONValue.quoted(holder))", at: location / "people_admin_id")
    }

    /// The conflict of an ID that another user (`owner`, if known) has already.
    package static func idTaken(_ id: PlannedUserID, owner: String?) -> ImportConflict {
        ImportConflict(
            "the \(id.type.rawValue) \(JSONValue.quoted(id.externalID)) of \(JSONValue.quoted(id.userID)) for \(JSONValue.quoted(id.namespace)) is already the ID of user \(JSONValue.quoted(owner ?? "?"))")
    }
}

/// An app of a tenant, as ID derivation needs it.
package struct TenantApp: Sendable, Hashable {
    package let appID: String
    package let developer: String

    package init(appID: String, developer: String) {
        self.appID = appID
        self.developer = developer
    }
}

/// An open_id or union_id to store for a user (a row of `user_ids`).
package struct PlannedUserID: Sendable, Hashable {
    package let type: UserIDType
    /// The app (open_id) or developer (union_id).
    package let namespace: String
    package let externalID: String
    /// The user's `users` row.
    package let userRow: Int64
    package let userID: String
    /// Given by the data rather than derived.
    package let pinned: Bool
}

/// Which open_ids and union_ids a user has: one for every app and developer of the tenant,
/// pinned where the data pins one, derived (``DerivedID``) otherwise.
package enum IdentityPlan {
    /// Every ID of a user written by an import (its stored IDs are replaced by these):
    /// open_ids, then union_ids, each by namespace.
    package static func ids(
        ofUser userID: String, row userRow: Int64, tenantKey: String,
        openIDs: [String: String], unionIDs: [String: String], apps: [TenantApp]
    ) -> [PlannedUserID] {
        var open = openIDs.mapValues { (id: $0, pinned: true) }
        var union = unionIDs.mapValues { (id: $0, pinned: true) }
        for app in apps {
            if open[app.appID] == nil {
                open[app.appID] = (DerivedID.openID(tenantKey: tenantKey, appID: app.appID, userID: userID), false)
            }
            if union[app.developer] == nil {
                union[app.developer] = (
                    DerivedID.unionID(tenantKey: tenantKey, developer: app.developer, userID: userID), false
                )
            }
        }
        return [(UserIDType.openID, open), (.unionID, union)].flatMap { type, ids in
            ids.sorted { $0.key < $1.key }.map { namespace, value in
                PlannedUserID(
                    type: type, namespace: namespace, externalID: value.id, userRow: userRow, userID: userID,
                    pinned: value.pinned)
            }
        }
    }

    /// The IDs a user gets for a new app (or an app's new developer): those it does not have yet.
    package static func ids(
        ofUser userID: String, row userRow: Int64, tenantKey: String, forApp app: TenantApp,
        hasOpenID: Bool, hasUnionID: Bool
    ) -> [PlannedUserID] {
        var ids: [PlannedUserID] = []
        if !hasOpenID {
            ids.append(PlannedUserID(
                type: .openID, namespace: app.appID,
                externalID: DerivedID.openID(tenantKey: tenantKey, appID: app.appID, userID: userID),
                userRow: userRow, userID: userID, pinned: false))
        }
        if !hasUnionID {
            ids.append(PlannedUserID(
                type: .unionID, namespace: app.developer,
                externalID: DerivedID.unionID(tenantKey: tenantKey, developer: app.developer, userID: userID),
                userRow: userRow, userID: userID, pinned: false))
        }
        return ids
    }
}

extension EntityReference {
    /// Where the referenced entity is stored: its table, the column of its ID, and the
    /// tenant to look in (`nil` for a tenant, which is the row itself).
    package func storage(tenantKey: String) -> (table: String, idColumn: String, tenantKey: String?) {
        switch kind {
        case .tenant: ("tenants", "tenant_key", nil)
        case .app: ("apps", "app_id", tenantKey)
        case .user: ("users", "user_id", tenantKey)
        case .jobLevel: ("job_levels", "job_level_id", tenantKey)
        case .talent: ("talents", "talent_id", tenantKey)
        case .application: ("applications", "application_id", tenantKey)
        case .interview, .interviewRecord, .interviewer, .interviewRoundType: preconditionFailure("nothing refers to a \(kind)")
        }
    }

    /// The tenant the referenced entity belongs to.
    package func owningTenant(_ tenantKey: String) -> String { kind == .tenant ? id : tenantKey }
}

/// The interviews a listing reads, as a backend binds them: every condition given must hold; the
/// rows come in interview ID order (bytes), after ``afterID``, at most ``limit``.
package struct InterviewSelection: Sendable, Hashable {
    package let interviewID: String?
    package let applicationID: String?
    /// Inclusive bounds of `begin_time`; `nil` for no condition on it (interviews without one included).
    package let beginTime: ClosedRange<Int64>?
    package let afterID: String?
    package let limit: Int
    /// Nothing can match (no room on the page, or an empty window): answer `[]` without reading.
    package let isEmpty: Bool
}

/// The records a record listing reads: those of the IDs (each once), or a page in record ID order (bytes).
package enum RecordSelection: Sendable, Hashable {
    case ids([String])
    case page(after: String?, limit: Int)
}
