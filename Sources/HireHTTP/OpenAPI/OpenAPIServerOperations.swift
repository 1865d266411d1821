import FeishuWire

extension OpenAPIOperations {
    /// The server's own routes: `/healthz`, `/metrics` and this document. No authentication.
    static var server: [OpenAPIOperation] {
        [
            OpenAPIOperation(
                endpoint: .health, summary: "Health: 200 while the server is serving", tag: "server", security: nil,
                responses: [
                    "200": answer(
                        "Serving",
                        ["type": "object", "required": ["status"], "properties": ["status": ["type": "string", "const": "ok"]]]),
                ]),
            OpenAPIOperation(
                endpoint: .metrics, summary: "Prometheus metrics", tag: "server", security: nil,
                responses: [
                    "200": [
                        "description": "The Prometheus text exposition format.",
                        "content": ["text/plain; version=0.0.4": ["schema": ["type": "string"]]],
                    ],
                ]),
            OpenAPIOperation(
                endpoint: .openAPIDocument, summary: "This OpenAPI 3.1 document", tag: "server", security: nil,
                responses: [
                    "200": ["description": "The document.", "content": ["application/json": ["schema": ["type": "object"]]]],
                ]),
        ]
    }
}

extension Endpoint {
    /// `GET /openapi.json`: the OpenAPI document, not part of the platform's API.
    static let openAPIDocument = Endpoint(
        name: "openapi", method: "GET", path: "/openapi.json", scopes: [], userIDTypes: [], successMessage: "ok")
}
