import Logging
import ServiceLifecycle

/// Services run in a `ServiceGroup` in the background until ``stop()``: for tests, which
/// hold a server or a store across calls where `hire-server` runs them in its own group.
package final class BackgroundServices: Sendable {
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    package init(_ services: [any Service], logger: Logger) {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: services, logger: logger))
        self.group = group
        task = Task { try await group.run() }
    }

    /// Shuts the services down gracefully, in reverse order, and waits for them.
    package func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
    }
}
