import FeishuWire

/// Pieces of a JSON text, cut out unchanged: the `data` member of an answer, the
/// elements of an array. `--json` prints what the server sent, byte for byte, not a
/// re-encoding of the SDK's models.
enum RawJSON {
    /// The value of member `name` of the object `text`, or `nil` if it has none or the text is not an object.
    static func member(_ name: String, of text: some Collection<UInt8>) -> String? {
        (try? JSONParser.rawMembers(ofObject: text))?.first { $0.key == name }?.text
    }

    /// The elements of the array `text`, or `nil` if it is not an array.
    static func elements(of text: String) -> [String]? {
        try? JSONParser.rawElements(ofArray: Array(text.utf8))
    }
}
