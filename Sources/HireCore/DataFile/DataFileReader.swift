import FeishuWire

/// A data file that cannot be imported, with the first problems found in it.
package struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible {
    package let problems: [DataProblem]

    package init(_ problems: [DataProblem]) { self.problems = problems }

    package init(_ location: DataLocation, _ message: String) {
        self.problems = [DataProblem(location, message)]
    }

    package var description: String {
        "the data file cannot be imported:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// The data-file format's name and version.
package enum DataFileFormat {
    package static let name = "feishu-hire-data/1"

    /// Entities of a tenant in the order they are imported and exported: each after what it refers to.
    package static let kindOrder: [EntityKind] = [
        .app, .user, .jobLevel, .talent, .application, .interview, .interviewer, .interviewRoundType,
    ]

    /// Members of a tenant object in a document, in the order export writes them.
    package static let documentOrder: [EntityKind] = [
        .app, .user, .jobLevel, .interviewer, .interviewRoundType, .talent, .application, .interview,
    ]
}

/// Reads data files: a JSON document (`.json`), or JSON Lines (`.jsonl`) for large datasets.
///
/// JSON Lines files start with the line `{"format":"feishu-hire-data/1"}`; every other line
/// holds one entity: `{"tenant":{"tenant_key":…,"name":…}}`, or
/// `{"tenant_key":…,"<kind>":{…}}` where kind is `app`, `user`, `job_level`, `talent`,
/// `application`, `interview`, `interviewer` or `interview_round_type`, with the same objects
/// as a document.
/// An entity may refer only to entities on earlier lines or already in the store.
package enum DataFileReader {
    /// The entries of a JSON document, each tenant's in ``DataFileFormat/kindOrder``, all read
    /// before any is returned; ``DocumentEntries`` reads them as they are used.
    /// - Throws: ``DataFileError`` with the first problems.
    package static func entries(document bytes: some Collection<UInt8>) throws(DataFileError) -> [DataFileEntry] {
        var entries: [DataFileEntry] = []
        var problems: [DataProblem] = []
        for result in DocumentEntries(MemoryBytes(Array(bytes))) {
            switch result {
            case .success(let entry): entries.append(entry)
            case .failure(let error): problems += error.problems
            }
            if problems.count >= EntityParser.maximumProblems { break }
        }
        guard problems.isEmpty else { throw DataFileError(Array(problems.prefix(EntityParser.maximumProblems))) }
        return entries
    }

    /// The entry of one line of a JSON Lines file; `nil` for the header and blank lines.
    /// - Parameter number: the 1-based line number; line 1 must be the header.
    package static func entry(line bytes: some Collection<UInt8>, number: Int) throws(DataFileError) -> DataFileEntry? {
        let location = DataLocation(line: number, path: .root)
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else {
            if number == 1 { throw DataFileError(location, "must be the header {\"format\":\"\(DataFileFormat.name)\"}") }
            return nil
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw DataFileError(location, "is not valid JSON: \(error)")
        }
        guard let object = value.objectValue else {
            throw DataFileError(location, "must be an object, got \(value.typeDescription)")
        }
        if number == 1 {
            try checkFormat(object, at: location)
            guard object.members.count == 1 else {
                throw DataFileError(location, "the header holds only \"format\"")
            }
            return nil
        }
        var parser = EntityParser()
        if let tenant = object["tenant"] {
            guard object.members.count == 1 else { throw DataFileError(location, "a tenant line holds only \"tenant\"") }
            guard let entity = parser.tenant(tenant, at: location / "tenant") else {
                throw DataFileError(parser.problems)
            }
            return DataFileEntry(tenantKey: entity.tenantKey, entity: .tenant(entity), location: location / "tenant")
        }
        guard let tenantKey = object["tenant_key"]?.stringValue, !tenantKey.isEmpty else {
            throw DataFileError(location / "tenant_key", "is required on every line but the header and tenant lines")
        }
        let kinds = object.keys.filter { $0 != "tenant_key" }
        guard kinds.count == 1, let kind = EntityKind(rawValue: kinds[0]), DataFileFormat.kindOrder.contains(kind) else {
            throw DataFileError(
                location, "must hold \"tenant_key\" and one of " + DataFileFormat.kindOrder.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))
        }
        let at = location / kind.rawValue
        guard let entity = parse(kind, object[kind.rawValue]!, tenantKey: tenantKey, at: at, &parser) else {
            throw DataFileError(parser.problems)
        }
        return DataFileEntry(tenantKey: tenantKey, entity: entity, location: at)
    }

    /// Whether a data file starting with `prefix` is JSON Lines: its first line is the header.
    /// The header is short, so a few kilobytes of the file are enough.
    package static func startsWithJSONLinesHeader(_ prefix: some Collection<UInt8>) -> Bool {
        guard let newline = prefix.firstIndex(of: 0x0A) else { return false }
        return (try? entry(line: prefix[..<newline], number: 1)) != nil
    }

    /// The entries of a JSON Lines file, read line by line as the sequence is iterated.
    package static func entries<Lines: Sequence>(lines: Lines) -> JSONLinesEntries<Lines> where Lines.Element == [UInt8] {
        JSONLinesEntries(lines: lines)
    }

    private static func checkFormat(_ object: JSONObject, at location: DataLocation) throws(DataFileError) {
        guard let format = object["format"] else {
            throw DataFileError(location / "format", "is required: \"\(DataFileFormat.name)\"")
        }
        guard format.stringValue == DataFileFormat.name else {
            throw DataFileError(location / "format", "must be \"\(DataFileFormat.name)\", got \(format.typeDescription)")
        }
    }

    /// The entity of `kind` written as `value`, or `nil` with the problems in `parser`.
    static func parse(
        _ kind: EntityKind, _ value: JSONValue, tenantKey: String, at location: DataLocation, _ parser: inout EntityParser
    ) -> DataFileEntry.Entity? {
        switch kind {
        case .app: parser.app(value, tenantKey: tenantKey, at: location).map { .app($0) }
        case .user: parser.user(value, at: location).map { .user($0) }
        case .jobLevel: parser.jobLevel(value, at: location).map { .jobLevel($0) }
        case .talent: parser.talent(value, at: location).map { .talent($0) }
        case .application: parser.application(value, at: location).map { .application($0) }
        case .interview: parser.interview(value, at: location).map { .interview($0) }
        case .interviewer: parser.interviewer(value, at: location).map { .interviewer($0) }
        case .interviewRoundType: parser.interviewRoundType(value, at: location).map { .interviewRoundType($0) }
        case .tenant, .interviewRecord: nil
        }
    }
}

/// The entries of a JSON Lines file, parsed lazily: memory does not grow with the file.
package struct JSONLinesEntries<Lines: Sequence>: Sequence where Lines.Element == [UInt8] {
    let lines: Lines

    package struct Iterator: IteratorProtocol {
        var lines: Lines.Iterator
        var number = 0
        /// A parse problem; iteration stops at it and the importer reports it.
        package private(set) var error: DataFileError?

        package mutating func next() -> Result<DataFileEntry, DataFileError>? {
            while let line = lines.next() {
                number += 1
                do {
                    if let entry = try DataFileReader.entry(line: line, number: number) { return .success(entry) }
                } catch {
                    return .failure(error)
                }
            }
            if number == 0 {
                number = 1
                return .failure(DataFileError(DataLocation(line: 1, path: .root), "the file is empty"))
            }
            return nil
        }
    }

    package func makeIterator() -> Iterator { Iterator(lines: lines.makeIterator()) }
}
