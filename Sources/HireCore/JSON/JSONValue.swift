/// A parsed JSON value that keeps what a typed decoder loses: member order,
/// and whether a number was written as an integer.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short name of the value's type for error messages ("a string", "null").
    public var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .number(let number): number.isInteger ? "the integer \(number.literal)" : "the number \(number.literal)"
        case .string(let string): "the string \(JSONValue.quoted(string))"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// A string as JSON would write it, shortened for messages.
    public static func quoted(_ string: String, limit: Int = 40) -> String {
        var text = ""
        JSONWriter.writeString(string.count > limit ? String(string.prefix(limit)) + "…" : string, into: &text)
        return text
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = self { object } else { nil }
    }

    public var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let array) = self { array } else { nil }
    }

    /// The value if it is a number written as an integer that fits 64 bits.
    public var integerValue: Int64? {
        if case .number(let number) = self { number.int64Value } else { nil }
    }
}

/// A JSON number, kept as written.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's text, valid JSON number syntax.
    public let literal: String

    public init(literal: String) { self.literal = literal }
    public init(_ value: Int64) { self.literal = String(value) }
    public init(_ value: Int) { self.literal = String(value) }

    /// Whether it was written without fraction or exponent.
    public var isInteger: Bool { !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") } }

    /// The value, if written as an integer that fits 64 bits.
    public var int64Value: Int64? { isInteger ? Int64(literal) : nil }

    public var doubleValue: Double? { Double(literal) }

    public var description: String { literal }
}

/// A JSON object: members in the order written. Keys are unique (the parser rejects duplicates).
public struct JSONObject: Sendable, Hashable {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue

        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public var members: [Member]

    public init(_ members: [Member] = []) { self.members = members }

    public subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(.init(key, newValue))
            }
        }
    }

    public var keys: [String] { members.map(\.key) }
    public var isEmpty: Bool { members.isEmpty }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .number(JSONNumber(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Member($0.0, $0.1) }))
    }
    public init(nilLiteral: ()) { self = .null }
}
