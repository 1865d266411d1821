import FeishuWire

/// The JSON schemas the OpenAPI document shares between operations (`components.schemas`).
package enum OpenAPISchemas {
    /// A `$ref` to a shared schema.
    static func ref(_ name: String) -> JSONValue { ["$ref": .string("#/components/schemas/\(name)")] }

    /// The envelope every answer but the token endpoints' and `/healthz` has, with `data` as given;
    /// `codes` nil for any code.
    static func envelope(data: JSONValue, codes: [APICode]?) -> JSONValue {
        [
            "type": "object",
            "required": ["code", "msg"],
            "properties": [
                "code": codes.map(codeSchema) ?? ["type": "integer"],
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

    /// The wire models with their own entry in `components.schemas`, by name.
    package static var models: KeyValuePairs<String, any Decodable.Type> {
        [
            "ErrorInfo": ErrorInfo.self,
            "Interviewer": Interviewer.self,
            "TalentInterview": TalentInterview.self,
            "ApplicationInterview": ApplicationInterview.self,
            "Interview": Interview.self,
            "InterviewRecord": InterviewRecord.self,
            "InterviewQuestion": InterviewQuestion.self,
            "Ability": Ability.self,
            "DimensionAssessment": DimensionAssessment.self,
            "InterviewRoundType": InterviewRoundType.self,
            "I18nText": I18nText.self,
            "IDName": IDName.self,
            "CodeName": CodeName.self,
            "Snapshot": AdminWire.Snapshot.self,
            "Fault": AdminWire.Fault.self,
            "JournalEntry": AdminWire.JournalEntry.self,
            "ClockState": AdminWire.ClockState.self,
        ]
    }

    /// Derives schemas from the wire models, referring to ``models`` by name.
    static let derivation = CodableSchema(components: models)

    /// The schema of the wire model `type`, as the SDK decodes it.
    static func model(_ type: any Decodable.Type) -> JSONValue { derivation.schema(of: type) }

    /// Every shared schema, each derived from its wire model.
    static var components: JSONValue {
        .object(JSONObject(models.map { JSONObject.Member($0.key, model($0.value)) }))
    }
}
