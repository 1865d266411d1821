import FeishuWire
import Hummingbird

/// `GET /healthz`: 200 while the server is serving. Touches nothing else.
struct HealthController {
    func addRoutes(to router: Router<HireRequestContext>) {
        router.get(RouterPath(Endpoint.health.path)) { _, _ in
            WireResponse.encoded(HealthStatus.serving, status: .ok)
        }
    }
}
