import FeishuWire
import Foundation

// The admin API's models are the wire types the server writes its answers from
// (``AdminWire`` in FeishuWire); the SDK names them without the namespace.

/// A saved copy of every entity of some tenants.
public typealias Snapshot = AdminWire.Snapshot
/// The answer of ``AdminSnapshots/save(name:tenantKeys:)`` as ``HireAdmin/send(_:)`` returns it.
public typealias SavedSnapshot = AdminWire.SavedSnapshot
/// What a restore did: the answer of ``HireAdmin/reset(tenantKey:)`` and ``AdminSnapshots/restore(name:)``.
public typealias RestoredSnapshot = AdminWire.RestoredSnapshot
/// What a fault matches and what it does: the body of ``AdminFaults/add(_:)``.
public typealias FaultSpec = AdminWire.FaultSpec
/// A fault in force, as the server has it.
public typealias Fault = AdminWire.Fault
/// One request the server received, as its journal recorded it.
public typealias JournalEntry = AdminWire.JournalEntry
/// The server's clock.
public typealias ClockState = AdminWire.ClockState
/// The `data` of the admin API's lists: `{"items": […]}`.
public typealias AdminItems<Item: Codable & Sendable> = AdminWire.Items<Item>
/// The `data` of the admin API's counts and removals: `{"count": n}`.
public typealias AdminCount = AdminWire.Count
/// The `data` of deletions, `{}`.
public typealias AdminEmpty = AdminWire.Empty

extension AdminWire.Snapshot {
    /// ``createdMS`` as a date.
    public var createdDate: Date { Date(feishuMilliseconds: createdMS) }
}

extension AdminWire.Fault {
    /// ``createdMS`` as a date.
    public var createdDate: Date { Date(feishuMilliseconds: createdMS) }
}

extension AdminWire.JournalEntry {
    /// ``timeMS`` as a date.
    public var time: Date { Date(feishuMilliseconds: timeMS) }
}

extension AdminWire.ClockState {
    /// ``nowMS`` as a date.
    public var now: Date { Date(feishuMilliseconds: nowMS) }
    /// ``offsetMS`` as a duration.
    public var offset: Duration { .milliseconds(offsetMS) }
}
