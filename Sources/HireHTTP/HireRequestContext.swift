import HireCore
import Hummingbird
import Logging

/// The context of one request: its log id and, once authenticated, its caller.
public struct HireRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The log id answered in `X-Tt-Logid` and in error bodies.
    public var logID = ""
    /// The caller, set by ``EndpointGate`` for resource endpoints.
    public var principal: Principal?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// The caller of a resource endpoint.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.systemError }
        return principal
    }
}
