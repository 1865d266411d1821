/// An integer code of the API whose known values have names.
///
/// Values this package does not name decode, compare and encode unchanged, so
/// a client does not fail when the platform adds a value.
public protocol OpenCode: RawRepresentable<Int>, Hashable, Sendable, Codable, CustomStringConvertible {
    init(rawValue: Int)
    /// A short English meaning of each value this package names.
    static var meanings: [Int: String] { get }
}

extension OpenCode {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(Int.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// A short English meaning of the value, `nil` if unknown.
    public var meaning: String? { Self.meanings[rawValue] }

    public var description: String {
        meaning.map { "\(rawValue) (\($0))" } ?? String(rawValue)
    }
}

/// An interviewer's verification status (`verify_status`).
public struct VerifyStatus: OpenCode {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// 未认证: not verified. Everyone whose status was never set counts as this.
    public static let unverified = VerifyStatus(rawValue: 1)
    /// 已认证: verified.
    public static let verified = VerifyStatus(rawValue: 2)

    /// The values the API accepts.
    public static let known: [VerifyStatus] = [.unverified, .verified]

    public static let meanings = [1: "not verified", 2: "verified"]
}

/// An interview's or a record's conclusion (`conclusion`, `interview_round_summary`).
public struct InterviewConclusion: OpenCode {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let pass = InterviewConclusion(rawValue: 1)
    public static let fail = InterviewConclusion(rawValue: 2)
    public static let notStarted = InterviewConclusion(rawValue: 3)
    public static let notSubmitted = InterviewConclusion(rawValue: 4)
    public static let absent = InterviewConclusion(rawValue: 5)

    public static let meanings = [1: "pass", 2: "fail", 3: "not started", 4: "not submitted", 5: "absent"]
}

/// Whether an interview record's feedback was submitted (`commit_status`).
public struct CommitStatus: OpenCode {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let submitted = CommitStatus(rawValue: 1)
    public static let notSubmitted = CommitStatus(rawValue: 2)

    public static let meanings = [1: "submitted", 2: "not submitted"]
}

/// A job's hiring process (`process_type`).
public struct ProcessType: OpenCode {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// 社招: experienced hires.
    public static let social = ProcessType(rawValue: 1)
    /// 校招: campus hires.
    public static let campus = ProcessType(rawValue: 2)

    /// The values the API accepts.
    public static let known: [ProcessType] = [.social, .campus]

    public static let meanings = [1: "social", 2: "campus"]
}

/// Whether a configuration item is in use (`active_status`).
public struct ActiveStatus: OpenCode {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// 启用.
    public static let active = ActiveStatus(rawValue: 1)
    /// 未启用.
    public static let inactive = ActiveStatus(rawValue: 2)

    public static let meanings = [1: "active", 2: "inactive"]
}
