import FeishuWire
import HireCore
import Testing

@Suite("JSON parsing and writing")
struct JSONTests {
    @Test func valuesKeepOrderAndIntegerness() throws {
        let value = try JSONParser.parse(#" {"b": 1, "a": [1.0, -2, 3e2, "x\u00e9\n", true, null], "c": {}} "#)
        let object = try #require(value.objectValue)
        #expect(object.keys == ["b", "a", "c"])
        #expect(object["b"]?.integerValue == 1)
        let array = try #require(object["a"]?.arrayValue)
        #expect(array[0].integerValue == nil)
        #expect(array[1].integerValue == -2)
        #expect(array[2].integerValue == nil)
        #expect(array[3].stringValue == "xé\n")
        #expect(JSONWriter.write(value) == #"{"b":1,"a":[1.0,-2,3e2,"xé\n",true,null],"c":{}}"#)
    }

    @Test func surrogatePairsAndEscapesRoundTrip() throws {
        let value = try JSONParser.parse(#""\ud83d\ude00 \"q\" \\ \/ \t \u0001""#)
        #expect(value.stringValue == "😀 \"q\" \\ / \t \u{01}")
        #expect(JSONWriter.write(value) == #""😀 \"q\" \\ / \t \u0001""#)
    }

    @Test(arguments: [
        ("", "line 1, column 1: unexpected end of input, expected a value"),
        ("{", "line 1, column 2: expected a member name in double quotes"),
        ("{\"a\":1,}", "line 1, column 8: expected a member name in double quotes"),
        ("[1,]", "line 1, column 4: unexpected character ']', expected a value"),
        ("{\"a\":1,\"a\":2}", "line 1, column 8: duplicate member name \"a\""),
        ("01", "line 1, column 2: leading zeros are not allowed in a number"),
        ("1.", "line 1, column 3: expected digits after '.' in a number"),
        ("\"\t\"", "line 1, column 2: control character 0x9 in a string must be escaped"),
        ("\"\\ud800\"", "line 1, column 8: unpaired surrogate in \\u escape"),
        ("[1]\n x", "line 2, column 2: unexpected text after the JSON value"),
        ("nul", "line 1, column 1: unexpected character 'n', expected a value"),
        ("{'a':1}", "line 1, column 2: expected a member name in double quotes"),
    ])
    func malformedTextIsRefusedWithItsPosition(text: String, message: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(text) }
        do {
            _ = try JSONParser.parse(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func deepNestingIsRefusedNotCrashedOn() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let fine = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(fine) }
    }

    @Test func pathsNameMembersAndIndexes() {
        let path = JSONPath.root / "tenants" / 0 / "users" / 2 / "a b"
        #expect(path.description == #"$.tenants[0].users[2]["a b"]"#)
        #expect((JSONPath.root / "interviewer" / "verify_status").fieldName == "interviewer.verify_status")
    }
}
