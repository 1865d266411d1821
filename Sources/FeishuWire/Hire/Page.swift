/// One page of a list: its items, and the token of the next page while there is one.
public struct Page<Item: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
    public var items: [Item]?
    /// The token of the next page, when `hasMore`.
    public var pageToken: String?
    public var hasMore: Bool?

    public init(items: [Item]? = nil, pageToken: String? = nil, hasMore: Bool? = nil) {
        self.items = items
        self.pageToken = pageToken
        self.hasMore = hasMore
    }

    enum CodingKeys: String, CodingKey {
        case items
        case pageToken = "page_token"
        case hasMore = "has_more"
    }
}

/// One page of `GET /open-apis/hire/v1/interviews`.
public typealias InterviewPage = Page<Interview>

/// One page of `GET /open-apis/hire/v1/applications/:application_id/interviews`.
public typealias ApplicationInterviewPage = Page<ApplicationInterview>

/// One page of `GET /open-apis/hire/v1/interview_records`.
public typealias InterviewRecordPage = Page<InterviewRecord>
