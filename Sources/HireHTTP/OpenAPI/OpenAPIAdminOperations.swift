import FeishuWire
import HireCore

/// The admin API's operations (docs/admin-api.md), behind the admin token. They exist only when the
/// server has one; the document lists them always and says so.
enum OpenAPIAdminOperations {
    typealias Parameter = OpenAPIOperation.Parameter

    static var all: [OpenAPIOperation] {
        let model = OpenAPISchemas.model
        let restored = model(AdminWire.RestoredSnapshot.self), count = model(AdminWire.Count.self)
        let empty = model(AdminWire.Empty.self), clock = model(AdminWire.ClockState.self)
        let tenantKeys = Parameter(
            name: "tenant_key", schema: ["type": "array", "items": ["type": "string", "minLength": 1]],
            description: "Only these tenants (repeatable).")
        let journalFilters = [
            Parameter(name: "operation", schema: ["type": "string"], description: "Only this operation (e.g. hire.v1.interviewer.list)."),
            Parameter(name: "app_id", schema: ["type": "string"], description: "Only this app's requests."),
            Parameter(name: "tenant_key", schema: ["type": "string"], description: "Only this tenant's requests."),
            Parameter(
                name: "code", schema: emptyOr(["type": "integer", "minimum": .number(JSONNumber(Int(Int32.min))), "maximum": .number(JSONNumber(Int(Int32.max)))]),
                description: "Only requests answered with this code; empty means any."),
            Parameter(
                name: "since_seq", schema: emptyOr(["type": "integer", "minimum": 0, "default": 0]),
                description: "Only entries after this seq; empty means 0."),
        ]
        return [
            operation(
                AdminRoutes.reset, "Restore the baseline snapshot (destructive: replaces the data)",
                query: [Parameter(name: "tenant_key", schema: ["type": "string", "minLength": 1], description: "Only this tenant.")],
                data: restored, notFound: true),
            operation(AdminRoutes.snapshots, "List the snapshots", data: model(AdminWire.Items<AdminWire.Snapshot>.self), notFound: false),
            operation(
                AdminRoutes.saveSnapshot, "Save the data as a snapshot", query: [tenantKeys],
                data: model(AdminWire.SavedSnapshot.self), notFound: false),
            operation(AdminRoutes.deleteSnapshot, "Delete a snapshot", data: empty, notFound: true),
            operation(
                AdminRoutes.restoreSnapshot, "Restore a snapshot (destructive: replaces the data)", data: restored,
                notFound: true),
            operation(AdminRoutes.faults, "List the faults", data: model(AdminWire.Items<AdminWire.Fault>.self), notFound: false),
            operation(
                AdminRoutes.addFault, "Add a fault: the next matching requests fail, are delayed or dropped",
                body: [
                    "type": "object",
                    "properties": [
                        "operation": ["type": "string"], "app_id": ["type": "string"], "tenant_key": ["type": "string"],
                        "code": ["type": "integer"], "http_status": ["type": "integer", "minimum": 100, "maximum": 599],
                        "msg": ["type": "string"], "times": ["type": "integer", "minimum": 0],
                        "probability": ["type": "number", "exclusiveMinimum": 0, "maximum": 1],
                        "delay_ms": ["type": "integer", "minimum": 0, "maximum": 60000], "drop": ["type": "boolean"],
                    ],
                ],
                data: model(AdminWire.Fault.self), notFound: false),
            operation(AdminRoutes.clearFaults, "Remove every fault", data: count, notFound: false),
            operation(AdminRoutes.removeFault, "Remove a fault", data: empty, notFound: true),
            operation(AdminRoutes.clock, "Read the server's clock", data: clock, notFound: false),
            operation(
                AdminRoutes.moveClock, "Move the server's clock",
                body: [
                    "type": "object",
                    "description": "One of advance_ms (ms to move, negative moves back) and now_ms (ms since 1970).",
                    "properties": ["advance_ms": ["type": "integer"], "now_ms": ["type": "integer", "minimum": 0]],
                ],
                data: clock, notFound: false),
            operation(AdminRoutes.resetClock, "Return the clock to real time", data: clock, notFound: false),
            operation(
                AdminRoutes.requests, "Read the request journal",
                query: journalFilters + [
                    Parameter(
                        name: "limit", schema: emptyOr(["type": "integer", "minimum": 1, "maximum": 10000, "default": 1000]),
                        description: "At most this many entries; empty means 1000."),
                ],
                data: model(AdminWire.Items<AdminWire.JournalEntry>.self), notFound: false),
            operation(AdminRoutes.countRequests, "Count the request journal's entries", query: journalFilters, data: count, notFound: false),
            operation(AdminRoutes.clearRequests, "Clear the request journal", data: count, notFound: false),
            operation(
                AdminRoutes.importData, "Import a data file (feishu-hire-data/1; destructive: replaces tenants)",
                body: ["type": "object"], data: model(AdminWire.Imported.self), notFound: false),
            exportData(tenantKeys: tenantKeys),
        ]
    }

    /// `schema`, or the empty string: the journal's filters read an empty value as absent
    /// (`GET /_hire/requests?operation=&code=` is every entry).
    static func emptyOr(_ schema: JSONValue) -> JSONValue {
        ["anyOf": [schema, ["type": "string", "maxLength": 0]]]
    }

    /// An admin operation answering the envelope with `data`.
    static func operation(
        _ endpoint: Endpoint, _ summary: String, query: [Parameter] = [], body: JSONValue? = nil, data: JSONValue,
        notFound: Bool
    ) -> OpenAPIOperation {
        var path: [String: String] = [:]
        if endpoint.pathParameterNames.contains("name") { path["name"] = "The snapshot's name." }
        if endpoint.pathParameterNames.contains("id") { path["id"] = "The fault's id." }
        var responses = JSONObject(
            [.init("200", OpenAPIOperations.answer("Success: code 0", OpenAPISchemas.envelope(data: data, codes: [.success])))]
                + errors(notFound: notFound))
        if body != nil {
            responses["413"] = OpenAPIOperations.answer(
                "1002002: the body is too large", OpenAPISchemas.envelope(data: ["type": "object"], codes: [.invalidParameter]))
        }
        return OpenAPIOperation(
            endpoint: endpoint, summary: summary, tag: "admin", security: "adminToken", query: query,
            pathDescription: path, requestBody: body, responses: .object(responses))
    }

    /// 400 bad input, 401 no or a wrong admin token, 404 an unknown snapshot or fault or the admin API off, 500.
    static func errors(notFound: Bool) -> [JSONObject.Member] {
        let envelope = { (codes: [APICode]) in OpenAPISchemas.envelope(data: ["type": "object"], codes: codes) }
        var errors: [JSONObject.Member] = [
            .init("400", OpenAPIOperations.answer("1002002: bad input, named in field_violations", envelope([.invalidParameter]))),
            .init("401", OpenAPIOperations.answer(
                "99991661 no Authorization: Bearer header; 99991663 a wrong admin token",
                envelope([.missingAccessToken, .invalidAccessToken]))),
        ]
        let off = "404: the admin API is off (the server has no admin token)"
        errors.append(.init("404", notFound
            ? OpenAPIOperations.answer(
                "1002002: no snapshot or fault of this name or id; 404: a name or id that is empty or holds a '/' names no route, or \(off)",
                envelope([.invalidParameter, .routeNotFound]))
            : OpenAPIOperations.answer(off, envelope([.routeNotFound]))))
        errors.append(.init("500", OpenAPIOperations.answer("1002001: a fault of the server", envelope([.systemError]))))
        return errors
    }

    /// `GET /_hire/data`: the export's own bytes, not the envelope.
    static func exportData(tenantKeys: Parameter) -> OpenAPIOperation {
        var export = operation(
            AdminRoutes.exportData, "Export the data file (as hire-server export)",
            query: [
                tenantKeys,
                Parameter(name: "format", schema: ["type": "string", "enum": ["json", "jsonl"], "default": "json"], description: "json (a document) or jsonl (JSON Lines)."),
            ],
            data: ["type": "object"], notFound: false)
        guard case .object(var responses) = export.responses else { return export }
        responses["200"] = [
            "description": "The data file (feishu-hire-data/1): a JSON document, or JSON Lines for format=jsonl.",
            "content": [
                "application/json": ["schema": ["type": "object"]],
                "application/x-ndjson": ["schema": ["type": "string"]],
            ],
        ]
        export.responses = .object(responses)
        return export
    }
}
