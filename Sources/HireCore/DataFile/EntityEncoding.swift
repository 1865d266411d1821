import FeishuWire

/// Entities as data files write them.
extension DataFileEntry.Entity {
    /// The entity's JSON object in export form: secrets as hashes, IDs pinned only where they were pinned.
    package var exportValue: JSONValue {
        var object = JSONObject()
        func add(_ key: String, _ value: JSONValue?) {
            if let value { object.members.append(.init(key, value)) }
        }
        func add(_ key: String, _ value: String?) { add(key, value.map(JSONValue.string)) }
        func map(_ ids: [String: String]) -> JSONValue? {
            ids.isEmpty ? nil : .object(JSONObject(ids.sorted { $0.key < $1.key }.map { .init($0.key, .string($0.value)) }))
        }
        switch self {
        case .tenant(let tenant):
            add("tenant_key", tenant.tenantKey)
            add("name", tenant.name)
        case .app(let app):
            add("app_id", app.appID)
            add("app_secret_sha256", app.secretSHA256)
            add("name", app.name)
            add("developer", app.developer)
            add("scopes", .array(app.scopes.map { .string($0.rawValue) }))
        case .user(let user):
            add("user_id", user.userID)
            add("name", user.name)
            add("people_admin_id", user.peopleAdminID)
            add("open_ids", map(user.openIDs))
            add("union_ids", map(user.unionIDs))
        case .jobLevel(let level):
            add("job_level_id", level.jobLevelID)
            add("people_admin_job_level_id", level.peopleAdminJobLevelID)
            add("name", level.name)
        case .interviewer(let interviewer):
            add("user_id", interviewer.userID)
            add("verify_status", .number(JSONNumber(interviewer.verifyStatus.rawValue)))
            add("update_time", interviewer.updateTime.map { .number(JSONNumber($0)) })
        case .talent(let talent):
            add("talent_id", talent.talentID)
            add("name", talent.name)
        case .application(let application):
            add("application_id", application.applicationID)
            add("talent_id", application.talentID)
        case .interview(let interview):
            return interview.documentValue
        case .interviewRoundType(let roundType):
            // Stored in canonical form already.
            return (try? JSONParser.parse(roundType.body)) ?? .object(object)
        }
        return .object(object)
    }
}

extension InterviewEntity {
    /// The interview as a data file gives it: references as `{"user_id": …}`, members in the platform's order.
    package var documentValue: JSONValue {
        let body = (try? JSONParser.parse(body))?.objectValue ?? JSONObject()
        var object = JSONObject()
        for field in HireShape.interview {
            switch field.name {
            case "creator": object[field.name] = Self.reference(creatorUserID)
            case "contact_user": object[field.name] = Self.reference(contactUserID)
            case "interview_record_list":
                if !records.isEmpty { object[field.name] = .array(records.map(\.documentValue)) }
            default: object[field.name] = body[field.name]
            }
        }
        return .object(object)
    }

    static func reference(_ userID: String?) -> JSONValue? {
        userID.map { ["user_id": .string($0)] }
    }
}

extension InterviewRecordEntity {
    /// The record as a data file gives it.
    package var documentValue: JSONValue {
        let body = (try? JSONParser.parse(body))?.objectValue ?? JSONObject()
        var object = JSONObject()
        for field in HireShape.record {
            switch field.name {
            case "interviewer": object[field.name] = InterviewEntity.reference(interviewerUserID)
            case "min_job_level_id": object[field.name] = minJobLevelID.map(JSONValue.string)
            case "max_job_level_id": object[field.name] = maxJobLevelID.map(JSONValue.string)
            default: object[field.name] = body[field.name]
            }
        }
        return .object(object)
    }
}
