import FeishuWire
import HTTPTypes
import HireCore
import Hummingbird
import NIOCore

/// Responses in the platform's envelope.
enum WireResponse {
    static let contentType = "application/json; charset=utf-8"

    /// `{"code":0,"msg":…,"data":<data>}` with `data` already JSON text.
    static func success(_ endpoint: Endpoint, data: String) -> Response {
        var body = JSONObjectWriter(capacity: data.utf8.count + 48)
        body.integer("code", 0)
        body.string("msg", endpoint.successMessage)
        body.raw("data", data)
        return json(body.finish(), status: .ok)
    }

    /// The `X-Tt-Logid` header.
    static let logIDField = HTTPField.Name(WireHeader.logID)!

    /// The error envelope: code, msg, and `error` with the log id and violations.
    static func error(_ error: APIError, logID: String) -> Response {
        json(errorBody(error, logID: logID), status: HTTPResponse.Status(code: error.httpStatus))
    }

    /// 99991400 with the headers the platform's rate limit sends.
    static func rateLimited(_ error: APIError = .rateLimited, limit: Int, resetAfter: Int, logID: String) -> Response {
        var response = WireResponse.error(error, logID: logID)
        response.headers[HTTPField.Name(WireHeader.rateLimitLimit)!] = String(limit)
        response.headers[HTTPField.Name(WireHeader.rateLimitReset)!] = String(resetAfter)
        return response
    }

    /// The error envelope's JSON text.
    static func errorBody(_ error: APIError, logID: String) -> String {
        var info = JSONObjectWriter()
        info.string("log_id", logID)
        if !error.permissionViolations.isEmpty {
            info.raw("permission_violations", array(error.permissionViolations) { violation in
                var object = JSONObjectWriter()
                object.string("type", violation.type)
                object.string("subject", violation.subject)
                object.string("description", violation.description)
                return object.finish()
            })
        }
        if !error.fieldViolations.isEmpty {
            info.raw("field_violations", array(error.fieldViolations) { violation in
                var object = JSONObjectWriter()
                object.string("field", violation.field)
                object.string("value", violation.value)
                object.string("description", violation.description)
                return object.finish()
            })
        }
        var body = JSONObjectWriter()
        body.integer("code", Int64(error.code.rawValue))
        body.string("msg", error.msg)
        body.raw("error", info.finish())
        return body.finish()
    }

    static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status,
            headers: [.contentType: contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func array<T>(_ elements: [T], _ render: (T) -> String) -> String {
        "[" + elements.map(render).joined(separator: ",") + "]"
    }
}
