import FeishuWire

/// Writes a ``JSONValue`` indented by two spaces, members in order, for files people read and diff.
enum OpenAPIPrettyWriter {
    static func write(_ value: JSONValue) -> String {
        var text = ""
        write(value, indent: "", into: &text)
        return text
    }

    private static func write(_ value: JSONValue, indent: String, into text: inout String) {
        let inner = indent + "  "
        switch value {
        case .array(let elements) where !elements.isEmpty:
            text += "[\n"
            for (index, element) in elements.enumerated() {
                text += inner
                write(element, indent: inner, into: &text)
                text += index == elements.count - 1 ? "\n" : ",\n"
            }
            text += indent + "]"
        case .object(let object) where !object.members.isEmpty:
            text += "{\n"
            for (index, member) in object.members.enumerated() {
                text += inner
                JSONWriter.writeString(member.key, into: &text)
                text += ": "
                write(member.value, indent: inner, into: &text)
                text += index == object.members.count - 1 ? "\n" : ",\n"
            }
            text += indent + "}"
        default:
            JSONWriter.write(value, into: &text)
        }
    }
}
