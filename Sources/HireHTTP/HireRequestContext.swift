import HireCore
import Hummingbird
import Logging
import NIOCore

/// The context of one request: its log id and, once authenticated, its caller.
package struct HireRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The log id answered in `X-Tt-Logid` and in error bodies.
    package var logID = ""
    /// The caller, set by ``EndpointGate`` for resource endpoints.
    package var principal: Principal?
    /// What the request's journal entry needs; `nil` when it is not journaled.
    package var notes: RequestNotes?
    /// The connection, which a fault may drop. `nil` in tests that have none.
    package let channel: (any Channel)?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The caller of a resource endpoint.
    func requirePrincipal() throws -> Principal {
        guard let principal else { throw APIError.systemError }
        return principal
    }
}
