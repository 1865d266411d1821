import Foundation

/// Interviewers and their verification status (面试官认证): `client.hire.v1.interviewer`.
///
/// Scope: `hire:interviewer`; `user_id` outputs also need `contact:user.employee_id:readonly`.
public struct InterviewerResource: Sendable {
    let client: FeishuClient

    /// Sets an interviewer's verification status (`PATCH /open-apis/hire/v1/interviewers/:interviewer_id`).
    ///
    /// ```swift
    /// let interviewer = try await client.hire.v1.interviewer.patch(
    ///     interviewerID: "ou_7dab8a3d3cdcc9da365777c7ad535d62", verifyStatus: .verified)
    /// ```
    /// - Parameters:
    ///   - interviewerID: the user, as an ID of `userIDType`.
    ///   - verifyStatus: ``VerifyStatus/unverified`` or ``VerifyStatus/verified``.
    ///   - userIDType: the type of `interviewerID` and of the answer's ``Interviewer/userID``; default `open_id`.
    ///   - options: e.g. a tenant token of your own.
    /// - Returns: the interviewer as the platform now has it.
    /// - Throws: always a ``FeishuError``; code 1002002 for an unknown user or an invalid status.
    @discardableResult
    public func patch(
        interviewerID: String, verifyStatus: VerifyStatus, userIDType: UserIDType? = nil,
        options: RequestOptions = RequestOptions()
    ) async throws -> Interviewer {
        let request = FeishuRequest.patchInterviewer(
            interviewerID: interviewerID, verifyStatus: verifyStatus, userIDType: userIDType, options: options)
        return try await client.send(request, returning: \.interviewer, named: "interviewer")
    }

    /// One page of interviewers (`GET /open-apis/hire/v1/interviewers`).
    ///
    /// Only users whose status was set count as interviewers here; the order is by update time, then user.
    /// Pass the page's ``InterviewerPage/pageToken`` to get the next one while ``InterviewerPage/hasMore``,
    /// or use ``list(pageSize:userIDs:verifyStatus:earliestUpdateTime:latestUpdateTime:userIDType:options:)``.
    /// - Parameters:
    ///   - pageSize: 1 to 100; the platform's default is 10.
    ///   - pageToken: the previous page's token; `nil` for the first page.
    ///   - userIDs: only these users (IDs of `userIDType`); empty for all.
    ///   - verifyStatus: only interviewers with this status.
    ///   - earliestUpdateTime: only statuses set at or after this time.
    ///   - latestUpdateTime: only statuses set at or before this time.
    ///   - userIDType: the type of `userIDs` and of the answer's user IDs; default `open_id`.
    ///   - options: e.g. a tenant token of your own.
    /// - Throws: always a ``FeishuError``.
    public func listPage(
        pageSize: Int? = nil, pageToken: String? = nil, userIDs: [String] = [], verifyStatus: VerifyStatus? = nil,
        earliestUpdateTime: Date? = nil, latestUpdateTime: Date? = nil, userIDType: UserIDType? = nil,
        options: RequestOptions = RequestOptions()
    ) async throws -> InterviewerPage {
        let request = FeishuRequest.listInterviewers(
            pageSize: pageSize, pageToken: pageToken, userIDs: userIDs, verifyStatus: verifyStatus,
            earliestUpdateTime: earliestUpdateTime, latestUpdateTime: latestUpdateTime, userIDType: userIDType,
            options: options)
        return try await client.send(request).data ?? InterviewerPage(items: [], hasMore: false)
    }

    /// Every interviewer that matches, page after page, as one asynchronous sequence.
    ///
    /// Pages are fetched as the sequence is iterated, `pageSize` at a time.
    ///
    /// ```swift
    /// for try await interviewer in client.hire.v1.interviewer.list(pageSize: 50, verifyStatus: .verified) {
    ///     print(interviewer.userID ?? "-")
    /// }
    /// ```
    /// - Parameters: as ``listPage(pageSize:pageToken:userIDs:verifyStatus:earliestUpdateTime:latestUpdateTime:userIDType:options:)``.
    public func list(
        pageSize: Int? = nil, userIDs: [String] = [], verifyStatus: VerifyStatus? = nil,
        earliestUpdateTime: Date? = nil, latestUpdateTime: Date? = nil, userIDType: UserIDType? = nil,
        options: RequestOptions = RequestOptions()
    ) -> InterviewerSequence {
        InterviewerSequence(
            client: client,
            firstPage: FeishuRequest.listInterviewers(
                pageSize: pageSize, userIDs: userIDs, verifyStatus: verifyStatus,
                earliestUpdateTime: earliestUpdateTime, latestUpdateTime: latestUpdateTime, userIDType: userIDType,
                options: options))
    }
}
