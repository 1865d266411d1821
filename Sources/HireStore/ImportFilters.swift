import HireCore

/// An entity of an import, by kind, tenant and ID: a key of the IDs an import has seen
/// (`import_seen`) and of the entities it knows to exist.
package struct EntityKey: Hashable, Sendable {
    package let kind: EntityKind
    package let tenantKey: String
    package let id: String

    package init(kind: EntityKind, tenantKey: String, id: String) {
        self.kind = kind
        self.tenantKey = tenantKey
        self.id = id
    }
}

/// A set that forgets everything when it is full: memory stays bounded, and what it
/// still holds is exact.
package struct BoundedSet<Member: Hashable> {
    package let capacity: Int
    private var members: Set<Member> = []

    package init(capacity: Int) { self.capacity = capacity }

    package func contains(_ key: Member) -> Bool { members.contains(key) }

    package mutating func insert(_ key: Member) {
        if members.count >= capacity { members.removeAll(keepingCapacity: true) }
        members.insert(key)
    }
}

/// A Bloom filter of fixed size: "absent" answers are certain, "present" ones may be wrong.
package struct BloomFilter {
    private var words: [UInt64]
    private let mask: UInt64
    private static let hashes: UInt64 = 5

    /// - Parameter bitCount: a power of two.
    package init(bitCount: Int) {
        precondition(bitCount > 64 && bitCount & (bitCount - 1) == 0)
        words = Array(repeating: 0, count: bitCount / 64)
        mask = UInt64(bitCount - 1)
    }

    /// Inserts `key`; `false` if it may have been inserted before.
    package mutating func insertIfAbsent(_ key: some Hashable) -> Bool {
        let (h1, h2) = Self.seeds(key)
        var absent = false
        for index in 0..<Self.hashes {
            let bit = (h1 &+ index &* h2) & mask
            let word = Int(bit >> 6)
            let flag: UInt64 = 1 << (bit & 63)
            if words[word] & flag == 0 {
                absent = true
                words[word] |= flag
            }
        }
        return absent
    }

    /// The two hashes that derive the key's bits (double hashing).
    private static func seeds(_ key: some Hashable) -> (UInt64, UInt64) {
        var first = Hasher()
        first.combine(key)
        var second = Hasher()
        second.combine(0x5EED as UInt16)
        second.combine(key)
        return (UInt64(bitPattern: Int64(first.finalize())), UInt64(bitPattern: Int64(second.finalize())) | 1)
    }
}

/// A dictionary that forgets everything when it is full: memory stays bounded, and what
/// it still holds is exact.
package struct BoundedMap<Key: Hashable, Value> {
    package let capacity: Int
    private var entries: [Key: Value] = [:]

    package init(capacity: Int) { self.capacity = capacity }

    package subscript(key: Key) -> Value? {
        get { entries[key] }
        set {
            if newValue != nil, entries[key] == nil, entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = newValue
        }
    }
}
