/// The kinds of interview round a tenant has configured (面试轮次类型): `client.hire.v1.interviewRoundType`.
///
/// Scope: `hire:interview:readonly` or `hire:interview`.
public struct InterviewRoundTypeResource: Sendable {
    let client: FeishuClient

    /// The tenant's interview round types, all at once
    /// (`GET /open-apis/hire/v1/interview_round_types`, `hire.v1.interview_round_type.list`).
    ///
    /// ```swift
    /// let roundTypes = try await client.hire.v1.interviewRoundType.list(processType: .social)
    /// print(roundTypes.activeStatus?.description ?? "-")                          // 1 (active)
    /// for roundType in roundTypes.items ?? [] {
    ///     print(roundType.id ?? "-", roundType.name?.zhCN ?? "-", roundType.processType?.meaning ?? "-")
    /// }
    /// ```
    /// - Parameters:
    ///   - processType: only the types of this process, ``ProcessType/social`` or ``ProcessType/campus``; `nil` for both.
    ///   - options: e.g. a tenant token of your own.
    /// - Returns: whether the tenant uses round types (``InterviewRoundTypeList/activeStatus``) and the types;
    ///   an empty list if the answer has no `data`.
    /// - Throws: always a ``FeishuError``; code 1002002 for a process type other than 1 and 2.
    public func list(
        processType: ProcessType? = nil, options: RequestOptions = RequestOptions()
    ) async throws -> InterviewRoundTypeList {
        let request = FeishuRequest.listInterviewRoundTypes(processType: processType, options: options)
        return try await client.send(request).data ?? InterviewRoundTypeList(items: [])
    }
}
