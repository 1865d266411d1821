import FeishuWire
import HireStore
import HTTPTypes
import Hummingbird
import NIOCore

/// `GET /metrics`: the server's metrics in the Prometheus text format. Needs no token, like
/// `/healthz`; the labels carry no tenant data, but operators should not expose it publicly.
struct MetricsController {
    let metrics: ServerMetrics
    let store: any HireStore

    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    func addRoutes(to router: Router<HireRequestContext>) {
        router.get(RouterPath(Endpoint.metrics.path)) { [metrics, store] _, _ in
            Response(
                status: .ok, headers: [.contentType: Self.contentType],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition(store: store))))
        }
    }
}

extension Endpoint {
    /// `GET /metrics`: not part of the platform's API.
    static let metrics = Endpoint(
        name: "metrics", method: "GET", path: "/metrics", scopes: [], userIDTypes: [], successMessage: "ok")
}
