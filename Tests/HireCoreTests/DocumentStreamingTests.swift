import FeishuWire
import HireCore
import Testing

/// A document in memory that records how it is read.
private final class RecordingBytes: DataBytes {
    let bytes: [UInt8]
    private(set) var largestRead = 0
    private(set) var bytesRead = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    func read(at offset: Int, count: Int) -> [UInt8] {
        largestRead = max(largestRead, count)
        let chunk = MemoryBytes(bytes).read(at: offset, count: count)
        bytesRead += chunk.count
        return chunk
    }
}

@Suite("Data files: JSON documents read as they are imported")
struct DocumentStreamingTests {
    func results(_ source: some DataBytes) -> [String] {
        DocumentEntries(source).map { result in
            switch result {
            case .success(let entry): "\(entry.kind.rawValue) \(entry.id) \(entry.location)"
            case .failure(let error): error.problems.map(\.description).joined(separator: "; ")
            }
        }
    }

    @Test func aLargeDocumentIsReadInChunksEachEntryInImportOrder() throws {
        let talents = (0..<3_000).map { #"{"talent_id":"t\#($0)","name":"Talent \#($0)"}"# }.joined(separator: ",\n")
        let longName = String(repeating: "名", count: 40_000)
        let text = #"{"tenants":[{"talents":[\#(talents),{"talent_id":"long","name":"\#(longName)"}],"#
            + #""tenant_key":"t","users":[{"user_id":"u"}]}],"format":"feishu-hire-data/1"}"#
        let source = RecordingBytes(text)
        let results = results(source)
        #expect(results.count == 3_003)
        #expect(results.prefix(3) == ["tenant t $.tenants[0]", "user u $.tenants[0].users[0]", "talent t0 $.tenants[0].talents[0]"])
        #expect(results.last == "talent long $.tenants[0].talents[3000]")
        // Read in chunks, never whole: the outline and the collections, each about once.
        #expect(source.largestRead <= 1 << 16)
        #expect(source.bytes.count > 3 << 16)
        #expect(source.bytesRead < source.bytes.count * 3)
    }

    @Test func aDocumentReadInPiecesGivesWhatTheWholeDocumentGives() throws {
        let text = #"{"format":"feishu-hire-data/1","tenants":[{"tenant_key":"t","interviews":[{"id":"i","application_id":"p"}],"#
            + #""applications":[{"application_id":"p","talent_id":"x"}],"talents":[{"talent_id":"x"}],"name":"T"},"#
            + #"{"name":"U","tenant_key":"u","job_levels":[]}]}"#
        #expect(results(MemoryBytes(Array(text.utf8))) == [
            "tenant t $.tenants[0]", "talent x $.tenants[0].talents[0]", "application p $.tenants[0].applications[0]",
            "interview i $.tenants[0].interviews[0]", "tenant u $.tenants[1]",
        ])
        let entries = try DataFileReader.entries(document: Array(text.utf8))
        guard case .tenant(let tenant) = entries[0].entity else {
            Issue.record("expected the tenant first")
            return
        }
        #expect(tenant.name == "T")
    }

    /// A syntax error is told where it is in the whole document, as parsing it whole would.
    @Test(arguments: [
        "{\"format\":\"feishu-hire-data/1\",\n\"tenants\":[{\"tenant_key\":\"t\",\n\"talents\":[{\"talent_id\":01}]}]}",
        "{\"format\":\"feishu-hire-data/1\",\"tenants\":[{\"tenant_key\":\"t\",\"talents\":[{\"talent_id\":\"x\"} {}]}]}",
        "{\"format\":\"feishu-hire-data/1\",\"tenants\":[{\"tenant_key\" \"t\"}]}",
        "{\"format\":\"feishu-hire-data/1\",\"format\":\"x\",\"tenants\":[]}",
        "{\"format\":\"feishu-hire-data/1\",\"tenants\":[]} []",
        "{\"format\":\"feishu-hire-data/1\",\"tenants\":[{\"tenant_key\":\"t\",\"talents\":[{\"talent_id\":\"x\\q\"}]}]}",
        "{\"format\":\"feishu-hire-data/1\",\"tenants\":[{\"tenant_key\":\"t\",\n  \"talents\":[{\"name\":\"é\",\"talent_id\":\"x\nmore\"}]}]}",
        "{\"format\":\"feishu-hire-data/1\",\"tenants\":[{\"tenant_key\":\"t\",\"talents\":[{\"talent_id\":\"unterminated}]}]}",
        "{\"format\":\"feishu-hire-data/1\",\"tenants\":[{\"tenant_key\":tru}]}",
    ])
    func syntaxErrorsAreLocatedInTheWholeDocument(text: String) throws {
        var expected = ""
        do {
            _ = try JSONParser.parse(Array(text.utf8))
            Issue.record("the document should not parse")
        } catch {
            expected = "$: is not valid JSON: \(error)"
        }
        let results = results(MemoryBytes(Array(text.utf8)))
        #expect(results.last == expected)
        #expect(results.dropLast().allSatisfy { $0.hasPrefix("tenant ") })
    }

    @Test func problemsAfterTheOutlineAreNamedAndReadingGoesOn() {
        let text = #"{"format":"feishu-hire-data/1","extra":1,"tenants":[5,{"tenant_key":"t","users":{},"talents":[{"talent_id":2},{"talent_id":"y"}]}]}"#
        #expect(results(MemoryBytes(Array(text.utf8))) == [
            "$.extra: is not a member of a data file",
            "$.tenants[0]: must be an object, got the integer 5",
            "tenant t $.tenants[1]",
            "$.tenants[1].users: must be an array, got an object",
            "$.tenants[1].talents[0].talent_id: must be a string, got the integer 2",
            "talent y $.tenants[1].talents[1]",
        ])
    }
}
