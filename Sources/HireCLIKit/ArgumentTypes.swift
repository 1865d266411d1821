import ArgumentParser
import Feishu
import Foundation

/// The values of a repeatable option that also takes comma-separated lists (`--user-ids a,b --user-ids c`).
func commaSeparated(_ values: [String]) -> [String] {
    values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// An integer code given by number or by name: `--verify-status 2` or `verified`, `--process-type campus`.
struct CodeArgument<Code: NamedCode>: ExpressibleByArgument {
    let code: Code

    init?(argument: String) {
        let text = argument.lowercased()
        guard let entry = Code.argumentNames.first(where: { String($0.code.rawValue) == text || $0.names.contains(text) })
        else { return nil }
        code = entry.code
    }

    static var allValueStrings: [String] {
        Code.argumentNames.map { String($0.code.rawValue) } + Code.argumentNames.compactMap(\.names.first)
    }
}

/// A code whose values a command line may name.
protocol NamedCode: OpenCode {
    /// The values an option takes, each with its names (the first is the one help shows).
    static var argumentNames: [(code: Self, names: [String])] { get }
}

extension VerifyStatus: NamedCode {
    static let argumentNames: [(code: VerifyStatus, names: [String])] = [
        (.unverified, ["unverified", "not-verified"]), (.verified, ["verified"]),
    ]
}

extension ProcessType: NamedCode {
    static let argumentNames: [(code: ProcessType, names: [String])] = [(.social, ["social"]), (.campus, ["campus"])]
}

/// `--verify-status`: `1`, `2`, `unverified` or `verified`.
typealias VerifyStatusArgument = CodeArgument<VerifyStatus>
/// `--process-type`: `1`, `2`, `social` or `campus`.
typealias ProcessTypeArgument = CodeArgument<ProcessType>

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
