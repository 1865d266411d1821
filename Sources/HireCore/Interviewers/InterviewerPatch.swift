import FeishuWire

/// The body of `PATCH /open-apis/hire/v1/interviewers/:interviewer_id`, validated.
package struct InterviewerPatch: Sendable, Hashable {
    /// The status to set; `nil` leaves the interviewer as it is.
    package let verifyStatus: VerifyStatus?

    package init(verifyStatus: VerifyStatus?) { self.verifyStatus = verifyStatus }

    /// Reads `{"interviewer": {"verify_status": 1|2}}`. Unknown members are ignored, as the platform does.
    package init(body: [UInt8]) throws(APIError) {
        let object = try JSONBody.object(body)
        guard let interviewer = object["interviewer"] else {
            throw .invalidParameter("interviewer", "is required")
        }
        guard case .object(let fields) = interviewer else {
            throw .invalidParameter("interviewer", "must be an object, got \(interviewer.typeDescription)")
        }
        guard let status = fields["verify_status"] else {
            verifyStatus = nil
            return
        }
        guard let raw = status.integerValue, let known = VerifyStatus.known.first(where: { Int64($0.rawValue) == raw })
        else {
            throw .invalidParameter(
                "interviewer.verify_status", "must be the integer 1 (not verified) or 2 (verified), got \(status.typeDescription)",
                value: JSONWriter.write(status))
        }
        verifyStatus = known
    }
}

/// Reading JSON request bodies with errors in the platform's terms.
package enum JSONBody {
    /// The body parsed as a JSON object.
    package static func object(_ body: [UInt8]) throws(APIError) -> JSONObject {
        guard body.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw .invalidParameter("body", "is required: a JSON object")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(body)
        } catch {
            throw .invalidParameter("body", "is not valid JSON: \(error)")
        }
        guard case .object(let object) = value else {
            throw .invalidParameter("body", "must be a JSON object, got \(value.typeDescription)")
        }
        return object
    }
}
