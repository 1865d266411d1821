/// Which of a user's IDs a request uses for its inputs and outputs (`user_id_type`).
public enum UserIDType: String, Sendable, Hashable, CaseIterable, Codable {
    /// `ou_…`, different for every app. The default.
    case openID = "open_id"
    /// `on_…`, the same for every app of one developer.
    case unionID = "union_id"
    /// The tenant's own ID of the user, the same for every app; needs
    /// `contact:user.employee_id:readonly`.
    case userID = "user_id"
    /// The People Admin ID (accepted by `get_by_talent` only).
    case peopleAdminID = "people_admin_id"

    /// The type a request uses when it names none.
    public static let `default` = UserIDType.openID
}

/// Which of a job level's IDs a request uses (`job_level_id_type`).
public enum JobLevelIDType: String, Sendable, Hashable, CaseIterable, Codable {
    case jobLevelID = "job_level_id"
    case peopleAdminJobLevelID = "people_admin_job_level_id"

    /// The type a request uses when it names none.
    public static let `default` = JobLevelIDType.jobLevelID
}
