import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Synchronization

/// A server that answers with fixed bodies and records what it was sent: for
/// answers a real hire-server never gives (HTML from a proxy, unknown fields,
/// wrong types) and for looking at requests on the wire. The token endpoint works.
final class StubServer: Sendable {
    let baseURL: URL
    private let task: Task<Void, any Error>
    private let recorder: Recorder

    private init(baseURL: URL, task: Task<Void, any Error>, recorder: Recorder) {
        self.baseURL = baseURL
        self.task = task
        self.recorder = recorder
    }

    /// A canned answer.
    struct Answer: Sendable {
        var status: Int
        var contentType: String
        var body: String
    }

    /// A request as the server received it.
    struct SeenRequest: Sendable {
        var method: String
        /// Path and query, as sent.
        var uri: String
        /// Header values by lower-case name.
        var headers: [String: String]
        var body: String
    }

    /// Requests to resource endpoints, oldest first (token requests are not kept: they hold the secret).
    var requests: [SeenRequest] { recorder.seen.withLock { $0 } }

    private final class Recorder: Sendable {
        let seen = Mutex<[SeenRequest]>([])

        @discardableResult
        func record(_ request: Request) async throws -> SeenRequest {
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let body = try await request.body.collect(upTo: 1 << 20)
            let entry = SeenRequest(
                method: request.method.rawValue, uri: request.uri.description, headers: headers,
                body: String(buffer: body))
            seen.withLock { $0.append(entry) }
            return entry
        }
    }

    /// Starts a server; `get_by_talent` answers `answers[talent_id]`, PATCH of an interviewer answers `patch`,
    /// and a GET of a route of `gets` (a path with `:name` parameters) what its function makes of the request.
    static func start(
        answers: [String: Answer] = [:], patch: Answer? = nil, gets: [String: @Sendable (SeenRequest) -> Answer] = [:]
    ) async throws -> StubServer {
        let recorder = Recorder()
        let router = Router()
        router.post("/open-apis/auth/v3/tenant_access_token/internal") { _, _ in
            response(Answer(
                status: 200, contentType: "application/json",
                body: #"{"code":0,"msg":"ok","tenant_access_token":"t-stub","expire":7200}"#))
        }
        router.get("/open-apis/hire/v1/interviews/get_by_talent") { request, _ in
            try await recorder.record(request)
            let talent = request.uri.queryParameters.get("talent_id") ?? ""
            return response(answers[talent] ?? Answer(status: 404, contentType: "text/plain", body: "no answer"))
        }
        router.patch("/open-apis/hire/v1/interviewers/:interviewer_id") { request, _ in
            try await recorder.record(request)
            return response(patch ?? Answer(status: 404, contentType: "text/plain", body: "no answer"))
        }
        for (path, answer) in gets {
            router.get(RouterPath(path)) { request, _ in
                let seen = try await recorder.record(request)
                return response(answer(seen))
            }
        }
        var logger = Logger(label: "stub-server")
        logger.logLevel = .critical
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let task = Task { try await app.run() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            task.cancel()
            throw CancellationError()
        }
        return StubServer(baseURL: URL(string: "http://127.0.0.1:\(port)")!, task: task, recorder: recorder)
    }

    /// A JSON answer: `{"code":0,"msg":"success","data":<data>}`.
    static func success(_ data: String) -> Answer {
        Answer(status: 200, contentType: "application/json", body: #"{"code":0,"msg":"success","data":"# + data + "}")
    }

    func stop() async {
        task.cancel()
        _ = await task.result
    }

    private static func response(_ answer: Answer) -> Response {
        Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: [.contentType: answer.contentType, HTTPField.Name("X-Tt-Logid")!: "20250227144359STUB"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
