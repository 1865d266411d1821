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
        var query = QueryParameter.paging(pageSize, pageToken)
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

extension FeishuRequest where Payload == InterviewPage {
    /// `GET /open-apis/hire/v1/interviews`: one page of interviews, filtered.
    ///
    /// The platform needs at least one of `applicationID`, `interviewID`, `startTime` and `endTime`.
    /// - Parameters:
    ///   - pageSize: 1 to 100; the platform's default is 10.
    ///   - pageToken: the ``Page/pageToken`` of the previous page; `nil` for the first.
    ///   - applicationID: only the interviews of this application.
    ///   - interviewID: only this interview.
    ///   - startTime: only interviews that begin at or after this time (`start_time`).
    ///   - endTime: only interviews that begin at or before this time (`end_time`; it bounds the begin time too).
    ///   - jobLevelIDType: the type of the records' `min_job_level_id` and `max_job_level_id`.
    ///   - userIDType: the type of the user IDs in the answer.
    public static func listInterviews(
        pageSize: Int? = nil, pageToken: String? = nil, applicationID: String? = nil, interviewID: String? = nil,
        startTime: Date? = nil, endTime: Date? = nil, jobLevelIDType: JobLevelIDType? = nil,
        userIDType: UserIDType? = nil, options: RequestOptions = RequestOptions()
    ) -> Self {
        var query = QueryParameter.paging(pageSize, pageToken)
        query += QueryParameter.optional("application_id", applicationID)
        query += QueryParameter.optional("interview_id", interviewID)
        query += QueryParameter.optional("start_time", startTime.map { String($0.feishuMilliseconds) })
        query += QueryParameter.optional("end_time", endTime.map { String($0.feishuMilliseconds) })
        query += QueryParameter.optional("job_level_id_type", jobLevelIDType?.rawValue)
        query += QueryParameter.optional("user_id_type", userIDType?.rawValue)
        return FeishuRequest(endpoint: .listInterviews, query: query, options: options)
    }
}

extension FeishuRequest where Payload == ApplicationInterviewPage {
    /// `GET /open-apis/hire/v1/applications/:application_id/interviews`: one page of an
    /// application's interviews, in the historic model (``ApplicationInterview``).
    /// - Parameters:
    ///   - applicationID: the application.
    ///   - pageSize: 1 to 50; the platform's default is 10.
    ///   - pageToken: the ``Page/pageToken`` of the previous page; `nil` for the first.
    ///   - userIDType: the type of the user IDs in the answer; this endpoint also accepts ``UserIDType/peopleAdminID``.
    ///   - jobLevelIDType: the type of the records' `min_job_level_id` and `max_job_level_id`.
    public static func listApplicationInterviews(
        applicationID: String, pageSize: Int? = nil, pageToken: String? = nil, userIDType: UserIDType? = nil,
        jobLevelIDType: JobLevelIDType? = nil, options: RequestOptions = RequestOptions()
    ) -> Self {
        var query = QueryParameter.paging(pageSize, pageToken)
        query += QueryParameter.optional("user_id_type", userIDType?.rawValue)
        query += QueryParameter.optional("job_level_id_type", jobLevelIDType?.rawValue)
        return FeishuRequest(
            endpoint: .listApplicationInterviews, pathParameters: ["application_id": applicationID], query: query,
            options: options)
    }
}

extension FeishuRequest where Payload == InterviewRecordEnvelope {
    /// `GET /open-apis/hire/v1/interview_records/:interview_record_id`: one interview record (面试评价).
    /// - Parameters:
    ///   - interviewRecordID: the record's ``InterviewRecord/id``.
    ///   - userIDType: the type of the user IDs in the answer.
    public static func getInterviewRecord(
        interviewRecordID: String, userIDType: UserIDType? = nil, options: RequestOptions = RequestOptions()
    ) -> Self {
        FeishuRequest(
            endpoint: .getInterviewRecord, pathParameters: ["interview_record_id": interviewRecordID],
            query: QueryParameter.optional("user_id_type", userIDType?.rawValue), options: options)
    }
}

extension FeishuRequest where Payload == InterviewRecordPage {
    /// `GET /open-apis/hire/v1/interview_records`: the named records, or one page of all records.
    /// - Parameters:
    ///   - ids: only these records, at most 100, sent as repeated `ids`; the answer then has every
    ///     one the platform knows, on one page. Empty for all records, page by page.
    ///   - pageSize: 1 to 100; the platform's default is 10.
    ///   - pageToken: the ``Page/pageToken`` of the previous page; `nil` for the first.
    ///   - userIDType: the type of the user IDs in the answer.
    public static func listInterviewRecords(
        ids: [String] = [], pageSize: Int? = nil, pageToken: String? = nil, userIDType: UserIDType? = nil,
        options: RequestOptions = RequestOptions()
    ) -> Self {
        var query = QueryParameter.paging(pageSize, pageToken)
        query += ids.map { QueryParameter("ids", $0) }
        query += QueryParameter.optional("user_id_type", userIDType?.rawValue)
        return FeishuRequest(endpoint: .listInterviewRecords, query: query, options: options)
    }
}

extension FeishuRequest where Payload == InterviewRoundTypeList {
    /// `GET /open-apis/hire/v1/interview_round_types`: the tenant's interview round types (not paged).
    /// - Parameter processType: only the types of this process, ``ProcessType/social`` or ``ProcessType/campus``;
    ///   `nil` for both.
    public static func listInterviewRoundTypes(
        processType: ProcessType? = nil, options: RequestOptions = RequestOptions()
    ) -> Self {
        FeishuRequest(
            endpoint: .listInterviewRoundTypes,
            query: QueryParameter.optional("process_type", processType.map { String($0.rawValue) }), options: options)
    }
}

extension QueryParameter {
    /// The parameter if it has a value.
    static func optional(_ name: String, _ value: String?) -> [QueryParameter] {
        value.map { [QueryParameter(name, $0)] } ?? []
    }

    /// `page_size` and `page_token`, each if it has a value.
    static func paging(_ pageSize: Int?, _ pageToken: String?) -> [QueryParameter] {
        optional("page_size", pageSize.map(String.init)) + optional("page_token", pageToken)
    }
}
