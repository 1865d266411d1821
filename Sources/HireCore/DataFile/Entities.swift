import FeishuWire

/// The entities of a data file (`feishu-hire-data/1`), each validated and in canonical form.
/// Import takes them; export produces them.

/// A tenant: one company.
package struct TenantEntity: Sendable, Hashable {
    package var tenantKey: String
    package var name: String?

    package init(tenantKey: String, name: String? = nil) {
        self.tenantKey = tenantKey
        self.name = name
    }
}

/// A custom app of a tenant.
package struct AppEntity: Sendable, Hashable {
    package var appID: String
    /// SHA-256 of the secret, lowercase hex. Files may give the secret in clear; it is hashed on reading.
    package var secretSHA256: String
    package var name: String?
    /// Apps of one developer share union_ids.
    package var developer: String
    package var scopes: [Scope]

    package init(appID: String, secretSHA256: String, name: String? = nil, developer: String, scopes: [Scope]) {
        self.appID = appID
        self.secretSHA256 = secretSHA256
        self.name = name
        self.developer = developer
        self.scopes = scopes
    }
}

/// A user of a tenant. IDs not pinned here are derived (see ``DerivedID``).
package struct UserEntity: Sendable, Hashable {
    package var userID: String
    /// Canonical JSON of the `{zh_cn, en_us}` name.
    package var name: JSONValue?
    package var peopleAdminID: String?
    /// Pinned open_ids, by app_id.
    package var openIDs: [String: String]
    /// Pinned union_ids, by developer.
    package var unionIDs: [String: String]

    package init(
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
package struct JobLevelEntity: Sendable, Hashable {
    package var jobLevelID: String
    package var peopleAdminJobLevelID: String?
    package var name: JSONValue?

    package init(jobLevelID: String, peopleAdminJobLevelID: String? = nil, name: JSONValue? = nil) {
        self.jobLevelID = jobLevelID
        self.peopleAdminJobLevelID = peopleAdminJobLevelID
        self.name = name
    }
}

/// A status set as if through the PATCH endpoint.
package struct InterviewerEntity: Sendable, Hashable {
    package var userID: String
    package var verifyStatus: VerifyStatus
    /// Milliseconds; `nil` means the time of the import.
    package var updateTime: Int64?

    package init(userID: String, verifyStatus: VerifyStatus, updateTime: Int64? = nil) {
        self.userID = userID
        self.verifyStatus = verifyStatus
        self.updateTime = updateTime
    }
}

/// A candidate.
package struct TalentEntity: Sendable, Hashable {
    package var talentID: String
    package var name: String?

    package init(talentID: String, name: String? = nil) {
        self.talentID = talentID
        self.name = name
    }
}

/// A talent's application to a job.
package struct ApplicationEntity: Sendable, Hashable {
    package var applicationID: String
    package var talentID: String

    package init(applicationID: String, talentID: String) {
        self.applicationID = applicationID
        self.talentID = talentID
    }
}

/// An interview round type (一面, 二面, …), as the round-type list returns it.
package struct InterviewRoundTypeEntity: Sendable, Hashable {
    package var id: String
    /// The recruitment process it belongs to (the list's filter), if given.
    package var processType: ProcessType?
    /// Canonical JSON object of every member, `id` included, in the platform's order.
    package var body: String

    package init(id: String, processType: ProcessType?, body: String) {
        self.id = id
        self.processType = processType
        self.body = body
    }
}

/// An interview, split the way it is stored: the members as given, and the references apart.
package struct InterviewEntity: Sendable, Hashable {
    package var id: String
    package var applicationID: String
    package var beginTime: Int64?
    /// Canonical JSON object of every member except `creator`, `contact_user` and `interview_record_list`.
    package var body: String
    package var creatorUserID: String?
    package var contactUserID: String?
    package var records: [InterviewRecordEntity]

    package init(
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
package struct InterviewRecordEntity: Sendable, Hashable {
    package var id: String
    /// Canonical JSON object of every member except `interviewer`, `min_job_level_id`, `max_job_level_id`.
    package var body: String
    package var interviewerUserID: String?
    package var minJobLevelID: String?
    package var maxJobLevelID: String?

    package init(id: String, body: String, interviewerUserID: String?, minJobLevelID: String?, maxJobLevelID: String?) {
        self.id = id
        self.body = body
        self.interviewerUserID = interviewerUserID
        self.minJobLevelID = minJobLevelID
        self.maxJobLevelID = maxJobLevelID
    }
}
