import FeishuWire
import Foundation

/// Data files (`feishu-hire-data/1`) over HTTP: `admin.data`.
///
/// ```swift
/// let counts = try await admin.data.import(Data(document.utf8))     // ["tenant": 1, "app": 2, …]
/// let backup = try await admin.data.export(tenantKeys: ["acme"], format: .jsonLines)
/// ```
public struct AdminData: Sendable {
    let admin: HireAdmin

    /// Imports a data file (`POST /_hire/data`): the same atomic upsert as `hire-server import`.
    /// - Parameters:
    ///   - file: the file's bytes, up to 64 MiB.
    ///   - format: a JSON document or JSON Lines.
    /// - Returns: how many entities of each kind were imported, e.g. `["tenant": 1, "app": 1, "user": 4]`.
    /// - Throws: always a ``FeishuError``; a file with any problem changes nothing and is 1002002 with a
    ///   ``FeishuError/fieldViolations`` entry per problem, `field` being its JSON path (or `line N`).
    @discardableResult
    public func `import`(_ file: Data, format: HireAdmin.DataFormat = .json) async throws -> [String: Int] {
        try await admin.call(
            FeishuRequest<AdminWire.Imported>(endpoint: .Admin.importData), body: file, contentType: format.contentType
        ).imported
    }

    /// Exports tenants as a data file (`GET /_hire/data`): the same bytes as `hire-server export`.
    /// - Parameters:
    ///   - tenantKeys: the tenants; empty for every one.
    ///   - format: a JSON document or JSON Lines.
    /// - Returns: the file's bytes.
    /// - Throws: always a ``FeishuError``.
    public func export(
        tenantKeys: [String] = [], format: HireAdmin.DataFormat = .json
    ) async throws -> Data {
        let query = tenantKeys.map { QueryParameter("tenant_key", $0) } + [QueryParameter("format", format.rawValue)]
        return try await admin.sendRaw(
            FeishuRequest<AnyPayload>(endpoint: .Admin.exportData, query: query), accept: format.contentType)
    }
}

extension HireAdmin {
    /// The two forms of a data file.
    public enum DataFormat: String, Sendable, Hashable, CaseIterable {
        /// One JSON document, `{"format": "feishu-hire-data/1", "tenants": […]}`; parsed whole.
        case json
        /// JSON Lines: a header line, then one entity a line; read line by line.
        case jsonLines = "jsonl"

        /// The `Content-Type` of a file in this form.
        public var contentType: String {
            switch self {
            case .json: "application/json"
            case .jsonLines: "application/x-ndjson"
            }
        }
    }
}
