import FeishuWire

/// Derives the JSON schema of a wire model from its `Decodable` conformance, so the document
/// describes exactly what the SDK reads and cannot drift from it.
///
/// The model's `init(from:)` runs against a decoder that offers every key: each key it reads
/// becomes a property typed by what it decodes there; one read with `decode` is required, one
/// read with `decodeIfPresent` may be absent or `null`. Arrays are read with one element.
/// Types named in `components` become `$ref`s wherever they are nested.
package struct CodableSchema {
    /// Component names by type.
    private let components: [ObjectIdentifier: String]

    /// - Parameter components: the types that have their own `components.schemas` entry, by name.
    package init(components: KeyValuePairs<String, any Decodable.Type>) {
        self.components = Dictionary(uniqueKeysWithValues: components.map { (ObjectIdentifier($0.value), $0.key) })
    }

    /// The schema of `type`, itself inlined even when it is a component.
    package func schema(of type: any Decodable.Type) -> JSONValue {
        let node = SchemaNode()
        do {
            _ = try Derivation(components: components).decode(type, into: node, root: true)
        } catch {
            preconditionFailure("the schema of \(type) cannot be derived: \(error)")
        }
        return node.schema
    }
}

extension CodableSchema {
    /// A value of `type` holding every member the model reads, each with a placeholder: what the
    /// schema describes, as the model holds it. Encoded, it must show every property of the schema.
    package static func example(of type: any Decodable.Type) throws -> any Decodable {
        try Derivation(components: [:]).decode(type, into: SchemaNode(), root: true)
    }
}

/// What a derivation learnt about one value.
final class SchemaNode {
    enum Kind {
        case unknown, string, integer, number, boolean, object, array
        case reference(String)
        case enumeration([JSONValue])
    }

    var kind = Kind.unknown
    /// Whether the value may be `null` (it was read with `decodeIfPresent` or `decodeNil`).
    var nullable = false
    var description: String?
    private(set) var properties: [(key: String, node: SchemaNode)] = []
    private(set) var required: [String] = []
    var items: SchemaNode?
    /// The schema of every member of a map (a model that walks its keys).
    private(set) var additionalProperties: SchemaNode?

    /// The key a map's model is handed: its member stands for every member.
    static let anyKey = "*"

    /// The property `key`, added on first use; ``anyKey`` is every member of a map.
    func property(_ key: String) -> SchemaNode {
        if key == Self.anyKey {
            if let additionalProperties { return additionalProperties }
            let node = SchemaNode()
            additionalProperties = node
            return node
        }
        if let existing = properties.first(where: { $0.key == key }) { return existing.node }
        let node = SchemaNode()
        properties.append((key, node))
        return node
    }

    func require(_ key: String) {
        if key != Self.anyKey, !required.contains(key) { required.append(key) }
    }

    var schema: JSONValue {
        var schema = JSONObject()
        switch kind {
        case .unknown: break
        case .string: schema["type"] = typeName("string")
        case .integer: schema["type"] = typeName("integer")
        case .number: schema["type"] = typeName("number")
        case .boolean: schema["type"] = typeName("boolean")
        case .enumeration(let values):
            schema["enum"] = .array(values + (nullable ? [.null] : []))
        case .array:
            schema["type"] = typeName("array")
            schema["items"] = items?.schema ?? [:]
        case .object:
            schema["type"] = typeName("object")
            if !properties.isEmpty {
                schema["properties"] = .object(JSONObject(properties.map { JSONObject.Member($0.key, $0.node.schema) }))
            }
            if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
            if let additionalProperties { schema["additionalProperties"] = additionalProperties.schema }
        case .reference(let name):
            let reference: JSONValue = ["$ref": .string("#/components/schemas/\(name)")]
            guard nullable else { return reference }
            schema["anyOf"] = [reference, ["type": "null"]]
        }
        if let description { schema["description"] = .string(description) }
        return .object(schema)
    }

    private func typeName(_ name: String) -> JSONValue {
        nullable ? [.string(name), "null"] : .string(name)
    }
}

/// One run of a derivation: hands out a value of every type asked for and records its schema.
struct Derivation {
    let components: [ObjectIdentifier: String]
    var depth = 0

    /// Values nested deeper than this mean a type that contains itself.
    static let maximumDepth = 24

    func decode<T: Decodable>(_ type: T.Type, into node: SchemaNode, root: Bool = false) throws -> T {
        if let value = primitive(type, node) { return value }
        guard depth < Self.maximumDepth else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "\(type) nests itself"))
        }
        var inner = self
        inner.depth += 1
        if !root, let name = components[ObjectIdentifier(type)] {
            node.kind = .reference(name)
            return try T(from: SchemaDecoder(node: SchemaNode(), derivation: inner))
        }
        if let cases = try Self.enumeration(of: type) {
            node.kind = .enumeration(cases.map(\.json))
            return cases[0].value
        }
        if let code = type as? any OpenCode.Type {
            node.description = code.meanings.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
        return try T(from: SchemaDecoder(node: node, derivation: inner))
    }

    /// A value of a JSON scalar type, `nil` for any other.
    private func primitive<T>(_ type: T.Type, _ node: SchemaNode) -> T? {
        switch type {
        case is String.Type:
            node.kind = .string
            return "1" as? T
        case is Bool.Type:
            node.kind = .boolean
            return true as? T
        case is Double.Type, is Float.Type:
            node.kind = .number
            return (type as? any BinaryFloatingPoint.Type)?.init(1) as? T
        default:
            guard let integer = type as? any FixedWidthInteger.Type else { return nil }
            node.kind = .integer
            return integer.init(1) as? T
        }
    }

    /// Every case of an encodable `CaseIterable` type with its JSON, in order; `nil` for any other type.
    private static func enumeration<T>(of type: T.Type) throws -> [(value: T, json: JSONValue)]? {
        guard let iterable = type as? any CaseIterable.Type else { return nil }
        let cases: [(value: T, json: JSONValue)] = try allCases(iterable).compactMap { value in
            guard let value = value as? T, let encodable = value as? any Encodable else { return nil }
            return (value, try JSONValueEncoder.encode(encodable))
        }
        return cases.isEmpty ? nil : cases
    }

    private static func allCases<C: CaseIterable>(_ type: C.Type) -> [Any] { Array(C.allCases) }
}
