import FeishuWire
import Foundation

/// Faults injected into the server's answers: `admin.faults`.
///
/// ```swift
/// // The next PATCH of an interviewer is rate-limited, the two after it time out.
/// try await admin.faults.add(FaultSpec(operation: Endpoint.patchInterviewer.name, code: .rateLimited))
/// try await admin.faults.add(FaultSpec(operation: Endpoint.patchInterviewer.name, times: 2, drop: true))
/// ```
public struct AdminFaults: Sendable {
    let admin: HireAdmin

    /// Adds a fault (`POST /_hire/faults`).
    /// - Returns: the fault with the server's defaults filled in, its ``Fault/id`` among them.
    /// - Throws: always a ``FeishuError``; 1002002 naming the member for an invalid spec, e.g. one
    ///   with neither a non-zero `code`, a `delayMS` nor `drop`.
    @discardableResult
    public func add(_ spec: FaultSpec) async throws -> Fault {
        try await admin.call(.addFault(spec))
    }

    /// The faults in force, oldest first (`GET /_hire/faults`).
    /// - Throws: always a ``FeishuError``.
    public func list() async throws -> [Fault] {
        try await admin.call(.listFaults()).items ?? []
    }

    /// Removes one fault (`DELETE /_hire/faults/{id}`).
    /// - Throws: always a ``FeishuError``; 1002002 (HTTP 404) for an unknown fault, e.g. one already used up.
    public func remove(id: String) async throws {
        _ = try await admin.send(.removeFault(id: id))
    }

    /// Removes every fault (`DELETE /_hire/faults`).
    /// - Returns: how many were removed.
    /// - Throws: always a ``FeishuError``.
    @discardableResult
    public func clear() async throws -> Int {
        try await admin.call(.clearFaults()).count
    }
}
