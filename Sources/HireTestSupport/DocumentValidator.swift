import FeishuWire
import HireHTTP

/// Checks answers against the OpenAPI document, strictly: an object whose schema lists its
/// properties may hold no others, so a member the wire models do not know is caught.
///
/// It understands the parts of JSON Schema the document uses: `type` (one or a list), `enum`,
/// `properties`, `required`, `additionalProperties`, `items`, `anyOf` and `$ref`.
package struct DocumentValidator: Sendable {
    private let document: JSONObject

    package init(document: JSONValue = OpenAPIDocument.value) {
        self.document = document.objectValue ?? JSONObject()
    }

    /// What is wrong with a JSON answer of `method path` (no query) with HTTP `status`; empty when it
    /// conforms. An answer the document does not describe (an undocumented status) is a problem;
    /// a path it does not list is not (unknown routes answer 404 everywhere).
    package func problems(method: String, path: String, status: Int, body: JSONValue) -> [String] {
        guard let operation = operation(method: method, path: path) else { return [] }
        guard let responses = operation["responses"]?.objectValue else { return ["\(method) \(path): no responses"] }
        guard let response = (responses["\(status)"] ?? responses["default"])?.objectValue else {
            return ["\(method) \(path): HTTP \(status) is not documented (documented: \(responses.members.map(\.key)))"]
        }
        guard let schema = response["content"]?.objectValue?["application/json"]?.objectValue?["schema"] else {
            return []
        }
        return validate(body, against: schema, at: "\(method) \(path) \(status): $")
    }

    /// What is wrong with `value` against `schema`, each problem at its JSON path below `location`.
    package func validate(_ value: JSONValue, against schema: JSONValue, at location: String = "$") -> [String] {
        guard let schema = schema.objectValue else { return [] }
        if let reference = schema["$ref"]?.stringValue {
            guard let target = resolve(reference) else { return ["\(location): unknown \(reference)"] }
            return validate(value, against: target, at: location)
        }
        if let choices = schema["anyOf"]?.arrayValue {
            let outcomes = choices.map { validate(value, against: $0, at: location) }
            if outcomes.contains(where: \.isEmpty) { return [] }
            // The choice of the value's own type says best what is wrong inside it.
            let inside = outcomes.first { !$0.contains { $0.hasPrefix("\(location): ") } }
            return inside ?? outcomes.flatMap { $0 }
        }
        if let allowed = schema["enum"]?.arrayValue, !allowed.contains(value) {
            return ["\(location): \(value.typeDescription) is not one of the values \(allowed.map(JSONWriter.write))"]
        }
        if let type = schema["type"] {
            let types = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue].compactMap { $0 }
            guard types.contains(where: { Self.value(value, is: $0) }) else {
                return ["\(location): \(value.typeDescription) is not of type \(types.joined(separator: " or "))"]
            }
        }
        switch value {
        case .object(let object): return validate(object, against: schema, at: location)
        case .array(let elements):
            guard let items = schema["items"] else { return [] }
            return elements.enumerated().flatMap { validate($0.element, against: items, at: "\(location)[\($0.offset)]") }
        default: return []
        }
    }

    private func validate(_ object: JSONObject, against schema: JSONObject, at location: String) -> [String] {
        let properties = schema["properties"]?.objectValue
        let additional = schema["additionalProperties"]
        var problems = (schema["required"]?.arrayValue ?? []).compactMap(\.stringValue)
            .filter { object[$0] == nil }
            .map { "\(location): lacks the required member \"\($0)\"" }
        for member in object.members {
            let at = "\(location).\(member.key)"
            if let property = properties?[member.key] {
                problems += validate(member.value, against: property, at: at)
            } else if let additional, additional.objectValue != nil {
                problems += validate(member.value, against: additional, at: at)
            } else if properties != nil, additional != true {
                problems.append("\(at): a member the document does not describe")
            }
        }
        return problems
    }

    private func operation(method: String, path: String) -> JSONObject? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        let paths = document["paths"]?.objectValue?.members ?? []
        // A literal path wins over a templated one (`/_hire/requests/count` over `/_hire/requests/{id}`).
        let matches = paths.filter { Self.path($0.key, matches: segments) }
            .sorted { $0.key.filter { $0 == "{" }.count < $1.key.filter { $0 == "{" }.count }
        return matches.lazy.compactMap { $0.value.objectValue?[method.lowercased()]?.objectValue }.first
    }

    private static func path(_ template: String, matches segments: [Substring]) -> Bool {
        let parts = template.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == segments.count else { return false }
        return zip(parts, segments).allSatisfy { part, segment in
            part.first == "{" ? !segment.isEmpty : part == segment
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: JSONValue? = .object(document)
        for key in reference.dropFirst(2).split(separator: "/") { current = current?.objectValue?[String(key)] }
        return current
    }

    private static func value(_ value: JSONValue, is type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("number", .number): true
        case ("integer", .number(let number)): number.isInteger
        default: false
        }
    }
}
