import FeishuWire

/// The rules for a snapshot's name: 1–64 characters of `A–Z a–z 0–9 . _ -`.
package enum SnapshotName {
    /// The snapshot `serve` records once its startup data is loaded, and `reset` restores.
    package static let baseline = "baseline"

    /// - Throws: 1002002 on `name`.
    package static func validate(_ name: String) throws(APIError) {
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard !name.isEmpty, name.utf8.count <= 64, allowed else {
            throw .invalidParameter("name", "must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_' and '-'", value: name)
        }
    }

    /// 1002002 on `name`, HTTP 404: there is no such snapshot.
    package static func unknown(_ name: String) -> APIError {
        var error = APIError.invalidParameter("name", "no snapshot \(JSONValue.quoted(name))", value: name)
        error.httpStatus = 404
        return error
    }
}
