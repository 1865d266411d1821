import HireCore
import Synchronization

/// The admin API's settings of a single process, in memory.
package final class LocalControlStore: ControlStore {
    private let state = Mutex(ControlState())

    package init() {}

    package var isShared: Bool { false }

    package func load() async throws -> ControlState { state.withLock { $0 } }

    package func revision() async throws -> Int64 { state.withLock { $0.revision } }

    package func setClockOffset(_ milliseconds: Int64) async throws -> Int64 {
        change { $0.clockOffsetMS = milliseconds }
    }

    package func addFault(_ fault: Fault) async throws -> Int64 {
        change { $0.faults.append(fault) }
    }

    package func removeFault(id: String) async throws -> Int64? {
        state.withLock { state in
            guard let index = state.faults.firstIndex(where: { $0.id == id }) else { return nil }
            state.faults.remove(at: index)
            state.revision += 1
            return state.revision
        }
    }

    package func removeAllFaults() async throws -> (count: Int, revision: Int64) {
        state.withLock { state in
            let count = state.faults.count
            state.faults = []
            state.revision += 1
            return (count, state.revision)
        }
    }

    package func bumpRateLimitEpoch() async throws -> Int64 {
        change { $0.rateLimitEpoch += 1 }
    }

    package func fire(faultID: String) async throws -> Bool {
        state.withLock { state in
            guard let index = state.faults.firstIndex(where: { $0.id == faultID }) else { return false }
            state.faults[index].fired += 1
            if let left = state.faults[index].timesLeft {
                if left <= 1 {
                    state.faults.remove(at: index)
                } else {
                    state.faults[index].timesLeft = left - 1
                }
            }
            state.revision += 1
            return true
        }
    }

    package func acknowledge(node: String, revision: Int64) async throws {}

    package func lagging(behind revision: Int64, except node: String) async throws -> Int { 0 }

    package func leave(node: String) async throws {}

    private func change(_ body: (inout ControlState) -> Void) -> Int64 {
        state.withLock { state in
            body(&state)
            state.revision += 1
            return state.revision
        }
    }
}
