import Foundation
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

@Suite("hire.v1.interviewer.list")
struct InterviewerListTests {
    @Test("the sequence walks every page: 25 interviewers, 10 a page, 3 requests")
    func pagesAcrossSeveralPages() async throws {
        try await withServer(data: [Fixtures.interviewers(count: 25)]) { server in
            try await withClient(server) { client in
                var users: [String] = []
                for try await interviewer in client.hire.v1.interviewer.list(pageSize: 10, userIDType: .userID) {
                    users.append(interviewer.userID ?? "?")
                }
                #expect(users == (1...25).map { String(format: "u_p%02d", $0) })
                #expect(server.requests(to: Path.interviewers) == 3)

                var pages: [Int] = []
                for try await page in client.hire.v1.interviewer.list(pageSize: 10).pages {
                    pages.append(page.data?.items?.count ?? 0)
                    #expect(page.logID?.isEmpty == false)
                }
                #expect(pages == [10, 10, 5])
            }
        }
    }

    @Test("listPage hands out the token of the next page and has_more")
    func singlePages() async throws {
        try await withServer(data: [Fixtures.interviewers(count: 12)]) { server in
            try await withClient(server) { client in
                let first = try await client.hire.v1.interviewer.listPage(pageSize: 5, userIDType: .userID)
                #expect(first.items?.map(\.userID) == ["u_p01", "u_p02", "u_p03", "u_p04", "u_p05"])
                #expect(first.hasMore == true)
                let token = try #require(first.pageToken)
                let second = try await client.hire.v1.interviewer.listPage(
                    pageSize: 5, pageToken: token, userIDType: .userID)
                #expect(second.items?.first?.userID == "u_p06")
                let third = try await client.hire.v1.interviewer.listPage(
                    pageSize: 5, pageToken: second.pageToken, userIDType: .userID)
                #expect(third.items?.map(\.userID) == ["u_p11", "u_p12"])
                #expect(third.hasMore == false)
            }
        }
    }

    @Test("the default page size is the platform's: 10")
    func defaultPageSize() async throws {
        try await withServer(data: [Fixtures.interviewers(count: 12)]) { server in
            try await withClient(server) { client in
                let page = try await client.hire.v1.interviewer.listPage()
                #expect(page.items?.count == 10)
                #expect(page.hasMore == true)
            }
        }
    }

    @Test("filters: verify_status, repeated user_ids, update-time bounds")
    func filters() async throws {
        try await withServer(data: [Fixtures.interviewers(count: 10)]) { server in
            try await withClient(server) { client in
                let interviewers = client.hire.v1.interviewer
                let verified = try await interviewers.listPage(pageSize: 100, verifyStatus: .verified, userIDType: .userID)
                #expect(verified.items?.map(\.userID) == ["u_p01", "u_p03", "u_p05", "u_p07", "u_p09"])
                #expect(verified.items?.allSatisfy { $0.verifyStatus == .verified } == true)

                let chosen = try await interviewers.listPage(userIDs: ["u_p02", "u_p07"], userIDType: .userID)
                #expect(chosen.items?.map(\.userID) == ["u_p02", "u_p07"])

                let earliest = Date(feishuMilliseconds: Fixtures.firstUpdate + 3000)
                let latest = Date(feishuMilliseconds: Fixtures.firstUpdate + 5000)
                let window = try await interviewers.listPage(
                    earliestUpdateTime: earliest, latestUpdateTime: latest, userIDType: .userID)
                #expect(window.items?.map(\.userID) == ["u_p04", "u_p05", "u_p06"])

                let combined = try await interviewers.listPage(
                    verifyStatus: .unverified, earliestUpdateTime: earliest, userIDType: .userID)
                #expect(combined.items?.map(\.userID) == ["u_p04", "u_p06", "u_p08", "u_p10"])
            }
        }
    }

    @Test("the IDs come in the requested type")
    func userIDTypes() async throws {
        try await withServer(data: [Fixtures.interviewers(count: 1)]) { server in
            try await withClient(server) { client in
                let asUserID = try await client.hire.v1.interviewer.listPage(userIDType: .userID)
                let asOpenID = try await client.hire.v1.interviewer.listPage(userIDType: .openID)
                let asUnionID = try await client.hire.v1.interviewer.listPage(userIDType: .unionID)
                #expect(asUserID.items?.first?.userID == "u_p01")
                #expect(asOpenID.items?.first?.userID?.hasPrefix("ou_") == true)
                #expect(asUnionID.items?.first?.userID?.hasPrefix("on_") == true)
                let byOpenID = try await client.hire.v1.interviewer.listPage(
                    userIDs: [try #require(asOpenID.items?.first?.userID)])
                #expect(byOpenID.items?.count == 1)
            }
        }
    }

    @Test("a page size out of range is the platform's parameter error, with the field")
    func invalidPageSize() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                let error = await feishuError { _ = try await client.hire.v1.interviewer.listPage(pageSize: 500) }
                #expect(error?.code == .invalidParameter)
                #expect(error?.fieldViolations.first?.field == "page_size")
            }
        }
    }

    @Test("an empty listing is one request and no items")
    func emptyListing() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                var count = 0
                for try await _ in client.hire.v1.interviewer.list(verifyStatus: .verified) { count += 1 }
                #expect(count == 0)
                #expect(server.requests(to: Path.interviewers) == 1)
            }
        }
    }
}
