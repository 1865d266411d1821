import FeishuWire
import HireCore
import HireStore
import Hummingbird

/// `PATCH /open-apis/hire/v1/interviewers/:interviewer_id` and `GET /open-apis/hire/v1/interviewers`.
struct InterviewerController {
    let services: HireServices

    func addRoutes(to router: Router<HireRequestContext>) {
        router.add(.patchInterviewer, services: services, use: patch)
        router.add(.listInterviewers, services: services, use: list)
    }

    @Sendable func patch(_ request: Request, context: HireRequestContext) async throws -> Response {
        var request = request
        let principal = try context.requirePrincipal()
        let view = try principal.identityView(
            userIDType: try request.queryItems.single("user_id_type"), at: .patchInterviewer)
        let interviewerID = try context.pathParameter("interviewer_id")
        let patch = try InterviewerPatch(body: try await request.bodyBytes())
        guard let status = try await services.store.patchInterviewer(
            externalID: interviewerID, in: view, verifyStatus: patch.verifyStatus, now: services.clock.now())
        else {
            throw APIError.invalidParameter(
                "interviewer_id", "no user \(JSONValue.quoted(interviewerID)) with this \(view.type.rawValue) in the tenant",
                value: interviewerID)
        }
        return WireResponse.success(
            .patchInterviewer, InterviewerEnvelope(interviewer: Interviewer(userID: interviewerID, verifyStatus: status)))
    }

    @Sendable func list(_ request: Request, context: HireRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let items = request.queryItems
        let view = try principal.identityView(userIDType: try items.single("user_id_type"), at: .listInterviewers)
        let query = try InterviewerListQuery(items)
        let fingerprint = query.filterFingerprint(userIDType: view.type)
        let now = services.clock.now()
        let cursor = try services.pageTokens.cursor(
            query.pageToken, as: InterviewerCursor.self, tenantKey: view.tenantKey, fingerprint: fingerprint, nowMS: now)
        let page = try await services.store.listInterviewers(in: view, query: query, after: cursor)

        let nextPageToken = services.pageTokens.token(
            after: page.nextCursor, tenantKey: view.tenantKey, fingerprint: fingerprint, nowMS: now)
        return WireResponse.success(
            .listInterviewers,
            InterviewerPage(
                items: page.rows.map { Interviewer(userID: $0.externalID, verifyStatus: $0.verifyStatus) },
                pageToken: nextPageToken, hasMore: page.hasMore))
    }
}
