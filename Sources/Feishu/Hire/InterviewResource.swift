/// Interviews (面试): `client.hire.v1.interview`.
///
/// Scope: `hire:interview:readonly` or `hire:interview`.
public struct InterviewResource: Sendable {
    let client: FeishuClient

    /// Every interview of a talent, grouped by application (`GET /open-apis/hire/v1/interviews/get_by_talent`).
    ///
    /// ```swift
    /// let applications = try await client.hire.v1.interview.getByTalent(talentID: "6949805467799537964")
    /// for application in applications {
    ///     for interview in application.interviewList ?? [] {
    ///         print(interview.beginDate ?? "-", interview.interviewRoundSummary?.meaning ?? "-")
    ///     }
    /// }
    /// ```
    /// - Parameters:
    ///   - talentID: the talent.
    ///   - userIDType: the type of the user IDs in the answer; default `open_id`; also ``UserIDType/peopleAdminID``.
    ///   - jobLevelIDType: the type of the records' job-level IDs; default `job_level_id`.
    ///   - options: e.g. a tenant token of your own.
    /// - Returns: one ``TalentInterview`` per application; empty if the talent has none.
    /// - Throws: always a ``FeishuError``; code 1002002 for an unknown talent.
    public func getByTalent(
        talentID: String, userIDType: UserIDType? = nil, jobLevelIDType: JobLevelIDType? = nil,
        options: RequestOptions = RequestOptions()
    ) async throws -> [TalentInterview] {
        let request = FeishuRequest.interviewsByTalent(
            talentID: talentID, userIDType: userIDType, jobLevelIDType: jobLevelIDType, options: options)
        return try await client.send(request).data?.items ?? []
    }
}
