import FeishuWire

/// Writes the `data` of the interview and record lists from stored rows, splicing their
/// stored JSON as ``TalentInterviewsRenderer`` does: `{"items":[…],"page_token":…,"has_more":…}`,
/// the members of FeishuWire's `Page`, in its order.
package enum InterviewListRenderer {
    /// A page of `interview.list`.
    package static func page(_ interviews: [StoredInterview], pageToken: String?, hasMore: Bool) -> JSONBytes {
        page(interviews, pageToken: pageToken, hasMore: hasMore, capacity: \.body.count, TalentInterviewsRenderer.write)
    }

    /// A page of `interview_record.list`.
    package static func page(_ records: [StoredInterviewRecord], pageToken: String?, hasMore: Bool) -> JSONBytes {
        page(records, pageToken: pageToken, hasMore: hasMore, capacity: \.body.count, TalentInterviewsRenderer.write)
    }

    /// The `data` of `interview_record.get`: `{"interview_record":{…}}`.
    package static func record(_ record: StoredInterviewRecord) -> JSONBytes {
        var json = JSONBytes(capacity: record.body.count + 512)
        json.append(#"{"interview_record":"#)
        TalentInterviewsRenderer.write(record, into: &json)
        json.append("}")
        return json
    }

    private static func page<Row>(
        _ rows: [Row], pageToken: String?, hasMore: Bool, capacity: KeyPath<Row, Int>,
        _ write: (Row, inout JSONBytes) -> Void
    ) -> JSONBytes {
        var json = JSONBytes(capacity: rows.reduce(64) { $0 + $1[keyPath: capacity] + 256 })
        json.append(#"{"items":["#)
        for (index, row) in rows.enumerated() {
            if index > 0 { json.append(",") }
            write(row, &json)
        }
        json.append("]")
        if let pageToken {
            json.append(#","page_token":"#)
            json.appendQuoted(pageToken)
        }
        json.append(hasMore ? #","has_more":true}"# : #","has_more":false}"#)
        return json
    }
}
