import FeishuWire
import HTTPTypes
import Hummingbird

/// Finds a request's operation from the route the router matched (Hummingbird's
/// `endpointPath`, shared by every copy of the context) and the method: two dictionary
/// lookups, built once, nothing formatted per request.
struct OperationTable: Sendable {
    private let byPath: [String: [HTTPRequest.Method: OperationMetrics]]
    /// The operation of a request no route matched.
    let unknown: OperationMetrics

    init(routes: [Endpoint], metrics: ServerMetrics) {
        var byPath: [String: [HTTPRequest.Method: OperationMetrics]] = [:]
        for route in routes {
            guard let method = HTTPRequest.Method(route.method) else { continue }
            byPath[RouterPath(route.path).description, default: [:]][method] = metrics.operation(named: route.name)
        }
        self.byPath = byPath
        unknown = metrics.operation(named: ServerMetrics.unknownOperation)
    }

    /// The operation of the route matched for `request`, or ``unknown``.
    func operation(of request: Request, context: HireRequestContext) -> OperationMetrics {
        guard let path = context.coreContext.endpointPath.value, let operation = byPath[path]?[request.method] else {
            return unknown
        }
        return operation
    }
}
