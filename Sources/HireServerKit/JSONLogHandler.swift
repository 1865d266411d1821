import FeishuWire
import Foundation
import Logging

/// Writes each log record as one JSON object on one line, for log shippers (`--log-format json`):
///
/// ```json
/// {"time":"2026-12-05T19:40:01.123Z","level":"info","label":"hire-server","message":"request","metadata":{"log_id":"…","operation":"hire.v1.interviewer.list","status":200,"code":0,"duration_ms":1.2}}
/// ```
///
/// Metadata keeps its shape: dictionaries and arrays stay nested JSON objects and arrays;
/// integers, floating-point numbers and booleans given as `.stringConvertible` are JSON
/// numbers and booleans; anything else is a string.
package struct JSONLogHandler: LogHandler {
    package var logLevel: Logger.Level = .info
    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?
    private let label: String
    private let write: @Sendable (String) -> Void

    /// A handler writing to `write`, one line (with its newline) per call.
    package init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    /// A handler writing to standard error, each line in one `write`, so that concurrent lines never interleave.
    package static func standardError(label: String) -> JSONLogHandler {
        JSONLogHandler(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let given = event.metadata { merged.merge(given) { _, new in new } }
        write(Self.line(
            time: Date(), level: event.level, label: label, message: event.message.description, metadata: merged))
    }

    /// The JSON line of one record, ending in a newline.
    package static func line(
        time: Date, level: Logger.Level, label: String, message: String, metadata: Logger.Metadata
    ) -> String {
        var text = #"{"time":"#
        JSONWriter.writeString(time.formatted(timeFormat), into: &text)
        text += #","level":"#
        JSONWriter.writeString(level.rawValue, into: &text)
        text += #","label":"#
        JSONWriter.writeString(label, into: &text)
        text += #","message":"#
        JSONWriter.writeString(message, into: &text)
        if !metadata.isEmpty {
            text += #","metadata":"#
            write(.dictionary(metadata), into: &text)
        }
        text += "}\n"
        return text
    }

    private static let timeFormat = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// Keys sorted, so that equal records give equal lines.
    private static func write(_ value: Logger.Metadata.Value, into text: inout String) {
        switch value {
        case .string(let string):
            JSONWriter.writeString(string, into: &text)
        case .stringConvertible(let convertible):
            switch convertible {
            case let bool as Bool: text += bool ? "true" : "false"
            case let integer as any BinaryInteger: text += integer.description
            case let number as Double where number.isFinite: text += number.description
            case let number as Float where number.isFinite: text += number.description
            default: JSONWriter.writeString(convertible.description, into: &text)
            }
        case .dictionary(let dictionary):
            text += "{"
            for (index, key) in dictionary.keys.sorted().enumerated() {
                if index > 0 { text += "," }
                JSONWriter.writeString(key, into: &text)
                text += ":"
                write(dictionary[key]!, into: &text)
            }
            text += "}"
        case .array(let array):
            text += "["
            for (index, element) in array.enumerated() {
                if index > 0 { text += "," }
                write(element, into: &text)
            }
            text += "]"
        }
    }
}
