import FeishuWire

/// The `page_size` and `page_token` of a list request, validated.
package struct PageRequest: Sendable, Hashable {
    package var size: Int
    package var token: String?

    package init(size: Int = 10, token: String? = nil) {
        self.size = size
        self.token = token
    }

    /// - Parameters:
    ///   - defaultSize: the size when the request names none.
    ///   - maximumSize: the largest size accepted; 1 is the smallest.
    package init(_ query: QueryItems, defaultSize: Int = 10, maximumSize: Int) throws(APIError) {
        size = defaultSize
        if let text = try query.single("page_size") {
            guard let size = Int(text), (1...maximumSize).contains(size) else {
                throw .invalidParameter("page_size", "must be an integer from 1 to \(maximumSize)", value: text)
            }
            self.size = size
        }
        token = try query.single("page_token").flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension QueryItems {
    /// A millisecond Unix timestamp parameter given at most once.
    package func milliseconds(_ name: String) throws(APIError) -> Int64? {
        guard let text = try single(name) else { return nil }
        guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int64(text)
        else {
            throw .invalidParameter(name, "must be a millisecond Unix timestamp", value: text)
        }
        return value
    }

    /// `job_level_id_type`, ``JobLevelIDType/default`` when not given.
    package func jobLevelIDType() throws(APIError) -> JobLevelIDType {
        guard let raw = try single("job_level_id_type") else { return .default }
        guard let type = JobLevelIDType(rawValue: raw) else {
            throw .invalidParameter(
                "job_level_id_type",
                "must be one of " + JobLevelIDType.allCases.map(\.rawValue).joined(separator: ", "), value: raw)
        }
        return type
    }

    /// A list of IDs given by repeating `name`: at most `maximum`, none empty.
    package func ids(_ name: String, maximum: Int) throws(APIError) -> [String] {
        let ids = values(name)
        guard ids.count <= maximum else { throw .invalidParameter(name, "at most \(maximum) may be given") }
        if let empty = ids.firstIndex(of: "") { throw .invalidParameter("\(name)[\(empty)]", "must not be empty") }
        return ids
    }
}

/// The parts of a fingerprint a page token is bound to, joined unambiguously.
package func pageFingerprint(_ parts: [String]) -> String {
    parts.joined(separator: "\u{1F}")
}
