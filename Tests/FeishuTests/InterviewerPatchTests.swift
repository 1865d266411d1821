import Foundation
import HireServerKit
import HireTestSupport
import Testing

@testable import Feishu

@Suite("hire.v1.interviewer.patch")
struct InterviewerPatchTests {
    @Test("sets the status, as the seeds' example does, and the listing shows it")
    func patchVerifyStatus() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                let verified = try await client.hire.v1.interviewer.patch(
                    interviewerID: DemoData.interviewerOpenID, verifyStatus: .verified, userIDType: .openID)
                #expect(verified == Interviewer(userID: DemoData.interviewerOpenID, verifyStatus: .verified))

                let listed = try await client.hire.v1.interviewer.listPage(userIDs: [DemoData.interviewerOpenID])
                #expect(listed.items == [Interviewer(userID: DemoData.interviewerOpenID, verifyStatus: .verified)])

                let unverified = try await client.hire.v1.interviewer.patch(
                    interviewerID: DemoData.interviewerOpenID, verifyStatus: .unverified)
                #expect(unverified.verifyStatus == .unverified)
                #expect(server.requests(to: Path.interviewer(DemoData.interviewerOpenID)) == 2)
            }
        }
    }

    @Test("user_id_type selects the ID type of the path and the answer")
    func patchWithUserIDType() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                let interviewer = try await client.hire.v1.interviewer.patch(
                    interviewerID: "u_wangyuyan", verifyStatus: .verified, userIDType: .userID)
                #expect(interviewer.userID == "u_wangyuyan")
                let asOpenID = try await client.hire.v1.interviewer.listPage(verifyStatus: .verified)
                #expect(asOpenID.items?.map(\.userID) == [DemoData.interviewerOpenID])
            }
        }
    }

    @Test("the path parameter is percent-encoded: the server sees the ID as given")
    func pathParameterIsEncoded() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                let id = "no such/user ?#%"
                let error = await feishuError {
                    try await client.hire.v1.interviewer.patch(interviewerID: id, verifyStatus: .verified)
                }
                #expect(error?.kind == .api)
                #expect(error?.code == .invalidParameter)
                #expect(error?.httpStatus == 400)
                #expect(error?.fieldViolations.first?.field == "interviewer_id")
                #expect(error?.fieldViolations.first?.value == id)
                #expect(error?.logID?.isEmpty == false)
                #expect(error?.endpoint == "hire.v1.interviewer.patch")
            }
        }
    }

    @Test("an empty interviewer ID is refused before anything is sent")
    func emptyInterviewerID() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                let error = await feishuError {
                    try await client.hire.v1.interviewer.patch(interviewerID: "", verifyStatus: .verified)
                }
                #expect(error?.kind == .invalidRequest)
            }
        }
    }

    @Test("a status the platform does not know is sent as it is and refused by the platform")
    func unknownStatusIsRefusedByServer() async throws {
        try await withServer { server in
            try await withClient(server) { client in
                let error = await feishuError {
                    try await client.hire.v1.interviewer.patch(
                        interviewerID: DemoData.interviewerOpenID, verifyStatus: VerifyStatus(rawValue: 3))
                }
                #expect(error?.code == .invalidParameter)
                #expect(error?.fieldViolations.first?.field == "interviewer.verify_status")
                #expect(error?.fieldViolations.first?.value == "3")
            }
        }
    }
}
