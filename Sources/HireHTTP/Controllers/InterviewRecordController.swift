import FeishuWire
import Foundation
import HireCore
import HireStore
import Hummingbird

/// The interview records (面试评价) and the tenant's interview round types.
struct InterviewRecordController {
    let services: HireServices

    func addRoutes(to router: Router<HireRequestContext>) {
        router.add(.getInterviewRecord, services: services, use: get)
        router.add(.listInterviewRecords, services: services, use: list)
        router.add(.listInterviewRoundTypes, services: services, use: roundTypes)
    }

    /// `GET /open-apis/hire/v1/interview_records/:interview_record_id`.
    @Sendable func get(_ request: Request, context: HireRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let view = try principal.identityView(
            userIDType: try request.queryItems.single("user_id_type"), at: .getInterviewRecord)
        let recordID = try context.pathParameter("interview_record_id")
        guard let record = try await services.store.interviewRecords(ids: [recordID], after: nil, limit: 1, in: view).first
        else {
            throw APIError.invalidParameter(
                "interview_record_id", "no interview record \(JSONValue.quoted(recordID)) in the tenant", value: recordID)
        }
        return WireResponse.success(.getInterviewRecord, splicing: InterviewListRenderer.record(record))
    }

    /// `GET /open-apis/hire/v1/interview_records`: the records named by `ids`, all of them or
    /// none; without `ids`, every record of the tenant in ID order, paged.
    @Sendable func list(_ request: Request, context: HireRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let items = request.queryItems
        let view = try principal.identityView(userIDType: try items.single("user_id_type"), at: .listInterviewRecords)
        let query = try InterviewRecordListQuery(items)
        guard query.ids.isEmpty else {
            let records = try await services.store.interviewRecords(ids: query.ids, after: nil, limit: query.ids.count, in: view)
            let found = Set(records.map(\.id))
            let unknown = query.ids.filter { !found.contains($0) }
            guard unknown.isEmpty else {
                throw APIError(
                    code: .invalidParameter,
                    msg: "invalid parameter ids: no interview record " + unknown.map { JSONValue.quoted($0) }
                        .joined(separator: ", ") + " in the tenant",
                    fieldViolations: unknown.map {
                        FieldViolation(field: "ids", value: $0, description: "no such interview record in the tenant")
                    })
            }
            return WireResponse.success(
                .listInterviewRecords, splicing: InterviewListRenderer.page(records, pageToken: nil, hasMore: false))
        }
        let paging = try Paging(query.page, view: view, fingerprint: query.fingerprint(userIDType: view.type), services)
        let page = try await paging.read { after, limit in
            try await services.store.interviewRecords(ids: nil, after: after, limit: limit, in: view)
        }
        return WireResponse.success(
            .listInterviewRecords,
            splicing: InterviewListRenderer.page(page.rows, pageToken: paging.token(after: page.next?.id), hasMore: page.hasMore))
    }

    /// `GET /open-apis/hire/v1/interview_round_types`: the tenant's configuration, not paged.
    @Sendable func roundTypes(_ request: Request, context: HireRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let processType = try ProcessType.parse(request.queryItems)
        let bodies = try await services.store.interviewRoundTypes(tenantKey: principal.tenantKey, processType: nil)
        let decoder = JSONDecoder()
        let roundTypes = try bodies.map { try decoder.decode(InterviewRoundType.self, from: Data($0.utf8)) }
        return WireResponse.success(
            .listInterviewRoundTypes,
            InterviewRoundTypeList(
                activeStatus: InterviewRoundTypeList.activeStatus(of: roundTypes),
                items: roundTypes.filter { processType == nil || $0.processType == processType }))
    }
}

extension InterviewRoundTypeList {
    /// The tenant's `active_status`, whatever `process_type` asked for: in use (1) while one
    /// of its round types is, a type without a status counting as in use; not in use (2)
    /// otherwise, a tenant without round types included.
    static func activeStatus(of roundTypes: [InterviewRoundType]) -> ActiveStatus {
        roundTypes.contains { ($0.activeStatus ?? .active) == .active } ? .active : .inactive
    }
}
