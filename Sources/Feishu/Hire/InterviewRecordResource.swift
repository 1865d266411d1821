/// Interview records, the feedback an interviewer gives on an interview (面试评价):
/// `client.hire.v1.interviewRecord`.
///
/// Scope: `hire:interview:readonly` or `hire:interview`; `user_id` outputs also need
/// `contact:user.employee_id:readonly`.
public struct InterviewRecordResource: Sendable {
    let client: FeishuClient

    /// The platform's limit on the IDs of one `interview_record.list` request.
    public static let maximumIDsPerRequest = 100

    /// One interview record
    /// (`GET /open-apis/hire/v1/interview_records/:interview_record_id`, `hire.v1.interview_record.get`).
    ///
    /// ```swift
    /// let record = try await client.hire.v1.interviewRecord.get(interviewRecordID: "6949805467799537964")
    /// print(record.conclusion?.meaning ?? "-", record.content ?? "")
    /// ```
    /// - Parameters:
    ///   - interviewRecordID: the record's ``InterviewRecord/id``.
    ///   - userIDType: the type of the user IDs in the answer; default `open_id`.
    ///   - options: e.g. a tenant token of your own.
    /// - Returns: the record.
    /// - Throws: always a ``FeishuError``; code 1002002 for an unknown record.
    public func get(
        interviewRecordID: String, userIDType: UserIDType? = nil, options: RequestOptions = RequestOptions()
    ) async throws -> InterviewRecord {
        let request = FeishuRequest.getInterviewRecord(
            interviewRecordID: interviewRecordID, userIDType: userIDType, options: options)
        return try await client.send(request, returning: \.interviewRecord, named: "interview_record")
    }

    /// The named interview records (`GET /open-apis/hire/v1/interview_records?ids=…`, `hire.v1.interview_record.list`).
    ///
    /// With IDs the platform does not page: each request answers every record it knows among
    /// at most ``maximumIDsPerRequest`` IDs. Longer lists are sent in requests of that many,
    /// one after another. An ID the tenant has no record of fails the request it is in.
    ///
    /// ```swift
    /// let records = try await client.hire.v1.interviewRecord.list(ids: ["6949805467799537964"])
    /// ```
    /// - Parameters:
    ///   - ids: the records' IDs; empty gives an empty result without a request.
    ///   - userIDType: the type of the user IDs in the answer; default `open_id`.
    ///   - options: e.g. a tenant token of your own.
    /// - Returns: the records the platform answered, in its order, request after request.
    /// - Throws: always a ``FeishuError``; code 1002002, with a `fieldViolations` entry for `ids`
    ///   naming each, for IDs the tenant has no record of.
    public func list(
        ids: [String], userIDType: UserIDType? = nil, options: RequestOptions = RequestOptions()
    ) async throws -> [InterviewRecord] {
        var records: [InterviewRecord] = []
        for start in stride(from: 0, to: ids.count, by: Self.maximumIDsPerRequest) {
            let chunk = Array(ids[start..<min(start + Self.maximumIDsPerRequest, ids.count)])
            let request = FeishuRequest.listInterviewRecords(ids: chunk, userIDType: userIDType, options: options)
            records += try await client.send(request).data?.items ?? []
        }
        return records
    }

    /// One page of all interview records (`GET /open-apis/hire/v1/interview_records`, `hire.v1.interview_record.list`).
    ///
    /// Pass the page's ``Page/pageToken`` to get the next one while ``Page/hasMore``, or use
    /// ``list(pageSize:userIDType:options:)``.
    /// - Parameters:
    ///   - ids: only these records (at most ``maximumIDsPerRequest``; all on one page); empty for every record.
    ///   - pageSize: 1 to 100; the platform's default is 10.
    ///   - pageToken: the previous page's token; `nil` for the first page.
    ///   - userIDType: the type of the user IDs in the answer; default `open_id`.
    ///   - options: e.g. a tenant token of your own.
    /// - Throws: always a ``FeishuError``; code 1002002 for more than 100 IDs.
    public func listPage(
        ids: [String] = [], pageSize: Int? = nil, pageToken: String? = nil, userIDType: UserIDType? = nil,
        options: RequestOptions = RequestOptions()
    ) async throws -> InterviewRecordPage {
        let request = FeishuRequest.listInterviewRecords(
            ids: ids, pageSize: pageSize, pageToken: pageToken, userIDType: userIDType, options: options)
        return try await client.send(request).data ?? InterviewRecordPage(items: [], hasMore: false)
    }

    /// Every interview record of the tenant, page after page, as one asynchronous sequence
    /// (`hire.v1.interview_record.list` without IDs).
    ///
    /// ```swift
    /// for try await record in client.hire.v1.interviewRecord.list(pageSize: 100) {
    ///     print(record.id ?? "-", record.conclusion?.meaning ?? "-")
    /// }
    /// ```
    /// - Parameters: as ``listPage(ids:pageSize:pageToken:userIDType:options:)``.
    public func list(
        pageSize: Int? = nil, userIDType: UserIDType? = nil, options: RequestOptions = RequestOptions()
    ) -> PagedSequence<InterviewRecord> {
        PagedSequence(
            client: client,
            firstPage: .listInterviewRecords(pageSize: pageSize, userIDType: userIDType, options: options))
    }
}
