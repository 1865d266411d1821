import FeishuWire

/// The query of `GET /open-apis/hire/v1/interviewers`, validated.
package struct InterviewerListQuery: Sendable, Hashable {
    package static let defaultPageSize = 10
    package static let maximumPageSize = 100
    package static let maximumUserIDs = 100

    package var pageSize: Int
    package var pageToken: String?
    /// Users in the request's `user_id_type`; empty for all.
    package var userIDs: [String]
    package var verifyStatus: VerifyStatus?
    /// Inclusive lower bound of the update time, in milliseconds.
    package var earliestUpdateTime: Int64?
    /// Inclusive upper bound of the update time, in milliseconds.
    package var latestUpdateTime: Int64?

    package init(
        pageSize: Int = defaultPageSize, pageToken: String? = nil, userIDs: [String] = [],
        verifyStatus: VerifyStatus? = nil, earliestUpdateTime: Int64? = nil, latestUpdateTime: Int64? = nil
    ) {
        self.pageSize = pageSize
        self.pageToken = pageToken
        self.userIDs = userIDs
        self.verifyStatus = verifyStatus
        self.earliestUpdateTime = earliestUpdateTime
        self.latestUpdateTime = latestUpdateTime
    }

    package init(_ query: QueryItems) throws(APIError) {
        let page = try PageRequest(query, defaultSize: Self.defaultPageSize, maximumSize: Self.maximumPageSize)
        pageSize = page.size
        pageToken = page.token
        userIDs = try query.ids("user_ids", maximum: Self.maximumUserIDs)
        if let text = try query.single("verify_status") {
            guard let raw = Int(text), let status = VerifyStatus.known.first(where: { $0.rawValue == raw }) else {
                throw .invalidParameter("verify_status", "must be 1 (not verified) or 2 (verified)", value: text)
            }
            verifyStatus = status
        }
        earliestUpdateTime = try query.milliseconds("earliest_update_time")
        latestUpdateTime = try query.milliseconds("latest_update_time")
        if let earliest = earliestUpdateTime, let latest = latestUpdateTime, earliest > latest {
            throw .invalidParameter(
                "earliest_update_time", "must not be later than latest_update_time", value: String(earliest))
        }
    }

    /// What a page token is bound to: the filters, so a token cannot be replayed with other ones.
    package func filterFingerprint(userIDType: UserIDType) -> String {
        pageFingerprint(
            [Endpoint.listInterviewers.name, userIDType.rawValue, verifyStatus.map { String($0.rawValue) } ?? "-",
             earliestUpdateTime.map(String.init) ?? "-", latestUpdateTime.map(String.init) ?? "-"]
                + Set(userIDs).sorted())
    }
}
