import FeishuWire
import HireCore
import HireStore
import Hummingbird

/// `POST /_hire/reset` and `/_hire/snapshots`: saving and restoring the data.
struct SnapshotAdminController {
    let admin: AdminContext

    func addRoutes(to group: RouterGroup<HireRequestContext>) {
        group.on(AdminRoutes.reset) { request, _ in
            try await restore(SnapshotName.baseline, tenantKey: try request.queryItems.single("tenant_key"))
        }
        group.on(AdminRoutes.restoreSnapshot) { _, context in
            try await restore(try snapshotName(context), tenantKey: nil)
        }
        group.on(AdminRoutes.saveSnapshot) { request, context in
            let name = try snapshotName(context)
            let keys = request.queryItems.values("tenant_key")
            do {
                let info = try await Snapshots(store: admin.store).save(
                    name: name, tenantKeys: keys.isEmpty ? nil : keys, now: admin.services.clock.now())
                return try admin.ok(AdminWire.SavedSnapshot(snapshot: info.wire))
            } catch StoreError.unknownTenant(let key) {
                throw Self.unknownTenant(key)
            }
        }
        group.on(AdminRoutes.snapshots) { _, _ in
            try admin.ok(AdminWire.Items(items: try await admin.store.snapshots().map(\.wire)))
        }
        group.on(AdminRoutes.deleteSnapshot) { _, context in
            let name = try snapshotName(context)
            guard try await admin.store.deleteSnapshot(named: name) else { throw SnapshotName.unknown(name) }
            return try admin.ok(AdminWire.Empty())
        }
    }

    private func restore(_ name: String, tenantKey: String?) async throws -> Response {
        let restored: (SnapshotInfo, [String])?
        do {
            restored = try await Snapshots(store: admin.store).restore(
                name: name, tenantKey: tenantKey, now: admin.services.clock.now())
        } catch StoreError.unknownTenant(let key) {
            throw Self.unknownTenant(key)
        }
        guard let (info, tenants) = restored else { throw SnapshotName.unknown(name) }
        try await admin.change { try await $0.bumpRateLimitEpoch() }
        return try admin.ok(AdminWire.RestoredSnapshot(snapshot: info.wire, tenants: tenants))
    }

    private func snapshotName(_ context: HireRequestContext) throws -> String {
        let name = try context.pathParameter("name")
        try SnapshotName.validate(name)
        return name
    }

    private static func unknownTenant(_ key: String) -> APIError {
        .invalidParameter("tenant_key", "no tenant \(JSONValue.quoted(key))", value: key)
    }
}
