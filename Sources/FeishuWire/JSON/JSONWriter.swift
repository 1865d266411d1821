/// Writes compact JSON: no insignificant whitespace, members in order,
/// non-ASCII text as UTF-8 (not `\u` escapes), as the platform does.
package enum JSONWriter {
    package static func write(_ value: JSONValue) -> String {
        var text = ""
        write(value, into: &text)
        return text
    }

    package static func write(_ value: JSONValue, into text: inout String) {
        switch value {
        case .null: text += "null"
        case .bool(let bool): text += bool ? "true" : "false"
        case .number(let number): text += number.literal
        case .string(let string): writeString(string, into: &text)
        case .array(let elements):
            text += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { text += "," }
                write(element, into: &text)
            }
            text += "]"
        case .object(let object):
            text += "{"
            for (position, member) in object.members.enumerated() {
                if position > 0 { text += "," }
                writeString(member.key, into: &text)
                text += ":"
                write(member.value, into: &text)
            }
            text += "}"
        }
    }

    /// Appends `string` as a JSON string literal.
    package static func writeString(_ string: String, into text: inout String) {
        text += "\""
        let needsEscaping = string.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        if !needsEscaping {
            text += string
        } else {
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": text += "\\\""
                case "\\": text += "\\\\"
                case "\n": text += "\\n"
                case "\r": text += "\\r"
                case "\t": text += "\\t"
                case "\u{08}": text += "\\b"
                case "\u{0C}": text += "\\f"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}

/// Builds a JSON object's text member by member, without an intermediate tree.
package struct JSONObjectWriter {
    package private(set) var text: String
    private var empty = true

    package init(capacity: Int = 64) {
        text = "{"
        text.reserveCapacity(capacity)
    }

    /// Adds a member whose value is already JSON text.
    package mutating func raw(_ key: String, _ json: String) {
        text += empty ? "\"" : ",\""
        empty = false
        text += key  // keys are ours: plain ASCII, nothing to escape
        text += "\":"
        text += json
    }

    package mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        var json = ""
        JSONWriter.writeString(value, into: &json)
        raw(key, json)
    }

    package mutating func integer(_ key: String, _ value: Int64?) {
        guard let value else { return }
        raw(key, String(value))
    }

    package mutating func bool(_ key: String, _ value: Bool) {
        raw(key, value ? "true" : "false")
    }

    package mutating func value(_ key: String, _ value: JSONValue?) {
        guard let value else { return }
        raw(key, JSONWriter.write(value))
    }

    /// The finished object.
    package consuming func finish() -> String {
        text += "}"
        return text
    }
}
