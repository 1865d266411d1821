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

    /// The `data` of `POST /_hire/data`: `{"imported": {"tenant": 1, "app": 1, …}}`.
    package struct Imported: Codable, Sendable, Hashable {
        /// How many entities of each kind were imported, by the data file's kind names.
        package var imported: [String: Int]?

        package init(imported: [String: Int]) { self.imported = imported }

        package func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var counts = container.nestedContainer(keyedBy: AnyKey.self, forKey: .imported)
            for (kind, count) in (imported ?? [:]).sorted(by: { $0.key < $1.key }) {
                try counts.encode(count, forKey: AnyKey(kind))
            }
        }
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
