import Foundation

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

    /// One page of interviews that match (`GET /open-apis/hire/v1/interviews`, `hire.v1.interview.list`).
    ///
    /// The items are full ``Interview``s, as `getByTalent` gives them, each with its ``Interview/applicationID``.
    /// Pass the page's ``Page/pageToken`` to get the next one while ``Page/hasMore``, or use
    /// ``list(pageSize:applicationID:interviewID:startTime:endTime:jobLevelIDType:userIDType:options:)``.
    /// - Parameters:
    ///   - pageSize: 1 to 100; the platform's default is 10.
    ///   - pageToken: the previous page's token; `nil` for the first page.
    ///   - applicationID: only the interviews of this application.
    ///   - interviewID: only this interview.
    ///   - startTime: only interviews that begin at or after this time.
    ///   - endTime: only interviews that begin at or before this time (it bounds the begin time, not the end).
    ///   - jobLevelIDType: the type of the records' job-level IDs; default `job_level_id`.
    ///   - userIDType: the type of the user IDs in the answer; default `open_id`.
    ///   - options: e.g. a tenant token of your own.
    /// - Throws: always a ``FeishuError``; code 1002002 when `applicationID`, `interviewID`, `startTime`
    ///   and `endTime` are all `nil`.
    public func listPage(
        pageSize: Int? = nil, pageToken: String? = nil, applicationID: String? = nil, interviewID: String? = nil,
        startTime: Date? = nil, endTime: Date? = nil, jobLevelIDType: JobLevelIDType? = nil,
        userIDType: UserIDType? = nil, options: RequestOptions = RequestOptions()
    ) async throws -> InterviewPage {
        let request = FeishuRequest.listInterviews(
            pageSize: pageSize, pageToken: pageToken, applicationID: applicationID, interviewID: interviewID,
            startTime: startTime, endTime: endTime, jobLevelIDType: jobLevelIDType, userIDType: userIDType,
            options: options)
        return try await client.send(request).data ?? InterviewPage(items: [], hasMore: false)
    }

    /// Every interview that matches, page after page, as one asynchronous sequence
    /// (`GET /open-apis/hire/v1/interviews`, `hire.v1.interview.list`).
    ///
    /// ```swift
    /// let may = try Date("2021-04-01T00:00:00+08:00", strategy: .iso8601)
    /// for try await interview in client.hire.v1.interview.list(pageSize: 100, startTime: may) {
    ///     print(interview.applicationID ?? "-", interview.beginDate ?? "-")
    /// }
    /// ```
    /// - Parameters: as ``listPage(pageSize:pageToken:applicationID:interviewID:startTime:endTime:jobLevelIDType:userIDType:options:)``.
    public func list(
        pageSize: Int? = nil, applicationID: String? = nil, interviewID: String? = nil,
        startTime: Date? = nil, endTime: Date? = nil, jobLevelIDType: JobLevelIDType? = nil,
        userIDType: UserIDType? = nil, options: RequestOptions = RequestOptions()
    ) -> PagedSequence<Interview> {
        PagedSequence(
            client: client,
            firstPage: .listInterviews(
                pageSize: pageSize, applicationID: applicationID, interviewID: interviewID, startTime: startTime,
                endTime: endTime, jobLevelIDType: jobLevelIDType, userIDType: userIDType, options: options))
    }
}
