import FeishuWire
import Foundation
import HireCore
import HireStore
import Logging
import ServiceLifecycle
import Synchronization

/// This node's view of the admin API's settings (clock, faults, rate-limit epoch) and its
/// request journal.
///
/// Settings live in the store's ``ControlStore``. The node keeps a copy, so the request
/// path reads memory only; it reloads the copy after each change made through it and, when
/// the settings are shared with other nodes (PostgreSQL), polls their revision every
/// `interval` and acknowledges what it applied. A change made through one node answers only
/// once every live node has applied it (or after `propagationTimeout`), so a test's next
/// request sees it whichever node serves it.
package final class ControlPlane: Service, Sendable {
    /// This node's name in journal entries and among the nodes.
    package let nodeID: String
    /// The clock's offset, which the services' clock reads.
    package let offset: ClockOffset
    /// `nil` when the journal is off.
    package let journal: RequestJournal?
    let store: any HireStore
    let logger: Logger
    private let interval: Duration
    private let propagationTimeout: Duration
    private let applied = Mutex(Applied())
    private let hasFaults = Atomic<Bool>(false)
    /// Set once the services exist: the rate limiter to clear on a new epoch.
    private let rateLimiter = Mutex<(any RateLimiter)?>(nil)

    private struct Applied {
        var revision: Int64 = -1
        var rateLimitEpoch: Int64?
        var faults: [Fault] = []
    }

    package init(
        store: any HireStore, offset: ClockOffset, journalSize: Int, logger: Logger,
        interval: Duration = .milliseconds(100), propagationTimeout: Duration = .seconds(3)
    ) {
        self.store = store
        self.offset = offset
        self.logger = logger
        self.interval = interval
        self.propagationTimeout = propagationTimeout
        let nodeID = "node-" + Hex.encode((0..<4).map { _ in UInt8.random(in: 0...255) })
        self.nodeID = nodeID
        journal = journalSize > 0 ? RequestJournal(capacity: journalSize, node: nodeID) : nil
    }

    /// Loads the settings before the node serves.
    func start(rateLimiter: (any RateLimiter)?) async throws {
        self.rateLimiter.withLock { $0 = rateLimiter }
        try await refresh()
    }

    /// Polls shared settings until shutdown; a single process has nothing to poll.
    package func run() async throws {
        guard store.controls.isShared else {
            try? await gracefulShutdown()
            return
        }
        var failures = 0
        while !Task.isCancelled && !Task.isShuttingDownGracefully {
            do {
                try await refresh()
                failures = 0
            } catch {
                failures += 1
                if failures == 1 || failures.isMultiple(of: 100) {
                    logger.warning("admin settings sync failed", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: self.interval) }
        }
        try? await store.controls.leave(node: nodeID)
    }

    /// Reloads the settings if their revision moved, and acknowledges it.
    func refresh() async throws {
        let controls = store.controls
        let revision = try await controls.revision()
        if revision != applied.withLock({ $0.revision }), apply(try await controls.load()),
            let limiter = rateLimiter.withLock({ $0 })
        {
            await limiter.reset()
        }
        if controls.isShared {
            try await controls.acknowledge(node: nodeID, revision: applied.withLock { $0.revision })
        }
    }

    /// After a change through this node: applies it here, then waits for the other nodes.
    func changed(revision: Int64) async throws {
        try await refresh()
        guard store.controls.isShared else { return }
        let deadline = ContinuousClock.now + propagationTimeout
        while try await store.controls.lagging(behind: revision, except: nodeID) > 0 {
            guard ContinuousClock.now < deadline else {
                logger.warning("admin change not acknowledged by every node in time", metadata: ["revision": "\(revision)"])
                return
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// - Returns: whether the rate-limit epoch changed.
    private func apply(_ state: ControlState) -> Bool {
        applied.withLock { applied -> Bool in
            guard state.revision > applied.revision else { return false }
            let newEpoch = applied.rateLimitEpoch != nil && applied.rateLimitEpoch != state.rateLimitEpoch
            applied = Applied(revision: state.revision, rateLimitEpoch: state.rateLimitEpoch, faults: state.faults)
            offset.set(state.clockOffsetMS)
            hasFaults.store(!state.faults.isEmpty, ordering: .relaxed)
            return newEpoch
        }
    }

    // MARK: The request path

    /// The fault that fires on this request, if any: the oldest matching one whose chance
    /// comes up and that still has times left on any node.
    func fault(operation: String, appID: String?, tenantKey: String?) async -> Fault? {
        guard hasFaults.load(ordering: .relaxed) else { return nil }
        let candidates = applied.withLock { $0.faults }.filter {
            $0.matches(operation: operation, appID: appID, tenantKey: tenantKey)
        }
        for fault in candidates where fault.probability >= 1 || Double.random(in: 0..<1) < fault.probability {
            do {
                if try await store.controls.fire(faultID: fault.id) {
                    try? await refresh()
                    return fault
                }
            } catch {
                logger.warning("firing a fault failed", metadata: ["fault": "\(fault.id)", "error": "\(error)"])
            }
        }
        return nil
    }
}
