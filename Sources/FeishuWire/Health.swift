/// The body of `GET /healthz`.
package struct HealthStatus: Codable, Sendable, Hashable {
    /// `ok` while the server is serving.
    package var status: String

    package init(status: String) { self.status = status }

    package static let serving = HealthStatus(status: "ok")
}
