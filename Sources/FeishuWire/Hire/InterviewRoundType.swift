/// A kind of interview round a tenant has configured, e.g. 一面 ("Round one").
public struct InterviewRoundType: Codable, Sendable, Hashable {
    /// The type's ID; the platform gives a type a new one when it is edited.
    public var id: String?
    /// The business ID, which stays the same across edits.
    public var bizID: String?
    public var name: I18nText?
    public var processType: ProcessType?
    public var activeStatus: ActiveStatus?
    public var interviewAssessmentTemplateInfo: AssessmentTemplate?

    public init(id: String? = nil, name: I18nText? = nil) {
        self.id = id
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id, bizID = "biz_id", name, processType = "process_type", activeStatus = "active_status"
        case interviewAssessmentTemplateInfo = "interview_assessment_template_info"
    }
}

/// The assessment template a round type uses.
public struct AssessmentTemplate: Codable, Sendable, Hashable {
    public var id: String?
    public var bizID: String?
    public var name: I18nText?

    public init(id: String? = nil, bizID: String? = nil, name: I18nText? = nil) {
        self.id = id
        self.bizID = bizID
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id, bizID = "biz_id", name
    }
}

/// The `data` of `GET /open-apis/hire/v1/interview_round_types`.
public struct InterviewRoundTypeList: Codable, Sendable, Hashable {
    /// Whether the tenant uses round types at all.
    public var activeStatus: ActiveStatus?
    public var items: [InterviewRoundType]?

    public init(activeStatus: ActiveStatus? = nil, items: [InterviewRoundType]? = nil) {
        self.activeStatus = activeStatus
        self.items = items
    }

    enum CodingKeys: String, CodingKey {
        case activeStatus = "active_status", items
    }
}
