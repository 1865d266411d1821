import FeishuWire
import Foundation
import HireCore
import HireHTTP
import HireServerKit
import HireTestSupport
import HTTPTypes
import NIOCore
import Testing

@Suite("HTTP: PATCH /open-apis/hire/v1/interviewers/:interviewer_id")
struct InterviewerPatchTests {
    @Test func theSeedsExampleSetsTheStatus() async throws {
        try await withServer { client, _ in
            let token = try await client.token(DemoData.appID, DemoData.appSecret)
            let reply = try await client.patch(
                DemoData.interviewerOpenID, #"{"interviewer":{"verify_status":1}}"#, token: token, userIDType: "open_id")
            #expect(reply.status == .ok)
            #expect(reply.text == #"{"code":0,"msg":"success","data":{"interviewer":{"user_id":"ou_7dab8a3d3cdcc9da365777c7ad535d62","verify_status":1}}}"#)
            let verified = try await client.patch(DemoData.interviewerOpenID, #"{"interviewer":{"verify_status":2}}"#, token: token)
            #expect(try verified.decode(InterviewerEnvelope.self).interviewer == Interviewer(userID: DemoData.interviewerOpenID, verifyStatus: .verified))
            let listed = try await client.list(token: token)
            #expect(try listed.decode(InterviewerPage.self).items == [Interviewer(userID: DemoData.interviewerOpenID, verifyStatus: .verified)])
        }
    }

    @Test func everyUserIDTypeAddressesTheSameInterviewer() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let union = DerivedID.unionID(tenantKey: Fixtures.acmeTenant, developer: "dev-acme", userID: "dave")
            #expect(try await client.patch(union, #"{"interviewer":{"verify_status":2}}"#, token: token, userIDType: "union_id").code == 0)
            let open = DerivedID.openID(tenantKey: Fixtures.acmeTenant, appID: Fixtures.acmeApp, userID: "dave")
            let read = try await client.patch(open, #"{"interviewer":{}}"#, token: token, userIDType: "open_id")
            #expect(try read.decode(InterviewerEnvelope.self).interviewer?.verifyStatus == .verified)
            let byUserID = try await client.patch("dave", #"{"interviewer":{}}"#, token: token, userIDType: "user_id")
            #expect(try byUserID.decode(InterviewerEnvelope.self).interviewer == Interviewer(userID: "dave", verifyStatus: .verified))
        }
    }

    @Test func aPathParameterIsPercentDecoded() async throws {
        let odd = """
            {"format": "feishu-hire-data/1", "tenants": [{"tenant_key": "acme0000000000001", "users": [{"user_id": "a b/c"}]}]}
            """
        try await withServer(data: [odd]) { client, _ in
            let token = try await client.token()
            let reply = try await client.patch("a%20b%2Fc", #"{"interviewer":{"verify_status":2}}"#, token: token, userIDType: "user_id")
            #expect(reply.code == 0)
            #expect(try reply.decode(InterviewerEnvelope.self).interviewer?.userID == "a b/c")
        }
    }

    @Test(arguments: [
        (#"{"interviewer":{"verify_status":"2"}}"#, "interviewer.verify_status"),
        (#"{"interviewer":{"verify_status":1.5}}"#, "interviewer.verify_status"),
        (#"{"interviewer":{"verify_status":1.0}}"#, "interviewer.verify_status"),
        (#"{"interviewer":{"verify_status":2e0}}"#, "interviewer.verify_status"),
        (#"{"interviewer":{"verify_status":null}}"#, "interviewer.verify_status"),
        (#"{"interviewer":{"verify_status":0}}"#, "interviewer.verify_status"),
        (#"{"interviewer":{"verify_status":3}}"#, "interviewer.verify_status"),
        (#"{"interviewer":{"verify_status":true}}"#, "interviewer.verify_status"),
        (#"{"interviewer":{"verify_status":[2]}}"#, "interviewer.verify_status"),
        (#"{"interviewer":{"verify_status":99999999999999999999}}"#, "interviewer.verify_status"),
        (#"{}"#, "interviewer"),
        (#"{"interviewer":null}"#, "interviewer"),
        (#"{"interviewer":2}"#, "interviewer"),
        (#"[{"interviewer":{"verify_status":2}}]"#, "body"),
        (#""interviewer""#, "body"),
        (#"{"interviewer":{"verify_status":2}"#, "body"),
        (#"{"interviewer":{"verify_status":2},}"#, "body"),
        ("", "body"),
        ("   ", "body"),
    ])
    func badBodiesAnswer1002002NamingTheFieldAndChangeNothing(body: String, field: String) async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let reply = try await client.patch("bob", body, token: token, userIDType: "user_id")
            #expect(reply.status == .badRequest)
            #expect(reply.code == 1_002_002)
            #expect(reply.fieldViolations == [field])
            #expect(reply.msg?.contains(field) == true, "\(reply.msg ?? "")")
            let after = try await client.patch("bob", #"{"interviewer":{}}"#, token: token, userIDType: "user_id")
            #expect(try after.decode(InterviewerEnvelope.self).interviewer?.verifyStatus == .verified)
        }
    }

    @Test func unknownInterviewersAndForeignIDsAnswer1002002() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let other = DerivedID.openID(tenantKey: Fixtures.acmeTenant, appID: Fixtures.acmeOther, userID: "bob")
            let globex = DerivedID.openID(tenantKey: Fixtures.globexTenant, appID: Fixtures.globexApp, userID: "zed")
            for (id, type) in [("nobody", "user_id"), ("zed", "user_id"), (other, "open_id"), (globex, "open_id"), ("bob", "open_id")] {
                let reply = try await client.patch(id, #"{"interviewer":{"verify_status":2}}"#, token: token, userIDType: type)
                #expect(reply.code == 1_002_002 && reply.fieldViolations == ["interviewer_id"], "\(id)")
            }
        }
    }

    @Test(arguments: ["people_admin_id", "openid", "", "OPEN_ID"])
    func userIDTypesThePatchDoesNotTakeAre1002002(type: String) async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let reply = try await client.patch("bob", #"{"interviewer":{"verify_status":2}}"#, token: token, userIDType: type)
            #expect(reply.code == 1_002_002 && reply.fieldViolations == ["user_id_type"])
        }
    }

    @Test func aPatchWithoutVerifyStatusReturnsTheCurrentStatusAndChangesNothing() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let before = try await client.list("user_id_type=user_id", token: token)
            let reply = try await client.patch("carol", #"{"interviewer":{"note":"ignored"},"extra":1}"#, token: token, userIDType: "user_id")
            #expect(reply.text.hasSuffix(#""data":{"interviewer":{"user_id":"carol","verify_status":1}}}"#))
            let never = try await client.patch("dave", #"{"interviewer":{}}"#, token: token, userIDType: "user_id")
            #expect(try never.decode(InterviewerEnvelope.self).interviewer?.verifyStatus == .unverified)
            #expect(try await client.list("user_id_type=user_id", token: token).text == before.text)
        }
    }

    @Test func bodiesOverOneMebibyteAnswer413() async throws {
        try await withServer { client, _ in
            let token = try await client.token()
            let padding = String(repeating: "x", count: HireHTTPLimits.maximumBodySize)
            let reply = try await client.patch(
                "bob", #"{"interviewer":{"verify_status":1},"pad":"\#(padding)"}"#, token: token, userIDType: "user_id")
            #expect(reply.status == .contentTooLarge)
            #expect(reply.code == 1_002_002 && reply.fieldViolations == ["body"])
            let after = try await client.patch("bob", #"{"interviewer":{}}"#, token: token, userIDType: "user_id")
            #expect(try after.decode(InterviewerEnvelope.self).interviewer?.verifyStatus == .verified)
        }
    }
}
