import FeishuWire
import HireCore
import HireStore
import HTTPTypes
import Hummingbird
import Logging

/// Admits a request to a resource endpoint: a valid tenant token (99991661,
/// 99991663), within the app's rate limit (99991400), with one of the
/// endpoint's scopes (99991672). Nothing is looked up for a request it refuses.
struct EndpointGate: RouterMiddleware {
    typealias Context = HireRequestContext

    let endpoint: Endpoint
    let services: HireServices
    /// The endpoint's metrics, looked up once.
    let metrics: OperationMetrics

    init(endpoint: Endpoint, services: HireServices) {
        self.endpoint = endpoint
        self.services = services
        metrics = services.metrics.operation(named: endpoint.name)
    }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        context.notes?.update { $0.operation = endpoint.name }
        guard let token = AccessToken.bearer(from: request.headers[.authorization]) else {
            throw APIError.missingAccessToken
        }
        let now = services.clock.now()
        guard let principal = try await services.store.principal(tokenHash: AccessToken.hash(token), now: now) else {
            throw APIError.invalidAccessToken
        }
        context.notes?.update {
            $0.appID = principal.appID
            $0.tenantKey = principal.tenantKey
        }
        if let faulted = try await services.injectFault(
            endpoint, appID: principal.appID, tenantKey: principal.tenantKey, context: context)
        {
            return faulted
        }
        if let limiter = services.rateLimiter,
            case .limited(let limit, let resetAfter) = await limiter.admit(
                appID: principal.appID, endpoint: endpoint.name, now: now)
        {
            context.notes?.update { $0.code = APICode.rateLimited.rawValue }
            metrics.recordRateLimited()
            return WireResponse.rateLimited(limit: limit, resetAfter: resetAfter, logID: context.logID)
        }
        try principal.authorize(endpoint)
        var context = context
        context.principal = principal
        context.logger[metadataKey: "app_id"] = .string(principal.appID)
        return try await next(request, context)
    }
}

extension Router<HireRequestContext> {
    /// Serves `endpoint` (its method and path) with `handler`, behind its ``EndpointGate``.
    func add(
        _ endpoint: Endpoint, services: HireServices,
        use handler: @escaping @Sendable (Request, HireRequestContext) async throws -> Response
    ) {
        group()
            .add(middleware: EndpointGate(endpoint: endpoint, services: services))
            .on(RouterPath(endpoint.path), method: HTTPRequest.Method(endpoint.method)!, use: handler)
    }
}
