import Hummingbird

/// `GET /healthz`: 200 while the server is serving. Touches nothing else.
struct HealthController {
    static let path = "/healthz"

    func addRoutes(to router: Router<HireRequestContext>) {
        router.get(RouterPath(Self.path)) { _, _ in
            WireResponse.json(#"{"status":"ok"}"#, status: .ok)
        }
    }
}
