import FeishuWire
import HireCore
import Testing

@Suite("Data files: reading, validation and writing")
struct DataFileTests {
    func problems(_ text: String) -> [String] {
        do {
            _ = try DataFileReader.entries(document: Array(text.utf8))
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    func wrap(_ tenant: String) -> String {
        #"{"format":"feishu-hire-data/1","tenants":[{"tenant_key":"t",\#(tenant)}]}"#
    }

    @Test func documentsYieldEntriesEachAfterWhatItRefersTo() throws {
        let text = wrap(#""interviewers":[{"user_id":"u","verify_status":2}],"users":[{"user_id":"u"}],"apps":[{"app_id":"a","app_secret":"s"}]"#)
        let entries = try DataFileReader.entries(document: Array(text.utf8))
        #expect(entries.map(\.kind) == [.tenant, .app, .user, .interviewer])
        guard case .app(let app) = entries[1].entity else { return }
        #expect(app.developer == "t")
        #expect(app.secretSHA256 == SecretDigest.hex(of: "s"))
        #expect(entries[3].location.description == "$.tenants[0].interviewers[0]")
    }

    @Test(arguments: [
        (#"{"tenants":[]}"#, "$.format: is required: \"feishu-hire-data/1\""),
        (#"{"format":"feishu-hire-data/2","tenants":[]}"#, #"$.format: must be "feishu-hire-data/1", got the string "feishu-hire-data/2""#),
        (#"{"format":"feishu-hire-data/1"}"#, "$.tenants: is required: an array of tenants"),
        ("[]", "$: must be an object, got an array"),
        ("{", "$: is not valid JSON: line 1, column 2: expected a member name in double quotes"),
    ])
    func malformedDocumentsNameTheProblem(text: String, problem: String) {
        #expect(problems(text) == [problem])
    }

    @Test func everyTypeProblemIsNamedByItsPath() {
        let text = wrap(#"""
            "apps":[{"app_id":"a"},{"app_id":"b","app_secret":"s","app_secret_sha256":"00"}],
            "users":[{"user_id":""},{"user_id":"u","nickname":"x","open_ids":{"a":5}}],
            "interviewers":[{"user_id":"u","verify_status":3}],
            "interviews":[{"id":"i","application_id":"p","round":1.5,"stage":{"id":7},
              "interview_record_list":[{"id":"r","user_id":"x","interviewer":"u"}]}]
            """#)
        #expect(problems(text) == [
            "$.tenants[0].apps[0].app_secret: is required (or app_secret_sha256), and must not be empty",
            "$.tenants[0].apps[1]: give app_secret or app_secret_sha256, not both",
            "$.tenants[0].users[0].user_id: must not be empty",
            "$.tenants[0].users[1].open_ids.a: must be a non-empty string, got the integer 5",
            "$.tenants[0].users[1].nickname: is not a member of this object",
            "$.tenants[0].interviews[0].round: must be an integer, got the number 1.5",
            "$.tenants[0].interviews[0].interview_record_list[0].user_id: is not given in data files: it is the interviewer's ID",
            #"$.tenants[0].interviews[0].interview_record_list[0].interviewer: must be a user reference {"user_id": "..."}, got the string "u""#,
            "$.tenants[0].interviews[0].stage.id: must be a string, got the integer 7",
            "$.tenants[0].interviewers[0].verify_status: must be 1 (not verified) or 2 (verified)",
        ])
    }

    @Test func interviewsAreSplitIntoMembersAndReferencesInCanonicalOrder() throws {
        let text = wrap(#"""
            "interviews":[{"remark":"r","creator":{"user_id":"c"},"id":"i","application_id":"p",
            "interview_record_list":[{"interviewer":{"user_id":"v"},"max_job_level_id":"l","id":"r1","content":"x"}]}]
            """#)
        let entries = try DataFileReader.entries(document: Array(text.utf8))
        guard case .interview(let interview) = entries[1].entity else {
            Issue.record("expected an interview")
            return
        }
        #expect(interview.body == #"{"id":"i","application_id":"p","remark":"r"}"#)
        #expect(interview.creatorUserID == "c")
        #expect(interview.records.first?.body == #"{"id":"r1","content":"x"}"#)
        #expect(interview.records.first?.interviewerUserID == "v")
        #expect(interview.records.first?.maxJobLevelID == "l")
        #expect(JSONWriter.write(interview.documentValue)
            == #"{"id":"i","interview_record_list":[{"id":"r1","content":"x","max_job_level_id":"l","interviewer":{"user_id":"v"}}],"application_id":"p","creator":{"user_id":"c"},"remark":"r"}"#)
    }

    @Test func roundTypesAreReadInCanonicalFormFromDocumentsAndLines() throws {
        let text = wrap(#""interview_round_types":[{"process_type":2,"id":"r1","name":{"en_us":"One"}},{"id":"r2"}]"#)
        let entries = try DataFileReader.entries(document: Array(text.utf8))
        #expect(entries.map(\.kind) == [.tenant, .interviewRoundType, .interviewRoundType])
        #expect(entries[1].entity == .interviewRoundType(InterviewRoundTypeEntity(
            id: "r1", processType: .campus, body: #"{"id":"r1","name":{"en_us":"One"},"process_type":2}"#)))
        #expect(entries[2].entity == .interviewRoundType(InterviewRoundTypeEntity(id: "r2", processType: nil, body: #"{"id":"r2"}"#)))
        #expect(entries[2].location.description == "$.tenants[0].interview_round_types[1]")
        let line = try #require(try DataFileReader.entry(
            line: Array(#"{"tenant_key":"t","interview_round_type":{"id":"r1","process_type":2,"name":{"en_us":"One"}}}"#.utf8),
            number: 2))
        #expect(line.entity == entries[1].entity && line.tenantKey == "t")
        #expect(problems(wrap(#""interview_round_types":[{"id":"r","active_status":3,"extra":1}]"#)) == [
            "$.tenants[0].interview_round_types[0].extra: is not a member of this object",
        ])
        #expect(problems(wrap(#""interview_round_types":[{"id":"","active_status":3}]"#)) == [
            "$.tenants[0].interview_round_types[0].id: must not be empty",
        ])
        #expect(problems(wrap(#""interview_round_types":{"id":"r"}"#)) == [
            "$.tenants[0].interview_round_types: must be an array, got an object",
        ])
    }

    @Test func jsonLinesNameTheLine() throws {
        let lines = [
            #"{"format":"feishu-hire-data/1"}"#, "", #"{"tenant":{"tenant_key":"t"}}"#,
            #"{"tenant_key":"t","talent":{"talent_id":"x"}}"#, #"{"tenant_key":"t","talent":{"talent_id":1}}"#,
            #"{"talent":{"talent_id":"y"}}"#, #"{"tenant_key":"t","robot":{}}"#, "not json",
        ]
        var results: [String] = []
        for result in DataFileReader.entries(lines: lines.map { Array($0.utf8) }) {
            switch result {
            case .success(let entry): results.append("\(entry.kind.rawValue) \(entry.id)")
            case .failure(let error): results += error.problems.map(\.description)
            }
        }
        #expect(results == [
            "tenant t", "talent x",
            "line 5 $.talent.talent_id: must be a string, got the integer 1",
            "line 6 $.tenant_key: is required on every line but the header and tenant lines",
            #"line 7 $: must hold "tenant_key" and one of "app", "user", "job_level", "talent", "application", "interview", "interviewer", "interview_round_type""#,
            "line 8 $: is not valid JSON: line 1, column 1: unexpected character 'n', expected a value",
        ])
        var missingHeader = DataFileReader.entries(lines: [Array(#"{"tenant":{"tenant_key":"t"}}"#.utf8)]).makeIterator()
        guard case .failure(let error) = missingHeader.next() else {
            Issue.record("expected the header to be required")
            return
        }
        #expect(error.problems.first?.description == #"line 1 $.format: is required: "feishu-hire-data/1""#)
    }

    @Test func writersProduceDocumentsAndLinesThatReadBack() throws {
        let text = wrap(#""apps":[{"app_id":"a","app_secret":"s","scopes":["hire:interviewer"]}],"users":[{"user_id":"u","open_ids":{"a":"ou_1"}}],"interview_round_types":[{"id":"r","process_type":1}],"talents":[{"talent_id":"x","name":"X"}]"#)
        let entries = try DataFileReader.entries(document: Array(text.utf8))
        for format in DataFileWriter.Format.allCases {
            var output = ""
            var writer = DataFileWriter(format: format) { output += $0 }
            for entry in entries { try writer.write(entry) }
            try writer.finish()
            let reread: [DataFileEntry]
            switch format {
            case .document:
                reread = try DataFileReader.entries(document: Array(output.utf8))
            case .jsonLines:
                reread = try DataFileReader.entries(lines: output.split(separator: "\n").map { Array($0.utf8) }).map { try $0.get() }
            }
            #expect(reread.map(\.entity) == entries.map(\.entity), "\(format)")
            #expect(!output.contains("\"s\""))
        }
        var empty = ""
        var writer = DataFileWriter(format: .document) { empty += $0 }
        try writer.finish()
        #expect(try DataFileReader.entries(document: Array(empty.utf8)).isEmpty)
    }
}
