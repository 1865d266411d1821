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
        router.post(RouterPath(Endpoint.tenantAccessToken.path)) { request, context in
            try await issue(request, context: context, endpoint: .tenantAccessToken)
        }
        router.post(RouterPath(Endpoint.appAccessToken.path)) { request, context in
            try await issue(request, context: context, endpoint: .appAccessToken)
        }
    }

    private func issue(_ request: Request, context: HireRequestContext, endpoint: Endpoint) async throws -> Response {
        var request = request
        context.notes?.update { $0.operation = endpoint.name }
        let body = try await request.bodyBytes()
        guard let object = try? JSONBody.object(body),
            let appID = object["app_id"]?.stringValue, !appID.isEmpty,
            let secret = object["app_secret"]?.stringValue, !secret.isEmpty
        else {
            context.notes?.update { $0.code = APICode.tokenRequestInvalid.rawValue }
            return WireResponse.json(#"{"code":10003,"msg":"invalid param","data":{}}"#, status: .ok)
        }
        guard let app = try await services.store.app(id: appID) else {
            context.notes?.update { $0.code = APICode.appCredentialsInvalid.rawValue }
            return WireResponse.json(#"{"code":10014,"msg":"app id not exists"}"#, status: .ok)
        }
        context.notes?.update {
            $0.appID = app.appID
            $0.tenantKey = app.tenantKey
        }
        guard SecretDigest.matches(secret: secret, digestHex: app.secretSHA256) else {
            context.notes?.update { $0.code = APICode.appCredentialsInvalid.rawValue }
            return WireResponse.json(#"{"code":10014,"msg":"app secret invalid"}"#, status: .ok)
        }
        if let faulted = try await services.injectFault(
            endpoint, appID: app.appID, tenantKey: app.tenantKey, context: context)
        {
            return faulted
        }
        let appToken = endpoint == .appAccessToken
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
