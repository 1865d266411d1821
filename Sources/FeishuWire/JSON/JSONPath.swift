/// Where a value sits in a JSON document, written `$.tenants[0].users[2].user_id`.
package struct JSONPath: Sendable, Hashable, CustomStringConvertible {
    package enum Component: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    package private(set) var components: [Component]

    package init(_ components: [Component] = []) { self.components = components }

    package static let root = JSONPath()

    package func appending(_ key: String) -> JSONPath {
        JSONPath(components + [.key(key)])
    }

    package func appending(index: Int) -> JSONPath {
        JSONPath(components + [.index(index)])
    }

    package static func / (path: JSONPath, key: String) -> JSONPath { path.appending(key) }
    package static func / (path: JSONPath, index: Int) -> JSONPath { path.appending(index: index) }

    package var description: String {
        var text = "$"
        for component in components {
            switch component {
            case .key(let key) where Self.isPlain(key): text += "." + key
            case .key(let key): text += "[" + JSONValue.quoted(key, limit: 80) + "]"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The path without the leading `$.`: how a request parameter is named (`interviewer.verify_status`).
    package var fieldName: String {
        let text = description
        return text.hasPrefix("$.") ? String(text.dropFirst(2)) : String(text.dropFirst())
    }

    private static func isPlain(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_")
        }
    }
}
