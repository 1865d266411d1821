import FeishuWire

/// A failure injected on purpose through the admin API: the next matching requests are
/// delayed, answered with an error, or dropped.
package struct Fault: Sendable, Hashable {
    /// `f_` + 16 hex digits.
    package var id: String
    /// The operation it fires on (`hire.v1.interview.get_by_talent`); `nil` for every operation.
    package var operation: String?
    package var appID: String?
    package var tenantKey: String?
    /// The code answered; `nil` for a fault that only delays or drops.
    package var code: Int?
    package var httpStatus: Int?
    package var msg: String?
    /// How many requests it fires on; 0 until removed.
    package var times: Int
    package var probability: Double
    package var delayMS: Int
    package var drop: Bool
    package var createdMS: Int64
    /// Requests it may still fire on; `nil` when ``times`` is 0.
    package var timesLeft: Int?
    /// Requests it fired on so far.
    package var fired: Int

    package init(
        id: String, operation: String? = nil, appID: String? = nil, tenantKey: String? = nil, code: Int? = nil,
        httpStatus: Int? = nil, msg: String? = nil, times: Int = 1, probability: Double = 1, delayMS: Int = 0,
        drop: Bool = false, createdMS: Int64, timesLeft: Int? = nil, fired: Int = 0
    ) {
        self.id = id
        self.operation = operation
        self.appID = appID
        self.tenantKey = tenantKey
        self.code = code
        self.httpStatus = httpStatus
        self.msg = msg
        self.times = times
        self.probability = probability
        self.delayMS = delayMS
        self.drop = drop
        self.createdMS = createdMS
        self.timesLeft = timesLeft ?? (times == 0 ? nil : times)
        self.fired = fired
    }

    /// Whether it applies to a request of `operation` by `appID` in `tenantKey`.
    package func matches(operation candidate: String, appID candidateApp: String?, tenantKey candidateTenant: String?) -> Bool {
        (operation == nil || operation == candidate)
            && (appID == nil || appID == candidateApp)
            && (tenantKey == nil || tenantKey == candidateTenant)
    }

    /// The error it answers with, if any: the code's platform message and HTTP status unless overridden.
    package var error: APIError? {
        guard let code, code != 0 else { return nil }
        let apiCode = APICode(code)
        let platform = Self.platformErrors[apiCode]
        return APIError(
            code: apiCode, msg: msg ?? platform?.msg ?? "injected fault \(code)",
            fieldViolations: platform?.fieldViolations ?? [], permissionViolations: platform?.permissionViolations ?? [],
            httpStatus: httpStatus ?? platform?.httpStatus ?? apiCode.httpStatus)
    }

    private static let platformErrors: [APICode: APIError] = [
        .systemError: .systemError,
        .missingAccessToken: .missingAccessToken,
        .invalidAccessToken: .invalidAccessToken,
        .rateLimited: .rateLimited,
        .invalidParameter: APIError(code: .invalidParameter, msg: "invalid parameter"),
        .scopeRequired: APIError(code: .scopeRequired, msg: "Access denied. One of the following scopes is required"),
    ]

    /// The admin API's view of the fault: its settings with the code's platform status and
    /// message filled in.
    package var wire: AdminWire.Fault {
        let error = self.error
        return AdminWire.Fault(
            id: id, operation: operation, appID: appID, tenantKey: tenantKey, code: code.map { APICode($0) },
            httpStatus: error?.httpStatus, msg: error?.msg, times: times, timesLeft: timesLeft, probability: probability,
            delayMS: delayMS, drop: drop, fired: fired, createdMS: createdMS)
    }
}

extension Fault {
    /// The settings as given (what ``parse(_:id:now:operations:)`` reads back), for storing.
    package var settings: JSONObject {
        var object = JSONObject()
        if let operation { object["operation"] = .string(operation) }
        if let appID { object["app_id"] = .string(appID) }
        if let tenantKey { object["tenant_key"] = .string(tenantKey) }
        if let code { object["code"] = .number(JSONNumber(code)) }
        if let httpStatus { object["http_status"] = .number(JSONNumber(httpStatus)) }
        if let msg { object["msg"] = .string(msg) }
        object["times"] = .number(JSONNumber(times))
        object["probability"] = .number(JSONNumber(literal: String(probability)))
        object["delay_ms"] = .number(JSONNumber(delayMS))
        object["drop"] = .bool(drop)
        return object
    }

    /// A new fault ID: `f_` + 16 hex digits.
    package static func newID() -> String {
        "f_" + Hex.encode((0..<8).map { _ in UInt8.random(in: 0...255) })
    }
}
