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
    /// Canonical JSON object of the interview's own members.
    package let body: String
    package let creator: ResolvedUser?
    package let contactUser: ResolvedUser?
    package let records: [StoredInterviewRecord]

    package init(
        id: String, applicationID: String, body: String, creator: ResolvedUser?, contactUser: ResolvedUser?,
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
    /// Canonical JSON object of the record's own members.
    package let body: String
    package let interviewer: ResolvedUser?
    /// In the request's `job_level_id_type`.
    package let minJobLevelID: String?
    package let maxJobLevelID: String?

    package init(id: String, body: String, interviewer: ResolvedUser?, minJobLevelID: String?, maxJobLevelID: String?) {
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
    package static func data(_ interviews: [StoredInterview]) -> String {
        var text = "{\"items\":["
        text.reserveCapacity(interviews.reduce(64) { $0 + $1.body.utf8.count + $1.records.count * 512 })
        var currentApplication: String?
        for interview in interviews {
            if interview.applicationID != currentApplication {
                if currentApplication != nil { text += "]}," }
                currentApplication = interview.applicationID
                text += "{\"application_id\":"
                JSONWriter.writeString(interview.applicationID, into: &text)
                text += ",\"interview_list\":["
            } else {
                text += ","
            }
            write(interview, into: &text)
        }
        if currentApplication != nil { text += "]}" }
        text += "]}"
        return text
    }

    /// Writes one interview (`interview_extend`) with its records.
    package static func write(_ interview: StoredInterview, into text: inout String) {
        var members = Members(body: interview.body, into: &text)
        members.user("creator", interview.creator, into: &text)
        members.user("contact_user", interview.contactUser, into: &text)
        members.open("interview_record_list", into: &text)
        text += "["
        for (index, record) in interview.records.enumerated() {
            if index > 0 { text += "," }
            write(record, into: &text)
        }
        text += "]}"
    }

    /// Writes one interview record.
    package static func write(_ record: StoredInterviewRecord, into text: inout String) {
        var members = Members(body: record.body, into: &text)
        if let id = record.interviewer?.id {
            members.open("user_id", into: &text)
            JSONWriter.writeString(id, into: &text)
        }
        members.string("min_job_level_id", record.minJobLevelID, into: &text)
        members.string("max_job_level_id", record.maxJobLevelID, into: &text)
        members.user("interviewer", record.interviewer, into: &text)
        text += "}"
    }

    /// Appends members after a stored object's own ones.
    private struct Members {
        private var empty: Bool

        /// Writes the stored object without its closing brace.
        init(body: String, into text: inout String) {
            empty = body.utf8.count <= 2
            guard !body.isEmpty else {
                text += "{"
                return
            }
            // Appending the whole String is a copy of its bytes; its last character, the
            // closing brace, then comes off again (a substring would be appended character by character).
            text += body
            text.removeLast()
        }

        mutating func open(_ key: String, into text: inout String) {
            text += empty ? "\"" : ",\""
            empty = false
            text += key
            text += "\":"
        }

        mutating func string(_ key: String, _ value: String?, into text: inout String) {
            guard let value else { return }
            open(key, into: &text)
            JSONWriter.writeString(value, into: &text)
        }

        mutating func user(_ key: String, _ user: ResolvedUser?, into text: inout String) {
            guard let user else { return }
            open(key, into: &text)
            var object = JSONObjectWriter()
            object.string("id", user.id)
            if let name = user.nameJSON { object.raw("name", name) }
            text += object.finish()
        }
    }
}
