/// JSON text built as UTF-8 bytes, for answers spliced from stored JSON: an append is a
/// copy of bytes, without the bookkeeping of `String`'s (counts, ASCII flags, capacity
/// checks), which cost more than the copy for answers of many small pieces.
///
/// All of ``JSONWriter``'s text is written here: non-ASCII text as UTF-8 (not `\u` escapes), as the platform writes it.
package struct JSONBytes: Sendable {
    package private(set) var bytes: [UInt8] = []

    package init(capacity: Int = 64) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends text that is already JSON (or a piece of it).
    package mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends text that is already JSON: a number's literal, a stored name object.
    package mutating func append(json text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends UTF-8 that is already JSON: a stored body.
    package mutating func append(json text: [UInt8]) {
        bytes.append(contentsOf: text)
    }

    /// Appends `string` as a JSON string literal.
    package mutating func appendQuoted(_ string: String) {
        var string = string
        bytes.append(UInt8(ascii: "\""))
        string.withUTF8 { utf8 in
            var start = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                appendEscape(byte)
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `value` as compact JSON: no insignificant whitespace, members in order.
    package mutating func append(value: JSONValue) {
        switch value {
        case .null: append("null")
        case .bool(let bool): append(bool ? "true" : "false")
        case .number(let number): append(json: number.literal)
        case .string(let string): appendQuoted(string)
        case .array(let elements):
            bytes.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                append(value: element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let object):
            bytes.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                appendQuoted(member.key)
                bytes.append(UInt8(ascii: ":"))
                append(value: member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Drops the last byte (the closing brace of a stored object that gets more members).
    package mutating func removeLast() {
        bytes.removeLast()
    }

    private static let hexDigits: StaticString = "0123456789abcdef"

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"): append("\\r")
        case UInt8(ascii: "\t"): append("\\t")
        case 0x08: append("\\b")
        case 0x0C: append("\\f")
        default:
            append("\\u00")
            Self.hexDigits.withUTF8Buffer { digits in
                bytes.append(digits[Int(byte >> 4)])
                bytes.append(digits[Int(byte & 0x0F)])
            }
        }
    }
}
