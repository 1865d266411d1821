import FeishuWire
import Foundation

// The admin API's calls as ``FeishuRequest``s, to send with ``HireAdmin/send(_:)`` when
// the raw answer is needed too (its log id, its body). The resources of ``HireAdmin``
// (``HireAdmin/snapshots``, ``HireAdmin/faults``, …) send these and return the decoded data.

extension FeishuRequest where Payload == RestoredSnapshot {
    /// `POST /_hire/reset`: restores the snapshot `baseline`, of every tenant or of `tenantKey` only.
    public static func adminReset(tenantKey: String? = nil) -> Self {
        FeishuRequest(endpoint: .Admin.reset, query: QueryParameter.optional("tenant_key", tenantKey))
    }

    /// `POST /_hire/snapshots/{name}/restore`: restores the snapshot `name`.
    public static func restoreSnapshot(name: String) -> Self {
        FeishuRequest(endpoint: .Admin.restoreSnapshot, pathParameters: ["name": name])
    }
}

extension FeishuRequest where Payload == SavedSnapshot {
    /// `PUT /_hire/snapshots/{name}`: saves `tenantKeys` (every tenant if empty) as the snapshot `name`.
    public static func saveSnapshot(name: String, tenantKeys: [String] = []) -> Self {
        FeishuRequest(
            endpoint: .Admin.saveSnapshot, pathParameters: ["name": name],
            query: tenantKeys.map { QueryParameter("tenant_key", $0) })
    }
}

extension FeishuRequest where Payload == AdminItems<Snapshot> {
    /// `GET /_hire/snapshots`: every snapshot, by name.
    public static func listSnapshots() -> Self { FeishuRequest(endpoint: .Admin.listSnapshots) }
}

extension FeishuRequest where Payload == AdminEmpty {
    /// `DELETE /_hire/snapshots/{name}`: deletes the snapshot `name`.
    public static func deleteSnapshot(name: String) -> Self {
        FeishuRequest(endpoint: .Admin.deleteSnapshot, pathParameters: ["name": name])
    }

    /// `DELETE /_hire/faults/{id}`: removes one fault.
    public static func removeFault(id: String) -> Self {
        FeishuRequest(endpoint: .Admin.removeFault, pathParameters: ["id": id])
    }
}

extension FeishuRequest where Payload == Fault {
    /// `POST /_hire/faults`: adds a fault.
    public static func addFault(_ spec: FaultSpec) -> Self { FeishuRequest(endpoint: .Admin.addFault, body: spec) }
}

extension FeishuRequest where Payload == AdminItems<Fault> {
    /// `GET /_hire/faults`: the faults in force, oldest first.
    public static func listFaults() -> Self { FeishuRequest(endpoint: .Admin.listFaults) }
}

extension FeishuRequest where Payload == AdminCount {
    /// `DELETE /_hire/faults`: removes every fault; `count` is how many.
    public static func clearFaults() -> Self { FeishuRequest(endpoint: .Admin.clearFaults) }

    /// `GET /_hire/requests/count`: how many journal entries match `filter`.
    public static func countRequests(filter: RequestFilter = RequestFilter()) -> Self {
        FeishuRequest(endpoint: .Admin.countRequests, query: filter.queryParameters)
    }

    /// `DELETE /_hire/requests`: empties the journal; `count` is how many entries it held.
    public static func clearRequests() -> Self { FeishuRequest(endpoint: .Admin.clearRequests) }
}

extension FeishuRequest where Payload == ClockState {
    /// `GET /_hire/clock`: the server's time.
    public static func getClock() -> Self { FeishuRequest(endpoint: .Admin.getClock) }

    /// `POST /_hire/clock {"advance_ms": …}`: moves the clock by `milliseconds` (negative moves it back).
    public static func advanceClock(byMilliseconds milliseconds: Int64) -> Self {
        FeishuRequest(endpoint: .Admin.setClock, body: AdminWire.ClockChange(advanceMS: milliseconds))
    }

    /// `POST /_hire/clock {"now_ms": …}`: sets the clock to `nowMS` milliseconds since 1970.
    public static func setClock(nowMS: Int64) -> Self {
        FeishuRequest(endpoint: .Admin.setClock, body: AdminWire.ClockChange(nowMS: nowMS))
    }

    /// `DELETE /_hire/clock`: returns the clock to real time.
    public static func resetClock() -> Self { FeishuRequest(endpoint: .Admin.resetClock) }
}

extension FeishuRequest where Payload == AdminItems<JournalEntry> {
    /// `GET /_hire/requests`: the journal entries that match `filter`, with a `seq` over
    /// `sinceSeq`, at most `limit` (1–10000; the server's default is 1000).
    public static func listRequests(
        filter: RequestFilter = RequestFilter(), sinceSeq: Int64? = nil, limit: Int? = nil
    ) -> Self {
        var query = filter.queryParameters
        query += QueryParameter.optional("since_seq", sinceSeq.map(String.init))
        query += QueryParameter.optional("limit", limit.map(String.init))
        return FeishuRequest(endpoint: .Admin.listRequests, query: query)
    }
}
