import FeishuWire
import Synchronization

/// The newest requests a node received: a ring of at most `capacity` entries.
package final class RequestJournal: Sendable {
    package let capacity: Int
    package let node: String

    private struct Ring {
        var entries: [JournalEntry] = []
        /// Where the oldest entry is once the ring is full.
        var head = 0
        var lastSeq: Int64 = 0
    }

    private let ring = Mutex(Ring())

    package init(capacity: Int, node: String) {
        precondition(capacity > 0)
        self.capacity = capacity
        self.node = node
    }

    /// Records an entry, numbering it.
    package func append(_ entry: JournalEntry) {
        var entry = entry
        ring.withLock { ring in
            ring.lastSeq += 1
            entry.seq = ring.lastSeq
            if ring.entries.count < capacity {
                ring.entries.append(entry)
            } else {
                ring.entries[ring.head] = entry
                ring.head = (ring.head + 1) % capacity
            }
        }
    }

    /// The entries `filter` selects, oldest first, at most `limit`.
    package func entries(_ filter: JournalFilter, limit: Int = .max) -> [JournalEntry] {
        ring.withLock { ring in
            var found: [JournalEntry] = []
            for index in 0..<ring.entries.count {
                let entry = ring.entries[(ring.head + index) % ring.entries.count]
                guard filter.selects(entry) else { continue }
                found.append(entry)
                if found.count == limit { break }
            }
            return found
        }
    }

    /// How many entries `filter` selects.
    package func count(_ filter: JournalFilter) -> Int {
        ring.withLock { ring in ring.entries.reduce(0) { $0 + (filter.selects($1) ? 1 : 0) } }
    }

    /// Forgets every entry (sequence numbers go on); returns how many there were.
    @discardableResult
    package func clear() -> Int {
        ring.withLock { ring in
            defer {
                ring.entries = []
                ring.head = 0
            }
            return ring.entries.count
        }
    }
}
