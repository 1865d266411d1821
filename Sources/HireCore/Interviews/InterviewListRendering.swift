import FeishuWire

/// Writes the `data` of the interview and record lists from stored rows, splicing their
/// stored JSON as ``TalentInterviewsRenderer`` does: `{"items":[…],"page_token":…,"has_more":…}`,
/// the members of FeishuWire's `Page`, in its order.
package enum InterviewListRenderer {
    /// A page of `interview.list`.
    package static func page(_ interviews: [StoredInterview], pageToken: String?, hasMore: Bool) -> String {
        page(interviews, pageToken: pageToken, hasMore: hasMore, capacity: \.body.utf8.count, TalentInterviewsRenderer.write)
    }

    /// A page of `interview_record.list`.
    package static func page(_ records: [StoredInterviewRecord], pageToken: String?, hasMore: Bool) -> String {
        page(records, pageToken: pageToken, hasMore: hasMore, capacity: \.body.utf8.count, TalentInterviewsRenderer.write)
    }

    /// The `data` of `interview_record.get`: `{"interview_record":{…}}`.
    package static func record(_ record: StoredInterviewRecord) -> String {
        var text = #"{"interview_record":"#
        TalentInterviewsRenderer.write(record, into: &text)
        return text + "}"
    }

    private static func page<Row>(
        _ rows: [Row], pageToken: String?, hasMore: Bool, capacity: KeyPath<Row, Int>,
        _ write: (Row, inout String) -> Void
    ) -> String {
        var text = #"{"items":["#
        text.reserveCapacity(rows.reduce(64) { $0 + $1[keyPath: capacity] + 256 })
        for (index, row) in rows.enumerated() {
            if index > 0 { text += "," }
            write(row, &text)
        }
        text += "]"
        if let pageToken {
            text += #","page_token":"#
            JSONWriter.writeString(pageToken, into: &text)
        }
        text += hasMore ? #","has_more":true}"# : #","has_more":false}"#
        return text
    }
}
