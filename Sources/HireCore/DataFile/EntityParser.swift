import FeishuWire

/// Reads data-file entities from JSON values, collecting every problem with its location.
struct EntityParser {
    static let maximumProblems = 20

    var validator = ShapeValidator()
    var problems: [DataProblem] { validator.problems }

    private static let appShape: [WireField] = [
        .init("app_id", .string), .init("app_secret", .string), .init("app_secret_sha256", .string),
        .init("name", .string), .init("developer", .string), .init("scopes", .array(.string)),
    ]
    private static let jobLevelShape: [WireField] = [
        .init("job_level_id", .string), .init("people_admin_job_level_id", .string), .init("name", HireShape.i18n),
    ]
    private static let interviewerShape: [WireField] = [
        .init("user_id", .string), .init("verify_status", .integer), .init("update_time", .integer),
    ]
    private static let talentShape: [WireField] = [.init("talent_id", .string), .init("name", .string)]
    private static let applicationShape: [WireField] = [.init("application_id", .string), .init("talent_id", .string)]
    private static let referenceMembers: Set<String> = ["creator", "contact_user", "interview_record_list"]
    private static let recordReferenceMembers: Set<String> = ["interviewer", "min_job_level_id", "max_job_level_id"]

    /// The tenant's own fields (key and name) of a tenant object.
    mutating func tenant(_ value: JSONValue, at location: DataLocation) -> TenantEntity? {
        guard value.objectValue != nil else {
            validator.report(location, "must be an object, got \(value.typeDescription)")
            return nil
        }
        guard let tenant = fields(value, [.init("tenant_key", .string), .init("name", .string)], location, ["tenant_key"]),
            let key = id(tenant, "tenant_key", location)
        else { return nil }
        return TenantEntity(tenantKey: key, name: tenant["name"]?.stringValue)
    }

    mutating func app(_ value: JSONValue, tenantKey: String, at location: DataLocation) -> AppEntity? {
        guard let object = fields(value, Self.appShape, location, ["app_id"]), let appID = id(object, "app_id", location)
        else { return nil }
        let digest: String
        switch (object["app_secret"]?.stringValue, object["app_secret_sha256"]?.stringValue) {
        case (let secret?, nil) where !secret.isEmpty:
            digest = SecretDigest.hex(of: secret)
        case (nil, let given?) where SecretDigest.isDigest(given):
            digest = given.lowercased()
        case (nil, _?):
            validator.report(location / "app_secret_sha256", "must be 64 hexadecimal digits")
            return nil
        case (_?, _?):
            validator.report(location, "give app_secret or app_secret_sha256, not both")
            return nil
        default:
            validator.report(location / "app_secret", "is required (or app_secret_sha256), and must not be empty")
            return nil
        }
        var scopes: [Scope] = []
        for scope in object["scopes"]?.arrayValue ?? [] {
            if let name = scope.stringValue, !scopes.contains(Scope(rawValue: name)) { scopes.append(Scope(rawValue: name)) }
        }
        let developer = object["developer"]?.stringValue ?? tenantKey
        guard !developer.isEmpty else {
            validator.report(location / "developer", "must not be empty")
            return nil
        }
        return AppEntity(
            appID: appID, secretSHA256: digest, name: object["name"]?.stringValue, developer: developer, scopes: scopes)
    }

    mutating func user(_ value: JSONValue, at location: DataLocation) -> UserEntity? {
        guard let object = value.objectValue else {
            validator.report(location, "must be an object, got \(value.typeDescription)")
            return nil
        }
        var plain = object
        plain.members.removeAll { $0.key == "open_ids" || $0.key == "union_ids" }
        let shape: [WireField] = [.init("user_id", .string), .init("name", HireShape.i18n), .init("people_admin_id", .string)]
        let openIDs = idMap(object["open_ids"], location / "open_ids")
        let unionIDs = idMap(object["union_ids"], location / "union_ids")
        guard let fields = fields(.object(plain), shape, location, ["user_id"]), let userID = id(fields, "user_id", location),
            let openIDs, let unionIDs
        else { return nil }
        let peopleAdminID = fields["people_admin_id"]?.stringValue
        if peopleAdminID == "" {
            validator.report(location / "people_admin_id", "must not be empty")
            return nil
        }
        return UserEntity(
            userID: userID, name: fields["name"], peopleAdminID: peopleAdminID, openIDs: openIDs, unionIDs: unionIDs)
    }

    mutating func jobLevel(_ value: JSONValue, at location: DataLocation) -> JobLevelEntity? {
        guard let object = fields(value, Self.jobLevelShape, location, ["job_level_id"]),
            let levelID = id(object, "job_level_id", location)
        else { return nil }
        return JobLevelEntity(
            jobLevelID: levelID, peopleAdminJobLevelID: object["people_admin_job_level_id"]?.stringValue,
            name: object["name"])
    }

    mutating func interviewer(_ value: JSONValue, at location: DataLocation) -> InterviewerEntity? {
        guard let object = fields(value, Self.interviewerShape, location, ["user_id", "verify_status"]),
            let userID = id(object, "user_id", location)
        else { return nil }
        let raw = object["verify_status"]?.integerValue
        guard let status = VerifyStatus.known.first(where: { Int64($0.rawValue) == raw }) else {
            validator.report(location / "verify_status", "must be 1 (not verified) or 2 (verified)")
            return nil
        }
        let updateTime = object["update_time"]?.integerValue
        if let updateTime, updateTime < 0 {
            validator.report(location / "update_time", "must be a millisecond Unix timestamp")
            return nil
        }
        return InterviewerEntity(userID: userID, verifyStatus: status, updateTime: updateTime)
    }

    mutating func interviewRoundType(_ value: JSONValue, at location: DataLocation) -> InterviewRoundTypeEntity? {
        guard let canonical = validator.canonicalObject(value, HireShape.interviewRoundType, at: location, required: ["id"]),
            let object = canonical.objectValue, let roundTypeID = id(object, "id", location)
        else { return nil }
        var processType: ProcessType?
        if let raw = object["process_type"]?.integerValue {
            guard let known = ProcessType.known.first(where: { Int64($0.rawValue) == raw }) else {
                validator.report(location / "process_type", "must be 1 (social) or 2 (campus)")
                return nil
            }
            processType = known
        }
        if let raw = object["active_status"]?.integerValue,
            ![ActiveStatus.active, .inactive].contains(where: { Int64($0.rawValue) == raw })
        {
            validator.report(location / "active_status", "must be 1 (active) or 2 (inactive)")
            return nil
        }
        return InterviewRoundTypeEntity(id: roundTypeID, processType: processType, body: JSONWriter.write(canonical))
    }

    mutating func talent(_ value: JSONValue, at location: DataLocation) -> TalentEntity? {
        guard let object = fields(value, Self.talentShape, location, ["talent_id"]),
            let talentID = id(object, "talent_id", location)
        else { return nil }
        return TalentEntity(talentID: talentID, name: object["name"]?.stringValue)
    }

    mutating func application(_ value: JSONValue, at location: DataLocation) -> ApplicationEntity? {
        guard let object = fields(value, Self.applicationShape, location, ["application_id", "talent_id"]),
            let applicationID = id(object, "application_id", location), let talentID = id(object, "talent_id", location)
        else { return nil }
        return ApplicationEntity(applicationID: applicationID, talentID: talentID)
    }

    mutating func interview(_ value: JSONValue, at location: DataLocation) -> InterviewEntity? {
        guard let object = validator.canonicalObject(
            value, HireShape.interview, at: location, required: ["id", "application_id"])?.objectValue,
            let interviewID = id(object, "id", location), let applicationID = id(object, "application_id", location)
        else { return nil }
        var records: [InterviewRecordEntity] = []
        for (index, record) in (object["interview_record_list"]?.arrayValue ?? []).enumerated() {
            let at = location / "interview_record_list" / index
            guard let fields = record.objectValue else { continue }
            guard let recordID = fields["id"]?.stringValue, !recordID.isEmpty else {
                validator.report(at / "id", "is required and must not be empty")
                continue
            }
            var body = fields
            body.members.removeAll { Self.recordReferenceMembers.contains($0.key) }
            records.append(InterviewRecordEntity(
                id: recordID, body: JSONWriter.write(.object(body)),
                interviewerUserID: fields["interviewer"]?.objectValue?["user_id"]?.stringValue,
                minJobLevelID: fields["min_job_level_id"]?.stringValue,
                maxJobLevelID: fields["max_job_level_id"]?.stringValue))
        }
        var body = object
        body.members.removeAll { Self.referenceMembers.contains($0.key) }
        return InterviewEntity(
            id: interviewID, applicationID: applicationID, beginTime: object["begin_time"]?.integerValue,
            body: JSONWriter.write(.object(body)),
            creatorUserID: object["creator"]?.objectValue?["user_id"]?.stringValue,
            contactUserID: object["contact_user"]?.objectValue?["user_id"]?.stringValue,
            records: records)
    }

    // MARK: - Helpers

    private mutating func fields(
        _ value: JSONValue, _ shape: [WireField], _ location: DataLocation, _ required: Set<String>
    ) -> JSONObject? {
        validator.canonicalObject(value, shape, at: location, required: required)?.objectValue
    }

    /// A required, non-empty ID member.
    private mutating func id(_ object: JSONObject, _ key: String, _ location: DataLocation) -> String? {
        guard let value = object[key]?.stringValue, !value.isEmpty else {
            validator.report(location / key, "must not be empty")
            return nil
        }
        return value
    }

    /// `open_ids` / `union_ids`: an object of non-empty strings.
    private mutating func idMap(_ value: JSONValue?, _ location: DataLocation) -> [String: String]? {
        guard let value else { return [:] }
        guard let object = value.objectValue else {
            validator.report(location, "must be an object, got \(value.typeDescription)")
            return nil
        }
        var map: [String: String] = [:]
        for member in object.members {
            guard let id = member.value.stringValue, !id.isEmpty else {
                validator.report(location / member.key, "must be a non-empty string, got \(member.value.typeDescription)")
                return nil
            }
            map[member.key] = id
        }
        return map
    }
}
