import FeishuWire
import HireCore
import Testing

@Suite("Page tokens, query parsing and rate limits")
struct PagingAndLimitsTests {
    let sealer = PageTokenSealer(keyBytes: Array(repeating: 7, count: 32))
    let cursor = InterviewerCursor(snapshot: 42, updateTime: 1_700_000_000_000, userID: "用户/1")

    @Test func tokensOpenOnlyForTheirTenantFiltersAndLifetime() throws {
        let token = sealer.seal(cursor, tenantKey: "t", fingerprint: "f", issuedAt: 1000)
        #expect(token.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        #expect(!token.contains("用户"))
        #expect(try sealer.open(token, tenantKey: "t", fingerprint: "f", now: 1000 + PageTokenSealer.lifetime) == cursor)
        #expect(throws: APIError.self) { try sealer.open(token, as: InterviewerCursor.self, tenantKey: "u", fingerprint: "f", now: 1000) }
        #expect(throws: APIError.self) { try sealer.open(token, as: InterviewerCursor.self, tenantKey: "t", fingerprint: "g", now: 1000) }
        #expect(throws: APIError.self) { try sealer.open(token, as: InterviewerCursor.self, tenantKey: "t", fingerprint: "f", now: 1001 + PageTokenSealer.lifetime) }
        let other = PageTokenSealer(keyBytes: Array(repeating: 8, count: 32))
        #expect(throws: APIError.self) { try other.open(token, as: InterviewerCursor.self, tenantKey: "t", fingerprint: "f", now: 1000) }
        for index in token.indices {
            var altered = token
            altered.replaceSubrange(index...index, with: token[index] == "A" ? "B" : "A")
            #expect(throws: APIError.self) { try sealer.open(altered, as: InterviewerCursor.self, tenantKey: "t", fingerprint: "f", now: 1000) }
        }
        // A token of an ID-ordered list does not open as another kind of cursor's, nor the reverse.
        let idToken = sealer.seal(IDCursor(lastID: "I-9"), tenantKey: "t", fingerprint: "f", issuedAt: 1000)
        #expect(try sealer.open(idToken, as: IDCursor.self, tenantKey: "t", fingerprint: "f", now: 1000) == IDCursor(lastID: "I-9"))
        for garbage in ["", "x", "====", String(repeating: "A", count: 400)] {
            #expect(throws: APIError.self) { try sealer.open(garbage, as: InterviewerCursor.self, tenantKey: "t", fingerprint: "f", now: 1000) }
        }
    }

    @Test func queriesArePercentDecodedWithRepeatsKept() throws {
        let query = QueryItems(rawQuery: "user_ids=a%20b&user_ids=c+d&x=%E4%B8%AD&bad=%zz&empty=&flag")
        #expect(query.values("user_ids") == ["a b", "c d"])
        #expect(try query.single("x") == "中")
        #expect(try query.single("bad") == "%zz")
        #expect(try query.single("empty") == "")
        #expect(try query.single("flag") == "")
        #expect(throws: APIError.self) { try query.single("user_ids") }
        #expect(throws: APIError.self) { try query.required("empty") }
        #expect(PercentEncoding.decodePathSegment("a+b%2Fc") == "a+b/c")
    }

    @Test func fingerprintsIgnoreUserOrderButNotFilters() {
        let a = InterviewerListQuery(userIDs: ["x", "y"], verifyStatus: .verified)
        let b = InterviewerListQuery(pageSize: 50, userIDs: ["y", "x"], verifyStatus: .verified)
        #expect(a.filterFingerprint(userIDType: .openID) == b.filterFingerprint(userIDType: .openID))
        #expect(a.filterFingerprint(userIDType: .openID) != a.filterFingerprint(userIDType: .userID))
        #expect(a.filterFingerprint(userIDType: .openID) != InterviewerListQuery(userIDs: ["x"]).filterFingerprint(userIDType: .openID))
    }

    @Test func policiesParse() throws {
        #expect(try RateLimitPolicy.parse("50/s,1000/min") == .platform)
        #expect(try RateLimitPolicy.parse(" 5/s ") == RateLimitPolicy(perSecond: 5, perMinute: .max))
        #expect(try RateLimitPolicy.parse("100/m") == RateLimitPolicy(perSecond: .max, perMinute: 100))
        #expect(try RateLimitPolicy.parse("off") == nil)
        for bad in ["", "fast", "0/s", "5/h", "5", "-1/s"] {
            #expect(throws: RateLimitPolicyError.self) { try RateLimitPolicy.parse(bad) }
        }
    }

    @Test func windowsAreAlignedToTheClock() {
        var counter = FixedWindowCounter()
        let policy = RateLimitPolicy(perSecond: 2, perMinute: 3)
        let start: Int64 = 1_800_000_000_250  // 250 ms into a second and into a minute
        #expect(counter.admit(now: start, policy: policy) == .admitted)
        #expect(counter.admit(now: start + 1, policy: policy) == .admitted)
        #expect(counter.admit(now: start + 2, policy: policy) == .limited(limit: 2, resetAfter: 1))
        #expect(counter.admit(now: start + 750, policy: policy) == .admitted)
        #expect(counter.admit(now: start + 751, policy: policy) == .limited(limit: 3, resetAfter: 59))
        // Counts from other nodes count too.
        var shared = FixedWindowCounter()
        #expect(shared.admit(now: start, policy: policy, alreadyCounted: (2, 0)) == .limited(limit: 2, resetAfter: 1))
    }
}
