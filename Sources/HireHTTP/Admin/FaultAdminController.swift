import FeishuWire
import HireCore
import HireStore
import Hummingbird

/// `/_hire/faults`: injecting failures.
struct FaultAdminController {
    let admin: AdminContext

    func addRoutes(to group: RouterGroup<HireRequestContext>) {
        group.on(AdminRoutes.addFault) { request, _ in
            var request = request
            let fault = try Fault.parse(
                try JSONBody.object(try await request.bodyBytes()), id: Fault.newID(), now: admin.services.clock.now(),
                operations: Endpoint.all.map(\.name))
            try await admin.change { try await $0.addFault(fault) }
            return try admin.ok(fault.wire)
        }
        group.on(AdminRoutes.faults) { _, _ in
            try admin.ok(AdminWire.Items(items: try await admin.store.controls.load().faults.map(\.wire)))
        }
        group.on(AdminRoutes.removeFault) { _, context in
            let id = try context.pathParameter("id")
            guard let revision = try await admin.store.controls.removeFault(id: id) else {
                var error = APIError.invalidParameter("id", "no fault \(JSONValue.quoted(id))", value: id)
                error.httpStatus = 404
                throw error
            }
            try await admin.controls.changed(revision: revision)
            return try admin.ok(AdminWire.Empty())
        }
        group.on(AdminRoutes.clearFaults) { _, _ in
            let (count, revision) = try await admin.store.controls.removeAllFaults()
            try await admin.controls.changed(revision: revision)
            return try admin.ok(AdminWire.Count(count: count))
        }
    }
}
