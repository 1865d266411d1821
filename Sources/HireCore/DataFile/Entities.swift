import FeishuWire

/// The entities of a data file (`feishu-hire-data/1`), each validated and in canonical form.
/// Import takes them; export produces them.

/// A tenant: one company.
public struct TenantEntity: Sendable, Hashable {
    public var tenantKey: String
    public var name: String?

    public init(tenantKey: String, name: String? = nil) {
        self.tenantKey = tenantKey
        self.name = name
    }
}

/// A custom app of a tenant.
public struct AppEntity: Sendable, Hashable {
    public var appID: String
    /// SHA-256 of the secret, lowercase hex. Files may give the secret in clear; it is hashed on reading.
    public var secretSHA256: String
    public var name: String?
    /// Apps of one developer share union_ids.
    public var developer: String
    public var scopes: [Scope]

    public init(appID: String, secretSHA256: String, name: String? = nil, developer: String, scopes: [Scope]) {
        self.appID = appID
        self.secretSHA256 = secretSHA256
        self.name = name
        self.developer = developer
        self.scopes = scopes
    }
}

/// A user of a tenant. IDs not pinned here are derived (see ``DerivedID``).
public struct UserEntity: Sendable, Hashable {
    public var userID: String
    /// Canonical JSON of the `{zh_cn, en_us}` name.
    public var name: JSONValue?
    public var peopleAdminID: String?
    /// Pinned open_ids, by app_id.
    public var openIDs: [String: String]
    /// Pinned union_ids, by developer.
    public var unionIDs: [String: String]

    public init(
        userID: String, name: JSONValue? = nil, peopleAdminID: String? = nil,
        openIDs: [String: String] = [:], unionIDs: [String: String] = [:]
    ) {
        self.userID = userID
        self.name = name
        self.peopleAdminID = peopleAdminID
        self.openIDs = openIDs
        self.unionIDs = unionIDs
    }
}

/// A job level and its two IDs.
public struct JobLevelEntity: Sendable, Hashable {
    public var jobLevelID: String
    public var peopleAdminJobLevelID: String?
    public var name: JSONValue?

    public init(jobLevelID: String, peopleAdminJobLevelID: String? = nil, name: JSONValue? = nil) {
        self.jobLevelID = jobLevelID
        self.peopleAdminJobLevelID = peopleAdminJobLevelID
        self.name = name
    }
}

/// A status set as if through the PATCH endpoint.
public struct InterviewerEntity: Sendable, Hashable {
    public var userID: String
    public var verifyStatus: VerifyStatus
    /// Milliseconds; `nil` means the time of the import.
    public var updateTime: Int64?

    public init(userID: String, verifyStatus: VerifyStatus, updateTime: Int64? = nil) {
        self.userID = userID
        self.verifyStatus = verifyStatus
        self.updateTime = updateTime
    }
}

/// A candidate.
public struct TalentEntity: Sendable, Hashable {
    public var talentID: String
    public var name: String?

    public init(talentID: String, name: String? = nil) {
        self.talentID = talentID
        self.name = name
    }
}

/// A talent's application to a job.
public struct ApplicationEntity: Sendable, Hashable {
    public var applicationID: String
    public var talentID: String

    public init(applicationID: String, talentID: String) {
        self.applicationID = applicationID
        self.talentID = talentID
    }
}

/// An interview, split the way it is stored: the members as given, and the references apart.
public struct InterviewEntity: Sendable, Hashable {
    public var id: String
    public var applicationID: String
    public var beginTime: Int64?
    /// Canonical JSON object of every member except `creator`, `contact_user` and `interview_record_list`.
    public var body: String
    public var creatorUserID: String?
    public var contactUserID: String?
    public var records: [InterviewRecordEntity]

    public init(
        id: String, applicationID: String, beginTime: Int64?, body: String,
        creatorUserID: String?, contactUserID: String?, records: [InterviewRecordEntity]
    ) {
        self.id = id
        self.applicationID = applicationID
        self.beginTime = beginTime
        self.body = body
        self.creatorUserID = creatorUserID
        self.contactUserID = contactUserID
        self.records = records
    }
}

/// One record of an interview, split like ``InterviewEntity``.
public struct InterviewRecordEntity: Sendable, Hashable {
    public var id: String
    /// Canonical JSON object of every member except `interviewer`, `min_job_level_id`, `max_job_level_id`.
    public var body: String
    public var interviewerUserID: String?
    public var minJobLevelID: String?
    public var maxJobLevelID: String?

    public init(id: String, body: String, interviewerUserID: String?, minJobLevelID: String?, maxJobLevelID: String?) {
        self.id = id
        self.body = body
        self.interviewerUserID = interviewerUserID
        self.minJobLevelID = minJobLevelID
        self.maxJobLevelID = maxJobLevelID
    }
}
