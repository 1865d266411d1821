import FeishuWire

/// Where the parts of a JSON data-file document lie, found in one pass that checks the
/// document's structure without building it: the root's members, each tenant's members, and
/// the byte range of every value. Memory grows with the number of tenants, not with the file.
struct DocumentOutline {
    /// A member of an object: its name and where its value lies.
    struct Member {
        let key: String
        let range: Range<Int>
    }

    /// An element of `tenants`.
    enum Tenant {
        /// An object, with its members in the order written.
        case object([Member])
        /// Anything else, for the message.
        case other(Range<Int>)
    }

    /// The root, when it is not an object.
    var nonObjectRoot: Range<Int>?
    /// The root's members in the order written.
    var rootMembers: [Member] = []
    /// The elements of `tenants`; `nil` if it is missing or not an array.
    var tenants: [Tenant]?

    /// Reads the outline of the document in `source`.
    /// - Throws: ``JSONSyntaxError``, located in the whole document, if its structure is not JSON.
    static func read(_ source: any DataBytes) throws -> DocumentOutline {
        var skimmer = ValueSkimmer(cursor: ByteCursor(source))
        do {
            return try skimmer.outline()
        } catch let problem as ValueSkimmer.Problem {
            let (line, column) = try source.position(of: problem.offset)
            throw JSONSyntaxError(message: problem.message, line: line, column: column)
        }
    }
}

/// Steps over JSON values, checking brackets, commas, colons, strings and nesting; the
/// values' own text (numbers, escapes, UTF-8) is checked when they are parsed.
struct ValueSkimmer {
    struct Problem: Error {
        let message: String
        let offset: Int
    }

    var cursor: ByteCursor

    mutating func outline() throws -> DocumentOutline {
        var outline = DocumentOutline()
        try cursor.skipWhitespace()
        let start = cursor.offset
        guard try cursor.peek() == UInt8(ascii: "{") else {
            try skipValue(depth: 0)
            outline.nonObjectRoot = start..<cursor.offset
            try expectEnd()
            return outline
        }
        try object(depth: 1) { skimmer, key in
            let start = skimmer.cursor.offset
            if key == "tenants", try skimmer.cursor.peek() == UInt8(ascii: "[") {
                outline.tenants = try skimmer.tenants()
            } else {
                try skimmer.skipValue(depth: 1)
            }
            outline.rootMembers.append(.init(key: key, range: start..<skimmer.cursor.offset))
        }
        try expectEnd()
        return outline
    }

    /// The elements of the `tenants` array at the cursor.
    private mutating func tenants() throws -> [DocumentOutline.Tenant] {
        var tenants: [DocumentOutline.Tenant] = []
        try array(depth: 2) { skimmer in
            let start = skimmer.cursor.offset
            if try skimmer.cursor.peek() == UInt8(ascii: "{") {
                tenants.append(.object(try skimmer.members(depth: 3)))
            } else {
                try skimmer.skipValue(depth: 2)
                tenants.append(.other(start..<skimmer.cursor.offset))
            }
        }
        return tenants
    }

    /// The members of the object at the cursor, each value stepped over.
    private mutating func members(depth: Int) throws -> [DocumentOutline.Member] {
        var members: [DocumentOutline.Member] = []
        try object(depth: depth) { skimmer, key in
            let start = skimmer.cursor.offset
            try skimmer.skipValue(depth: depth)
            members.append(.init(key: key, range: start..<skimmer.cursor.offset))
        }
        return members
    }

    /// Steps over the value at the cursor, nested `depth` deep.
    mutating func skipValue(depth: Int) throws {
        guard let byte = try cursor.peek() else { throw problem("unexpected end of input, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): try object(depth: depth + 1) { skimmer, _ in try skimmer.skipValue(depth: depth + 1) }
        case UInt8(ascii: "["): try array(depth: depth + 1) { skimmer in try skimmer.skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""): try skipString()
        default:
            let start = cursor.offset
            while let byte = try cursor.peek(), !Self.endsLiteral(byte) { cursor.advance() }
            guard cursor.offset > start else {
                throw problem("unexpected character \(Self.describe(byte)), expected a value")
            }
        }
    }

    /// Steps over an object, calling `member` with the cursor at each member's value.
    mutating func object(depth: Int, _ member: (inout ValueSkimmer, String) throws -> Void) throws {
        try enter(depth: depth)
        if try closes(UInt8(ascii: "}")) { return }
        var seen = MemberNames()
        while true {
            try cursor.skipWhitespace()
            let keyStart = cursor.offset
            guard try cursor.peek() == UInt8(ascii: "\"") else { throw problem("expected a member name in double quotes") }
            cursor.mark()
            try skipString()
            let key: String
            let quoted = cursor.takeMarked()
            if let plain = Self.plainString(quoted) {
                key = plain
            } else {
                do {
                    key = try JSONParser.parse(quoted).stringValue ?? ""
                } catch {
                    throw Problem(message: error.message, offset: keyStart)
                }
            }
            guard seen.insert(key) else {
                throw Problem(message: "duplicate member name \(JSONValue.quoted(key))", offset: keyStart)
            }
            try cursor.skipWhitespace()
            guard try cursor.peek() == UInt8(ascii: ":") else { throw problem("expected ':' after a member name") }
            cursor.advance()
            try cursor.skipWhitespace()
            try member(&self, key)
            if try leave(closing: UInt8(ascii: "}"), in: "an object") { return }
        }
    }

    /// Steps over an array, calling `element` with the cursor at each element.
    mutating func array(depth: Int, _ element: (inout ValueSkimmer) throws -> Void) throws {
        try enter(depth: depth)
        if try closes(UInt8(ascii: "]")) { return }
        while true {
            try cursor.skipWhitespace()
            try element(&self)
            if try leave(closing: UInt8(ascii: "]"), in: "an array") { return }
        }
    }

    private mutating func enter(depth: Int) throws {
        guard depth <= JSONParser.maximumDepth else { throw problem("nested deeper than \(JSONParser.maximumDepth) levels") }
        cursor.advance()
        try cursor.skipWhitespace()
    }

    /// Steps over `closing` if it is next: an empty container.
    private mutating func closes(_ closing: UInt8) throws -> Bool {
        guard try cursor.peek() == closing else { return false }
        cursor.advance()
        return true
    }

    /// After an element: steps over a comma (`false`, more follow) or the closing bracket (`true`).
    private mutating func leave(closing: UInt8, in container: String) throws -> Bool {
        try cursor.skipWhitespace()
        switch try cursor.peek() {
        case UInt8(ascii: ","):
            cursor.advance()
            return false
        case closing:
            cursor.advance()
            return true
        default:
            throw problem("expected ',' or '\(Character(Unicode.Scalar(closing)))' in \(container)")
        }
    }

    private mutating func skipString() throws {
        cursor.advance()
        while true {
            guard try cursor.skip(until: (UInt8(ascii: "\""), UInt8(ascii: "\\"))) else { throw problem("unterminated string") }
            let byte = try cursor.peek()
            cursor.advance()
            if byte == UInt8(ascii: "\"") { return }
            // A backslash: the next byte is escaped, whatever it is.
            guard try cursor.peek() != nil else { throw problem("unterminated escape sequence") }
            cursor.advance()
        }
    }

    /// The string in `quoted` when it needs no decoding (no escape, no control character,
    /// valid UTF-8), as nearly every member name; `nil` for the parser to decode or reject.
    private static func plainString(_ quoted: [UInt8]) -> String? {
        guard quoted.count >= 2 else { return nil }
        let inner = quoted[1..<(quoted.count - 1)]
        guard !inner.contains(where: { $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else { return nil }
        return String(validating: inner, as: UTF8.self)
    }

    private mutating func expectEnd() throws {
        try cursor.skipWhitespace()
        guard try cursor.peek() == nil else { throw problem("unexpected text after the JSON value") }
    }

    private func problem(_ message: String) -> Problem { Problem(message: message, offset: cursor.offset) }

    private static func endsLiteral(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: "\""),
            UInt8(ascii: "{"), UInt8(ascii: "["), 0x20, 0x09, 0x0A, 0x0D:
            true
        default:
            false
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x" + String(byte, radix: 16, uppercase: true)
    }
}

/// The member names of one object so far, to find a duplicate: scanned while there are
/// few (nearly every object), hashed beyond.
private struct MemberNames {
    private static let scanned = 16
    private var names: [String] = []
    private var set: Set<String> = []

    /// Adds `name`; `false` if it was there already.
    mutating func insert(_ name: String) -> Bool {
        if names.count < Self.scanned {
            if names.contains(name) { return false }
            names.append(name)
            if names.count == Self.scanned { set = Set(names) }
            return true
        }
        return set.insert(name).inserted
    }
}
