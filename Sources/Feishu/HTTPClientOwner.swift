import AsyncHTTPClient
import NIOCore
import NIOSSL
import Synchronization

/// The `HTTPClient` a client sends through: its own, created with a connect timeout and
/// shut down by ``shutdown()``, or one the caller injected and keeps ownership of.
final class HTTPClientOwner: Sendable {
    let httpClient: HTTPClient
    private let ownsHTTPClient: Bool
    private let isShutDown = Mutex(false)

    /// `injected` if given (left running by ``shutdown()``), else a new client connecting within
    /// `connectTimeout` and trusting the CA certificates of the PEM file `caFile` besides the system's.
    init(injected: HTTPClient?, connectTimeout: Duration, caFile: String? = nil) {
        if let injected {
            httpClient = injected
            ownsHTTPClient = false
        } else {
            var settings = HTTPClient.Configuration()
            settings.timeout = .init(connect: TimeAmount(connectTimeout))
            if let caFile {
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.additionalTrustRoots = [.file(caFile)]
                settings.tlsConfiguration = tls
            }
            httpClient = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
            ownsHTTPClient = true
        }
    }

    /// Shuts the `HTTPClient` down if it is this owner's own; the second call does nothing.
    func shutdown() async throws {
        let first = isShutDown.withLock { done in
            defer { done = true }
            return !done
        }
        guard first, ownsHTTPClient else { return }
        try await httpClient.shutdown()
    }

    /// Runs `body` with `client`, then shuts down, whether `body` returned or threw:
    /// `withShutdown` of ``FeishuClient`` and ``HireAdmin``.
    func run<Client: Sendable, T>(
        _ client: Client, isolation: isolated (any Actor)?, _ body: (Client) async throws -> T
    ) async throws -> T {
        let result: T
        do {
            result = try await body(client)
        } catch {
            try? await shutdown()
            throw error
        }
        try await shutdown()
        return result
    }
}
