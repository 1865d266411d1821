import FeishuWire

extension Fault {
    /// The settings of `POST /_hire/faults`, checked member by member.
    ///
    /// - Parameters:
    ///   - object: the request body.
    ///   - operations: the operation names that exist.
    /// - Throws: 1002002 naming the first member that is wrong, or unknown.
    package static func parse(
        _ object: JSONObject, id: String, now: Int64, operations: [String]
    ) throws(APIError) -> Fault {
        let known: Set<String> = [
            "operation", "app_id", "tenant_key", "code", "http_status", "msg", "times", "probability", "delay_ms", "drop",
        ]
        if let unknown = object.keys.first(where: { !known.contains($0) }) {
            throw .invalidParameter(
                unknown, "is not a setting of a fault (expected one of \(known.sorted().joined(separator: ", ")))")
        }
        var fault = Fault(id: id, createdMS: now)
        fault.operation = try string(object, "operation")
        if let operation = fault.operation, !operations.contains(operation) {
            throw .invalidParameter(
                "operation", "must be one of \(operations.joined(separator: ", "))", value: operation)
        }
        fault.appID = try string(object, "app_id")
        fault.tenantKey = try string(object, "tenant_key")
        fault.code = try integer(object, "code", in: Int64(Int32.min)...Int64(Int32.max)).map(Int.init)
        if fault.code == 0 { fault.code = nil }
        fault.httpStatus = try integer(object, "http_status", in: 100...599).map(Int.init)
        fault.msg = try string(object, "msg", allowEmpty: true)
        fault.times = Int(try integer(object, "times", in: 0...1_000_000_000) ?? 1)
        fault.timesLeft = fault.times == 0 ? nil : fault.times
        fault.delayMS = Int(try integer(object, "delay_ms", in: 0...60_000) ?? 0)
        switch object["drop"] {
        case nil, .null: break
        case .bool(let value): fault.drop = value
        case let other?: throw .invalidParameter("drop", "must be a boolean, got \(other.typeDescription)")
        }
        switch object["probability"] {
        case nil, .null: break
        case .number(let number):
            guard let value = number.doubleValue, value > 0, value <= 1 else {
                throw .invalidParameter("probability", "must be greater than 0 and at most 1", value: number.literal)
            }
            fault.probability = value
        case let other?: throw .invalidParameter("probability", "must be a number, got \(other.typeDescription)")
        }
        guard fault.code != nil || fault.delayMS > 0 || fault.drop else {
            throw .invalidParameter("code", "is required unless delay_ms or drop is given: a fault must do something")
        }
        if fault.httpStatus != nil, fault.code == nil {
            throw .invalidParameter("http_status", "is only used with a code")
        }
        if fault.msg != nil, fault.code == nil {
            throw .invalidParameter("msg", "is only used with a code")
        }
        return fault
    }

    private static func string(_ object: JSONObject, _ key: String, allowEmpty: Bool = false) throws(APIError) -> String? {
        switch object[key] {
        case nil, .null: return nil
        case .string(let value):
            guard allowEmpty || !value.isEmpty else { throw .invalidParameter(key, "must not be empty") }
            return value
        case let other?: throw .invalidParameter(key, "must be a string, got \(other.typeDescription)")
        }
    }

    private static func integer(_ object: JSONObject, _ key: String, in range: ClosedRange<Int64>) throws(APIError) -> Int64? {
        switch object[key] {
        case nil, .null: return nil
        case .number(let number):
            guard let value = number.int64Value else {
                throw .invalidParameter(key, "must be an integer", value: number.literal)
            }
            guard range.contains(value) else {
                throw .invalidParameter(key, "must be from \(range.lowerBound) to \(range.upperBound)", value: number.literal)
            }
            return value
        case let other?: throw .invalidParameter(key, "must be an integer, got \(other.typeDescription)")
        }
    }
}
