import HireCore
import Synchronization

/// The rules of replacing tenants' data (a snapshot's restore), which every store applies
/// in one transaction:
///
/// 1. delete the tenants' hiring data and users (``clearedTables``, in this order), keeping
///    the tenant rows, apps and tokens;
/// 2. import the new data (an upsert), noting the tenants and apps it holds (``Observer``);
/// 3. remove the apps the new data lacks, with their tokens and open_ids, the union_ids of
///    developers left without an app, and the tenants the new data lacks.
///
/// So tokens already issued stay valid while their app exists in the new data with the
/// same secret, and nothing else of the old data survives.
package enum TenantReplacement {
    /// The tables holding a tenant's data by `tenant_key`, children before parents.
    package static let clearedTables = [
        "interview_records", "interviews", "applications", "talents", "job_levels", "interview_round_types",
        "interviewer_history", "interviewers", "user_ids", "users",
    ]

    /// The tenants and apps an import wrote, seen as its entries pass.
    package final class Observer: Sendable {
        private let seen = Mutex<(tenants: Set<String>, apps: Set<String>)>(([], []))

        package init() {}

        /// `source`, noting each entry as it is read.
        package func watching(_ source: DataFileSource) -> DataFileSource {
            DataFileSource(AnyIterator { [self] in
                let next = source.nextEntry()
                if case .success(let entry)? = next {
                    switch entry.entity {
                    case .tenant: seen.withLock { _ = $0.tenants.insert(entry.tenantKey) }
                    case .app(let app): seen.withLock { _ = $0.apps.insert(app.appID) }
                    default: break
                    }
                }
                return next
            })
        }

        package var tenants: Set<String> { seen.withLock { $0.tenants } }
        package var apps: Set<String> { seen.withLock { $0.apps } }
    }
}
