import FeishuWire

/// Writes entries as a data file, piece by piece, so an export of any size needs little memory.
///
/// Entries must come tenant by tenant, each tenant's in ``DataFileFormat/documentOrder``
/// for documents (any order for JSON Lines).
package struct DataFileWriter {
    package enum Format: String, Sendable, CaseIterable {
        /// One JSON document, indented down to one entity per line.
        case document = "json"
        /// JSON Lines: a header line, then one entity per line.
        case jsonLines = "jsonl"
    }

    private let format: Format
    private let sink: (String) throws -> Void
    private var tenantOpen = false
    private var collection: EntityKind?
    private var started = false

    /// - Parameter sink: receives the text in order; its errors end the export.
    package init(format: Format, sink: @escaping (String) throws -> Void) {
        self.format = format
        self.sink = sink
    }

    package mutating func write(_ entry: DataFileEntry) throws {
        switch format {
        case .jsonLines: try writeLine(entry)
        case .document: try writeDocumentPart(entry)
        }
    }

    /// Ends the file. A writer that saw no entry writes a file with no tenants.
    package mutating func finish() throws {
        switch format {
        case .jsonLines:
            if !started { try sink(Self.headerLine) }
        case .document:
            if !started { try sink("{\n  \"format\": \"\(DataFileFormat.name)\",\n  \"tenants\": [") }
            try closeTenant()
            try sink(started ? "\n  ]\n}\n" : "]\n}\n")
        }
    }

    private static let headerLine = "{\"format\":\"\(DataFileFormat.name)\"}\n"

    private mutating func writeLine(_ entry: DataFileEntry) throws {
        if !started {
            started = true
            try sink(Self.headerLine)
        }
        var line = JSONObjectWriter()
        if case .tenant = entry.entity {
            line.value("tenant", entry.entity.exportValue)
        } else {
            line.string("tenant_key", entry.tenantKey)
            line.value(entry.kind.rawValue, entry.entity.exportValue)
        }
        try sink(line.finish() + "\n")
    }

    private mutating func writeDocumentPart(_ entry: DataFileEntry) throws {
        if !started {
            started = true
            try sink("{\n  \"format\": \"\(DataFileFormat.name)\",\n  \"tenants\": [")
        }
        if case .tenant = entry.entity {
            let reopening = tenantOpen
            try closeTenant()
            var text = reopening ? ",\n    {" : "\n    {"
            var first = true
            for member in entry.entity.exportValue.objectValue?.members ?? [] {
                text += (first ? "\n      " : ",\n      ") + JSONWriter.write(.string(member.key)) + ": "
                    + JSONWriter.write(member.value)
                first = false
            }
            try sink(text)
            tenantOpen = true
            return
        }
        precondition(tenantOpen, "export entries must start with their tenant")
        if collection != entry.kind {
            if collection != nil { try sink("\n      ]") }
            collection = entry.kind
            try sink(",\n      \"\(entry.kind.collectionName)\": [\n        ")
        } else {
            try sink(",\n        ")
        }
        try sink(JSONWriter.write(entry.entity.exportValue))
    }

    private mutating func closeTenant() throws {
        guard tenantOpen else { return }
        if collection != nil { try sink("\n      ]") }
        try sink("\n    }")
        collection = nil
        tenantOpen = false
    }
}
