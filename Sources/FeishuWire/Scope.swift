/// A permission (权限) granted to an app, e.g. `hire:interviewer`.
public struct Scope: RawRepresentable, Hashable, Sendable, Codable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public var description: String { rawValue }

    public static func < (lhs: Scope, rhs: Scope) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Manage interviewers (管理面试官信息).
    public static let hireInterviewer: Scope = "hire:interviewer"
    /// Read interviews (获取面试信息).
    public static let hireInterviewReadonly: Scope = "hire:interview:readonly"
    /// Read and update interviews (更新面试信息).
    public static let hireInterview: Scope = "hire:interview"
    /// Read users' `user_id` (获取用户 user ID): a field scope.
    public static let contactUserEmployeeIDReadonly: Scope = "contact:user.employee_id:readonly"
}
