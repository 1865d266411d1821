import FeishuWire

/// The entries of a JSON data-file document, each tenant's in ``DataFileFormat/kindOrder``,
/// read as they are iterated, like JSON Lines: memory holds one entity at a time, not the
/// document, so a large file imports in bounded memory.
///
/// The document is read twice: once for its outline (``DocumentOutline``: its structure,
/// and where each tenant's collections lie, in any member order), then each collection in
/// turn, an element at a time. A problem that ends the reading (a document that is not JSON,
/// a wrong `format`) is the last element.
package struct DocumentEntries: Sequence {
    private let source: any DataBytes

    package init(_ source: any DataBytes) { self.source = source }

    package func makeIterator() -> Iterator { Iterator(source: source) }

    package struct Iterator: IteratorProtocol {
        private let source: any DataBytes
        private var started = false
        private var finished = false
        private var pending: [Result<DataFileEntry, DataFileError>] = []
        private var tenants: [DocumentOutline.Tenant] = []
        private var nextTenant = 0
        private var tenantKey = ""
        /// The current tenant's collections still to read, in import order.
        private var collections: [TenantCollection] = []
        private var reading: CollectionReader?

        init(source: any DataBytes) { self.source = source }

        package mutating func next() -> Result<DataFileEntry, DataFileError>? {
            while true {
                if !pending.isEmpty { return pending.removeFirst() }
                if finished { return nil }
                do {
                    if !started {
                        started = true
                        try start()
                    } else if reading != nil {
                        try readElement()
                    } else if !collections.isEmpty {
                        try open(collections.removeFirst())
                    } else if nextTenant < tenants.count {
                        nextTenant += 1
                        try begin(tenants[nextTenant - 1], at: DataLocation(path: .root) / "tenants" / (nextTenant - 1))
                    } else {
                        finished = true
                    }
                } catch {
                    pending.append(.failure(error))
                    finished = true
                }
            }
        }

        /// Reads the outline and checks the root.
        private mutating func start() throws(DataFileError) {
            let root = DataLocation(path: .root)
            let outline: DocumentOutline
            do {
                outline = try DocumentOutline.read(source)
            } catch let error as JSONSyntaxError {
                throw DataFileError(root, "is not valid JSON: \(error)")
            } catch {
                throw DataFileError(root, "cannot be read: \(error)")
            }
            if let range = outline.nonObjectRoot {
                throw DataFileError(root, "must be an object, got \(try describe(range))")
            }
            guard let format = outline.rootMembers.first(where: { $0.key == "format" }) else {
                throw DataFileError(root / "format", "is required: \"\(DataFileFormat.name)\"")
            }
            let formatValue = try value(format.range)
            guard formatValue.stringValue == DataFileFormat.name else {
                throw DataFileError(root / "format", "must be \"\(DataFileFormat.name)\", got \(formatValue.typeDescription)")
            }
            for member in outline.rootMembers where member.key != "format" && member.key != "tenants" {
                pending.append(.failure(DataFileError(root / member.key, "is not a member of a data file")))
            }
            guard let tenants = outline.tenants else {
                throw DataFileError(root / "tenants", "is required: an array of tenants")
            }
            self.tenants = tenants
        }

        /// Yields the tenant and lines up its collections.
        private mutating func begin(_ tenant: DocumentOutline.Tenant, at location: DataLocation) throws(DataFileError) {
            var parser = EntityParser()
            guard case .object(let members) = tenant else {
                if case .other(let range) = tenant { _ = parser.tenant(try value(range), at: location) }
                pending.append(.failure(DataFileError(parser.problems)))
                return
            }
            var own = JSONObject()
            var found: [TenantCollection] = []
            for member in members {
                if let kind = Self.kindsByCollection[member.key] {
                    found.append(TenantCollection(kind: kind, range: member.range, location: location / member.key))
                } else {
                    own.members.append(.init(member.key, try value(member.range)))
                }
            }
            guard let entity = parser.tenant(.object(own), at: location) else {
                pending.append(.failure(DataFileError(parser.problems)))
                return
            }
            tenantKey = entity.tenantKey
            pending.append(.success(DataFileEntry(tenantKey: tenantKey, entity: .tenant(entity), location: location)))
            collections = DataFileFormat.kindOrder.compactMap { kind in found.first { $0.kind == kind } }
        }

        private mutating func open(_ collection: TenantCollection) throws(DataFileError) {
            let cursor = ByteCursor(source, at: collection.range.lowerBound, end: collection.range.upperBound)
            var reader = CollectionReader(collection: collection, skimmer: ValueSkimmer(cursor: cursor))
            do {
                guard try reader.skimmer.cursor.peek() == UInt8(ascii: "[") else {
                    throw DataFileError(collection.location, "must be an array, got \(try describe(collection.range))")
                }
                reader.skimmer.cursor.advance()
            } catch let error as DataFileError {
                pending.append(.failure(error))
                return
            } catch {
                throw DataFileError(DataLocation(path: .root), "cannot be read: \(error)")
            }
            reading = reader
        }

        /// Reads the current collection's next element, or ends the collection.
        private mutating func readElement() throws(DataFileError) {
            guard var reader = reading else { return }
            reading = nil
            let bytes: [UInt8]
            let start: Int
            do {
                try reader.skimmer.cursor.skipWhitespace()
                if try reader.skimmer.cursor.peek() == UInt8(ascii: ",") {
                    reader.skimmer.cursor.advance()
                    try reader.skimmer.cursor.skipWhitespace()
                }
                if try reader.skimmer.cursor.peek() == UInt8(ascii: "]") { return }
                start = reader.skimmer.cursor.offset
                reader.skimmer.cursor.mark()
                // The outline checked the document's structure: brackets and strings find the end.
                switch try reader.skimmer.cursor.peek() {
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    guard try reader.skimmer.cursor.skipCheckedContainer() else {
                        throw ValueSkimmer.Problem(message: "unexpected end of input", offset: reader.skimmer.cursor.offset)
                    }
                default:
                    try reader.skimmer.skipValue(depth: 0)
                }
                bytes = reader.skimmer.cursor.takeMarked()
            } catch {
                throw DataFileError(DataLocation(path: .root), "cannot be read: \(error)")
            }
            let kind = reader.collection.kind
            let at = reader.collection.location / reader.position
            reader.position += 1
            reading = reader
            var parser = EntityParser()
            if let entity = DataFileReader.parse(kind, try value(bytes, at: start), tenantKey: tenantKey, at: at, &parser) {
                pending.append(.success(DataFileEntry(tenantKey: tenantKey, entity: entity, location: at)))
            } else {
                pending.append(.failure(DataFileError(parser.problems)))
            }
        }

        /// The value written at `range`.
        private func value(_ range: Range<Int>) throws(DataFileError) -> JSONValue {
            let bytes: [UInt8]
            do {
                bytes = try source.read(at: range.lowerBound, count: range.count)
            } catch {
                throw DataFileError(DataLocation(path: .root), "cannot be read: \(error)")
            }
            return try value(bytes, at: range.lowerBound)
        }

        /// `bytes`, found at `offset`, parsed; a syntax error is located in the whole document.
        private func value(_ bytes: [UInt8], at offset: Int) throws(DataFileError) -> JSONValue {
            do {
                return try JSONParser.parse(bytes)
            } catch {
                let start = (try? source.position(of: offset)) ?? (line: 1, column: 1)
                let line = start.line + error.line - 1
                let column = error.line == 1 ? start.column + error.column - 1 : error.column
                let located = JSONSyntaxError(message: error.message, line: line, column: column)
                throw DataFileError(DataLocation(path: .root), "is not valid JSON: \(located)")
            }
        }

        /// What the value at `range` is, for a message; an array is not read.
        private func describe(_ range: Range<Int>) throws(DataFileError) -> String {
            let first = (try? source.read(at: range.lowerBound, count: 1).first) ?? nil
            return first == UInt8(ascii: "[") ? "an array" : try value(range).typeDescription
        }

        private static let kindsByCollection = Dictionary(
            uniqueKeysWithValues: DataFileFormat.kindOrder.map { ($0.collectionName, $0) })
    }

    /// A tenant's collection of one kind.
    private struct TenantCollection {
        let kind: EntityKind
        let range: Range<Int>
        let location: DataLocation
    }

    /// A collection being read, an element at a time.
    private struct CollectionReader {
        let collection: TenantCollection
        var skimmer: ValueSkimmer
        var position = 0
    }
}
