import Foundation

/// One interviewer's feedback on an interview.
public struct InterviewRecord: Codable, Sendable, Hashable {
    public var id: String?
    /// The interviewer's ID, in the request's `user_id_type`.
    public var userID: String?
    public var content: String?
    /// In the request's `job_level_id_type`.
    public var minJobLevelID: String?
    /// In the request's `job_level_id_type`.
    public var maxJobLevelID: String?
    public var commitStatus: CommitStatus?
    public var feedbackSubmitTime: Int64?
    public var conclusion: InterviewConclusion?
    public var interviewScore: InterviewScore?
    public var assessmentScore: AssessmentScore?
    public var questionList: [InterviewQuestion]?
    public var codeQuestionList: [InterviewQuestion]?
    public var interviewer: IDName?
    public var imageList: [Attachment]?
    public var dimensionAssessmentList: [DimensionAssessment]?

    public init(id: String? = nil) { self.id = id }

    public var feedbackSubmitDate: Date? { feedbackSubmitTime.map(Date.init(feishuMilliseconds:)) }

    enum CodingKeys: String, CodingKey {
        case id
        case userID = "user_id"
        case content
        case minJobLevelID = "min_job_level_id"
        case maxJobLevelID = "max_job_level_id"
        case commitStatus = "commit_status"
        case feedbackSubmitTime = "feedback_submit_time"
        case conclusion
        case interviewScore = "interview_score"
        case assessmentScore = "assessment_score"
        case questionList = "question_list"
        case codeQuestionList = "code_question_list"
        case interviewer
        case imageList = "image_list"
        case dimensionAssessmentList = "dimension_assessment_list"
    }
}

/// The score level an interviewer chose.
public struct InterviewScore: Codable, Sendable, Hashable {
    public var id: String?
    public var level: Int?
    public var zhName: String?
    public var zhDescription: String?
    public var enName: String?
    public var enDescription: String?

    public init(id: String? = nil, level: Int? = nil) {
        self.id = id
        self.level = level
    }

    enum CodingKeys: String, CodingKey {
        case id, level
        case zhName = "zh_name"
        case zhDescription = "zh_description"
        case enName = "en_name"
        case enDescription = "en_description"
    }
}

/// A numeric assessment score.
public struct AssessmentScore: Codable, Sendable, Hashable {
    public var calculateType: Int?
    public var score: Double?
    public var fullScore: Int?

    public init(calculateType: Int? = nil, score: Double? = nil, fullScore: Int? = nil) {
        self.calculateType = calculateType
        self.score = score
        self.fullScore = fullScore
    }

    enum CodingKeys: String, CodingKey {
        case calculateType = "calculate_type"
        case score
        case fullScore = "full_score"
    }
}

/// A question asked in an interview.
public struct InterviewQuestion: Codable, Sendable, Hashable {
    public var id: String?
    public var title: I18nText?
    public var description: I18nText?
    public var content: String?
    public var abilityList: [Ability]?

    public init(id: String? = nil) { self.id = id }

    enum CodingKeys: String, CodingKey {
        case id, title, description, content
        case abilityList = "ability_list"
    }
}

/// An ability a question or dimension assesses.
public struct Ability: Codable, Sendable, Hashable {
    public var id: String?
    public var name: I18nText?
    public var description: I18nText?

    public init(id: String? = nil, name: I18nText? = nil, description: I18nText? = nil) {
        self.id = id
        self.name = name
        self.description = description
    }
}

/// A file attached to a record (`image_list`).
public struct Attachment: Codable, Sendable, Hashable {
    public var id: String?
    public var url: String?
    public var name: String?
    public var mime: String?
    /// As the platform gives it: a string of milliseconds.
    public var createTime: String?

    public init(id: String? = nil, url: String? = nil, name: String? = nil) {
        self.id = id
        self.url = url
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id, url, name, mime
        case createTime = "create_time"
    }
}

/// The assessment of one dimension of a record.
public struct DimensionAssessment: Codable, Sendable, Hashable {
    public var id: String?
    public var name: I18nText?
    public var fullScore: Int?
    public var content: String?
    public var dimensionID: String?
    public var dimensionScore: DimensionScore?
    public var dimensionScoreList: [DimensionScore]?
    public var dimensionCustomScore: Int?
    public var abilityList: [Ability]?
    public var questionList: [InterviewQuestion]?
    public var dimensionType: Int?

    public init(id: String? = nil, name: I18nText? = nil) {
        self.id = id
        self.name = name
    }

    enum CodingKeys: String, CodingKey {
        case id, name, content
        case fullScore = "full_score"
        case dimensionID = "dimension_id"
        case dimensionScore = "dimension_score"
        case dimensionScoreList = "dimension_score_list"
        case dimensionCustomScore = "dimension_custom_score"
        case abilityList = "ability_list"
        case questionList = "question_list"
        case dimensionType = "dimension_type"
    }
}

/// A score option of a dimension.
public struct DimensionScore: Codable, Sendable, Hashable {
    public var id: String?
    public var name: I18nText?
    public var scoreVal: Int?

    public init(id: String? = nil, name: I18nText? = nil, scoreVal: Int? = nil) {
        self.id = id
        self.name = name
        self.scoreVal = scoreVal
    }

    enum CodingKeys: String, CodingKey {
        case id, name
        case scoreVal = "score_val"
    }
}
