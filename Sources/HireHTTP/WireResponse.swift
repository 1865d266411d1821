import FeishuWire
import HTTPTypes
import HireCore
import Hummingbird
import NIOCore

/// Responses in the platform's envelope, encoded from the FeishuWire types the SDK decodes.
enum WireResponse {
    static let contentType = "application/json; charset=utf-8"

    /// The `X-Tt-Logid` header.
    static let logIDField = HTTPField.Name(WireHeader.logID)!

    /// `{"code":0,"msg":…,"data":<data>}`.
    static func success<Payload: Codable & Sendable>(_ endpoint: Endpoint, _ data: Payload) -> Response {
        success(data, msg: endpoint.successMessage)
    }

    /// `{"code":0,"msg":<msg>,"data":<data>}`.
    static func success<Payload: Codable & Sendable>(_ data: Payload, msg: String) -> Response {
        encoded(ResponseEnvelope(code: .success, msg: msg, data: data), status: .ok)
    }

    /// The same envelope around `data` already rendered as JSON text (the stored bodies
    /// of `get_by_talent`); `RenderedInterviewContractTests` proves it decodes as the models.
    static func success(_ endpoint: Endpoint, splicing data: JSONBytes) -> Response {
        var head = JSONBytes()
        head.append(#"{"code":0,"msg":"#)
        head.appendQuoted(endpoint.successMessage)
        head.append(#","data":"#)
        var body = ByteBuffer()
        body.reserveCapacity(head.bytes.count + data.bytes.count + 1)
        body.writeBytes(head.bytes)
        body.writeBytes(data.bytes)
        body.writeStaticString("}")
        return json(body, status: .ok)
    }

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

    /// The error envelope's JSON.
    static func errorBody(_ error: APIError, logID: String) -> ByteBuffer {
        let info = ErrorInfo(
            logID: logID,
            permissionViolations: error.permissionViolations.isEmpty ? nil : error.permissionViolations,
            fieldViolations: error.fieldViolations.isEmpty ? nil : error.fieldViolations)
        return encode(ResponseEnvelope<EmptyData>(code: error.code, msg: error.msg, error: info))
    }

    /// `value` as the whole JSON body.
    static func encoded(_ value: some Encodable, status: HTTPResponse.Status) -> Response {
        json(encode(value), status: status)
    }

    /// JSON text written elsewhere (the admin API's exports).
    static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        json(ByteBuffer(string: text), status: status)
    }

    static func json(_ body: ByteBuffer, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: contentType], body: ResponseBody(byteBuffer: body))
    }

    /// The wire types hold strings, numbers and optionals only: encoding cannot fail.
    /// Should it ever, the client gets a 1002001 rather than a broken body.
    private static func encode(_ value: some Encodable) -> ByteBuffer {
        guard let json = try? JSONValueEncoder.encode(value) else { return systemErrorBody }
        return ByteBuffer(bytes: JSONWriter.bytes(json))
    }

    private static let systemErrorBody = ByteBuffer(
        string: #"{"code":1002001,"msg":"system error, please retry later or report the log id"}"#)
}
