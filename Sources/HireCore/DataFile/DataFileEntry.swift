import FeishuWire

/// One entity of a data file, with its tenant and where it was read.
package struct DataFileEntry: Sendable, Hashable {
    package enum Entity: Sendable, Hashable {
        case tenant(TenantEntity)
        case app(AppEntity)
        case user(UserEntity)
        case jobLevel(JobLevelEntity)
        case talent(TalentEntity)
        case application(ApplicationEntity)
        case interview(InterviewEntity)
        case interviewer(InterviewerEntity)
        case interviewRoundType(InterviewRoundTypeEntity)
    }

    package var tenantKey: String
    package var entity: Entity
    package var location: DataLocation

    package init(tenantKey: String, entity: Entity, location: DataLocation) {
        self.tenantKey = tenantKey
        self.entity = entity
        self.location = location
    }

    /// The kind of entity, as named in data files (`app`, `job_level`, …).
    package var kind: EntityKind { entity.kind }

    /// The entity's ID within its tenant (for duplicate detection).
    package var id: String {
        switch entity {
        case .tenant(let tenant): tenant.tenantKey
        case .app(let app): app.appID
        case .user(let user): user.userID
        case .jobLevel(let level): level.jobLevelID
        case .talent(let talent): talent.talentID
        case .application(let application): application.applicationID
        case .interview(let interview): interview.id
        case .interviewer(let interviewer): interviewer.userID
        case .interviewRoundType(let roundType): roundType.id
        }
    }

    /// What must exist (in the store, or earlier in the file) for this entry to be imported.
    package var references: [EntityReference] {
        func user(_ id: String?, _ location: DataLocation) -> [EntityReference] {
            id.map { [EntityReference(kind: .user, id: $0, location: location)] } ?? []
        }
        var references = [EntityReference(kind: .tenant, id: tenantKey, location: location)]
        switch entity {
        case .tenant:
            return []
        case .app, .jobLevel, .talent, .interviewRoundType:
            break
        case .user(let entity):
            for appID in entity.openIDs.keys.sorted() {
                references.append(EntityReference(kind: .app, id: appID, location: location / "open_ids" / appID))
            }
        case .application(let application):
            references.append(EntityReference(kind: .talent, id: application.talentID, location: location / "talent_id"))
        case .interview(let interview):
            references.append(
                EntityReference(kind: .application, id: interview.applicationID, location: location / "application_id"))
            references += user(interview.creatorUserID, location / "creator" / "user_id")
            references += user(interview.contactUserID, location / "contact_user" / "user_id")
            for (index, record) in interview.records.enumerated() {
                let at = location / "interview_record_list" / index
                references += user(record.interviewerUserID, at / "interviewer" / "user_id")
                for (key, level) in [("min_job_level_id", record.minJobLevelID), ("max_job_level_id", record.maxJobLevelID)] {
                    if let level { references.append(EntityReference(kind: .jobLevel, id: level, location: at / key)) }
                }
            }
        case .interviewer(let interviewer):
            references += user(interviewer.userID, location / "user_id")
        }
        return references
    }
}

/// The kinds of entity of a data file.
package enum EntityKind: String, Sendable, Hashable, CaseIterable {
    case tenant, app, user
    case jobLevel = "job_level"
    case talent, application, interview
    /// An interview record: imported within its interview, but its ID is unique in the tenant.
    case interviewRecord = "interview_record"
    case interviewer
    case interviewRoundType = "interview_round_type"

    /// The kind in words: "job level".
    package var displayName: String {
        switch self {
        case .jobLevel: "job level"
        case .interviewRecord: "interview record"
        case .interviewRoundType: "interview round type"
        default: rawValue
        }
    }

    /// The member of a tenant object in a JSON document that lists this kind.
    package var collectionName: String {
        switch self {
        case .tenant: "tenants"
        case .app: "apps"
        case .user: "users"
        case .jobLevel: "job_levels"
        case .talent: "talents"
        case .application: "applications"
        case .interview: "interviews"
        case .interviewRecord: "interview_record_list"
        case .interviewer: "interviewers"
        case .interviewRoundType: "interview_round_types"
        }
    }
}

extension DataFileEntry.Entity {
    package var kind: EntityKind {
        switch self {
        case .tenant: .tenant
        case .app: .app
        case .user: .user
        case .jobLevel: .jobLevel
        case .talent: .talent
        case .application: .application
        case .interview: .interview
        case .interviewer: .interviewer
        case .interviewRoundType: .interviewRoundType
        }
    }
}

/// An entity an entry refers to.
package struct EntityReference: Sendable, Hashable {
    package let kind: EntityKind
    package let id: String
    /// Where the reference was written.
    package let location: DataLocation

    /// The problem to report when the referenced entity does not exist.
    package var missingProblem: DataProblem {
        DataProblem(location, "refers to \(kind.displayName) \(JSONValue.quoted(id)), which does not exist")
    }
}
