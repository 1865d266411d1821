/// The decoded query parameters of a request, in order, repeats kept.
public struct QueryItems: Sendable, Hashable {
    public var items: [(name: String, value: String)] {
        get { pairs.map { ($0.name, $0.value) } }
        set { pairs = newValue.map { Pair(name: $0.name, value: $0.value) } }
    }

    private struct Pair: Sendable, Hashable {
        var name: String
        var value: String
    }

    private var pairs: [Pair]

    public init(_ items: [(name: String, value: String)] = []) {
        pairs = items.map { Pair(name: $0.name, value: $0.value) }
    }

    /// Every value of `name`.
    public func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The value of a parameter that may be given at most once.
    public func single(_ name: String) throws(APIError) -> String? {
        let all = values(name)
        guard all.count <= 1 else { throw .invalidParameter(name, "must be given at most once") }
        return all.first
    }

    /// The value of a required parameter given once, not empty.
    public func required(_ name: String) throws(APIError) -> String {
        guard let value = try single(name), !value.isEmpty else { throw .invalidParameter(name, "is required") }
        return value
    }
}

extension QueryItems {
    /// Parses a raw query string (`a=1&b=x%20y`): `+` is a space, percent escapes are decoded;
    /// an escape that does not decode to UTF-8 is kept as written.
    public init(rawQuery: String?) {
        var items: [(name: String, value: String)] = []
        for part in (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decodeQueryComponent(pieces[0])
            let value = pieces.count > 1 ? PercentEncoding.decodeQueryComponent(pieces[1]) : ""
            items.append((name, value))
        }
        self.init(items)
    }
}

/// Percent-decoding of URL components.
public enum PercentEncoding {
    /// Decodes a query component (`+` means a space).
    public static func decodeQueryComponent(_ text: Substring) -> String {
        decode(text, plusIsSpace: true)
    }

    /// Decodes a path segment (`+` is a plus).
    public static func decodePathSegment(_ text: Substring) -> String {
        decode(text, plusIsSpace: false)
    }

    private static func decode(_ text: Substring, plusIsSpace: Bool) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "%") || (plusIsSpace && $0 == UInt8(ascii: "+")) }) else {
            return String(text)
        }
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), index + 2 < utf8.count,
                let decoded = Hex.decode(String(decoding: utf8[index + 1...index + 2], as: UTF8.self))
            {
                bytes.append(decoded[0])
                index += 3
            } else {
                bytes.append(plusIsSpace && byte == UInt8(ascii: "+") ? UInt8(ascii: " ") : byte)
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? String(text)
    }
}
