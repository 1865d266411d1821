import FeishuWire
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HireCore
import HireHTTP
import HireServerKit
import HireStore
import Prometheus
import HireTestSupport
import Testing

/// `GET /metrics` of a real server on loopback, after requests of every outcome.
@Suite struct MetricsTests {
    @Test func metricsCountRequestsByOperationAndCode() async throws {
        // A frozen clock: the two requests to the same endpoint fall in one rate-limit second.
        let clock = TestClock()
        let server = try await TestServer.start(
            rateLimit: try RateLimitPolicy.parse("1/s,1000/min"), clock: clock.clock, adminToken: "metrics-admin")
        do {
            let token = try await server.demoToken()
            let list = "/open-apis/hire/v1/interviewers"
            #expect(try await server.send("GET", list, token: token).code == 0)
            #expect(try await server.send("GET", list, token: token).code == 99_991_400)
            #expect(try await server.send("GET", list, token: "t-not-a-token").code == 99_991_663)
            let bad = try await server.send("GET", "/open-apis/hire/v1/interviews?page_size=abc", token: token)
            #expect(bad.code == 1_002_002, "\(bad.text)")
            #expect(try await server.send("GET", "/no/such/path").code == 404)
            let document = #"{"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "new0000000000001", "talents": [{"talent_id": "5"}, {"talent_id": "6"}]}]}"#
            #expect(try await server.send("POST", "/_hire/data", token: "metrics-admin", body: document).code == 0)

            let (text, contentType) = try await server.metrics()
            #expect(contentType.hasPrefix("text/plain; version=0.0.4"))
            let samples = try PrometheusText.samples(text)
            func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
                samples.first { $0.name == name && $0.labels == labels }?.value
            }
            let tokenOperation = Endpoint.tenantAccessToken.name
            let listOperation = Endpoint.listInterviewers.name
            #expect(value("hire_requests_total", ["operation": tokenOperation, "code": "0"]) == 1)
            #expect(value("hire_requests_total", ["operation": listOperation, "code": "0"]) == 1)
            #expect(value("hire_requests_total", ["operation": listOperation, "code": "99991400"]) == 1)
            #expect(value("hire_requests_total", ["operation": listOperation, "code": "99991663"]) == 1)
            #expect(value("hire_requests_total", ["operation": Endpoint.listInterviews.name, "code": "1002002"]) == 1)
            #expect(value("hire_requests_total", ["operation": "unknown", "code": "404"]) == 1)
            #expect(value("hire_requests_total", ["operation": "_hire.data.import", "code": "0"]) == 1)
            #expect(value("hire_rate_limited_total", ["operation": listOperation]) == 1)
            #expect(value("hire_rate_limited_total", ["operation": Endpoint.listInterviews.name]) == 0)
            #expect(value("hire_tokens_issued_total") == 1)
            #expect(value("hire_import_entities_total", ["kind": "tenant"]) == 1)
            #expect(value("hire_import_entities_total", ["kind": "talent"]) == 2)
            #expect(value("hire_import_entities_total", ["kind": "interview"]) == 0)
            // The histogram: 3 requests of the list, in cumulative buckets ending at +Inf.
            #expect(value("hire_request_duration_seconds_count", ["operation": listOperation]) == 3)
            #expect(value("hire_request_duration_seconds_bucket", ["operation": listOperation, "le": "+Inf"]) == 3)
            let buckets = samples.filter {
                $0.name == "hire_request_duration_seconds_bucket" && $0.labels["operation"] == listOperation
            }
            #expect(buckets.count == ServerMetrics.durationBuckets.count + 1)
            #expect(zip(buckets, buckets.dropFirst()).allSatisfy { $0.value <= $1.value })
            #expect((value("hire_request_duration_seconds_sum", ["operation": listOperation]) ?? -1) > 0)
            // SQLite has no pool: no connection gauges.
            #expect(!samples.contains { $0.name.hasPrefix("hire_store_connections") })
            // Every label value is bounded: no tenant key, app ID or token in the output.
            for secret in [DemoData.appID, "new0000000000001", token] { #expect(!text.contains(secret)) }

            // The scrape itself is counted, on the next one.
            let again = try PrometheusText.samples(try await server.metrics().text)
            #expect(again.contains { $0.name == "hire_requests_total" && $0.labels == ["operation": "metrics", "code": "0"] && $0.value == 1 })
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

/// One sample line of the Prometheus text format.
struct PrometheusSample: Equatable {
    let name: String
    let labels: [String: String]
    let value: Double
}

/// A small parser of the Prometheus text exposition format (comments skipped; label values unescaped).
enum PrometheusText {
    struct Malformed: Error, CustomStringConvertible {
        let line: String
        var description: String { "not a sample line: \(line)" }
    }

    static func samples(_ text: String) throws -> [PrometheusSample] {
        try text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { try sample(String($0)) }
    }

    static func sample(_ line: String) throws -> PrometheusSample {
        var rest = Substring(line)
        let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }
        guard !name.isEmpty else { throw Malformed(line: line) }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                if rest.first == "," { rest = rest.dropFirst() }
                let key = rest.prefix { $0 != "=" }
                rest = rest.dropFirst(key.count)
                guard rest.hasPrefix("=\"") else { throw Malformed(line: line) }
                rest = rest.dropFirst(2)
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\", let escaped = rest.first {
                        rest = rest.dropFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { throw Malformed(line: line) }
                rest = rest.dropFirst()
                labels[String(key)] = value
                guard rest.first == "," || rest.first == "}" else { throw Malformed(line: line) }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " ", let value = Double(rest.dropFirst().split(separator: " ").first ?? "") else {
            throw Malformed(line: line)
        }
        return PrometheusSample(name: String(name), labels: labels, value: value)
    }
}

extension MetricsTests {
    @Test func withMetricsOffNothingIsCountedAndThereIsNoMetricsRoute() async throws {
        let metrics = ServerMetrics(recording: false)
        let server = try await TestServer.start(metrics: metrics)
        do {
            let token = try await server.demoToken()
            #expect(try await server.send("GET", "/open-apis/hire/v1/interviewers", token: token).code == 0)
            #expect(try await server.send("GET", "/metrics").code == 404)
            metrics.recordImport(ImportSummary(counts: [.talent: 3]))
            let samples = try PrometheusText.samples(String(decoding: metrics.registry.emitToBuffer(), as: UTF8.self))
            #expect(!samples.isEmpty && samples.allSatisfy { $0.value == 0 }, "\(samples)")
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}

/// Plain HTTP calls to a ``TestServer``.
extension TestServer {
    struct Answer {
        let code: Int?
        let text: String
    }

    func send(_ method: String, _ path: String, token: String? = nil, body: String? = nil) async throws -> Answer {
        var request = URLRequest(url: URL(string: baseURL + path)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
        }
        let (data, _) = try await URLSession.shared.data(for: request)
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        return Answer(code: object?["code"] as? Int, text: String(decoding: data, as: UTF8.self))
    }

    func metrics() async throws -> (text: String, contentType: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: baseURL + "/metrics")!)
        let contentType = (response as? HTTPURLResponse)?.value(forHTTPHeaderField: "Content-Type") ?? ""
        return (String(decoding: data, as: UTF8.self), contentType)
    }
}
