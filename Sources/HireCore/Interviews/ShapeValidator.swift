import FeishuWire

/// A problem found in input data: where, and what.
package struct DataProblem: Sendable, Hashable, CustomStringConvertible {
    package let location: DataLocation
    package let message: String

    package init(_ location: DataLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    package var description: String { "\(location): \(message)" }
}

/// Where in a data file something is: a JSON path, and the line for JSON Lines files.
package struct DataLocation: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line of a JSON Lines file; `nil` for a JSON document.
    package let line: Int?
    package let path: JSONPath

    package init(line: Int? = nil, path: JSONPath) {
        self.line = line
        self.path = path
    }

    package static func / (location: DataLocation, key: String) -> DataLocation {
        DataLocation(line: location.line, path: location.path / key)
    }

    package static func / (location: DataLocation, index: Int) -> DataLocation {
        DataLocation(line: location.line, path: location.path / index)
    }

    package var description: String {
        line.map { "line \($0) \(path)" } ?? path.description
    }
}

/// Checks data-file values against a ``WireShape`` and rewrites them canonically:
/// members in the platform's order, so exports are stable.
package struct ShapeValidator {
    package private(set) var problems: [DataProblem] = []

    package init() {}

    /// The canonical form of `value`, or `nil` (with ``problems`` extended) if it does not fit.
    package mutating func canonical(_ value: JSONValue, _ shape: WireShape, at location: DataLocation) -> JSONValue? {
        switch shape {
        case .string, .jobLevelReference:
            guard case .string = value else { return fail(location, "must be a string", value) }
            return value
        case .integer:
            guard value.integerValue != nil else { return fail(location, "must be an integer", value) }
            return value
        case .number:
            guard case .number = value else { return fail(location, "must be a number", value) }
            return value
        case .array(let element):
            guard case .array(let elements) = value else { return fail(location, "must be an array", value) }
            var result: [JSONValue] = []
            for (index, item) in elements.enumerated() {
                if let canonical = canonical(item, element, at: location / index) { result.append(canonical) }
            }
            return result.count == elements.count ? .array(result) : nil
        case .object(let fields):
            return canonicalObject(value, fields, at: location)
        case .userReference:
            guard let object = value.objectValue else {
                return fail(location, "must be a user reference {\"user_id\": \"...\"}", value)
            }
            return canonicalObject(.object(object), [WireField("user_id", .string)], at: location, required: ["user_id"])
        case .interviewerUserID:
            problems.append(DataProblem(location, "is not given in data files: it is the interviewer's ID"))
            return nil
        }
    }

    /// The canonical form of an object with the given members.
    package mutating func canonicalObject(
        _ value: JSONValue, _ fields: [WireField], at location: DataLocation, required: Set<String> = []
    ) -> JSONValue? {
        guard case .object(let object) = value else { return fail(location, "must be an object", value) }
        let before = problems.count
        for key in object.keys where !fields.contains(where: { $0.name == key }) {
            problems.append(DataProblem(location / key, "is not a member of this object"))
        }
        var result = JSONObject()
        for field in fields {
            guard let member = object[field.name] else {
                if required.contains(field.name) { problems.append(DataProblem(location / field.name, "is required")) }
                continue
            }
            if let canonical = canonical(member, field.shape, at: location / field.name) {
                result.members.append(.init(field.name, canonical))
            }
        }
        return problems.count == before ? .object(result) : nil
    }

    package mutating func report(_ location: DataLocation, _ message: String) {
        problems.append(DataProblem(location, message))
    }

    private mutating func fail(_ location: DataLocation, _ expectation: String, _ value: JSONValue) -> JSONValue? {
        problems.append(DataProblem(location, "\(expectation), got \(value.typeDescription)"))
        return nil
    }
}
