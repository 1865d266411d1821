/// Encodes a wire type to a ``JSONValue``, keeping the order its `encode(to:)` gives
/// the members (the order of its `CodingKeys`), so answers read as the platform's
/// documents show them (`code`, `msg`, `data`), and ``JSONWriter`` writes them.
package enum JSONValueEncoder {
    /// The JSON of `value`.
    package static func encode(_ value: some Encodable) throws -> JSONValue {
        let encoder = ValueEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.storage.value
    }

    /// What a container wrote, shared by the encoder and its containers. Members and items
    /// are added in place: an answer's encoding allocates its storages and nothing per member.
    fileprivate final class Storage {
        enum Slot {
            case empty
            case value(JSONValue)
            case object
            case array
        }

        var slot = Slot.empty
        /// An object's members, in the order written; only read while `slot` is `.object`.
        var members: [(key: String, storage: Storage)] = []
        /// An array's items; only read while `slot` is `.array`.
        var items: [Storage] = []

        var value: JSONValue {
            switch slot {
            case .empty: .object(JSONObject())
            case .value(let value): value
            case .object: .object(JSONObject(members.map { JSONObject.Member($0.key, $0.storage.value) }))
            case .array: .array(items.map(\.value))
            }
        }

        /// Makes this an object (keeping its members if it is one already).
        func becomeObject() {
            if case .object = slot { return }
            slot = .object
            members = []
        }

        /// Makes this an array (keeping its items if it is one already).
        func becomeArray() {
            if case .array = slot { return }
            slot = .array
            items = []
        }

        func child(forKey key: String) -> Storage {
            let child = Storage()
            if case .object = slot {
                // A key written again replaces the earlier value, as JSONEncoder's does.
                members.removeAll { $0.key == key }
            } else {
                becomeObject()
            }
            members.append((key, child))
            return child
        }

        func appended() -> Storage {
            let child = Storage()
            becomeArray()
            items.append(child)
            return child
        }

        func set(_ value: JSONValue) { slot = .value(value) }

        /// - Parameter codingPath: made only when an error or a nested encoder needs it.
        func encode(_ value: some Encodable, codingPath: @autoclosure () -> [any CodingKey]) throws {
            switch value {
            case let string as String: set(.string(string))
            case let bool as Bool: set(.bool(bool))
            case let int as Int: set(.number(JSONNumber(int)))
            case let int as Int64: set(.number(JSONNumber(int)))
            case let int as Int32: set(.number(JSONNumber(Int64(int))))
            case let double as Double: try set(Self.number(double, codingPath: codingPath()))
            default: try value.encode(to: ValueEncoder(codingPath: codingPath(), storage: self))
            }
        }

        static func number(_ value: Double, codingPath: [any CodingKey]) throws -> JSONValue {
            guard value.isFinite else {
                throw EncodingError.invalidValue(
                    value, EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) is not a JSON number"))
            }
            return .number(JSONNumber(literal: String(value)))
        }
    }

    private struct ValueEncoder: Encoder {
        var codingPath: [any CodingKey]
        var storage = Storage()
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            storage.becomeObject()
            return KeyedEncodingContainer(Keyed<Key>(codingPath: codingPath, storage: storage))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            storage.becomeArray()
            return Unkeyed(codingPath: codingPath, storage: storage)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(codingPath: codingPath, storage: storage) }
    }

    private struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var codingPath: [any CodingKey]
        let storage: Storage

        mutating func encodeNil(forKey key: Key) throws { storage.child(forKey: key.stringValue).set(.null) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try storage.child(forKey: key.stringValue).encode(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            ValueEncoder(codingPath: codingPath + [key], storage: storage.child(forKey: key.stringValue))
                .container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            ValueEncoder(codingPath: codingPath + [key], storage: storage.child(forKey: key.stringValue)).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            ValueEncoder(codingPath: codingPath, storage: storage.child(forKey: "super"))
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            ValueEncoder(codingPath: codingPath + [key], storage: storage.child(forKey: key.stringValue))
        }
    }

    private struct Unkeyed: UnkeyedEncodingContainer {
        var codingPath: [any CodingKey]
        let storage: Storage
        var count: Int {
            if case .array = storage.slot { storage.items.count } else { 0 }
        }

        mutating func encodeNil() throws { storage.appended().set(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            try storage.appended().encode(value, codingPath: codingPath)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            ValueEncoder(codingPath: codingPath, storage: storage.appended()).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            ValueEncoder(codingPath: codingPath, storage: storage.appended()).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder { ValueEncoder(codingPath: codingPath, storage: storage.appended()) }
    }

    private struct Single: SingleValueEncodingContainer {
        var codingPath: [any CodingKey]
        let storage: Storage

        mutating func encodeNil() throws { storage.set(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws { try storage.encode(value, codingPath: codingPath) }
    }
}
