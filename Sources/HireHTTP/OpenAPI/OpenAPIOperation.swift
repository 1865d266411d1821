import FeishuWire

/// One operation of the OpenAPI document: an ``Endpoint`` and what it takes and answers.
struct OpenAPIOperation {
    /// The route; `name` is the `operationId`.
    var endpoint: Endpoint
    var summary: String
    var tag: String
    /// The security scheme's name, nil for no authentication.
    var security: String?
    /// Query parameters (path parameters come from the endpoint's path).
    var query: [Parameter] = []
    var pathDescription: [String: String] = [:]
    var requestBody: JSONValue?
    /// The `responses` object.
    var responses: JSONValue

    /// A query parameter.
    struct Parameter {
        var name: String
        var schema: JSONValue
        var required = false
        var description: String
    }

    var value: JSONValue {
        var operation = members([
            "operationId": .string(endpoint.name),
            "summary": .string(summary),
            "tags": [.string(tag)],
        ])
        if let security {
            operation["security"] = [[security: []]]
            if !endpoint.scopes.isEmpty {
                operation["description"] = .string(
                    "Needs any one of the scopes " + endpoint.scopes.map { "`\($0.rawValue)`" }.joined(separator: ", ") + ".")
            }
        } else {
            operation["security"] = []
        }
        let path: [JSONValue] = endpoint.pathParameterNames.map { name in
            [
                "name": .string(name), "in": "path", "required": true,
                "schema": ["type": "string", "minLength": 1],
                "description": .string(pathDescription[name] ?? name),
                "example": .string(OpenAPIOperations.seedExamples[name] ?? "6949805467799537964"),
            ]
        }
        let query: [JSONValue] = self.query.map { parameter in
            var value = members([
                "name": .string(parameter.name), "in": "query", "required": .bool(parameter.required),
                "schema": parameter.schema, "description": .string(parameter.description),
            ])
            if case .object(let schema) = parameter.schema, schema["type"] == "array" {
                value["style"] = "form"
                value["explode"] = true
            }
            return .object(value)
        }
        if !(path + query).isEmpty { operation["parameters"] = .array(path + query) }
        if let requestBody {
            operation["requestBody"] = [
                "required": true, "content": ["application/json": ["schema": requestBody]],
            ]
        }
        var responses = self.responses.objectValue ?? JSONObject()
        if !endpoint.pathParameterNames.isEmpty, responses["404"] == nil {
            responses["404"] = OpenAPIOperations.answer(
                "404: a path parameter that is empty or holds a '/' names no route",
                OpenAPISchemas.envelope(data: ["type": "object"], codes: [.routeNotFound]))
        }
        operation["responses"] = .object(responses)
        return .object(operation)
    }
}

/// An object, members in the order given.
func members(_ elements: KeyValuePairs<String, JSONValue>) -> JSONObject {
    JSONObject(elements.map { JSONObject.Member($0.key, $0.value) })
}
