/// A table for people: a header row and rows, columns padded to line up, also
/// when cells hold Chinese (each wide character takes two columns of a terminal).
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns are at least this wide (by index; missing ones 0), so that tables printed
    /// one after another line up.
    var minimumWidths: [Int] = []

    init(_ headers: [String]) { self.headers = headers }

    mutating func append(_ row: [String]) { rows.append(row) }

    /// The table, one line a row (the header's first unless `header` is false), each line ending in a newline.
    func rendered(header: Bool = true) -> String {
        let all = [headers] + rows
        let widths = headers.indices.map { column in
            max(
                all.map { $0.indices.contains(column) ? DisplayWidth.of($0[column]) : 0 }.max() ?? 0,
                minimumWidths.indices.contains(column) ? minimumWidths[column] : 0)
        }
        return (header ? all : rows).map { row in
            row.indices.map { column in
                let cell = row[column]
                guard column < row.count - 1 else { return cell }
                return cell + String(repeating: " ", count: widths[column] - DisplayWidth.of(cell))
            }.joined(separator: "  ")
        }.map { $0 + "\n" }.joined()
    }
}

/// How many terminal columns text takes.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width($1) }
    }

    private static func width(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
