import Foundation

/// The interviews of one application of a talent: an item of `get_by_talent`.
public struct TalentInterview: Codable, Sendable, Hashable {
    public var applicationID: String?
    public var interviewList: [Interview]?

    public init(applicationID: String? = nil, interviewList: [Interview]? = nil) {
        self.applicationID = applicationID
        self.interviewList = interviewList
    }

    enum CodingKeys: String, CodingKey {
        case applicationID = "application_id"
        case interviewList = "interview_list"
    }
}

/// The `data` of `GET /open-apis/hire/v1/interviews/get_by_talent`.
public struct TalentInterviewList: Codable, Sendable, Hashable {
    public var items: [TalentInterview]?

    public init(items: [TalentInterview]? = nil) { self.items = items }
}

/// One interview (`interview_extend` in the official SDKs).
public struct Interview: Codable, Sendable, Hashable {
    public var id: String?
    /// Start, in milliseconds since 1970; see ``beginDate``.
    public var beginTime: Int64?
    /// End, in milliseconds since 1970; see ``endDate``.
    public var endTime: Int64?
    public var round: Int?
    public var interviewRecordList: [InterviewRecord]?
    public var feedbackSubmitTime: Int64?
    public var stageID: String?
    public var applicationID: String?
    public var stage: IDName?
    public var creator: IDName?
    public var bizCreateTime: Int64?
    public var bizModifyTime: Int64?
    public var interviewRoundSummary: InterviewConclusion?
    public var interviewArrangementID: String?
    public var interviewType: Int?
    public var talentTimeZone: CodeName?
    public var contactUser: IDName?
    public var contactMobile: String?
    public var remark: String?
    public var address: InterviewAddress?
    public var videoType: Int?
    public var arrangementStatus: Int?
    public var arrangementType: Int?
    public var arrangementAppointmentKind: Int?
    public var meetingRoomList: [MeetingRoom]?
    public var interviewRoundType: IDName?

    public init(id: String? = nil) { self.id = id }

    public var beginDate: Date? { beginTime.map(Date.init(feishuMilliseconds:)) }
    public var endDate: Date? { endTime.map(Date.init(feishuMilliseconds:)) }
    public var feedbackSubmitDate: Date? { feedbackSubmitTime.map(Date.init(feishuMilliseconds:)) }
    public var bizCreateDate: Date? { bizCreateTime.map(Date.init(feishuMilliseconds:)) }
    public var bizModifyDate: Date? { bizModifyTime.map(Date.init(feishuMilliseconds:)) }

    enum CodingKeys: String, CodingKey {
        case id
        case beginTime = "begin_time"
        case endTime = "end_time"
        case round
        case interviewRecordList = "interview_record_list"
        case feedbackSubmitTime = "feedback_submit_time"
        case stageID = "stage_id"
        case applicationID = "application_id"
        case stage, creator
        case bizCreateTime = "biz_create_time"
        case bizModifyTime = "biz_modify_time"
        case interviewRoundSummary = "interview_round_summary"
        case interviewArrangementID = "interview_arrangement_id"
        case interviewType = "interview_type"
        case talentTimeZone = "talent_time_zone"
        case contactUser = "contact_user"
        case contactMobile = "contact_mobile"
        case remark, address
        case videoType = "video_type"
        case arrangementStatus = "arrangement_status"
        case arrangementType = "arrangement_type"
        case arrangementAppointmentKind = "arrangement_appointment_kind"
        case meetingRoomList = "meeting_room_list"
        case interviewRoundType = "interview_round_type"
    }
}

/// Where an interview takes place.
public struct InterviewAddress: Codable, Sendable, Hashable {
    public var id: String?
    public var name: I18nText?
    public var district: CodeName?
    public var city: CodeName?
    public var state: CodeName?
    public var country: CodeName?

    public init(id: String? = nil, name: I18nText? = nil) {
        self.id = id
        self.name = name
    }
}

/// A meeting room booked for an interview.
public struct MeetingRoom: Codable, Sendable, Hashable {
    public var roomID: String?
    public var roomName: String?
    public var buildingName: String?
    public var reservedStatus: Int?
    public var floorName: String?

    public init(roomID: String? = nil, roomName: String? = nil) {
        self.roomID = roomID
        self.roomName = roomName
    }

    enum CodingKeys: String, CodingKey {
        case roomID = "room_id"
        case roomName = "room_name"
        case buildingName = "building_name"
        case reservedStatus = "reserved_status"
        case floorName = "floor_name"
    }
}
