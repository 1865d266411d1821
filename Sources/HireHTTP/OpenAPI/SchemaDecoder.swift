/// The decoder of a ``CodableSchema`` derivation: it offers every key, reads arrays as one
/// element and records into its node what the model reads.
struct SchemaDecoder: Decoder {
    let node: SchemaNode
    let derivation: Derivation
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedDecodingContainer<Key> {
        node.kind = .object
        return KeyedDecodingContainer(KeyedSchemaContainer<Key>(node: node, derivation: derivation, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedDecodingContainer {
        node.kind = .array
        return UnkeyedSchemaContainer(node: node, derivation: derivation, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueDecodingContainer {
        SingleSchemaContainer(node: node, derivation: derivation, codingPath: codingPath)
    }
}

/// An object: every key is there; one first asked about with `decodeNil` is optional.
private struct KeyedSchemaContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: SchemaNode
    let derivation: Derivation
    let codingPath: [any CodingKey]

    /// A model that walks its keys (a map) is handed one that stands for every member.
    var allKeys: [Key] { Key(stringValue: SchemaNode.anyKey).map { [$0] } ?? [] }

    func contains(_ key: Key) -> Bool { true }

    func decodeNil(forKey key: Key) -> Bool {
        node.property(key.stringValue).nullable = true
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try read(type, key) }

    private func read<T: Decodable>(_ type: T.Type, _ key: Key) throws -> T {
        try derivation.decode(type, into: member(key))
    }

    func nestedContainer<NestedKey: CodingKey>(
        keyedBy type: NestedKey.Type, forKey key: Key
    ) -> KeyedDecodingContainer<NestedKey> {
        decoder(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedDecodingContainer {
        decoder(key).unkeyedContainer()
    }

    func superDecoder() -> any Decoder { SchemaDecoder(node: node, derivation: derivation, codingPath: codingPath) }

    func superDecoder(forKey key: Key) -> any Decoder { decoder(key) }

    /// The member `key`, required unless it was first asked about with `decodeNil`.
    private func member(_ key: Key) -> SchemaNode {
        let member = node.property(key.stringValue)
        if !member.nullable { node.require(key.stringValue) }
        return member
    }

    private func decoder(_ key: Key) -> SchemaDecoder {
        SchemaDecoder(node: member(key), derivation: derivation, codingPath: codingPath + [key])
    }

    // The scalar requirements of the protocol; each reads like any other type.
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try read(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try read(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try read(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try read(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try read(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try read(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try read(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try read(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try read(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try read(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try read(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try read(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try read(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try read(type, key) }
}

/// An array of one element; its items' schema is the element's.
private struct UnkeyedSchemaContainer: UnkeyedDecodingContainer {
    let node: SchemaNode
    let derivation: Derivation
    let codingPath: [any CodingKey]
    private(set) var currentIndex = 0

    init(node: SchemaNode, derivation: Derivation, codingPath: [any CodingKey]) {
        self.node = node
        self.derivation = derivation
        self.codingPath = codingPath
    }

    var count: Int? { 1 }
    var isAtEnd: Bool { currentIndex >= 1 }

    private var items: SchemaNode {
        if let items = node.items { return items }
        let items = SchemaNode()
        node.items = items
        return items
    }

    mutating func decodeNil() -> Bool {
        items.nullable = true
        return false
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        defer { currentIndex += 1 }
        return try derivation.decode(type, into: items)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) -> KeyedDecodingContainer<NestedKey> {
        defer { currentIndex += 1 }
        return SchemaDecoder(node: items, derivation: derivation, codingPath: codingPath).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedDecodingContainer {
        defer { currentIndex += 1 }
        return SchemaDecoder(node: items, derivation: derivation, codingPath: codingPath).unkeyedContainer()
    }

    mutating func superDecoder() -> any Decoder {
        defer { currentIndex += 1 }
        return SchemaDecoder(node: items, derivation: derivation, codingPath: codingPath)
    }
}

/// A single value: what the model reads is the node's type.
private struct SingleSchemaContainer: SingleValueDecodingContainer {
    let node: SchemaNode
    let derivation: Derivation
    let codingPath: [any CodingKey]

    func decodeNil() -> Bool {
        node.nullable = true
        return false
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T { try read(type) }

    private func read<T: Decodable>(_ type: T.Type) throws -> T { try derivation.decode(type, into: node) }

    func decode(_ type: Bool.Type) throws -> Bool { try read(type) }
    func decode(_ type: String.Type) throws -> String { try read(type) }
    func decode(_ type: Double.Type) throws -> Double { try read(type) }
    func decode(_ type: Float.Type) throws -> Float { try read(type) }
    func decode(_ type: Int.Type) throws -> Int { try read(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try read(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try read(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try read(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try read(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try read(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try read(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try read(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try read(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try read(type) }
}
