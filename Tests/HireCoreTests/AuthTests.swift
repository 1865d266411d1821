import FeishuWire
import HireCore
import Testing

@Suite("Tokens, secrets, IDs and log ids")
struct AuthTests {
    @Test func tokensAreMintedFromTheSecretAndNonce() {
        let nonce = AccessToken.newNonce()
        #expect(nonce.count == 32)
        #expect(nonce != AccessToken.newNonce())
        let token = AccessToken.mint(secret: "s", nonce: nonce)
        #expect(token == AccessToken.mint(secret: "s", nonce: nonce))
        #expect(token != AccessToken.mint(secret: "t", nonce: nonce))
        #expect(token.hasPrefix("t-") && token.count == 42)
        #expect(AccessToken.hash(token).count == 64)
    }

    @Test(arguments: [
        ("Bearer t-abc", "t-abc"), ("bearer t-abc", "t-abc"), ("Bearer  t-abc ", "t-abc"),
        ("Bearer", nil), ("Bearer ", nil), ("Basic t-abc", nil), ("t-abc", nil), ("Bearer a b", nil),
    ] as [(String, String?)])
    func bearerHeadersAreRead(header: String, token: String?) {
        #expect(AccessToken.bearer(from: header).map(String.init) == token)
    }

    @Test func secretsAreComparedByDigest() {
        let digest = SecretDigest.hex(of: "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6")
        #expect(SecretDigest.isDigest(digest))
        #expect(SecretDigest.matches(secret: "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6", digestHex: digest))
        #expect(SecretDigest.matches(secret: "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR6", digestHex: digest.uppercased()))
        #expect(!SecretDigest.matches(secret: "Xk2pD9vQmL4sT7wZ1aB3cE5fG8hJ0nR7", digestHex: digest))
        #expect(!SecretDigest.matches(secret: "x", digestHex: "abc"))
    }

    @Test func derivedIDsAreStableAndDistinct() {
        let open = DerivedID.openID(tenantKey: "t", appID: "cli_1", userID: "u")
        #expect(open == DerivedID.openID(tenantKey: "t", appID: "cli_1", userID: "u"))
        #expect(open.wholeMatch(of: /ou_[0-9a-f]{32}/) != nil)
        #expect(open != DerivedID.openID(tenantKey: "t", appID: "cli_2", userID: "u"))
        #expect(open != DerivedID.openID(tenantKey: "t2", appID: "cli_1", userID: "u"))
        #expect(DerivedID.openID(tenantKey: "t", appID: "ab", userID: "c") != DerivedID.openID(tenantKey: "t", appID: "a", userID: "bc"))
        #expect(DerivedID.unionID(tenantKey: "t", developer: "d", userID: "u").wholeMatch(of: /on_[0-9a-f]{32}/) != nil)
    }

    @Test func logIDsCarryTheUTCTimeAndRandomHex() {
        // 2025-02-27 14:43:59 UTC
        let id = LogID.make(now: 1_740_667_439_000)
        #expect(id.hasPrefix("20250227144359"))
        #expect(id.count == 34)
        #expect(id.dropFirst(14).allSatisfy { $0.isHexDigit && !$0.isLowercase })
        #expect(LogID.make(now: 0).hasPrefix("19700101000000"))
        #expect(LogID.make(now: 951_782_400_000).hasPrefix("20000229"))  // leap day
        #expect(id != LogID.make(now: 1_740_667_439_000))
    }

    @Test func principalsCheckScopesAndIDTypes() throws {
        let app = Principal(tenantKey: "t", appID: "cli_1", developer: "d", scopes: [.hireInterviewReadonly])
        #expect(throws: APIError.scopeRequired(anyOf: [.hireInterviewer])) { try app.authorize(.patchInterviewer) }
        #expect(throws: Never.self) { try app.authorize(.interviewsByTalent) }
        #expect(try app.identityView(userIDType: nil, at: .interviewsByTalent) == IdentityView(tenantKey: "t", type: .openID, namespace: "cli_1"))
        #expect(try app.identityView(userIDType: "union_id", at: .interviewsByTalent).namespace == "d")
        #expect(throws: APIError.fieldScopeRequired(.contactUserEmployeeIDReadonly)) {
            try app.identityView(userIDType: "user_id", at: .interviewsByTalent)
        }
        #expect(throws: APIError.self) { try app.identityView(userIDType: "people_admin_id", at: .listInterviewers) }
    }
}
