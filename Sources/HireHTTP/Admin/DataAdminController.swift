import FeishuWire
import Foundation
import HireCore
import HireStore
import Hummingbird
import NIOCore

/// `/_hire/data`: importing and exporting data files over HTTP.
struct DataAdminController {
    let admin: AdminContext

    /// The largest data file accepted: 64 MiB.
    static let maximumBody = 64 << 20

    func addRoutes(to group: RouterGroup<HireRequestContext>) {
        group.on(AdminRoutes.importData) { request, _ in
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: Self.maximumBody)
            } catch is NIOTooManyBytesError {
                throw APIError.bodyTooLarge(limit: Self.maximumBody)
            }
            let bytes = Array(body.readableBytesView)
            let source: DataFileSource
            do {
                source = try Self.source(bytes, contentType: request.headers[.contentType])
                let summary = try await admin.store.importEntries(source, now: admin.services.clock.now())
                admin.services.metrics.recordImport(summary)
                let counts = EntityKind.allCases.compactMap { kind in summary.counts[kind].map { (kind.rawValue, $0) } }
                return try admin.ok(AdminWire.Imported(counts: counts))
            } catch let error as DataFileError {
                throw Self.invalid(error)
            }
        }
        group.on(AdminRoutes.exportData) { request, _ in
            let items = request.queryItems
            let formatName = try items.single("format") ?? DataFileWriter.Format.document.rawValue
            guard let format = DataFileWriter.Format(rawValue: formatName) else {
                throw APIError.invalidParameter("format", "must be json or jsonl", value: formatName)
            }
            let keys = items.values("tenant_key")
            do {
                let (data, _) = try await admin.store.exportData(tenantKeys: keys.isEmpty ? nil : keys, format: format)
                return Response(
                    status: .ok,
                    headers: [.contentType: format == .jsonLines ? "application/x-ndjson" : WireResponse.contentType],
                    body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
            } catch StoreError.unknownTenant(let key) {
                throw APIError.invalidParameter("tenant_key", "no tenant \(JSONValue.quoted(key))", value: key)
            }
        }
    }

    /// The entries of a posted data file: JSON Lines for an ndjson/jsonl content type, or
    /// when the first line is the JSON Lines header; a JSON document otherwise.
    static func source(_ bytes: [UInt8], contentType: String?) throws -> DataFileSource {
        let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let jsonLines = ["application/x-ndjson", "application/jsonl", "application/json-lines", "application/jsonlines"]
            .contains(type)
            || DataFileReader.startsWithJSONLinesHeader(bytes.prefix(4096))
        if jsonLines {
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).lazy.map { Array($0) }
            return DataFileSource(DataFileReader.entries(lines: lines))
        }
        return DataFileSource(DocumentEntries(MemoryBytes(bytes)))
    }

    /// 1002002 with a field violation per problem, each naming its JSON path.
    static func invalid(_ error: DataFileError) -> APIError {
        let first = error.problems.first.map { "\($0.location): \($0.message)" } ?? "is not a data file"
        return APIError(
            code: .invalidParameter,
            msg: "invalid parameter body: the data file cannot be imported (\(error.problems.count) problem\(error.problems.count == 1 ? "" : "s")): \(first)",
            fieldViolations: error.problems.map {
                FieldViolation(field: $0.location.description, description: $0.message)
            })
    }
}
