/// A parsed JSON value that keeps what a typed decoder loses: member order,
/// and whether a number was written as an integer.
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// A short name of the value's type for error messages ("a string", "null").
    package var typeDescription: String {
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
    package static func quoted(_ string: String, limit: Int = 40) -> String {
        var text = ""
        JSONWriter.writeString(string.count > limit ? String(string.prefix(limit)) + "…" : string, into: &text)
        return text
    }

    package var objectValue: JSONObject? {
        if case .object(let object) = self { object } else { nil }
    }

    package var stringValue: String? {
        if case .string(let string) = self { string } else { nil }
    }

    package var arrayValue: [JSONValue]? {
        if case .array(let array) = self { array } else { nil }
    }

    /// The value if it is a number written as an integer that fits 64 bits.
    package var integerValue: Int64? {
        if case .number(let number) = self { number.int64Value } else { nil }
    }
}

/// A JSON number, kept as written.
package struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The number's text, valid JSON number syntax.
    package let literal: String

    package init(literal: String) { self.literal = literal }
    package init(_ value: Int64) { self.literal = String(value) }
    package init(_ value: Int) { self.literal = String(value) }

    /// Whether it was written without fraction or exponent.
    package var isInteger: Bool { !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") } }

    /// The value, if written as an integer that fits 64 bits.
    package var int64Value: Int64? { isInteger ? Int64(literal) : nil }

    package var doubleValue: Double? { Double(literal) }

    package var description: String { literal }
}

/// A JSON object: members in the order written. Keys are unique (the parser rejects duplicates).
package struct JSONObject: Sendable, Hashable {
    package struct Member: Sendable, Hashable {
        package var key: String
        package var value: JSONValue

        package init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    package var members: [Member]

    package init(_ members: [Member] = []) { self.members = members }

    package subscript(key: String) -> JSONValue? {
        get { members.first { $0.key == key }?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(.init(key, newValue))
            }
        }
    }

    package var keys: [String] { members.map(\.key) }
    package var isEmpty: Bool { members.isEmpty }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int64) { self = .number(JSONNumber(value)) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements.map { JSONObject.Member($0.0, $0.1) }))
    }
    package init(nilLiteral: ()) { self = .null }
}
