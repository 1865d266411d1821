import HireCore

/// The admin API's shared settings: the clock's offset, the injected faults, and when
/// rate-limit windows were last cleared. Every change bumps ``revision``.
package struct ControlState: Sendable, Hashable {
    package var revision: Int64 = 0
    package var clockOffsetMS: Int64 = 0
    /// Bumped by every restore: nodes clear their rate-limit windows when it changes.
    package var rateLimitEpoch: Int64 = 0
    /// Oldest first.
    package var faults: [Fault] = []

    package init(revision: Int64 = 0, clockOffsetMS: Int64 = 0, rateLimitEpoch: Int64 = 0, faults: [Fault] = []) {
        self.revision = revision
        self.clockOffsetMS = clockOffsetMS
        self.rateLimitEpoch = rateLimitEpoch
        self.faults = faults
    }
}

/// Where the admin API's settings live: in the process (SQLite), or in the database
/// every node shares (PostgreSQL).
package protocol ControlStore: Sendable {
    /// Whether other processes share these settings; nodes then sync and acknowledge them.
    var isShared: Bool { get }

    func load() async throws -> ControlState
    /// The current revision, cheaply.
    func revision() async throws -> Int64

    /// Each returns the revision it made.
    func setClockOffset(_ milliseconds: Int64) async throws -> Int64
    func addFault(_ fault: Fault) async throws -> Int64
    /// `nil` if there is no such fault.
    func removeFault(id: String) async throws -> Int64?
    /// How many were removed, and the revision.
    func removeAllFaults() async throws -> (count: Int, revision: Int64)
    func bumpRateLimitEpoch() async throws -> Int64

    /// Takes one firing of the fault: counts it and uses one of its `times`, removing it
    /// when they are used up. `false` when the fault is gone or used up (on any node).
    func fire(faultID: String) async throws -> Bool

    /// Records that `node` has applied `revision`.
    func acknowledge(node: String, revision: Int64) async throws
    /// How many live nodes other than `node` have not yet applied `revision`.
    func lagging(behind revision: Int64, except node: String) async throws -> Int
    /// Forgets `node`, which is stopping.
    func leave(node: String) async throws
}
