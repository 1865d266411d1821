import CoreMetrics
import FeishuWire
import HireCore
import HireStore
import Prometheus
import Synchronization

/// The metrics of one server, in its own Prometheus registry, rendered by `GET /metrics`.
///
/// Every handle is a swift-metrics type made with an explicit factory
/// (`Counter(label:dimensions:factory:)`) on this server's own ``PrometheusCollectorRegistry``,
/// never through `MetricsSystem.bootstrap`: that is global and allowed once per process, while
/// the tests run many servers in one process, each of which must count only its own requests.
///
/// Label values are bounded: operation names from the route table (``OperationMetrics``),
/// platform codes, entity kinds. No tenant, app or user ID is ever a label.
package final class ServerMetrics: Sendable {
    /// The operation of a request no route matched.
    package static let unknownOperation = "unknown"

    package let registry: PrometheusCollectorRegistry
    /// Whether requests are counted and `/metrics` is served (`--metrics off` turns both off).
    package let isRecording: Bool
    private let factory: PrometheusMetricsFactory
    /// `hire_tokens_issued_total`: tokens minted by the token endpoints (a reused current token is not counted).
    private let tokensIssued: CoreMetrics.Counter
    /// `hire_import_entities_total{kind}`.
    private let importedEntities: [EntityKind: CoreMetrics.Counter]
    /// `hire_store_connections_in_use` and `_waiting`, made on the first scrape of a store that reports them.
    private let poolGauges = Mutex<(inUse: CoreMetrics.Gauge, waiting: CoreMetrics.Gauge)?>(nil)
    private let operations = Mutex<[String: OperationMetrics]>([:])

    /// Upper bounds of the request-duration histogram's buckets, from 0.5 ms to 10 s.
    package static let durationBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .microseconds(2500), .milliseconds(5), .milliseconds(10),
        .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    /// - Parameter recording: `false` counts nothing: the handles are made, but record nothing.
    package init(recording: Bool = true) {
        isRecording = recording
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.durationHistogramBuckets[MetricName.requestDuration] = Self.durationBuckets
        self.registry = registry
        self.factory = factory
        tokensIssued = CoreMetrics.Counter(label: MetricName.tokensIssued, factory: factory)
        importedEntities = Dictionary(uniqueKeysWithValues: EntityKind.allCases.map { kind in
            (kind, CoreMetrics.Counter(label: MetricName.importedEntities, dimensions: [("kind", kind.rawValue)], factory: factory))
        })
    }

    /// The handles of the operation `name` (a name of the route table), made on first use.
    /// Called when routes are set up, not per request.
    package func operation(named name: String) -> OperationMetrics {
        operations.withLock { operations in
            if let existing = operations[name] { return existing }
            let made = OperationMetrics(name: name, factory: factory, recording: isRecording)
            operations[name] = made
            return made
        }
    }

    /// Counts a token the token endpoints minted.
    func tokenIssued() {
        if isRecording { tokensIssued.increment() }
    }

    /// Counts the entities a data-file import wrote, by kind.
    package func recordImport(_ summary: ImportSummary) {
        guard isRecording else { return }
        for (kind, count) in summary.counts where count > 0 {
            importedEntities[kind]?.increment(by: count)
        }
    }

    /// The Prometheus text exposition of every metric, the store's pool read now.
    func exposition(store: any HireStore) -> [UInt8] {
        if let pool = store as? any ConnectionUsageReporting {
            let usage = pool.connectionUsage
            let gauges = poolGauges.withLock { gauges in
                if let gauges { return gauges }
                let made = (
                    inUse: CoreMetrics.Gauge(label: MetricName.connectionsInUse, factory: factory),
                    waiting: CoreMetrics.Gauge(label: MetricName.connectionsWaiting, factory: factory))
                gauges = made
                return made
            }
            gauges.inUse.record(usage.inUse)
            gauges.waiting.record(usage.waiting)
        }
        return registry.emitToBuffer()
    }
}

/// The names of the metrics, as `/metrics` shows them.
package enum MetricName {
    package static let requests = "hire_requests_total"
    package static let requestDuration = "hire_request_duration_seconds"
    package static let rateLimited = "hire_rate_limited_total"
    package static let tokensIssued = "hire_tokens_issued_total"
    package static let importedEntities = "hire_import_entities_total"
    package static let connectionsInUse = "hire_store_connections_in_use"
    package static let connectionsWaiting = "hire_store_connections_waiting"
}
