import FeishuWire
import HireCore
import Hummingbird
import Logging

/// The connection was closed on purpose by a fault with `drop`.
struct DroppedByFault: Error {}

extension HireServices {
    /// Lets the fault that fires on this request (if any) act: waits its delay, then answers
    /// its error or drops the connection. `nil` when the request goes on.
    func injectFault(
        _ endpoint: Endpoint, appID: String?, tenantKey: String?, context: HireRequestContext
    ) async throws -> Response? {
        guard let controls, let fault = await controls.fault(operation: endpoint.name, appID: appID, tenantKey: tenantKey)
        else { return nil }
        context.notes?.update { $0.faultID = fault.id }
        context.logger.debug("fault fired", metadata: ["fault": "\(fault.id)"])
        if fault.delayMS > 0 { try await Task.sleep(for: .milliseconds(fault.delayMS)) }
        if fault.drop {
            context.notes?.update { $0.dropped = true }
            context.channel?.close(mode: .all, promise: nil)
            throw DroppedByFault()
        }
        guard let error = fault.error else { return nil }
        context.notes?.update { $0.code = error.code.rawValue }
        if error.code == .rateLimited {
            return WireResponse.rateLimited(
                error, limit: rateLimitPolicy?.perSecond ?? RateLimitPolicy.platform.perSecond, resetAfter: 1,
                logID: context.logID)
        }
        return WireResponse.error(error, logID: context.logID)
    }
}
