import HireStore
import Logging

/// Opens the stores named by URL.
enum StoreFactory {
    static func openPostgres(url: String, logger: Logger) async throws -> any HireStore {
        throw StoreOpeningError(message: "PostgreSQL support is not built into this hire-server yet")
    }
}

struct StoreOpeningError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
