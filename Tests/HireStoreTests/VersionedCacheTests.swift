import HireStore
import Testing

@Suite("Store: the versioned cache")
struct VersionedCacheTests {
    let v1 = DataVersion(1), v2 = DataVersion(2)

    @Test func anEntryCountsOnlyAtItsVersionAndBeforeItsExpiry() {
        let cache = VersionedCache<String, Int>(maximumCount: 10)
        cache.store(7, for: "a", at: v1)
        cache.store(8, for: "b", at: v1, expiresAt: 100)
        #expect(cache.value(for: "a", at: v1) == 7)
        #expect(cache.value(for: "a", at: v2) == nil)
        #expect(cache.value(for: "b", at: v1, now: 99) == 8)
        #expect(cache.value(for: "b", at: v1, now: 100) == nil)
        cache.store(9, for: "a", at: v2)
        #expect(cache.value(for: "a", at: v2) == 9 && cache.value(for: "a", at: v1) == nil)
    }

    @Test func itStaysWithinItsBoundsDroppingStaleEntriesFirst() {
        let cache = VersionedCache<Int, Int>(maximumCount: 4, maximumCost: 100)
        for key in 0..<3 { cache.store(key, for: key, at: v1) }
        cache.store(3, for: 3, at: v2)
        cache.store(4, for: 4, at: v2)
        #expect(cache.count == 2, "the stale entries of v1 went first")
        #expect(cache.value(for: 3, at: v2) == 3 && cache.value(for: 4, at: v2) == 4)
        for key in 5..<20 { cache.store(key, for: key, at: v2) }
        #expect(cache.count <= 4)
        cache.store(-1, for: -1, at: v2, cost: 101)
        #expect(cache.value(for: -1, at: v2) == nil, "larger than the whole budget")
        cache.store(50, for: 50, at: v2, cost: 60)
        cache.store(51, for: 51, at: v2, cost: 60)
        #expect(cache.value(for: 51, at: v2) == 51 && cache.value(for: 50, at: v2) == nil)
    }
}
