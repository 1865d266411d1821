/// One endpoint of the API: its route, the scopes it needs and the `user_id_type`s it accepts.
///
/// Server routing, scope checks, rate-limit keys and the SDK all read this table.
public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
    /// A stable name, e.g. `hire.v1.interviewer.patch`; the rate-limit key.
    public let name: String
    /// The HTTP method, upper case.
    public let method: String
    /// The path, with `:name` for path parameters.
    public let path: String
    /// The app needs any one of these; empty for the token endpoints.
    public let scopes: [Scope]
    /// The `user_id_type` values the endpoint accepts; empty if it takes none.
    public let userIDTypes: [UserIDType]
    /// The `msg` of a successful answer (the platform is not uniform here).
    public let successMessage: String

    public init(
        name: String, method: String, path: String, scopes: [Scope], userIDTypes: [UserIDType], successMessage: String
    ) {
        self.name = name
        self.method = method
        self.path = path
        self.scopes = scopes
        self.userIDTypes = userIDTypes
        self.successMessage = successMessage
    }

    public var description: String { "\(method) \(path)" }

    public static let tenantAccessToken = Endpoint(
        name: "auth.v3.tenant_access_token.internal", method: "POST",
        path: "/open-apis/auth/v3/tenant_access_token/internal",
        scopes: [], userIDTypes: [], successMessage: "ok")

    public static let appAccessToken = Endpoint(
        name: "auth.v3.app_access_token.internal", method: "POST",
        path: "/open-apis/auth/v3/app_access_token/internal",
        scopes: [], userIDTypes: [], successMessage: "ok")

    public static let patchInterviewer = Endpoint(
        name: "hire.v1.interviewer.patch", method: "PATCH",
        path: "/open-apis/hire/v1/interviewers/:interviewer_id",
        scopes: [.hireInterviewer], userIDTypes: [.openID, .unionID, .userID], successMessage: "success")

    public static let listInterviewers = Endpoint(
        name: "hire.v1.interviewer.list", method: "GET",
        path: "/open-apis/hire/v1/interviewers",
        scopes: [.hireInterviewer], userIDTypes: [.openID, .unionID, .userID], successMessage: "success")

    public static let interviewsByTalent = Endpoint(
        name: "hire.v1.interview.get_by_talent", method: "GET",
        path: "/open-apis/hire/v1/interviews/get_by_talent",
        scopes: [.hireInterviewReadonly, .hireInterview],
        userIDTypes: [.openID, .unionID, .userID, .peopleAdminID], successMessage: "ok")

    public static let listInterviews = Endpoint(
        name: "hire.v1.interview.list", method: "GET",
        path: "/open-apis/hire/v1/interviews",
        scopes: [.hireInterviewReadonly, .hireInterview],
        userIDTypes: [.openID, .unionID, .userID], successMessage: "success")

    public static let listApplicationInterviews = Endpoint(
        name: "hire.v1.application_interview.list", method: "GET",
        path: "/open-apis/hire/v1/applications/:application_id/interviews",
        scopes: [.hireInterviewReadonly, .hireInterview],
        userIDTypes: [.openID, .unionID, .userID, .peopleAdminID], successMessage: "success")

    public static let getInterviewRecord = Endpoint(
        name: "hire.v1.interview_record.get", method: "GET",
        path: "/open-apis/hire/v1/interview_records/:interview_record_id",
        scopes: [.hireInterviewReadonly, .hireInterview],
        userIDTypes: [.openID, .unionID, .userID], successMessage: "success")

    public static let listInterviewRecords = Endpoint(
        name: "hire.v1.interview_record.list", method: "GET",
        path: "/open-apis/hire/v1/interview_records",
        scopes: [.hireInterviewReadonly, .hireInterview],
        userIDTypes: [.openID, .unionID, .userID], successMessage: "success")

    public static let listInterviewRoundTypes = Endpoint(
        name: "hire.v1.interview_round_type.list", method: "GET",
        path: "/open-apis/hire/v1/interview_round_types",
        scopes: [.hireInterviewReadonly, .hireInterview], userIDTypes: [], successMessage: "success")

    /// Every endpoint, token endpoints included.
    public static let all: [Endpoint] = [
        .tenantAccessToken, .appAccessToken, .patchInterviewer, .listInterviewers, .interviewsByTalent,
        .listInterviews, .listApplicationInterviews, .getInterviewRecord, .listInterviewRecords,
        .listInterviewRoundTypes,
    ]

    /// Whether `path` (without query) names this endpoint's route.
    public func matches(path candidate: Substring) -> Bool {
        let pattern = path.split(separator: "/", omittingEmptySubsequences: true)
        let parts = candidate.split(separator: "/", omittingEmptySubsequences: true)
        guard pattern.count == parts.count else { return false }
        return zip(pattern, parts).allSatisfy { $0.first == ":" || $0 == $1 }
    }
}
