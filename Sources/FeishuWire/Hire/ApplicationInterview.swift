/// An interview as `application_interview.list` gives it: the historic model, with
/// the interview's times, round, stage and records only (`interview` in the official SDKs).
public struct ApplicationInterview: Codable, Sendable, Hashable {
    public var id: String?
    /// Start, in milliseconds since 1970.
    public var beginTime: Int64?
    /// End, in milliseconds since 1970.
    public var endTime: Int64?
    public var round: Int?
    public var stageID: String?
    public var interviewRecordList: [InterviewRecord]?

    public init(id: String? = nil) { self.id = id }

    /// The historic model's members of `interview`.
    public init(_ interview: Interview) {
        id = interview.id
        beginTime = interview.beginTime
        endTime = interview.endTime
        round = interview.round
        stageID = interview.stageID
        interviewRecordList = interview.interviewRecordList
    }

    enum CodingKeys: String, CodingKey {
        case id, beginTime = "begin_time", endTime = "end_time", round, stageID = "stage_id"
        case interviewRecordList = "interview_record_list"
    }
}

/// The `data` of `GET /open-apis/hire/v1/interview_records/:interview_record_id`.
public struct InterviewRecordEnvelope: Codable, Sendable, Hashable {
    public var interviewRecord: InterviewRecord?

    public init(interviewRecord: InterviewRecord? = nil) { self.interviewRecord = interviewRecord }

    enum CodingKeys: String, CodingKey {
        case interviewRecord = "interview_record"
    }
}
