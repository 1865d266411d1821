import FeishuWire
import HireCore

/// The OpenAPI 3.1 document of every route `hire-server` answers, built from the ``Endpoint``
/// table, the admin routes and the limits the request parsers enforce, so it cannot drift from
/// the code. `docs/openapi.json` is this document; `hire-server openapi` writes it.
package enum OpenAPIDocument {
    /// The document as JSON text, two-space indented, ending in a newline.
    package static var text: String { OpenAPIPrettyWriter.write(value) + "\n" }

    /// The document.
    package static var value: JSONValue {
        var paths = JSONObject()
        for operation in OpenAPIOperations.all {
            let path = operation.endpoint.openAPIPath
            var item = paths[path]?.objectValue ?? JSONObject()
            item.members.append(.init(operation.endpoint.method.lowercased(), operation.value))
            if let index = paths.members.firstIndex(where: { $0.key == path }) {
                paths.members[index].value = .object(item)
            } else {
                paths.members.append(.init(path, .object(item)))
            }
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "Feishu Hire interviewer and interview API (hire-server)",
                "version": "1.0.0",
                "description": .string(description),
            ],
            "servers": [["url": "http://127.0.0.1:8080"]],
            "tags": [
                ["name": "auth", "description": "Access tokens."],
                ["name": "hire", "description": "The Hire v1 interviewer and interview endpoints."],
                ["name": "server", "description": "Health, metrics and this document."],
                [
                    "name": "admin",
                    "description": "The admin API (docs/admin-api.md). Only on when the server has an admin token (--admin-token / HIRE_ADMIN_TOKEN, or the bare demo); otherwise every /_hire/ path is HTTP 404, code 404.",
                ],
            ],
            "paths": .object(paths),
            "components": [
                "securitySchemes": [
                    "tenantAccessToken": [
                        "type": "http", "scheme": "bearer",
                        "description": "A tenant_access_token (or app_access_token) from the token endpoints.",
                    ],
                    "adminToken": [
                        "type": "http", "scheme": "bearer",
                        "description": "The server's admin token (--admin-token / HIRE_ADMIN_TOKEN).",
                    ],
                ],
                "schemas": OpenAPISchemas.components,
            ],
        ]
    }

    static let description = """
        The Feishu Open Platform's Hire interviewer and interview endpoints as hire-server answers them. \
        Like the platform, answers are JSON envelopes {code, msg, data}: a code other than 0 is an error, \
        and the HTTP status depends on the code (0, 10003 and 10014: 200; 1002002, 99991661, 99991663, \
        99991672: 400; 413 for a body that is too large; 99991400: 429; 1002001: 500; unknown routes: 404, \
        code 404; a known path with another method: 405, code 405). Every answer has an X-Tt-Logid header.
        """
}

extension Endpoint {
    /// The path with `{name}` for path parameters.
    var openAPIPath: String {
        path.split(separator: "/", omittingEmptySubsequences: false)
            .map { $0.first == ":" ? "{\($0.dropFirst())}" : String($0) }
            .joined(separator: "/")
    }

    /// The names of the path parameters.
    var pathParameterNames: [String] {
        path.split(separator: "/").filter { $0.first == ":" }.map { String($0.dropFirst()) }
    }
}

extension OpenAPIDocument {
    /// The routes the server can serve that the document does not describe, as `METHOD path`:
    /// empty unless a route was added without its operation.
    package static var undocumentedRoutes: [String] {
        let documented = Set(OpenAPIOperations.all.map { "\($0.endpoint.method) \($0.endpoint.path)" })
        return (Endpoint.all + [.health, .metrics, .openAPIDocument] + AdminRoutes.all)
            .map { "\($0.method) \($0.path)" }
            .filter { !documented.contains($0) }
    }
}
