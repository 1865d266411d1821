import HireCore
import HireHTTP
import HirePostgres
import HireStore
import Logging

/// Opens the stores named by URL, and the services on them.
package enum StoreFactory {
    static func openPostgres(url: String, logger: Logger) async throws -> any HireStore {
        let configuration: PostgresStoreConfiguration
        do {
            configuration = try PostgresStoreConfiguration(url: url)
        } catch {
            throw StoreOpeningError(message: error.description)
        }
        var storeLogger = logger
        storeLogger[metadataKey: "database"] = .string(configuration.redactedDescription)
        return try await PostgresStore(configuration: configuration, logger: storeLogger)
    }

    /// The services of `store`: on PostgreSQL, rate limits are shared by every node on the
    /// database (``SharedRateLimiter``); elsewhere they are this process's.
    package static func makeServices(
        store: any HireStore, clock: HireClock = .system, rateLimit: RateLimitPolicy?, admin: AdminSettings? = nil,
        logger: Logger = Logger(label: "hire-server")
    ) async throws -> HireServices {
        try await HireServices.make(
            store: store, clock: clock, rateLimit: rateLimit,
            makeRateLimiter: { policy, clock in
                guard let postgres = store as? PostgresStore else { return LocalRateLimiter(policy: policy) }
                return await postgres.makeSharedRateLimiter(policy: policy, clock: clock)
            },
            admin: admin, logger: logger)
    }
}

struct StoreOpeningError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
