import FeishuWire
import HireCore
import HireStore
import Hummingbird

/// `GET /open-apis/hire/v1/interviews/get_by_talent`.
struct InterviewController {
    let services: HireServices

    func addRoutes(to router: Router<HireRequestContext>) {
        router.add(.interviewsByTalent, services: services, use: byTalent)
    }

    @Sendable func byTalent(_ request: Request, context: HireRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let items = request.queryItems
        let view = try principal.identityView(userIDType: try items.single("user_id_type"), at: .interviewsByTalent)
        let jobLevelIDType = try Self.jobLevelIDType(try items.single("job_level_id_type"))
        let talentID = try items.required("talent_id")
        guard let interviews = try await services.store.talentInterviews(
            talentID: talentID, in: view, jobLevelIDType: jobLevelIDType)
        else {
            throw APIError.invalidParameter(
                "talent_id", "no talent \(JSONValue.quoted(talentID)) in the tenant", value: talentID)
        }
        return WireResponse.success(.interviewsByTalent, splicing: TalentInterviewsRenderer.data(interviews))
    }

    private static func jobLevelIDType(_ raw: String?) throws(APIError) -> JobLevelIDType {
        guard let raw else { return .default }
        guard let type = JobLevelIDType(rawValue: raw) else {
            throw .invalidParameter(
                "job_level_id_type",
                "must be one of " + JobLevelIDType.allCases.map(\.rawValue).joined(separator: ", "), value: raw)
        }
        return type
    }
}
