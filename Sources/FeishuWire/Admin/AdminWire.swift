/// The JSON of hire-server's admin API (`/_hire/`, docs/admin-api.md), defined once: the
/// server writes its answers from these types and the Swift SDK (`HireAdmin`) reads them.
///
/// The SDK names them without the namespace (`Fault`, `Snapshot`, `JournalEntry`, …).
public enum AdminWire {
    /// The `data` of the admin API's lists: `{"items": […]}`.
    public struct Items<Item: Codable & Sendable>: Codable, Sendable {
        /// The items, in the order the server gave them.
        public var items: [Item]?

        /// A list; the server creates these, tests of callers may too.
        public init(items: [Item]?) { self.items = items }
    }

    /// The `data` of the admin API's counts and removals: `{"count": n}`.
    public struct Count: Codable, Sendable, Hashable {
        /// How many entries match, or how many were removed.
        public var count: Int

        /// A count; the server creates these, tests of callers may too.
        public init(count: Int) { self.count = count }
    }

    /// The `data` of deletions, `{}`.
    public struct Empty: Codable, Sendable, Hashable {
        /// The empty object.
        public init() {}
    }

    /// The `data` of `POST /_hire/data`: `{"imported": {"tenant": 1, "app": 1, …}}`, the
    /// kinds in the order the server gives them.
    package struct Imported: Codable, Sendable, Hashable {
        /// How many entities of each kind were imported, by the data file's kind names, in order.
        package var counts: [(kind: String, count: Int)] {
            get { zip(kinds, numbers).map { ($0, $1) } }
            set {
                kinds = newValue.map(\.kind)
                numbers = newValue.map(\.count)
            }
        }
        private var kinds: [String] = []
        private var numbers: [Int] = []

        /// The counts by kind.
        package var imported: [String: Int] { Dictionary(counts.map { ($0.kind, $0.count) }, uniquingKeysWith: +) }

        package init(counts: [(kind: String, count: Int)]) { self.counts = counts }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard container.contains(.imported) else { return }
            let members = try container.nestedContainer(keyedBy: AnyKey.self, forKey: .imported)
            counts = try members.allKeys.map { ($0.stringValue, try members.decode(Int.self, forKey: $0)) }
        }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var members = container.nestedContainer(keyedBy: AnyKey.self, forKey: .imported)
            for (kind, count) in counts { try members.encode(count, forKey: AnyKey(kind)) }
        }

        enum CodingKeys: String, CodingKey { case imported }
    }

    /// A key of a JSON object whose members are data, not fields.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
