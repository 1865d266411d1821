import Foundation

extension FeishuRequest where Payload == InterviewerEnvelope {
    /// `PATCH /open-apis/hire/v1/interviewers/:interviewer_id`: sets an interviewer's verification status.
    /// - Parameters:
    ///   - interviewerID: the user, as an ID of `userIDType`.
    ///   - verifyStatus: ``VerifyStatus/unverified`` or ``VerifyStatus/verified``.
    ///   - userIDType: the type of `interviewerID` and of the answer's `user_id`; the platform's default is `open_id`.
    public static func patchInterviewer(
        interviewerID: String, verifyStatus: VerifyStatus, userIDType: UserIDType? = nil,
        options: RequestOptions = RequestOptions()
    ) -> Self {
        FeishuRequest(
            endpoint: .patchInterviewer, pathParameters: ["interviewer_id": interviewerID],
            query: QueryParameter.optional("user_id_type", userIDType?.rawValue),
            body: InterviewerEnvelope(interviewer: Interviewer(verifyStatus: verifyStatus)), options: options)
    }
}

extension FeishuRequest where Payload == InterviewerPage {
    /// `GET /open-apis/hire/v1/interviewers`: one page of interviewers.
    /// - Parameters:
    ///   - pageSize: 1 to 100; the platform's default is 10.
    ///   - pageToken: the ``InterviewerPage/pageToken`` of the previous page; `nil` for the first.
    ///   - userIDs: only these users (as IDs of `userIDType`); empty for all.
    ///   - verifyStatus: only interviewers with this status.
    ///   - earliestUpdateTime: only interviewers whose status was set at or after this time.
    ///   - latestUpdateTime: only interviewers whose status was set at or before this time.
    ///   - userIDType: the type of `userIDs` and of the answer's `user_id`s.
    public static func listInterviewers(
        pageSize: Int? = nil, pageToken: String? = nil, userIDs: [String] = [], verifyStatus: VerifyStatus? = nil,
        earliestUpdateTime: Date? = nil, latestUpdateTime: Date? = nil, userIDType: UserIDType? = nil,
        options: RequestOptions = RequestOptions()
    ) -> Self {
        var query = QueryParameter.optional("page_size", pageSize.map(String.init))
        query += QueryParameter.optional("page_token", pageToken)
        query += userIDs.map { QueryParameter("user_ids", $0) }
        query += QueryParameter.optional("verify_status", verifyStatus.map { String($0.rawValue) })
        query += QueryParameter.optional("earliest_update_time", earliestUpdateTime.map { String($0.feishuMilliseconds) })
        query += QueryParameter.optional("latest_update_time", latestUpdateTime.map { String($0.feishuMilliseconds) })
        query += QueryParameter.optional("user_id_type", userIDType?.rawValue)
        return FeishuRequest(endpoint: .listInterviewers, query: query, options: options)
    }
}

extension FeishuRequest where Payload == TalentInterviewList {
    /// `GET /open-apis/hire/v1/interviews/get_by_talent`: every interview of a talent, by application.
    /// - Parameters:
    ///   - talentID: the talent.
    ///   - userIDType: the type of the user IDs in the answer; `get_by_talent` also accepts ``UserIDType/peopleAdminID``.
    ///   - jobLevelIDType: the type of the records' `min_job_level_id` and `max_job_level_id`.
    public static func interviewsByTalent(
        talentID: String, userIDType: UserIDType? = nil, jobLevelIDType: JobLevelIDType? = nil,
        options: RequestOptions = RequestOptions()
    ) -> Self {
        var query = [QueryParameter("talent_id", talentID)]
        query += QueryParameter.optional("user_id_type", userIDType?.rawValue)
        query += QueryParameter.optional("job_level_id_type", jobLevelIDType?.rawValue)
        return FeishuRequest(endpoint: .interviewsByTalent, query: query, options: options)
    }
}

extension QueryParameter {
    /// The parameter if it has a value.
    static func optional(_ name: String, _ value: String?) -> [QueryParameter] {
        value.map { [QueryParameter(name, $0)] } ?? []
    }
}
