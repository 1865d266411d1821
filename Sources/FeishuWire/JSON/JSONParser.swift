/// A malformed JSON text: what was wrong and where.
package struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    package let message: String
    /// 1-based line and column of the problem.
    package let line: Int
    package let column: Int

    package init(message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    package var description: String { "line \(line), column \(column): \(message)" }
}

/// A strict RFC 8259 parser: no trailing commas, no comments, no duplicate keys,
/// valid UTF-8 only, nesting limited so hostile input cannot exhaust the stack.
package struct JSONParser {
    /// Deepest nesting of arrays and objects accepted.
    package static let maximumDepth = 64
    /// Up to this many members, an object is scanned for a duplicate name instead of hashed.
    private static let scannedMembers = 16

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// Parses a complete JSON text; anything but whitespace after the value is an error.
    package static func parse(_ bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(bytes: Array(bytes))
        parser.skipWhitespace()
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.index == parser.bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    package static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    private mutating func parseValue() throws(JSONSyntaxError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character \(describe(bytes[index])), expected a value")
        }
    }

    private mutating func parseObject() throws(JSONSyntaxError) -> JSONValue {
        var members: [JSONObject.Member] = []
        // Small objects find a duplicate name by a scan of their members; large ones in a set.
        var seen = Set<String>()
        if try enterContainer(closing: UInt8(ascii: "}")) { return .object(JSONObject(members)) }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw error("expected a member name in double quotes") }
            let keyStart = index
            let key = try parseString()
            if members.count == Self.scannedMembers { seen = Set(members.map(\.key)) }
            let duplicate = members.count < Self.scannedMembers
                ? members.contains { $0.key == key } : !seen.insert(key).inserted
            guard !duplicate else {
                index = keyStart
                throw error("duplicate member name \(JSONValue.quoted(key))")
            }
            skipWhitespace()
            guard peek(UInt8(ascii: ":")) else { throw error("expected ':' after a member name") }
            index += 1
            skipWhitespace()
            members.append(.init(key, try parseValue()))
            if try leaveContainer(closing: UInt8(ascii: "}"), in: "an object") { return .object(JSONObject(members)) }
        }
    }

    private mutating func parseArray() throws(JSONSyntaxError) -> JSONValue {
        var elements: [JSONValue] = []
        if try enterContainer(closing: UInt8(ascii: "]")) { return .array(elements) }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            if try leaveContainer(closing: UInt8(ascii: "]"), in: "an array") { return .array(elements) }
        }
    }

    /// Steps over an opening bracket; `true` if the container is empty (and closed).
    private mutating func enterContainer(closing: UInt8) throws(JSONSyntaxError) -> Bool {
        depth += 1
        guard depth <= Self.maximumDepth else { throw error("nested deeper than \(Self.maximumDepth) levels") }
        index += 1
        skipWhitespace()
        guard peek(closing) else { return false }
        index += 1
        depth -= 1
        return true
    }

    /// After an element: steps over a comma (`false`, more follow) or the closing bracket (`true`).
    private mutating func leaveContainer(closing: UInt8, in container: String) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if peek(UInt8(ascii: ",")) {
            index += 1
            return false
        }
        guard peek(closing) else {
            throw error("expected ',' or '\(Character(Unicode.Scalar(closing)))' in \(container)")
        }
        index += 1
        depth -= 1
        return true
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // opening quote
        var utf8: [UInt8] = []
        var segmentStart = index
        while true {
            guard index < bytes.count else { throw error("unterminated string") }
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let string: String?
                if utf8.isEmpty {
                    // No escape (nearly every string): straight from the input, no copy.
                    string = String(validating: bytes[segmentStart..<index], as: UTF8.self)
                } else {
                    utf8.append(contentsOf: bytes[segmentStart..<index])
                    string = String(validating: utf8, as: UTF8.self)
                }
                index += 1
                guard let string else { throw error("string is not valid UTF-8") }
                return string
            case UInt8(ascii: "\\"):
                utf8.append(contentsOf: bytes[segmentStart..<index])
                try parseEscape(into: &utf8)
                segmentStart = index
            case 0..<0x20:
                throw error("control character \(describe(byte)) in a string must be escaped")
            default:
                index += 1
            }
        }
    }

    private mutating func parseEscape(into utf8: inout [UInt8]) throws(JSONSyntaxError) {
        index += 1
        guard index < bytes.count else { throw error("unterminated escape sequence") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("unpaired surrogate in \\u escape") }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw error("unpaired surrogate in \\u escape")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
            utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
        default:
            index -= 1
            throw error("invalid escape sequence \\\(describe(byte))")
        }
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid hex digit \(describe(byte)) in \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        if peek(UInt8(ascii: "-")) { index += 1 }
        if peek(UInt8(ascii: "0")) {
            index += 1
        } else if digitsFollow() {
            skipDigits()
        } else {
            throw error("invalid number")
        }
        if peek(UInt8(ascii: ".")) {
            index += 1
            guard digitsFollow() else { throw error("expected digits after '.' in a number") }
            skipDigits()
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if peek(UInt8(ascii: "+")) || peek(UInt8(ascii: "-")) { index += 1 }
            guard digitsFollow() else { throw error("expected digits in a number's exponent") }
            skipDigits()
        }
        if digitsFollow() { throw error("leading zeros are not allowed in a number") }
        return JSONNumber(literal: String(decoding: bytes[start..<index], as: UTF8.self))
    }

    private func digitsFollow() -> Bool {
        index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }

    private mutating func skipDigits() {
        while digitsFollow() { index += 1 }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { expected in
            index + count <= bytes.count && bytes[index..<index + count].elementsEqual(expected)
        }
        guard matches else { throw error("unexpected character \(describe(bytes[index])), expected a value") }
        index += count
    }

    private func peek(_ byte: UInt8) -> Bool { index < bytes.count && bytes[index] == byte }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    private func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16, uppercase: true)
    }

    private func error(_ message: String) -> JSONSyntaxError {
        var line = 1
        var lineStart = 0
        for position in 0..<min(index, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        let column = String(decoding: bytes[lineStart..<min(index, bytes.count)], as: UTF8.self).count + 1
        return JSONSyntaxError(message: message, line: line, column: column)
    }
}

extension JSONParser {
    /// The members of the object `bytes`, each value as the exact text it was written
    /// with, after checking that the whole text is valid JSON.
    ///
    /// For printing part of an answer byte for byte (the CLI's `--json`).
    package static func rawMembers(
        ofObject bytes: some Collection<UInt8>
    ) throws(JSONSyntaxError) -> [(key: String, text: String)] {
        var parser = JSONParser(bytes: Array(bytes))
        parser.skipWhitespace()
        guard parser.peek(UInt8(ascii: "{")) else { throw parser.error("expected an object") }
        let members = try parser.rawContainer(closing: UInt8(ascii: "}"), keyed: true)
        return members.map { ($0.key ?? "", $0.text) }
    }

    /// The elements of the array `bytes`, each as the exact text it was written with.
    package static func rawElements(ofArray bytes: some Collection<UInt8>) throws(JSONSyntaxError) -> [String] {
        var parser = JSONParser(bytes: Array(bytes))
        parser.skipWhitespace()
        guard parser.peek(UInt8(ascii: "[")) else { throw parser.error("expected an array") }
        return try parser.rawContainer(closing: UInt8(ascii: "]"), keyed: false).map(\.text)
    }

    private mutating func rawContainer(
        closing: UInt8, keyed: Bool
    ) throws(JSONSyntaxError) -> [(key: String?, text: String)] {
        let start = index
        _ = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw error("unexpected text after the JSON value") }
        // The text is valid: walk it again, cutting out each value.
        index = start + 1
        var parts: [(key: String?, text: String)] = []
        skipWhitespace()
        while !peek(closing) {
            var key: String?
            if keyed {
                key = try parseString()
                skipWhitespace()
                index += 1
                skipWhitespace()
            }
            let valueStart = index
            _ = try parseValue()
            parts.append((key, String(decoding: bytes[valueStart..<index], as: UTF8.self)))
            skipWhitespace()
            if peek(UInt8(ascii: ",")) { index += 1 }
            skipWhitespace()
        }
        return parts
    }
}
