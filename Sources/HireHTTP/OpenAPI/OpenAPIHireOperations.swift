import FeishuWire
import HireCore

extension OpenAPIOperations {
    /// The token endpoints: no authentication; failures are HTTP 200 with a code, as on the platform.
    static var auth: [OpenAPIOperation] {
        [Endpoint.tenantAccessToken, .appAccessToken].map { endpoint in
            let token = endpoint == .tenantAccessToken ? "tenant_access_token" : "app_access_token"
            var properties: JSONObject = members([
                "code": OpenAPISchemas.codeSchema([.success, .tokenRequestInvalid, .appCredentialsInvalid]),
                "msg": ["type": "string"],
            ])
            properties[token] = ["type": "string"]
            if endpoint == .appAccessToken { properties["tenant_access_token"] = ["type": "string"] }
            properties["expire"] = ["type": "integer", "description": "Seconds the token stays valid."]
            properties["data"] = ["type": "object"]
            return OpenAPIOperation(
                endpoint: endpoint,
                summary: "Issue a \(token) for an internal app",
                tag: "auth", security: nil,
                requestBody: [
                    "type": "object", "required": ["app_id", "app_secret"],
                    "properties": ["app_id": ["type": "string", "minLength": 1], "app_secret": ["type": "string", "minLength": 1]],
                ],
                responses: [
                    "200": answer(
                        "Code 0 with the token; 10003 for a malformed request (no JSON object, an empty app_id or app_secret); 10014 for an unknown app or a wrong secret. The platform answers all three with HTTP 200.",
                        ["type": "object", "required": ["code", "msg"], "properties": .object(properties)]),
                    "413": answer(
                        "1002002: the body is larger than \(HireHTTPLimits.maximumBodySize) bytes",
                        OpenAPISchemas.envelope(data: ["type": "object"], codes: [.invalidParameter])),
                    "429": answer(
                        "99991400: the rate limit is spent",
                        OpenAPISchemas.envelope(data: ["type": "object"], codes: [.rateLimited])),
                    "500": answer(
                        "1002001: a fault of the server", OpenAPISchemas.envelope(data: ["type": "object"], codes: [.systemError])),
                    faultAnswer.key: faultAnswer.value,
                ])
        }
    }

    /// Path parameter examples: the IDs of the seeds' examples, which the demo tenant holds, and a snapshot name.
    static let seedExamples = [
        "interviewer_id": "ou_7dab8a3d3cdcc9da365777c7ad535d62", "application_id": "6949805467799537964",
        "interview_record_id": "6949805467799537964", "name": "fuzz",
    ]

    /// The Hire v1 endpoints of the ``Endpoint`` table.
    static var hire: [OpenAPIOperation] {
        let model = OpenAPISchemas.model
        return [
            OpenAPIOperation(
                endpoint: .patchInterviewer, summary: "Set an interviewer's verify status", tag: "hire",
                security: "tenantAccessToken", query: [userIDType(.patchInterviewer)],
                pathDescription: ["interviewer_id": "The interviewer's user ID, of the kind user_id_type names."],
                requestBody: [
                    "type": "object", "required": ["interviewer"],
                    "properties": [
                        "interviewer": [
                            "type": "object",
                            "description": "Without verify_status the PATCH changes nothing and answers the interviewer.",
                            "properties": ["verify_status": ["type": "integer", "enum": [1, 2], "description": "1 not verified, 2 verified"]],
                        ],
                    ],
                ],
                responses: hireResponses(model(InterviewerEnvelope.self), body: true)),
            OpenAPIOperation(
                endpoint: .listInterviewers, summary: "List interviewers", tag: "hire", security: "tenantAccessToken",
                query: [
                    pageSize(maximum: InterviewerListQuery.maximumPageSize, default: InterviewerListQuery.defaultPageSize),
                    pageToken,
                    ids("user_ids", maximum: InterviewerListQuery.maximumUserIDs, "Only these users."),
                    Parameter(
                        name: "verify_status", schema: ["type": "integer", "enum": [1, 2]],
                        description: "Only interviewers with this status: 1 not verified, 2 verified."),
                    milliseconds("earliest_update_time", "Only interviewers updated at or after this time (ms)."),
                    milliseconds("latest_update_time", "Only interviewers updated at or before this time (ms)."),
                    userIDType(.listInterviewers),
                ],
                responses: hireResponses(model(InterviewerPage.self))),
            OpenAPIOperation(
                endpoint: .interviewsByTalent, summary: "A talent's interviews, by application", tag: "hire",
                security: "tenantAccessToken",
                query: [
                    Parameter(
                        name: "talent_id", schema: ["type": "string", "minLength": 1, "examples": ["6949805467799537964"]],
                        required: true, description: "The talent."),
                    jobLevelIDType, userIDType(.interviewsByTalent),
                ],
                responses: hireResponses(model(TalentInterviewList.self))),
            OpenAPIOperation(
                endpoint: .listInterviews, summary: "List interviews", tag: "hire", security: "tenantAccessToken",
                query: [
                    pageSize(maximum: InterviewListQuery.maximumPageSize), pageToken,
                    Parameter(name: "application_id", schema: ["type": "string", "minLength": 1], description: "Only this application's interviews."),
                    Parameter(name: "interview_id", schema: ["type": "string", "minLength": 1], description: "Only this interview."),
                    Parameter(name: "start_time", schema: ["type": "integer", "minimum": 1], description: "Only interviews beginning at or after this time (ms); not later than end_time."),
                    Parameter(name: "end_time", schema: ["type": "integer", "minimum": 1], description: "Only interviews beginning at or before this time (ms)."),
                    jobLevelIDType, userIDType(.listInterviews),
                ],
                responses: hireResponses(model(InterviewPage.self))),
            OpenAPIOperation(
                endpoint: .listApplicationInterviews, summary: "List an application's interviews", tag: "hire",
                security: "tenantAccessToken",
                query: [
                    pageSize(maximum: ApplicationInterviewListQuery.maximumPageSize), pageToken,
                    jobLevelIDType, userIDType(.listApplicationInterviews),
                ],
                pathDescription: ["application_id": "The application."],
                responses: hireResponses(model(ApplicationInterviewPage.self))),
            OpenAPIOperation(
                endpoint: .getInterviewRecord, summary: "Get an interview record", tag: "hire",
                security: "tenantAccessToken", query: [userIDType(.getInterviewRecord)],
                pathDescription: ["interview_record_id": "The interview record."],
                responses: hireResponses(model(InterviewRecordEnvelope.self))),
            OpenAPIOperation(
                endpoint: .listInterviewRecords, summary: "List interview records", tag: "hire",
                security: "tenantAccessToken",
                query: [
                    ids("ids", maximum: InterviewRecordListQuery.maximumIDs, "Only these interview records."),
                    pageSize(maximum: InterviewRecordListQuery.maximumPageSize), pageToken,
                    userIDType(.listInterviewRecords),
                ],
                responses: hireResponses(model(InterviewRecordPage.self))),
            OpenAPIOperation(
                endpoint: .listInterviewRoundTypes, summary: "List interview round types", tag: "hire",
                security: "tenantAccessToken",
                query: [
                    Parameter(
                        name: "process_type", schema: ["type": "integer", "enum": [1, 2]],
                        description: "Only round types of this process: 1 social, 2 campus."),
                ],
                responses: hireResponses(model(InterviewRoundTypeList.self))),
        ]
    }
}
