import FeishuWire
import Hummingbird

/// `GET /openapi.json`: the OpenAPI document of the server (``OpenAPIDocument``). No authentication.
struct OpenAPIController {
    /// Written once, on first use; each answer shares its bytes.
    static let body = ByteBuffer(string: OpenAPIDocument.text)

    func addRoutes(to router: Router<HireRequestContext>) {
        router.get(RouterPath(Endpoint.openAPIDocument.path)) { _, _ in
            WireResponse.json(Self.body, status: .ok)
        }
    }
}
