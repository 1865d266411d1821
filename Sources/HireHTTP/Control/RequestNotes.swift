import Synchronization

/// What the layers inside the envelope learn of a request, for its journal entry:
/// the operation, the caller, a code answered without throwing, the fault that fired.
package final class RequestNotes: Sendable {
    struct Notes {
        var operation: String?
        var appID: String?
        var tenantKey: String?
        var code: Int?
        var faultID: String?
        var dropped = false
    }

    private let notes = Mutex(Notes())

    init() {}

    func update(_ body: (inout Notes) -> Void) { notes.withLock { body(&$0) } }

    var current: Notes { notes.withLock { $0 } }
}
