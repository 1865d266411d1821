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
        pageSize = Self.defaultPageSize
        if let text = try query.single("page_size") {
            guard let size = Int(text), (1...Self.maximumPageSize).contains(size) else {
                throw .invalidParameter(
                    "page_size", "must be an integer from 1 to \(Self.maximumPageSize)", value: text)
            }
            pageSize = size
        }
        pageToken = try query.single("page_token").flatMap { $0.isEmpty ? nil : $0 }
        userIDs = query.values("user_ids")
        guard userIDs.count <= Self.maximumUserIDs else {
            throw .invalidParameter("user_ids", "at most \(Self.maximumUserIDs) may be given")
        }
        if let empty = userIDs.firstIndex(of: "") {
            throw .invalidParameter("user_ids[\(empty)]", "must not be empty")
        }
        if let text = try query.single("verify_status") {
            guard let raw = Int(text), let status = VerifyStatus.known.first(where: { $0.rawValue == raw }) else {
                throw .invalidParameter("verify_status", "must be 1 (not verified) or 2 (verified)", value: text)
            }
            verifyStatus = status
        }
        earliestUpdateTime = try Self.milliseconds(query, "earliest_update_time")
        latestUpdateTime = try Self.milliseconds(query, "latest_update_time")
        if let earliest = earliestUpdateTime, let latest = latestUpdateTime, earliest > latest {
            throw .invalidParameter(
                "earliest_update_time", "must not be later than latest_update_time", value: String(earliest))
        }
    }

    private static func milliseconds(_ query: QueryItems, _ name: String) throws(APIError) -> Int64? {
        guard let text = try query.single(name) else { return nil }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int64(text)
        else {
            throw .invalidParameter(name, "must be a millisecond Unix timestamp", value: text)
        }
        return value
    }

    /// What a page token is bound to: the filters, so a token cannot be replayed with other ones.
    package func filterFingerprint(userIDType: UserIDType) -> String {
        var parts = [userIDType.rawValue, verifyStatus.map { String($0.rawValue) } ?? "-"]
        parts.append(earliestUpdateTime.map(String.init) ?? "-")
        parts.append(latestUpdateTime.map(String.init) ?? "-")
        parts.append(contentsOf: Set(userIDs).sorted())
        return parts.joined(separator: "\u{1F}")
    }
}
