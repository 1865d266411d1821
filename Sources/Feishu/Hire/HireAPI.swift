/// The Hire (飞书招聘) API of a client: `client.hire`.
public struct HireAPI: Sendable {
    let client: FeishuClient

    /// Version 1: `client.hire.v1`.
    public var v1: HireV1 { HireV1(client: client) }
}

/// Version 1 of the Hire API: interviewers and interviews.
public struct HireV1: Sendable {
    let client: FeishuClient

    /// Interviewers and their verification status: `client.hire.v1.interviewer`.
    public var interviewer: InterviewerResource { InterviewerResource(client: client) }
    /// Interviews: `client.hire.v1.interview`.
    public var interview: InterviewResource { InterviewResource(client: client) }
}
