/// An application's interviews, in the historic model (投递的面试): `client.hire.v1.applicationInterview`.
///
/// The platform lists this endpoint as a historic version; ``InterviewResource/list(pageSize:applicationID:interviewID:startTime:endTime:jobLevelIDType:userIDType:options:)``
/// with `applicationID` gives the same interviews with every member.
///
/// Scope: `hire:interview:readonly` or `hire:interview`.
public struct ApplicationInterviewResource: Sendable {
    let client: FeishuClient

    /// One page of an application's interviews
    /// (`GET /open-apis/hire/v1/applications/:application_id/interviews`, `hire.v1.application_interview.list`).
    ///
    /// Pass the page's ``Page/pageToken`` to get the next one while ``Page/hasMore``, or use
    /// ``list(applicationID:pageSize:userIDType:jobLevelIDType:options:)``.
    /// - Parameters:
    ///   - applicationID: the application.
    ///   - pageSize: 1 to 50; the platform's default is 10.
    ///   - pageToken: the previous page's token; `nil` for the first page.
    ///   - userIDType: the type of the user IDs in the answer; default `open_id`; also ``UserIDType/peopleAdminID``.
    ///   - jobLevelIDType: the type of the records' job-level IDs; default `job_level_id`.
    ///   - options: e.g. a tenant token of your own.
    /// - Throws: always a ``FeishuError``; code 1002002 for an unknown application.
    public func listPage(
        applicationID: String, pageSize: Int? = nil, pageToken: String? = nil, userIDType: UserIDType? = nil,
        jobLevelIDType: JobLevelIDType? = nil, options: RequestOptions = RequestOptions()
    ) async throws -> ApplicationInterviewPage {
        let request = FeishuRequest.listApplicationInterviews(
            applicationID: applicationID, pageSize: pageSize, pageToken: pageToken, userIDType: userIDType,
            jobLevelIDType: jobLevelIDType, options: options)
        return try await client.send(request).data ?? ApplicationInterviewPage(items: [], hasMore: false)
    }

    /// Every interview of an application, page after page, as one asynchronous sequence
    /// (`hire.v1.application_interview.list`).
    ///
    /// ```swift
    /// for try await interview in client.hire.v1.applicationInterview.list(applicationID: "6949805467799537964") {
    ///     print(interview.id ?? "-", interview.beginDate ?? "-", interview.interviewRecordList?.count ?? 0)
    /// }
    /// ```
    /// - Parameters: as ``listPage(applicationID:pageSize:pageToken:userIDType:jobLevelIDType:options:)``.
    public func list(
        applicationID: String, pageSize: Int? = nil, userIDType: UserIDType? = nil,
        jobLevelIDType: JobLevelIDType? = nil, options: RequestOptions = RequestOptions()
    ) -> PagedSequence<ApplicationInterview> {
        PagedSequence(
            client: client,
            firstPage: .listApplicationInterviews(
                applicationID: applicationID, pageSize: pageSize, userIDType: userIDType,
                jobLevelIDType: jobLevelIDType, options: options))
    }
}
