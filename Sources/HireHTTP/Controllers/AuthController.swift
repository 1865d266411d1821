import FeishuWire
import Foundation
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
        guard let credentials = try? JSONDecoder().decode(AccessTokenRequest.self, from: Data(body)),
            !credentials.appID.isEmpty, !credentials.appSecret.isEmpty
        else {
            return refuse(
                ResponseEnvelope(code: .tokenRequestInvalid, msg: "invalid param", data: EmptyData()), context: context)
        }
        let secret = credentials.appSecret
        guard let app = try await services.store.app(id: credentials.appID) else {
            return refuse(AccessTokenResponse(code: .appCredentialsInvalid, msg: "app id not exists"), context: context)
        }
        context.notes?.update {
            $0.appID = app.appID
            $0.tenantKey = app.tenantKey
        }
        guard SecretDigest.matches(secret: secret, digestHex: app.secretSHA256) else {
            return refuse(AccessTokenResponse(code: .appCredentialsInvalid, msg: "app secret invalid"), context: context)
        }
        if let faulted = try await services.injectFault(
            endpoint, appID: app.appID, tenantKey: app.tenantKey, context: context)
        {
            return faulted
        }
        let appToken = endpoint == .appAccessToken
        let grant = try await acquire(app: app, secret: secret)
        return WireResponse.encoded(
            AccessTokenResponse(
                code: .success, msg: endpoint.successMessage, tenantAccessToken: grant.token,
                appAccessToken: appToken ? grant.token : nil, expire: Int(grant.expiresIn)),
            status: .ok)
    }

    /// A refusal, with HTTP 200 as the platform answers them.
    private func refuse(_ envelope: ResponseEnvelope<EmptyData>, context: HireRequestContext) -> Response {
        context.notes?.update { $0.code = envelope.code.rawValue }
        return WireResponse.encoded(envelope, status: .ok)
    }

    private func refuse(_ body: AccessTokenResponse, context: HireRequestContext) -> Response {
        context.notes?.update { $0.code = body.code.rawValue }
        return WireResponse.encoded(body, status: .ok)
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
        if record.nonce == nonce { services.metrics.tokenIssued() }
        return TokenGrant(
            token: AccessToken.mint(secret: secret, nonce: record.nonce), expiresIn: (record.expiresAt - now) / 1000)
    }
}
