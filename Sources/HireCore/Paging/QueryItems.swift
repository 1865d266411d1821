import FeishuWire

/// The decoded query parameters of a request, in order, repeats kept.
package struct QueryItems: Sendable, Hashable {
    package var items: [(name: String, value: String)] {
        get { pairs.map { ($0.name, $0.value) } }
        set { pairs = newValue.map { Pair(name: $0.name, value: $0.value) } }
    }

    private struct Pair: Sendable, Hashable {
        var name: String
        var value: String
    }

    private var pairs: [Pair]

    package init(_ items: [(name: String, value: String)] = []) {
        pairs = items.map { Pair(name: $0.name, value: $0.value) }
    }

    /// Every value of `name`.
    package func values(_ name: String) -> [String] {
        pairs.filter { $0.name == name }.map(\.value)
    }

    /// The value of a parameter that may be given at most once.
    package func single(_ name: String) throws(APIError) -> String? {
        let all = values(name)
        guard all.count <= 1 else { throw .invalidParameter(name, "must be given at most once") }
        return all.first
    }

    /// The value of a required parameter given once, not empty.
    package func required(_ name: String) throws(APIError) -> String {
        guard let value = try single(name), !value.isEmpty else { throw .invalidParameter(name, "is required") }
        return value
    }
}

extension QueryItems {
    /// Parses a raw query string (`a=1&b=x%20y`): `+` is a space, percent escapes are decoded;
    /// an escape that does not decode to UTF-8 is kept as written.
    package init(rawQuery: String?) {
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
