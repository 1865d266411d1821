/// The bytes of a data file, read by position, so that a large JSON document is read in
/// pieces instead of whole: a file on disk (in HireStore) or a request body in memory.
package protocol DataBytes {
    /// Up to `count` bytes from `offset`: fewer only at the end of the data, none past it.
    func read(at offset: Int, count: Int) throws -> [UInt8]
}

/// A data file already in memory, such as a request body.
package struct MemoryBytes: DataBytes {
    package let bytes: [UInt8]

    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    package func read(at offset: Int, count: Int) -> [UInt8] {
        let start = min(max(offset, 0), bytes.count)
        return Array(bytes[start..<min(start + count, bytes.count)])
    }
}

/// Reads ``DataBytes`` forward from an offset, a chunk at a time.
///
/// Memory holds one chunk, or from the first ``mark()`` to the current offset while a value
/// is being cut out.
struct ByteCursor {
    static let chunkSize = 1 << 16

    private let source: any DataBytes
    private var buffer: [UInt8] = []
    /// The offset of `buffer[0]` in the data.
    private var bufferStart: Int
    private var index = 0
    private var exhausted = false
    /// The offsets of the values being cut out, outermost first.
    private var marks: [Int] = []
    /// Where reading stops: the end of the value being read, or of the data.
    private let end: Int

    init(_ source: any DataBytes, at offset: Int = 0, end: Int = .max) {
        self.source = source
        self.bufferStart = offset
        self.end = end
    }

    /// Where the next byte is in the data.
    var offset: Int { bufferStart + index }

    /// The next byte, without consuming it; `nil` at the end.
    @inline(__always)
    mutating func peek() throws -> UInt8? {
        if index == buffer.count {
            try refill()
            if index == buffer.count { return nil }
        }
        return buffer[index]
    }

    /// Consumes the byte ``peek()`` returned.
    @inline(__always)
    mutating func advance() { index += 1 }

    /// Consumes whitespace.
    mutating func skipWhitespace() throws {
        while let byte = try peek() {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Consumes bytes up to (not including) the first of `stops`; `false` if the data ends first.
    mutating func skip(until stops: (UInt8, UInt8)) throws -> Bool {
        while true {
            while index < buffer.count {
                let byte = buffer[index]
                if byte == stops.0 || byte == stops.1 { return true }
                index += 1
            }
            try refill()
            if index == buffer.count { return false }
        }
    }

    /// Steps over the object or array at the cursor by its brackets and strings alone, for a
    /// value a ``ValueSkimmer`` has checked already; `false` if the data ends first.
    mutating func skipCheckedContainer() throws -> Bool {
        var depth = 0
        var inString = false
        var escaped = false
        while true {
            while index < buffer.count {
                let byte = buffer[index]
                index += 1
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == UInt8(ascii: "\\") {
                        escaped = true
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return true }
                default: break
                }
            }
            try refill()
            if index == buffer.count { return false }
        }
    }

    /// Keeps the bytes from here on until the matching ``takeMarked()``; marks nest.
    mutating func mark() { marks.append(offset) }

    /// The bytes from the latest ``mark()`` to here.
    mutating func takeMarked() -> [UInt8] {
        guard let marked = marks.popLast() else { return [] }
        return Array(buffer[(marked - bufferStart)..<index])
    }

    private mutating func refill() throws {
        guard !exhausted else { return }
        let keep = (marks.first ?? offset) - bufferStart
        if keep > 0 {
            buffer.removeFirst(keep)
            bufferStart += keep
            index -= keep
        }
        let next = bufferStart + buffer.count
        let chunk = next < end ? try source.read(at: next, count: min(Self.chunkSize, end - next)) : []
        if chunk.isEmpty { exhausted = true } else { buffer += chunk }
    }
}

extension DataBytes {
    /// The 1-based line and column of `offset`, for messages: read again from the start, so it
    /// costs nothing until a problem is found. Columns count Unicode scalars.
    func position(of offset: Int) throws -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var position = 0
        while position < offset {
            let chunk = try read(at: position, count: min(ByteCursor.chunkSize, offset - position))
            guard !chunk.isEmpty else { break }
            for byte in chunk {
                if byte == 0x0A {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            position += chunk.count
        }
        return (line, column)
    }
}
