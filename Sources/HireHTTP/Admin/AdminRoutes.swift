import FeishuWire
import HireCore
import HireStore
import Hummingbird

/// The admin API's routes, under `/_hire/` (docs/admin-api.md).
enum AdminRoutes {
    static let prefix = "/_hire"

    static let reset = route("reset", "POST", "/_hire/reset")
    static let snapshots = route("snapshots.list", "GET", "/_hire/snapshots")
    static let saveSnapshot = route("snapshots.save", "PUT", "/_hire/snapshots/:name")
    static let deleteSnapshot = route("snapshots.delete", "DELETE", "/_hire/snapshots/:name")
    static let restoreSnapshot = route("snapshots.restore", "POST", "/_hire/snapshots/:name/restore")
    static let faults = route("faults.list", "GET", "/_hire/faults")
    static let addFault = route("faults.add", "POST", "/_hire/faults")
    static let clearFaults = route("faults.clear", "DELETE", "/_hire/faults")
    static let removeFault = route("faults.remove", "DELETE", "/_hire/faults/:id")
    static let clock = route("clock.get", "GET", "/_hire/clock")
    static let moveClock = route("clock.move", "POST", "/_hire/clock")
    static let resetClock = route("clock.reset", "DELETE", "/_hire/clock")
    static let requests = route("requests.list", "GET", "/_hire/requests")
    static let countRequests = route("requests.count", "GET", "/_hire/requests/count")
    static let clearRequests = route("requests.clear", "DELETE", "/_hire/requests")
    static let importData = route("data.import", "POST", "/_hire/data")
    static let exportData = route("data.export", "GET", "/_hire/data")

    static let all = [
        reset, snapshots, saveSnapshot, deleteSnapshot, restoreSnapshot, faults, addFault, clearFaults, removeFault,
        clock, moveClock, resetClock, requests, countRequests, clearRequests, importData, exportData,
    ]

    private static func route(_ name: String, _ method: String, _ path: String) -> Endpoint {
        Endpoint(name: "_hire." + name, method: method, path: path, scopes: [], userIDTypes: [], successMessage: "ok")
    }

    /// Adds every admin route, behind ``AdminGate``.
    static func add(to router: Router<HireRequestContext>, services: HireServices, controls: ControlPlane, token: String) {
        let group = router.group().add(middleware: AdminGate(token: token))
        let admin = AdminContext(services: services, controls: controls)
        SnapshotAdminController(admin: admin).addRoutes(to: group)
        FaultAdminController(admin: admin).addRoutes(to: group)
        ClockAdminController(admin: admin).addRoutes(to: group)
        JournalAdminController(admin: admin).addRoutes(to: group)
        DataAdminController(admin: admin).addRoutes(to: group)
    }
}

/// What every admin controller works with.
struct AdminContext: Sendable {
    let services: HireServices
    let controls: ControlPlane

    var store: any HireStore { services.store }

    /// `{"code":0,"msg":"ok","data":<data>}`, `data` being one of the admin API's wire types.
    func ok<Payload: Codable & Sendable>(_ data: Payload) throws -> Response {
        WireResponse.success(data, msg: "ok")
    }

    /// Runs a change of the shared settings, then waits for every node to apply it.
    func change(_ body: (any ControlStore) async throws -> Int64) async throws {
        try await controls.changed(revision: try await body(store.controls))
    }
}

extension RouterGroup where Context == HireRequestContext {
    /// Adds the route of an admin endpoint.
    @discardableResult
    func on(_ endpoint: Endpoint, use handler: @escaping @Sendable (Request, HireRequestContext) async throws -> Response)
        -> Self
    {
        on(RouterPath(endpoint.path), method: HTTPRequest.Method(endpoint.method)!, use: handler)
    }
}
