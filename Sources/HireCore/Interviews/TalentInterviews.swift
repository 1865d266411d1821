import FeishuWire

/// A user reference resolved in a request's ID view: the ID in the requested
/// `user_id_type` (absent if the user has none of that type) and the name.
package struct ResolvedUser: Sendable, Hashable {
    package let id: String?
    /// Canonical JSON of the `{zh_cn, en_us}` name.
    package let nameJSON: String?

    package init(id: String?, nameJSON: String?) {
        self.id = id
        self.nameJSON = nameJSON
    }
}

/// An interview as the store hands it to rendering: the stored members and the
/// references already resolved for the request.
package struct StoredInterview: Sendable, Hashable {
    /// The interview ID.
    package let id: String
    package let applicationID: String
    /// Canonical JSON object of the interview's own members, as UTF-8.
    package let body: [UInt8]
    package let creator: ResolvedUser?
    package let contactUser: ResolvedUser?
    package let records: [StoredInterviewRecord]

    package init(
        id: String, applicationID: String, body: [UInt8], creator: ResolvedUser?, contactUser: ResolvedUser?,
        records: [StoredInterviewRecord]
    ) {
        self.id = id
        self.applicationID = applicationID
        self.body = body
        self.creator = creator
        self.contactUser = contactUser
        self.records = records
    }
}

/// A record as the store hands it to rendering.
package struct StoredInterviewRecord: Sendable, Hashable {
    /// The record ID.
    package let id: String
    /// Canonical JSON object of the record's own members, as UTF-8.
    package let body: [UInt8]
    package let interviewer: ResolvedUser?
    /// In the request's `job_level_id_type`.
    package let minJobLevelID: String?
    package let maxJobLevelID: String?

    package init(id: String, body: [UInt8], interviewer: ResolvedUser?, minJobLevelID: String?, maxJobLevelID: String?) {
        self.id = id
        self.body = body
        self.interviewer = interviewer
        self.minJobLevelID = minJobLevelID
        self.maxJobLevelID = maxJobLevelID
    }
}

/// Writes the `data` of `get_by_talent` from stored interviews, splicing the
/// stored JSON text instead of decoding and re-encoding it.
package enum TalentInterviewsRenderer {
    /// - Parameter interviews: ordered by application, then as they should appear.
    package static func data(_ interviews: [StoredInterview]) -> JSONBytes {
        var json = JSONBytes(capacity: interviews.reduce(64) { $0 + $1.body.count + $1.records.count * 512 })
        json.append(#"{"items":["#)
        var currentApplication: String?
        for interview in interviews {
            if interview.applicationID != currentApplication {
                if currentApplication != nil { json.append("]},") }
                currentApplication = interview.applicationID
                json.append(#"{"application_id":"#)
                json.appendQuoted(interview.applicationID)
                json.append(#","interview_list":["#)
            } else {
                json.append(",")
            }
            write(interview, into: &json)
        }
        if currentApplication != nil { json.append("]}") }
        json.append("]}")
        return json
    }

    /// Writes one interview (`interview_extend`) with its records.
    package static func write(_ interview: StoredInterview, into json: inout JSONBytes) {
        var members = Members(body: interview.body, into: &json)
        members.user("creator", interview.creator, into: &json)
        members.user("contact_user", interview.contactUser, into: &json)
        members.open("interview_record_list", into: &json)
        json.append("[")
        for (index, record) in interview.records.enumerated() {
            if index > 0 { json.append(",") }
            write(record, into: &json)
        }
        json.append("]}")
    }

    /// Writes one interview record.
    package static func write(_ record: StoredInterviewRecord, into json: inout JSONBytes) {
        var members = Members(body: record.body, into: &json)
        if let id = record.interviewer?.id {
            members.open("user_id", into: &json)
            json.appendQuoted(id)
        }
        members.string("min_job_level_id", record.minJobLevelID, into: &json)
        members.string("max_job_level_id", record.maxJobLevelID, into: &json)
        members.user("interviewer", record.interviewer, into: &json)
        json.append("}")
    }

    /// Appends members after a stored object's own ones.
    private struct Members {
        private var empty: Bool

        /// Writes the stored object without its closing brace.
        init(body: [UInt8], into json: inout JSONBytes) {
            empty = body.count <= 2
            guard !body.isEmpty else {
                json.append("{")
                return
            }
            json.append(json: body)
            json.removeLast()
        }

        /// Writes `"key":`, after a comma unless it is the first member.
        mutating func open(_ key: StaticString, into json: inout JSONBytes) {
            json.append(empty ? "\"" : ",\"")
            empty = false
            json.append(key)
            json.append("\":")
        }

        mutating func string(_ key: StaticString, _ value: String?, into json: inout JSONBytes) {
            guard let value else { return }
            open(key, into: &json)
            json.appendQuoted(value)
        }

        /// `{"id":…,"name":…}`, each member only when the user has it.
        mutating func user(_ key: StaticString, _ user: ResolvedUser?, into json: inout JSONBytes) {
            guard let user else { return }
            open(key, into: &json)
            var object = Members(body: [], into: &json)
            object.string("id", user.id, into: &json)
            if let name = user.nameJSON {
                object.open("name", into: &json)
                json.append(json: name)
            }
            json.append("}")
        }
    }
}
