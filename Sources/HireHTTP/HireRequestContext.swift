import HireCore
import Hummingbird
import Logging
import NIOCore

/// The context of one request: its log id and, once authenticated, its caller.
public struct HireRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The log id answered in `X-Tt-Logid` and in error bodies.
    public var logID = ""
    /// The caller, set by ``EndpointGate`` for resource endpoints.
    public var principal: Principal?
    /// What the request's journal entry needs; `nil` when it is not journaled.
    public var notes: RequestNotes?
    /// The connection, which a fault may drop. `nil` in tests that have none.
    public let channel: (any Channel)?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The caller of a resource endpoint.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.systemError }
        return principal
    }
}
