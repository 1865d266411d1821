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
    /// or the first line is the JSON Lines header.
    package static func file(at path: String) throws -> DataFileSource {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DataFileError(DataLocation(path: .root), "cannot read \(path)")
        }
        let lines = FileLines(handle: handle)
        if path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson") {
            return DataFileSource(DataFileReader.entries(lines: lines))
        }
        let data = try handle.readToEnd() ?? Data()
        try? handle.close()
        if let firstLine = data.split(separator: 0x0A, maxSplits: 1).first,
            (try? DataFileReader.entry(line: Array(firstLine), number: 1)) != nil,
            data.count > firstLine.count
        {
            let lineSequence = data.split(separator: 0x0A, omittingEmptySubsequences: false).lazy.map { Array($0) }
            return DataFileSource(DataFileReader.entries(lines: lineSequence))
        }
        return DataFileSource(entries: try DataFileReader.entries(document: data))
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
