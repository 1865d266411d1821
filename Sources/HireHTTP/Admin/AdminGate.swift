import FeishuWire
import HireCore
import Hummingbird

/// Admits a request to the admin API: `Authorization: Bearer <admin token>`, compared in
/// constant time (through the SHA-256 of both). HTTP 401 with 99991661 when it is missing,
/// 99991663 when it is wrong.
struct AdminGate: RouterMiddleware {
    typealias Context = HireRequestContext

    /// The SHA-256 of the admin token, in hex.
    let tokenDigest: String

    init(token: String) { tokenDigest = SecretDigest.hex(of: token) }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let token = AccessToken.bearer(from: request.headers[.authorization]) else {
            throw Self.unauthorized(.missingAccessToken)
        }
        guard SecretDigest.matches(secret: String(token), digestHex: tokenDigest) else {
            throw Self.unauthorized(.invalidAccessToken)
        }
        return try await next(request, context)
    }

    private static func unauthorized(_ error: APIError) -> APIError {
        var error = error
        error.httpStatus = 401
        return error
    }
}
