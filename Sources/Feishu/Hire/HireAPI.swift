/// The Hire (飞书招聘) API of a client: `client.hire`.
public struct HireAPI: Sendable {
    let client: FeishuClient

    /// Version 1: `client.hire.v1`.
    public var v1: HireV1 { HireV1(client: client) }
}

extension FeishuClient {
    /// Sends `request` and returns one member of its `data`, e.g. `data.interviewer`.
    ///
    /// - Throws: the call's ``FeishuError``; ``FeishuError/Kind/undecodableResponse`` if the
    ///   answer has no `data.<name>`.
    func send<Payload, Value>(
        _ request: FeishuRequest<Payload>, returning member: KeyPath<Payload, Value?>, named name: String
    ) async throws -> Value {
        let response = try await send(request)
        guard let value = response.data?[keyPath: member] else {
            throw FeishuError(
                kind: .undecodableResponse, msg: "the answer has no data.\(name)", logID: response.logID,
                httpStatus: response.httpStatus, endpoint: request.endpoint.name)
        }
        return value
    }
}

/// Version 1 of the Hire API: interviewers, interviews, their records and round types.
public struct HireV1: Sendable {
    let client: FeishuClient

    /// Interviewers and their verification status: `client.hire.v1.interviewer`.
    public var interviewer: InterviewerResource { InterviewerResource(client: client) }
    /// Interviews: `client.hire.v1.interview`.
    public var interview: InterviewResource { InterviewResource(client: client) }
    /// An application's interviews, in the historic model: `client.hire.v1.applicationInterview`.
    public var applicationInterview: ApplicationInterviewResource { ApplicationInterviewResource(client: client) }
    /// Interview records (feedback): `client.hire.v1.interviewRecord`.
    public var interviewRecord: InterviewRecordResource { InterviewRecordResource(client: client) }
    /// Interview round types: `client.hire.v1.interviewRoundType`.
    public var interviewRoundType: InterviewRoundTypeResource { InterviewRoundTypeResource(client: client) }
}
