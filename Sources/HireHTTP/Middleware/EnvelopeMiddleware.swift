import FeishuWire
import HireCore
import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: gives every request a log id, answers every error
/// in the envelope, and never lets a fault escape as anything but 1002001. It logs
/// every request (at info level), counts it in the metrics and journals it.
struct EnvelopeMiddleware: RouterMiddleware {
    typealias Context = HireRequestContext

    let clock: HireClock
    /// Every route, to tell 405 from 404.
    let routes: [Endpoint]
    /// Where requests to `/open-apis/` are recorded; `nil` when the journal is off.
    let journal: RequestJournal?
    /// Each route's operation and its metrics.
    let operations: OperationTable

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        var request = request
        let started = ContinuousClock.now
        let arrival = clock.now()
        context.logID = LogID.make(now: arrival)
        context.logger[metadataKey: "log_id"] = .string(context.logID)
        var body: [UInt8]?
        var response: Response
        var code: APICode?
        let journaled = journal != nil && request.uri.path.hasPrefix("/open-apis/")
        // Always made: the code of an answer returned rather than thrown (a refusal of the
        // token endpoints, a rate limit, a fault) is only known from the notes.
        let notes = RequestNotes()
        context.notes = notes
        do {
            if journaled, request.method != .get, request.method != .head {
                body = try await request.bodyBytes()
            }
            response = try await next(request, context)
        } catch let error as APIError {
            if error.code == .systemError { context.logger.error("answered with a system error") }
            code = error.code
            response = WireResponse.error(error, logID: context.logID)
        } catch let error as HTTPError where error.status == .notFound {
            (response, code) = routeNotFound(request, logID: context.logID)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            code = .invalidParameter
            response = WireResponse.error(.bodyTooLarge(limit: HireHTTPLimits.maximumBodySize), logID: context.logID)
        } catch is DroppedByFault {
            context.logger.debug("connection dropped by a fault")
            response = Response(status: .internalServerError)
        } catch {
            context.logger.error(
                "request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            code = .systemError
            response = WireResponse.error(.systemError, logID: context.logID)
        }
        response.headers[WireResponse.logIDField] = context.logID
        let elapsed = ContinuousClock.now - started
        let duration = elapsed.milliseconds
        let noted = notes.current
        let answered = noted.dropped ? OperationMetrics.dropped : code?.rawValue ?? noted.code ?? 0
        let operation = operations.operation(of: request, context: context)
        operation.record(code: answered, nanoseconds: elapsed.nanoseconds)
        // One line per request; the path only: queries and bodies stay out of the logs.
        context.logger.info(
            "request",
            metadata: [
                "operation": .string(operation.name), "method": .string(request.method.rawValue),
                "path": .string(request.uri.path), "status": .stringConvertible(Int(response.status.code)),
                "code": noted.dropped ? "dropped" : .stringConvertible(answered), "duration_ms": .stringConvertible(duration),
            ])
        if let journal, journaled {
            let recorded = body.map {
                JournalEntry.recordedBody($0, redactingSecret: request.uri.path.hasPrefix("/open-apis/auth/"))
            }
            journal.append(JournalEntry(
                node: journal.node, timeMS: arrival, method: request.method.rawValue, path: request.uri.path,
                query: request.uri.query ?? "", operation: noted.operation, appID: noted.appID,
                tenantKey: noted.tenantKey, httpStatus: noted.dropped ? 0 : response.status.code,
                code: noted.dropped ? 0 : answered, logID: context.logID,
                durationMS: duration, body: recorded?.body, bodyTruncated: recorded?.truncated ?? false,
                faultID: noted.faultID))
        }
        return response
    }

    private func routeNotFound(_ request: Request, logID: String) -> (Response, APICode) {
        let path = request.uri.path[...]
        let allowed = routes.filter { $0.matches(path: path) }.map(\.method)
        let error: APIError
        if allowed.isEmpty {
            error = APIError(code: .routeNotFound, msg: "404 page not found: no route \(request.uri.path)", httpStatus: 404)
        } else {
            error = APIError(
                code: .methodNotAllowed,
                msg: "405 method not allowed: \(request.method) \(request.uri.path) accepts "
                    + allowed.joined(separator: ", "),
                httpStatus: 405)
        }
        var response = WireResponse.error(error, logID: logID)
        if !allowed.isEmpty { response.headers[.allow] = allowed.joined(separator: ", ") }
        return (response, error.code)
    }
}

/// Limits of the HTTP layer.
package enum HireHTTPLimits {
    /// Largest request body accepted: 1 MiB.
    package static let maximumBodySize = 1 << 20
}

extension Duration {
    /// Whole and fractional milliseconds, for logs.
    fileprivate var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }

    /// Whole nanoseconds, for the metrics.
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
