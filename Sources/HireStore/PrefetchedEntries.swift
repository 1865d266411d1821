import Foundation
import HireCore

extension DataFileSource {
    /// This source read ahead on a thread of its own, so that parsing the file overlaps
    /// with writing its entries: the same entries, in the same order, with at most
    /// `capacity` of them waiting in memory.
    ///
    /// The thread stops at the end of the source, or soon after the returned source is released.
    package func prefetched(capacity: Int = 1_024) -> DataFileSource {
        let queue = EntryQueue(capacity: capacity, chunk: min(64, capacity))
        let thread = Thread { [self] in
            while queue.push(nextEntry()) {}
        }
        thread.stackSize = 8 << 20
        thread.start()
        let reader = EntryQueue.Reader(queue)
        return DataFileSource(AnyIterator { reader.next() })
    }
}

/// Entries handed from a reading thread to the import, a chunk at a time (fewer wake-ups).
private final class EntryQueue: @unchecked Sendable {
    typealias Element = Result<DataFileEntry, DataFileError>

    private let capacity: Int
    private let chunk: Int
    /// Guards everything below.
    private let condition = NSCondition()
    private var ready: [[Element]] = []
    private var readyCount = 0
    private var finished = false
    private var cancelled = false
    /// The producer's chunk being filled; only the producer touches it.
    private var filling: [Element] = []

    init(capacity: Int, chunk: Int) {
        self.capacity = capacity
        self.chunk = chunk
    }

    /// Queues the next element (`nil` at the end); `false` once the producer should stop.
    func push(_ element: Element?) -> Bool {
        if let element {
            filling.append(element)
            if filling.count < chunk { return true }
        }
        condition.lock()
        defer { condition.unlock() }
        while !cancelled, readyCount >= capacity { condition.wait() }
        if cancelled { return false }
        if !filling.isEmpty {
            readyCount += filling.count
            ready.append(filling)
            filling = []
        }
        if element == nil { finished = true }
        condition.broadcast()
        return element != nil
    }

    /// The next chunk; empty at the end.
    func take() -> [Element] {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty, !finished { condition.wait() }
        guard !ready.isEmpty else { return [] }
        let next = ready.removeFirst()
        readyCount -= next.count
        condition.broadcast()
        return next
    }

    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }

    /// The consuming end: releasing it stops the producer.
    final class Reader {
        private let queue: EntryQueue
        private var current: [Element] = []
        private var index = 0
        private var ended = false

        init(_ queue: EntryQueue) { self.queue = queue }

        deinit { queue.cancel() }

        func next() -> Element? {
            if index == current.count {
                guard !ended else { return nil }
                current = queue.take()
                index = 0
                if current.isEmpty {
                    ended = true
                    return nil
                }
            }
            index += 1
            return current[index - 1]
        }
    }
}
