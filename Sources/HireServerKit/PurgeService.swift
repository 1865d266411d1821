import HireCore
import HireStore
import Logging
import ServiceLifecycle

/// Drops expired tokens and stale interviewer history once a minute, until shutdown.
struct PurgeService: Service, CustomStringConvertible {
    let store: any HireStore
    /// The server's clock: the admin API may have moved it.
    let clock: HireClock
    let logger: Logger
    var interval: Duration = .seconds(60)

    var description: String { "PurgeService" }

    func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                try await store.purgeExpired(now: clock.now())
            } catch {
                logger.warning("purging expired data failed", metadata: ["error": "\(error)"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }
}

extension Task where Success == Never, Failure == Never {
    /// Whether the task was cancelled or the service group is shutting down gracefully.
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}
