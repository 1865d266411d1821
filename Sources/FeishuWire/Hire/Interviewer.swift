/// An interviewer and their verification status.
public struct Interviewer: Codable, Sendable, Hashable {
    /// The user's ID, in the request's `user_id_type`.
    public var userID: String?
    public var verifyStatus: VerifyStatus?

    public init(userID: String? = nil, verifyStatus: VerifyStatus? = nil) {
        self.userID = userID
        self.verifyStatus = verifyStatus
    }

    enum CodingKeys: String, CodingKey {
        case userID = "user_id"
        case verifyStatus = "verify_status"
    }
}

/// The `data` of `PATCH /open-apis/hire/v1/interviewers/:interviewer_id`, and its request body.
public struct InterviewerEnvelope: Codable, Sendable, Hashable {
    public var interviewer: Interviewer?

    public init(interviewer: Interviewer? = nil) { self.interviewer = interviewer }
}

/// One page of `GET /open-apis/hire/v1/interviewers`.
public typealias InterviewerPage = Page<Interviewer>
