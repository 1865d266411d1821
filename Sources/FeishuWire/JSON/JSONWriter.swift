/// Writes compact JSON: no insignificant whitespace, members in order,
/// non-ASCII text as UTF-8 (not `\u` escapes), as the platform does.
package enum JSONWriter {
    package static func write(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// `value`'s JSON text as UTF-8 bytes.
    package static func bytes(_ value: JSONValue) -> [UInt8] {
        var json = JSONBytes(capacity: 256)
        json.append(value: value)
        return json.bytes
    }

    package static func write(_ value: JSONValue, into text: inout String) {
        text += write(value)
    }

    /// Appends `string` as a JSON string literal.
    package static func writeString(_ string: String, into text: inout String) {
        var json = JSONBytes(capacity: string.utf8.count + 2)
        json.appendQuoted(string)
        text += String(decoding: json.bytes, as: UTF8.self)
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
