import NIOCore
import PostgresNIO

/// A `text[]` parameter whose elements may be NULL (PostgresNIO's arrays cannot hold NULLs).
/// Batches bind one array per column and `unnest` them, so a statement's text never depends on its data.
struct TextArray: PostgresNonThrowingEncodable, Sendable {
    var elements: [String?]

    init(_ elements: [String?] = []) { self.elements = elements }

    static var psqlType: PostgresDataType { .textArray }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        PostgresArrayFormat.write(elements, elementType: .text, into: &buffer) { element, buffer in
            buffer.writeString(element)
        }
    }
}

/// An `int8[]` parameter whose elements may be NULL.
struct Int64Array: PostgresNonThrowingEncodable, Sendable {
    var elements: [Int64?]

    init(_ elements: [Int64?] = []) { self.elements = elements }

    static var psqlType: PostgresDataType { .int8Array }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        PostgresArrayFormat.write(elements, elementType: .int8, into: &buffer) { element, buffer in
            buffer.writeInteger(element, as: Int64.self)
        }
    }
}

/// The binary format of a one-dimensional array (`array_send`).
enum PostgresArrayFormat {
    static func write<Element>(
        _ elements: [Element?], elementType: PostgresDataType, into buffer: inout ByteBuffer,
        element writeElement: (Element, inout ByteBuffer) -> Void
    ) {
        buffer.writeInteger(elements.isEmpty ? 0 : 1, as: Int32.self)  // dimensions
        buffer.writeInteger(elements.contains { $0 == nil } ? 1 : 0, as: Int32.self)  // has NULLs
        buffer.writeInteger(elementType.rawValue, as: UInt32.self)
        guard !elements.isEmpty else { return }
        buffer.writeInteger(Int32(elements.count), as: Int32.self)
        buffer.writeInteger(1, as: Int32.self)  // lower bound
        for element in elements {
            guard let element else {
                buffer.writeInteger(-1, as: Int32.self)
                continue
            }
            let lengthIndex = buffer.writerIndex
            buffer.writeInteger(0, as: Int32.self)
            let start = buffer.writerIndex
            writeElement(element, &buffer)
            buffer.setInteger(Int32(buffer.writerIndex - start), at: lengthIndex, as: Int32.self)
        }
    }
}
