import FeishuWire
import HireCore
import Hummingbird
import NIOCore

extension Request {
    /// The body, refusing more than ``HireHTTPLimits/maximumBodySize`` bytes.
    mutating func bodyBytes() async throws -> [UInt8] {
        if let length = headers[.contentLength].flatMap(Int.init), length > HireHTTPLimits.maximumBodySize {
            throw APIError.bodyTooLarge(limit: HireHTTPLimits.maximumBodySize)
        }
        do {
            let buffer = try await collectBody(upTo: HireHTTPLimits.maximumBodySize)
            return Array(buffer.readableBytesView)
        } catch is NIOTooManyBytesError {
            throw APIError.bodyTooLarge(limit: HireHTTPLimits.maximumBodySize)
        }
    }

    /// The decoded query parameters.
    var queryItems: QueryItems { QueryItems(rawQuery: uri.query) }
}

extension HireRequestContext {
    /// A path parameter, percent-decoded; a parameter error if empty.
    func pathParameter(_ name: String) throws -> String {
        let raw = parameters.get(name) ?? ""
        let value = PercentEncoding.decodePathSegment(raw[...])
        guard !value.isEmpty else { throw APIError.invalidParameter(name, "is required") }
        return value
    }
}
