import HireCore
import HireHTTP
import HirePostgres
import HireStore
import Logging

/// Opens the stores named by URL, and the services on them.
package enum StoreFactory {
    /// A store on the database of a `postgres://` URL: it connects once its services run.
    static func openPostgres(url: String, logger: Logger) throws -> any HireStore {
        let configuration: PostgresStoreConfiguration
        do {
            configuration = try PostgresStoreConfiguration(url: url)
        } catch {
            throw StoreOpeningError(message: error.description)
        }
        var storeLogger = logger
        storeLogger[metadataKey: "database"] = .string(configuration.redactedDescription)
        return PostgresStore(configuration: configuration, logger: storeLogger)
    }

    /// The services of `store`, with the rate limiter the store provides: on PostgreSQL shared
    /// by every node on the database (``SharedRateLimiter``), elsewhere this process's.
    package static func makeServices(
        store: any HireStore, clock: HireClock = .system, rateLimit: RateLimitPolicy?, admin: AdminSettings? = nil,
        logger: Logger = Logger(label: "hire-server"), metrics: ServerMetrics = ServerMetrics()
    ) async throws -> HireServices {
        try await HireServices.make(
            store: store, clock: clock, rateLimit: rateLimit, admin: admin, logger: logger, metrics: metrics)
    }
}

struct StoreOpeningError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
