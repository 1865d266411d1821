import ArgumentParser
import Feishu
import Foundation

/// `--verify-status`: `1`, `2`, `unverified` or `verified`.
struct VerifyStatusArgument: ExpressibleByArgument {
    let status: VerifyStatus

    init?(argument: String) {
        switch argument.lowercased() {
        case "1", "unverified", "not-verified": status = .unverified
        case "2", "verified": status = .verified
        default: return nil
        }
    }

    static var allValueStrings: [String] { ["1", "2", "unverified", "verified"] }
}

/// An option whose values are an enum's raw values: `--user-id-type`, `--job-level-id-type`.
struct EnumArgument<Value: RawRepresentable<String> & CaseIterable & Sendable>: ExpressibleByArgument {
    let value: Value

    init?(argument: String) {
        guard let value = Value(rawValue: argument) else { return nil }
        self.value = value
    }

    static var allValueStrings: [String] { Value.allCases.map(\.rawValue) }
}

/// `--user-id-type`: `open_id`, `union_id`, `user_id` or `people_admin_id`.
typealias UserIDTypeArgument = EnumArgument<UserIDType>
/// `--job-level-id-type`: `job_level_id` or `people_admin_job_level_id`.
typealias JobLevelIDTypeArgument = EnumArgument<JobLevelIDType>

/// `--since` / `--until`: a millisecond timestamp, an ISO-8601 date-time (with or
/// without offset; without one it is local time), or a date.
///
/// A date alone means the start of that day as a lower bound, and its end as an upper
/// bound, so `--since 2024-05-01 --until 2024-05-01` is the whole day.
struct TimeBoundArgument: ExpressibleByArgument {
    /// The instant the text names, as a lower bound.
    let start: Date
    /// As an upper bound: the last millisecond of the day for a date alone, else ``start``.
    let end: Date

    init?(argument: String) {
        guard let bound = Self.parse(argument, timeZone: CLIContext.current.timeZone) else { return nil }
        (start, end) = bound
    }

    static var defaultCompletionKind: CompletionKind { .default }

    static func parse(_ text: String, timeZone: TimeZone) -> (start: Date, end: Date)? {
        let text = text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let milliseconds = Int64(text) {
            let date = Date(feishuMilliseconds: milliseconds)
            return (date, date)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.isLenient = false
        formatter.dateFormat = "yyyy-MM-dd"
        if text.count == 10, let day = formatter.date(from: text) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            let next = calendar.date(byAdding: .day, value: 1, to: day) ?? day.addingTimeInterval(86_400)
            return (day, next.addingTimeInterval(-0.001))
        }
        let normalized = text.replacingOccurrences(of: " ", with: "T")
        for format in dateTimeFormats {
            formatter.dateFormat = format
            if let date = formatter.date(from: normalized) { return (date, date) }
        }
        return nil
    }

    private static let dateTimeFormats = [
        "yyyy-MM-dd'T'HH:mm:ss.SSSXXXXX", "yyyy-MM-dd'T'HH:mm:ssXXXXX", "yyyy-MM-dd'T'HH:mmXXXXX",
        "yyyy-MM-dd'T'HH:mm:ss.SSS", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
    ]
}
