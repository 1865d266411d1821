/// Pieces of a JSON text, cut out unchanged: the `data` member of an answer, the
/// elements of an array. `--json` prints what the server sent, byte for byte, not a
/// re-encoding of the SDK's models.
///
/// The texts come from answers the SDK has already decoded, so they are valid JSON.
enum RawJSON {
    /// The value of member `name` of the object `text`, or `nil` if it has none.
    static func member(_ name: String, of text: some Collection<UInt8>) -> String? {
        var scanner = Scanner(Array(text))
        let key = Array(name.utf8)
        guard scanner.consume(UInt8(ascii: "{")) else { return nil }
        if scanner.consume(UInt8(ascii: "}")) { return nil }
        repeat {
            guard let memberKey = scanner.string() else { return nil }
            guard scanner.consume(UInt8(ascii: ":")) else { return nil }
            guard let value = scanner.value() else { return nil }
            if memberKey.elementsEqual(key) { return String(decoding: value, as: UTF8.self) }
        } while scanner.consume(UInt8(ascii: ","))
        return nil
    }

    /// The elements of the array `text`, or `nil` if it is not an array.
    static func elements(of text: String) -> [String]? {
        var scanner = Scanner(Array(text.utf8))
        guard scanner.consume(UInt8(ascii: "[")) else { return nil }
        if scanner.consume(UInt8(ascii: "]")) { return [] }
        var elements: [String] = []
        repeat {
            guard let value = scanner.value() else { return nil }
            elements.append(String(decoding: value, as: UTF8.self))
        } while scanner.consume(UInt8(ascii: ","))
        return scanner.consume(UInt8(ascii: "]")) ? elements : nil
    }

    /// A cursor over JSON bytes that skips values without building them.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        private mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        /// Skips whitespace, then `byte` if it comes next.
        mutating func consume(_ byte: UInt8) -> Bool {
            skipWhitespace()
            guard current == byte else { return false }
            index += 1
            return true
        }

        /// The raw contents of the string that comes next, escapes as written.
        mutating func string() -> ArraySlice<UInt8>? {
            guard consume(UInt8(ascii: "\"")) else { return nil }
            let start = index
            while let byte = current {
                if byte == UInt8(ascii: "\\") {
                    index += 2
                } else if byte == UInt8(ascii: "\"") {
                    index += 1
                    return bytes[start..<(index - 1)]
                } else {
                    index += 1
                }
            }
            return nil
        }

        /// The text of the value that comes next.
        mutating func value() -> ArraySlice<UInt8>? {
            skipWhitespace()
            let start = index
            switch current {
            case UInt8(ascii: "\""):
                guard string() != nil else { return nil }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                var depth = 0
                repeat {
                    guard let byte = current else { return nil }
                    switch byte {
                    case UInt8(ascii: "\""):
                        guard string() != nil else { return nil }
                        continue
                    case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
                    default: break
                    }
                    index += 1
                } while depth > 0
            case nil:
                return nil
            default:
                while let byte = current,
                    !(byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                        || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D)
                {
                    index += 1
                }
            }
            return index > start ? bytes[start..<index] : nil
        }
    }
}
