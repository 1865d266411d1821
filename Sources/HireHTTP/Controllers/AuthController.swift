import FeishuWire
import HireCore
import HireStore
import Hummingbird

/// The token endpoints: `tenant_access_token/internal` and `app_access_token/internal`.
///
/// They answer HTTP 200 even on failure, with codes 10003 and 10014, as the platform does.
struct AuthController {
    let services: HireServices

    func addRoutes(to router: Router<HireRequestContext>) {
        router.post(RouterPath(Endpoint.tenantAccessToken.path)) { request, _ in
            try await issue(request, appToken: false)
        }
        router.post(RouterPath(Endpoint.appAccessToken.path)) { request, _ in
            try await issue(request, appToken: true)
        }
    }

    private func issue(_ request: Request, appToken: Bool) async throws -> Response {
        var request = request
        let body = try await request.bodyBytes()
        guard let object = try? JSONBody.object(body),
            let appID = object["app_id"]?.stringValue, !appID.isEmpty,
            let secret = object["app_secret"]?.stringValue, !secret.isEmpty
        else {
            return WireResponse.json(#"{"code":10003,"msg":"invalid param","data":{}}"#, status: .ok)
        }
        guard let app = try await services.store.app(id: appID) else {
            return WireResponse.json(#"{"code":10014,"msg":"app id not exists"}"#, status: .ok)
        }
        guard SecretDigest.matches(secret: secret, digestHex: app.secretSHA256) else {
            return WireResponse.json(#"{"code":10014,"msg":"app secret invalid"}"#, status: .ok)
        }
        let grant = try await acquire(app: app, secret: secret)
        var response = JSONObjectWriter()
        response.integer("code", 0)
        response.string("msg", "ok")
        if appToken { response.string("app_access_token", grant.token) }
        response.string("tenant_access_token", grant.token)
        response.integer("expire", grant.expiresIn)
        return WireResponse.json(response.finish(), status: .ok)
    }

    /// The app's current token while it has 30 minutes left, otherwise a new one.
    /// For custom apps the app token and the tenant token are one token.
    private func acquire(app: StoredApp, secret: String) async throws -> TokenGrant {
        let now = services.clock.now()
        let nonce = AccessToken.newNonce()
        let candidate = NewToken(
            hash: AccessToken.hash(AccessToken.mint(secret: secret, nonce: nonce)), nonce: nonce,
            issuedAt: now, expiresAt: now + AccessToken.lifetime * 1000)
        let record = try await services.store.acquireToken(
            appID: app.appID, secretSHA256: app.secretSHA256, candidate: candidate, now: now,
            reuseThreshold: AccessToken.reuseThreshold * 1000)
        return TokenGrant(
            token: AccessToken.mint(secret: secret, nonce: record.nonce), expiresIn: (record.expiresAt - now) / 1000)
    }
}
