import FeishuWire
import Foundation
import HireCore
import HireStore
import Hummingbird

/// The interviews: `get_by_talent`, the tenant's list, and one application's (historic) list.
struct InterviewController {
    let services: HireServices

    func addRoutes(to router: Router<HireRequestContext>) {
        router.add(.interviewsByTalent, services: services, use: byTalent)
        router.add(.listInterviews, services: services, use: list)
        router.add(.listApplicationInterviews, services: services, use: ofApplication)
    }

    /// `GET /open-apis/hire/v1/interviews/get_by_talent`.
    @Sendable func byTalent(_ request: Request, context: HireRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let items = request.queryItems
        let view = try principal.identityView(userIDType: try items.single("user_id_type"), at: .interviewsByTalent)
        let jobLevelIDType = try items.jobLevelIDType()
        let talentID = try items.required("talent_id")
        guard let interviews = try await services.store.talentInterviews(
            talentID: talentID, in: view, jobLevelIDType: jobLevelIDType)
        else {
            throw APIError.invalidParameter(
                "talent_id", "no talent \(JSONValue.quoted(talentID)) in the tenant", value: talentID)
        }
        return WireResponse.success(.interviewsByTalent, splicing: TalentInterviewsRenderer.data(interviews))
    }

    /// `GET /open-apis/hire/v1/interviews`: the tenant's interviews in ID order, filtered, paged.
    @Sendable func list(_ request: Request, context: HireRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let items = request.queryItems
        let view = try principal.identityView(userIDType: try items.single("user_id_type"), at: .listInterviews)
        let query = try InterviewListQuery(items)
        let paging = try Paging(query.page, view: view, fingerprint: query.fingerprint(userIDType: view.type), services)
        let page = try await paging.read { after, limit in
            try await services.store.interviews(
                matching: query.filter, after: after, limit: limit, in: view, jobLevelIDType: query.jobLevelIDType)
        }
        return WireResponse.success(
            .listInterviews,
            splicing: InterviewListRenderer.page(page.rows, pageToken: paging.token(after: page.next?.id), hasMore: page.hasMore))
    }

    /// `GET /open-apis/hire/v1/applications/:application_id/interviews`: the historic model, in ID order.
    @Sendable func ofApplication(_ request: Request, context: HireRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let items = request.queryItems
        let view = try principal.identityView(
            userIDType: try items.single("user_id_type"), at: .listApplicationInterviews)
        let query = try ApplicationInterviewListQuery(items)
        let applicationID = try context.pathParameter("application_id")
        let paging = try Paging(
            query.page, view: view, fingerprint: query.fingerprint(applicationID: applicationID, userIDType: view.type),
            services)
        guard try await services.store.applicationExists(applicationID, tenantKey: view.tenantKey) else {
            throw APIError.invalidParameter(
                "application_id", "no application \(JSONValue.quoted(applicationID)) in the tenant", value: applicationID)
        }
        let page = try await paging.read { after, limit in
            try await services.store.interviews(
                matching: InterviewFilter(applicationID: applicationID), after: after, limit: limit, in: view,
                jobLevelIDType: query.jobLevelIDType)
        }
        // The historic model is a subset of the interview: decoded from the spliced text, so
        // that it is exactly what the full model says, then re-encoded as the subset.
        let full = try JSONDecoder().decode(
            InterviewPage.self,
            from: Data(InterviewListRenderer.page(page.rows, pageToken: nil, hasMore: false).bytes))
        return WireResponse.success(
            .listApplicationInterviews,
            ApplicationInterviewPage(
                items: (full.items ?? []).map(ApplicationInterview.init), pageToken: paging.token(after: page.next?.id),
                hasMore: page.hasMore))
    }
}
