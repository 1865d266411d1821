import FeishuWire
import Foundation
import HireCore

/// The entries of a data file for one import, read as the import consumes them.
///
/// Single use: an import iterates it once, from one task at a time, which is
/// why it may cross into the store's writer thread.
package final class DataFileSource: @unchecked Sendable {
    private var next: () -> Result<DataFileEntry, DataFileError>?

    package init<S: Sequence>(_ sequence: S) where S.Element == Result<DataFileEntry, DataFileError> {
        var iterator = sequence.makeIterator()
        next = { iterator.next() }
    }

    /// A parsed JSON document's entries.
    package convenience init(entries: [DataFileEntry]) {
        self.init(entries.lazy.map { .success($0) })
    }

    /// The next entry or problem; `nil` at the end.
    package func nextEntry() -> Result<DataFileEntry, DataFileError>? { next() }

    /// A data file on disk: a JSON document, or JSON Lines when the name ends in `.jsonl`
    /// or the first line is the JSON Lines header. Either is read as it is imported.
    package static func file(at path: String) throws -> DataFileSource {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataFileError(DataLocation(path: .root), "cannot read \(path)")
        }
        if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
            return DataFileSource(DataFileReader.entries(lines: FileLines(handle: handle)))
        }
        let start = try handle.read(upToCount: 4096) ?? Data()
        try handle.seek(toOffset: 0)
        if DataFileReader.startsWithJSONLinesHeader(start) {
            return DataFileSource(DataFileReader.entries(lines: FileLines(handle: handle)))
        }
        return DataFileSource(DocumentEntries(FileBytes(handle: handle)))
    }
}

/// A file read by position, for ``DocumentEntries``.
final class FileBytes: DataBytes {
    private let handle: FileHandle

    init(handle: FileHandle) { self.handle = handle }

    deinit { try? handle.close() }

    func read(at offset: Int, count: Int) throws -> [UInt8] {
        try handle.seek(toOffset: UInt64(offset))
        return Array(try handle.read(upToCount: count) ?? Data())
    }
}

/// The lines of a file, read in chunks: memory stays bounded by the longest line.
struct FileLines: Sequence {
    let handle: FileHandle

    struct Iterator: IteratorProtocol {
        let handle: FileHandle
        var buffer: [UInt8] = []
        var position = 0
        var atEnd = false

        mutating func next() -> [UInt8]? {
            while true {
                if let newline = buffer[position...].firstIndex(of: 0x0A) {
                    let line = Array(buffer[position..<newline])
                    position = newline + 1
                    return line
                }
                if atEnd {
                    guard position < buffer.count else {
                        try? handle.close()
                        return nil
                    }
                    let line = Array(buffer[position...])
                    position = buffer.count
                    return line
                }
                buffer.removeFirst(position)
                position = 0
                let chunk = (try? handle.read(upToCount: 1 << 16)) ?? nil
                if let chunk, !chunk.isEmpty { buffer.append(contentsOf: chunk) } else { atEnd = true }
            }
        }
    }

    func makeIterator() -> Iterator { Iterator(handle: handle) }
}
