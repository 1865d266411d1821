import FeishuWire
import HireCore
import HireStore
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import ServiceLifecycle

/// Builds the HTTP application of `hire-server`.
package enum HireApplication {
    /// The router with every endpoint, the envelope and the gates.
    package static func router(services: HireServices) -> Router<HireRequestContext> {
        let router = Router(context: HireRequestContext.self)
        let admin = services.adminToken.flatMap { token in services.controls.map { (token, $0) } }
        let metrics = services.metrics.isRecording
        let routes = Endpoint.all + [.health, .openAPIDocument] + (metrics ? [.metrics] : []) + (admin == nil ? [] : AdminRoutes.all)
        router.add(middleware: EnvelopeMiddleware(
            clock: services.clock, routes: routes, journal: services.controls?.journal,
            operations: OperationTable(routes: routes, metrics: services.metrics)))
        HealthController().addRoutes(to: router)
        if metrics { MetricsController(metrics: services.metrics, store: services.store).addRoutes(to: router) }
        OpenAPIController().addRoutes(to: router)
        AuthController(services: services).addRoutes(to: router)
        InterviewerController(services: services).addRoutes(to: router)
        InterviewController(services: services).addRoutes(to: router)
        InterviewRecordController(services: services).addRoutes(to: router)
        if let (token, controls) = admin {
            AdminRoutes.add(to: router, services: services, controls: controls, token: token)
        }
        return router
    }

    /// The services to run beside the server: the rate limiter's sync (on PostgreSQL) and the
    /// admin API's settings sync, when it is on.
    package static func services(_ services: HireServices) -> [any Service] {
        services.backgroundServices + (services.controls.map { [$0] } ?? [])
    }

    /// The application, listening as `configuration` says, running `services` alongside.
    package static func make(
        services: HireServices,
        configuration: ApplicationConfiguration,
        limits: ConnectionLimits = ConnectionLimits(),
        tls: ServerTLS? = nil,
        backgroundServices: [any Service] = [],
        logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(services: services),
            server: server(services: services, limits: limits, tls: tls),
            configuration: configuration,
            services: backgroundServices + Self.services(services),
            onServerRunning: onServerRunning,
            logger: logger)
    }
}

extension HireApplication {
    /// HTTP/1.1 under `limits`, with requests the parser refuses answered in the envelope.
    /// - Parameters:
    ///   - counter: counts the open connections (a fresh one by default).
    ///   - tls: serve HTTPS with this certificate; `nil` serves plain HTTP.
    package static func server(
        services: HireServices, limits: ConnectionLimits = ConnectionLimits(), counter: ConnectionCounter? = nil,
        tls: ServerTLS? = nil
    ) -> HTTPServerBuilder {
        let clock = services.clock
        let counter = counter ?? ConnectionCounter(limit: limits.maxConnections)
        return HTTPServerBuilder { responder in
            let http1 = LimitedHTTP1Channel(
                responder: responder, limits: limits, counter: counter, tls: tls != nil,
                additionalChannelHandlers: { [MalformedRequestResponder(clock: clock)] })
            guard let tls else { return http1 }
            return try TLSChannel(http1, tlsConfiguration: tls.configuration)
        }
    }
}

extension Endpoint {
    /// `GET /healthz`: not part of the platform's API.
    static let health = Endpoint(
        name: "healthz", method: "GET", path: "/healthz", scopes: [], userIDTypes: [], successMessage: "ok")
}
