import Foundation

/// Faults injected into the server's answers: `admin.faults`.
///
/// ```swift
/// // The next PATCH of an interviewer is rate-limited, the two after it time out.
/// try await admin.faults.add(FaultSpec(operation: Endpoint.patchInterviewer.name, code: .rateLimited))
/// try await admin.faults.add(FaultSpec(operation: Endpoint.patchInterviewer.name, times: 2, drop: true))
/// ```
public struct AdminFaults: Sendable {
    let admin: HireAdmin

    /// Adds a fault (`POST /_hire/faults`).
    /// - Returns: the fault with the server's defaults filled in, its ``Fault/id`` among them.
    /// - Throws: ``FeishuError``; 1002002 naming the member for an invalid spec, e.g. one
    ///   with neither a non-zero `code`, a `delayMS` nor `drop`.
    @discardableResult
    public func add(_ spec: FaultSpec) async throws(FeishuError) -> Fault {
        try await admin.call(.addFault(spec))
    }

    /// The faults in force, oldest first (`GET /_hire/faults`).
    /// - Throws: ``FeishuError``.
    public func list() async throws(FeishuError) -> [Fault] {
        try await admin.call(.listFaults()).items ?? []
    }

    /// Removes one fault (`DELETE /_hire/faults/{id}`).
    /// - Throws: ``FeishuError``; 1002002 (HTTP 404) for an unknown fault, e.g. one already used up.
    public func remove(id: String) async throws(FeishuError) {
        _ = try await admin.send(.removeFault(id: id))
    }

    /// Removes every fault (`DELETE /_hire/faults`).
    /// - Returns: how many were removed.
    /// - Throws: ``FeishuError``.
    @discardableResult
    public func clear() async throws(FeishuError) -> Int {
        try await admin.call(.clearFaults()).count
    }
}

/// What a fault matches and what it does: the body of ``AdminFaults/add(_:)``.
///
/// At least one of a non-zero ``code``, a non-zero ``delayMS`` or ``drop`` is needed.
/// Members left `nil` are not sent, and the server's defaults apply.
public struct FaultSpec: Codable, Sendable, Hashable {
    /// The operation, as the SDKs name it: an ``Endpoint/name`` such as
    /// `hire.v1.interviewer.patch` or `auth.v3.tenant_access_token.internal`; `nil` for every one.
    public var operation: String?
    /// Only requests of this app; `nil` for any.
    public var appID: String?
    /// Only requests of this tenant; `nil` for any.
    public var tenantKey: String?
    /// Answer with this code; `nil` (or 0) for no error, only ``delayMS`` or ``drop``.
    public var code: APICode?
    /// The HTTP status, 100–599; `nil` for the platform's for ``code``.
    public var httpStatus: Int?
    /// The `msg`; `nil` for the platform's for ``code``.
    public var msg: String?
    /// How many requests it fires on; 0 until removed; `nil` for 1.
    public var times: Int?
    /// The chance it fires on a matching request, in (0, 1]; `nil` for 1. A miss does not count against ``times``.
    public var probability: Double?
    /// Latency added, 0–60000 ms, alone or before the error.
    public var delayMS: Int?
    /// Close the connection without an answer (after ``delayMS``).
    public var drop: Bool?

    /// A fault; see the members for what each does.
    public init(
        operation: String? = nil, appID: String? = nil, tenantKey: String? = nil, code: APICode? = nil,
        httpStatus: Int? = nil, msg: String? = nil, times: Int? = nil, probability: Double? = nil,
        delayMS: Int? = nil, drop: Bool? = nil
    ) {
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
    }

    enum CodingKeys: String, CodingKey {
        case operation, code, msg, times, probability, drop
        case appID = "app_id"
        case tenantKey = "tenant_key"
        case httpStatus = "http_status"
        case delayMS = "delay_ms"
    }
}

/// A fault in force, as the server has it.
public struct Fault: Codable, Sendable, Hashable, Identifiable {
    /// `f_` and 16 hex digits.
    public var id: String
    /// The operation it matches; `nil` for every one.
    public var operation: String?
    /// The app it matches; `nil` for any.
    public var appID: String?
    /// The tenant it matches; `nil` for any.
    public var tenantKey: String?
    /// The code it answers with; `nil` or 0 for none.
    public var code: APICode?
    /// The HTTP status of its answer.
    public var httpStatus: Int?
    /// The `msg` of its answer.
    public var msg: String?
    /// How many requests it fires on in all; 0 until removed.
    public var times: Int
    /// How many more times it fires; `nil` when ``times`` is 0.
    public var timesLeft: Int?
    /// The chance it fires on a matching request.
    public var probability: Double
    /// Latency it adds, in milliseconds.
    public var delayMS: Int
    /// Whether it closes the connection without an answer.
    public var drop: Bool
    /// How often it fired.
    public var fired: Int
    /// When it was added, in milliseconds since 1970 on the server's clock.
    public var createdMS: Int64

    /// A fault; the server creates these, tests of callers may too.
    public init(
        id: String, operation: String? = nil, appID: String? = nil, tenantKey: String? = nil, code: APICode? = nil,
        httpStatus: Int? = nil, msg: String? = nil, times: Int = 1, timesLeft: Int? = 1, probability: Double = 1,
        delayMS: Int = 0, drop: Bool = false, fired: Int = 0, createdMS: Int64
    ) {
        self.id = id
        self.operation = operation
        self.appID = appID
        self.tenantKey = tenantKey
        self.code = code
        self.httpStatus = httpStatus
        self.msg = msg
        self.times = times
        self.timesLeft = timesLeft
        self.probability = probability
        self.delayMS = delayMS
        self.drop = drop
        self.fired = fired
        self.createdMS = createdMS
    }

    /// ``createdMS`` as a date.
    public var createdDate: Date { Date(feishuMilliseconds: createdMS) }

    enum CodingKeys: String, CodingKey {
        case id, operation, code, msg, times, probability, drop, fired
        case appID = "app_id"
        case tenantKey = "tenant_key"
        case httpStatus = "http_status"
        case timesLeft = "times_left"
        case delayMS = "delay_ms"
        case createdMS = "created_ms"
    }
}
