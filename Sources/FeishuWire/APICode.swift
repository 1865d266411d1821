/// A response code of the Feishu Open Platform: the `code` member of every response body.
///
/// The type is open: codes this package does not name still decode and compare,
/// so a client keeps working when the platform adds codes.
public struct APICode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }
    public init(_ rawValue: Int) { self.rawValue = rawValue }

    public var description: String { String(rawValue) }

    /// Success.
    public static let success = APICode(0)
    /// A fault of the server (系统错误).
    public static let systemError = APICode(1_002_001)
    /// A parameter error: wrong type, size or value, a missing required value or an unknown ID (参数错误).
    public static let invalidParameter = APICode(1_002_002)
    /// The token endpoints' answer to a malformed request.
    public static let tokenRequestInvalid = APICode(10003)
    /// The token endpoints' answer to an unknown `app_id` or a wrong `app_secret`.
    public static let appCredentialsInvalid = APICode(10014)
    /// The `Authorization` header is missing or not `Bearer <token>`.
    public static let missingAccessToken = APICode(99_991_661)
    /// The access token is invalid, expired or revoked.
    public static let invalidAccessToken = APICode(99_991_663)
    /// The app lacks a scope the request needs.
    public static let scopeRequired = APICode(99_991_672)
    /// The app sent requests to this endpoint faster than its rate limit allows.
    public static let rateLimited = APICode(99_991_400)

    /// No endpoint has this path (HTTP 404). The platform answers these without a
    /// JSON body; this server answers every request in the envelope.
    public static let routeNotFound = APICode(404)
    /// The path exists, but not with this method (HTTP 405).
    public static let methodNotAllowed = APICode(405)

    /// The HTTP status the platform answers with for this code.
    public var httpStatus: Int {
        switch self {
        case .success, .tokenRequestInvalid, .appCredentialsInvalid: 200
        case .systemError: 500
        case .rateLimited: 429
        case .routeNotFound: 404
        case .methodNotAllowed: 405
        default: 400
        }
    }

    /// Whether a client holding a cached tenant token should drop it and fetch a new one.
    public var invalidatesToken: Bool { self == .invalidAccessToken }
}
