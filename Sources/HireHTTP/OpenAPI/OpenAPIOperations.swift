import FeishuWire
import HireCore

/// Every operation of the document: the token endpoints, the Hire endpoints, the server's own
/// routes and the admin API.
enum OpenAPIOperations {
    static var all: [OpenAPIOperation] { auth + hire + server + OpenAPIAdminOperations.all }

    typealias Parameter = OpenAPIOperation.Parameter

    // MARK: Responses

    /// A JSON answer with `schema`.
    static func answer(_ description: String, _ schema: JSONValue) -> JSONValue {
        [
            "description": .string(description),
            "headers": ["X-Tt-Logid": ["description": "The request's log id.", "schema": ["type": "string"]]],
            "content": ["application/json": ["schema": schema]],
        ]
    }

    /// The error answers of a route behind the token, scope and rate-limit gates.
    static func gatedErrors(body: Bool) -> [JSONObject.Member] {
        var errors: [JSONObject.Member] = [
            .init("400", answer(
                "1002002 bad parameter (field_violations names it); 99991661 no Authorization: Bearer header; 99991663 invalid or expired token; 99991672 the app lacks a scope (permission_violations)",
                OpenAPISchemas.envelope(
                    data: ["type": "object"],
                    codes: [.invalidParameter, .missingAccessToken, .invalidAccessToken, .scopeRequired]))),
        ]
        if body {
            errors.append(.init("413", answer(
                "1002002: the body is larger than \(HireHTTPLimits.maximumBodySize) bytes",
                OpenAPISchemas.envelope(data: ["type": "object"], codes: [.invalidParameter]))))
        }
        errors += [
            .init("429", answer(
                "99991400: the app's rate limit for this endpoint is spent (x-ogw-ratelimit-* headers)",
                OpenAPISchemas.envelope(data: ["type": "object"], codes: [.rateLimited]))),
            .init("500", answer(
                "1002001: a fault of the server (or one injected through the admin API)",
                OpenAPISchemas.envelope(data: ["type": "object"], codes: [.systemError]))),
        ]
        return errors
    }

    /// `200` with `data` as given, then the gate's errors and what a fault can answer.
    static func hireResponses(_ data: JSONValue, body: Bool = false) -> JSONValue {
        .object(JSONObject(
            [.init("200", answer("Success: code 0", OpenAPISchemas.envelope(data: data, codes: [.success])))]
                + gatedErrors(body: body) + [faultAnswer]))
    }

    /// Any other status: a fault set through the admin API answers with the code, HTTP status and
    /// `msg` it names (docs/admin-api.md).
    static let faultAnswer = JSONObject.Member("default", answer(
        "A fault injected through the admin API: the code, HTTP status and msg it names",
        OpenAPISchemas.envelope(data: ["type": "object"], codes: nil)))

    // MARK: Parameters

    static func userIDType(_ endpoint: Endpoint) -> Parameter {
        Parameter(
            name: "user_id_type",
            schema: ["type": "string", "enum": .array(endpoint.userIDTypes.map { .string($0.rawValue) }), "default": "open_id"],
            description: "The kind of user ID in the request and the answer.")
    }

    static let jobLevelIDType = Parameter(
        name: "job_level_id_type",
        schema: [
            "type": "string", "enum": .array(JobLevelIDType.allCases.map { .string($0.rawValue) }),
            "default": .string(JobLevelIDType.default.rawValue),
        ],
        description: "The kind of job level ID in the answer.")

    static func pageSize(maximum: Int, default size: Int = 10) -> Parameter {
        Parameter(
            name: "page_size",
            schema: ["type": "integer", "minimum": 1, "maximum": .number(JSONNumber(maximum)), "default": .number(JSONNumber(size))],
            description: "Items per page, 1 to \(maximum).")
    }

    static let pageToken = Parameter(
        name: "page_token", schema: ["type": "string"],
        description: "The page_token of the previous page; empty or absent for the first page.")

    static func ids(_ name: String, maximum: Int, _ description: String) -> Parameter {
        Parameter(
            name: name,
            schema: ["type": "array", "maxItems": .number(JSONNumber(maximum)), "items": ["type": "string", "minLength": 1]],
            description: description + " Repeat the parameter for several, at most \(maximum).")
    }

    static func milliseconds(_ name: String, _ description: String) -> Parameter {
        Parameter(name: name, schema: ["type": "integer", "minimum": 0], description: description)
    }
}
