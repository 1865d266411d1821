import FeishuWire

/// Which of a tenant's interviews a listing reads.
package struct InterviewFilter: Sendable, Hashable {
    /// Only the interviews of this application.
    package var applicationID: String?
    /// Only this interview.
    package var interviewID: String?
    /// Inclusive bounds of the interview's begin time, in milliseconds.
    package var beginTimeFrom: Int64?
    package var beginTimeTo: Int64?

    package init(
        applicationID: String? = nil, interviewID: String? = nil, beginTimeFrom: Int64? = nil, beginTimeTo: Int64? = nil
    ) {
        self.applicationID = applicationID
        self.interviewID = interviewID
        self.beginTimeFrom = beginTimeFrom
        self.beginTimeTo = beginTimeTo
    }

    /// Whether an interview beginning at `beginTime` (none: `nil`) is inside the time bounds.
    package func admits(beginTime: Int64?) -> Bool {
        if beginTimeFrom == nil, beginTimeTo == nil { return true }
        guard let beginTime else { return false }
        return beginTime >= (beginTimeFrom ?? .min) && beginTime <= (beginTimeTo ?? .max)
    }
}

/// The query of `GET /open-apis/hire/v1/interviews`, validated.
package struct InterviewListQuery: Sendable, Hashable {
    package static let maximumPageSize = 100
    static let filterNames = ["application_id", "interview_id", "start_time", "end_time"]

    package var page: PageRequest
    package var filter: InterviewFilter
    package var jobLevelIDType: JobLevelIDType

    package init(_ query: QueryItems) throws(APIError) {
        page = try PageRequest(query, maximumSize: Self.maximumPageSize)
        jobLevelIDType = try query.jobLevelIDType()
        filter = InterviewFilter(
            applicationID: try Self.id(query, "application_id"), interviewID: try Self.id(query, "interview_id"),
            beginTimeFrom: try Self.positiveTime(query, "start_time"), beginTimeTo: try Self.positiveTime(query, "end_time"))
        if filter == InterviewFilter() {
            // The platform refuses an unfiltered listing: one filter at least.
            let problem = "one of application_id, interview_id, start_time and end_time is required"
            throw APIError(
                code: .invalidParameter, msg: "invalid parameter: \(problem)",
                fieldViolations: Self.filterNames.map { FieldViolation(field: $0, description: problem) })
        }
        if let from = filter.beginTimeFrom, let to = filter.beginTimeTo, from > to {
            throw .invalidParameter("start_time", "must not be later than end_time", value: String(from))
        }
    }

    /// What a page token is bound to: the endpoint, the ID types and the filters.
    package func fingerprint(userIDType: UserIDType) -> String {
        pageFingerprint([
            Endpoint.listInterviews.name, userIDType.rawValue, jobLevelIDType.rawValue,
            filter.applicationID ?? "-", filter.interviewID ?? "-",
            filter.beginTimeFrom.map(String.init) ?? "-", filter.beginTimeTo.map(String.init) ?? "-",
        ])
    }

    private static func id(_ query: QueryItems, _ name: String) throws(APIError) -> String? {
        guard let value = try query.single(name) else { return nil }
        guard !value.isEmpty else { throw .invalidParameter(name, "must not be empty") }
        return value
    }

    private static func positiveTime(_ query: QueryItems, _ name: String) throws(APIError) -> Int64? {
        guard let value = try query.milliseconds(name) else { return nil }
        guard value > 0 else { throw .invalidParameter(name, "must be greater than 0", value: String(value)) }
        return value
    }
}

/// The query of `GET /open-apis/hire/v1/applications/:application_id/interviews`, validated.
package struct ApplicationInterviewListQuery: Sendable, Hashable {
    /// The platform documents at most 50 for this (historic) endpoint.
    package static let maximumPageSize = 50

    package var page: PageRequest
    package var jobLevelIDType: JobLevelIDType

    package init(_ query: QueryItems) throws(APIError) {
        page = try PageRequest(query, maximumSize: Self.maximumPageSize)
        jobLevelIDType = try query.jobLevelIDType()
    }

    package func fingerprint(applicationID: String, userIDType: UserIDType) -> String {
        pageFingerprint([
            Endpoint.listApplicationInterviews.name, applicationID, userIDType.rawValue, jobLevelIDType.rawValue,
        ])
    }
}

/// The query of `GET /open-apis/hire/v1/interview_records`, validated.
package struct InterviewRecordListQuery: Sendable, Hashable {
    package static let maximumPageSize = 100
    package static let maximumIDs = 100

    package var page: PageRequest
    /// The records asked for by ID; empty to list every record of the tenant, paged.
    package var ids: [String]

    package init(_ query: QueryItems) throws(APIError) {
        page = try PageRequest(query, maximumSize: Self.maximumPageSize)
        ids = try query.ids("ids", maximum: Self.maximumIDs)
    }

    package func fingerprint(userIDType: UserIDType) -> String {
        pageFingerprint([Endpoint.listInterviewRecords.name, userIDType.rawValue])
    }
}

extension ProcessType {
    /// `process_type` of `GET /open-apis/hire/v1/interview_round_types`: `nil` for every process.
    package static func parse(_ query: QueryItems) throws(APIError) -> ProcessType? {
        guard let text = try query.single("process_type") else { return nil }
        guard let raw = Int(text), let type = known.first(where: { $0.rawValue == raw }) else {
            throw .invalidParameter("process_type", "must be 1 (social) or 2 (campus)", value: text)
        }
        return type
    }
}
