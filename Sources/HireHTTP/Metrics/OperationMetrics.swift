import CoreMetrics
import Prometheus
import Synchronization

/// The handles of one operation, made once so that a request only increments them:
/// its duration histogram, its rate-limit counter and its request counter per platform code.
package final class OperationMetrics: Sendable {
    /// The `operation` label: an `Endpoint` name, `healthz`, `metrics`, an admin route's name or `unknown`.
    package let name: String
    /// `hire_request_duration_seconds{operation}`.
    private let duration: CoreMetrics.Timer
    /// `hire_rate_limited_total{operation}`.
    private let rateLimited: CoreMetrics.Counter
    /// `hire_requests_total{operation,code="0"}`, the common case, without the lock.
    private let successes: CoreMetrics.Counter
    /// `hire_requests_total{operation,code}` of the other codes, made on first use.
    private let failures: Mutex<[Int: CoreMetrics.Counter]>
    private let factory: PrometheusMetricsFactory
    /// `false` when the server counts nothing (`--metrics off`).
    private let recording: Bool

    /// Most distinct codes counted per operation; further ones are counted as `other`
    /// (a fault can answer any code, and labels must stay bounded).
    static let maximumCodes = 32
    /// The code of a request whose connection a fault dropped: no answer was sent.
    static let dropped = -1
    private static let other = Int.min

    init(name: String, factory: PrometheusMetricsFactory, recording: Bool) {
        self.name = name
        self.recording = recording
        self.factory = factory
        duration = CoreMetrics.Timer(label: MetricName.requestDuration, dimensions: [("operation", name)], factory: factory)
        rateLimited = CoreMetrics.Counter(label: MetricName.rateLimited, dimensions: [("operation", name)], factory: factory)
        successes = Self.requestCounter(operation: name, code: "0", factory: factory)
        failures = Mutex([:])
    }

    /// Counts one answered request and records how long it took.
    func record(code: Int, nanoseconds: Int64) {
        guard recording else { return }
        duration.recordNanoseconds(nanoseconds)
        if code == 0 {
            successes.increment()
        } else {
            counter(code: code).increment()
        }
    }

    /// Counts a request the rate limiter refused.
    func recordRateLimited() {
        if recording { rateLimited.increment() }
    }

    private func counter(code: Int) -> CoreMetrics.Counter {
        failures.withLock { counters in
            if let counter = counters[code] { return counter }
            let key = counters.count < Self.maximumCodes ? code : Self.other
            if let counter = counters[key] { return counter }
            let label = switch key {
            case Self.other: "other"
            case Self.dropped: "dropped"
            default: String(key)
            }
            let counter = Self.requestCounter(operation: name, code: label, factory: factory)
            counters[key] = counter
            return counter
        }
    }

    private static func requestCounter(operation: String, code: String, factory: PrometheusMetricsFactory)
        -> CoreMetrics.Counter
    {
        CoreMetrics.Counter(label: MetricName.requests, dimensions: [("operation", operation), ("code", code)], factory: factory)
    }
}
