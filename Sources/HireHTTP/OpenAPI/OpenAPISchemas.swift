import FeishuWire

/// The JSON schemas the OpenAPI document shares between operations (`components.schemas`).
enum OpenAPISchemas {
    /// A `$ref` to a shared schema.
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    /// The envelope every answer but the token endpoints' and `/healthz` has, with `data` as given.
    static func envelope(data: JSONValue, codes: [APICode]) -> JSONValue {
        [
            "type": "object",
            "required": ["code", "msg"],
            "properties": [
                "code": codeSchema(codes),
                "msg": ["type": "string"],
                "data": data,
                "error": ref("ErrorInfo"),
            ],
        ]
    }

    /// An integer schema listing `codes`.
    static func codeSchema(_ codes: [APICode]) -> JSONValue {
        ["type": "integer", "enum": .array(codes.map { .number(JSONNumber($0.rawValue)) })]
    }

    /// A list page: `items`, `has_more`, `page_token`.
    static func page(items: JSONValue) -> JSONValue {
        [
            "type": "object",
            "properties": [
                "items": ["type": "array", "items": items],
                "has_more": ["type": "boolean"],
                "page_token": ["type": "string"],
            ],
        ]
    }

    /// Every shared schema.
    static let components: JSONValue = [
        "ErrorInfo": [
            "type": "object",
            "description": "The `error` member of a failed answer: the log id and what was wrong.",
            "properties": [
                "log_id": ["type": "string"],
                "permission_violations": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["type", "subject"],
                        "properties": [
                            "type": ["type": "string"], "subject": ["type": "string"],
                            "description": ["type": "string"],
                        ],
                    ],
                ],
                "field_violations": [
                    "type": "array",
                    "items": [
                        "type": "object", "required": ["field"],
                        "properties": [
                            "field": ["type": "string"], "value": ["type": "string"],
                            "description": ["type": "string"],
                        ],
                    ],
                ],
            ],
        ],
        "Interviewer": [
            "type": "object",
            "properties": [
                "user_id": ["type": "string"],
                "verify_status": ["type": "integer", "enum": [1, 2], "description": "1 not verified, 2 verified"],
            ],
        ],
        "Interview": [
            "type": "object",
            "description": "An interview (FeishuWire `Interview`).",
            "properties": [
                "id": ["type": "string"], "application_id": ["type": "string"], "stage_id": ["type": "string"],
                "begin_time": ["type": "integer"], "end_time": ["type": "integer"], "round": ["type": "integer"],
                "interview_record_list": ["type": "array", "items": ref("InterviewRecord")],
            ],
        ],
        "InterviewRecord": [
            "type": "object",
            "description": "An interview record (FeishuWire `InterviewRecord`).",
        ],
        "InterviewRoundType": [
            "type": "object",
            "properties": [
                "id": ["type": "string"], "biz_id": ["type": "string"], "name": ["type": "object"],
                "process_type": ["type": "integer"], "active_status": ["type": "integer"],
            ],
        ],
        "TalentInterview": [
            "type": "object",
            "properties": [
                "application_id": ["type": "string"],
                "interview_list": ["type": "array", "items": ref("Interview")],
            ],
        ],
    ]
}
