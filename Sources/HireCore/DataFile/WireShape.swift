/// The JSON shape of a value of the API, as far as a server needs it to
/// validate, store and render the value.
///
/// The Codable models in FeishuWire describe the same objects for clients;
/// `RenderedInterviewContractTests` keeps the two in step.
package indirect enum WireShape: Sendable {
    case string
    case integer
    case number
    case object([WireField])
    case array(WireShape)
    /// A user. Rendered as `{id, name}` with the ID in the request's `user_id_type`;
    /// given in data files as `{"user_id": "<tenant user_id>"}`.
    case userReference
    /// A job level. Rendered in the request's `job_level_id_type`; given in data files as a `job_level_id`.
    case jobLevelReference
    /// The ID of the record's interviewer in the request's `user_id_type`; never given in data files.
    case interviewerUserID
}

/// A member of a ``WireShape/object(_:)``.
package struct WireField: Sendable {
    package let name: String
    package let shape: WireShape

    package init(_ name: String, _ shape: WireShape) {
        self.name = name
        self.shape = shape
    }
}

/// The shapes of the Hire objects.
package enum HireShape {
    package static let i18n: WireShape = .object([.init("zh_cn", .string), .init("en_us", .string)])
    package static let idName: WireShape = .object([.init("id", .string), .init("name", i18n)])
    package static let codeName: WireShape = .object([.init("code", .string), .init("name", i18n)])

    package static let ability: WireShape = .object([
        .init("id", .string), .init("name", i18n), .init("description", i18n),
    ])

    package static let question: WireShape = .object([
        .init("id", .string), .init("title", i18n), .init("description", i18n),
        .init("content", .string), .init("ability_list", .array(ability)),
    ])

    package static let dimensionScore: WireShape = .object([
        .init("id", .string), .init("name", i18n), .init("score_val", .integer),
    ])

    /// The members of an interview record, in the order the platform writes them.
    package static let record: [WireField] = [
        .init("id", .string),
        .init("user_id", .interviewerUserID),
        .init("content", .string),
        .init("min_job_level_id", .jobLevelReference),
        .init("max_job_level_id", .jobLevelReference),
        .init("commit_status", .integer),
        .init("feedback_submit_time", .integer),
        .init("conclusion", .integer),
        .init("interview_score", .object([
            .init("id", .string), .init("level", .integer),
            .init("zh_name", .string), .init("zh_description", .string),
            .init("en_name", .string), .init("en_description", .string),
        ])),
        .init("assessment_score", .object([
            .init("calculate_type", .integer), .init("score", .number), .init("full_score", .integer),
        ])),
        .init("question_list", .array(question)),
        .init("code_question_list", .array(question)),
        .init("interviewer", .userReference),
        .init("image_list", .array(.object([
            .init("id", .string), .init("url", .string), .init("name", .string),
            .init("mime", .string), .init("create_time", .string),
        ]))),
        .init("dimension_assessment_list", .array(.object([
            .init("id", .string), .init("name", i18n), .init("full_score", .integer),
            .init("content", .string), .init("dimension_id", .string),
            .init("dimension_score", dimensionScore),
            .init("dimension_score_list", .array(dimensionScore)),
            .init("dimension_custom_score", .integer),
            .init("ability_list", .array(ability)),
            .init("question_list", .array(question)),
            .init("dimension_type", .integer),
        ]))),
    ]

    /// The members of an interview round type, in the order the platform writes them.
    package static let interviewRoundType: [WireField] = [
        .init("id", .string),
        .init("biz_id", .string),
        .init("name", i18n),
        .init("process_type", .integer),
        .init("active_status", .integer),
        .init("interview_assessment_template_info", .object([
            .init("id", .string), .init("biz_id", .string), .init("name", i18n),
        ])),
    ]

    /// The members of an interview, in the order the platform writes them.
    package static let interview: [WireField] = [
        .init("id", .string),
        .init("begin_time", .integer),
        .init("end_time", .integer),
        .init("round", .integer),
        .init("interview_record_list", .array(.object(record))),
        .init("feedback_submit_time", .integer),
        .init("stage_id", .string),
        .init("application_id", .string),
        .init("stage", idName),
        .init("creator", .userReference),
        .init("biz_create_time", .integer),
        .init("biz_modify_time", .integer),
        .init("interview_round_summary", .integer),
        .init("interview_arrangement_id", .string),
        .init("interview_type", .integer),
        .init("talent_time_zone", codeName),
        .init("contact_user", .userReference),
        .init("contact_mobile", .string),
        .init("remark", .string),
        .init("address", .object([
            .init("id", .string), .init("name", i18n),
            .init("district", codeName), .init("city", codeName),
            .init("state", codeName), .init("country", codeName),
        ])),
        .init("video_type", .integer),
        .init("arrangement_status", .integer),
        .init("arrangement_type", .integer),
        .init("arrangement_appointment_kind", .integer),
        .init("meeting_room_list", .array(.object([
            .init("room_id", .string), .init("room_name", .string), .init("building_name", .string),
            .init("reserved_status", .integer), .init("floor_name", .string),
        ]))),
        .init("interview_round_type", idName),
    ]
}
