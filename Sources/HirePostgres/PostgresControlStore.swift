import FeishuWire
import HireCore
import HireStore
import PostgresNIO

/// The admin API's settings in the database, shared by every node: each change is one
/// transaction that bumps `control_state.revision`, which nodes poll and acknowledge.
struct PostgresControlStore: ControlStore {
    let store: PostgresStore

    var isShared: Bool { true }

    func load() async throws -> ControlState {
        try await store.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { [logger = store.logger] connection in
            let row = try await connection.run(
                "SELECT revision, clock_offset_ms, rate_limit_epoch FROM control_state WHERE id = 1", logger: logger)[0]
            let (revision, offset, epoch) = try row.decode((Int64, Int64, Int64).self)
            var faults: [Fault] = []
            for row in try await connection.run(
                "SELECT id, settings, times_left, fired, created_ms FROM faults ORDER BY position", logger: logger)
            {
                let (id, settings, left, fired, created) = try row.decode((String, String, Int64?, Int64, Int64).self)
                guard case .object(let object) = try JSONParser.parse(settings) else { continue }
                var fault = try Fault.parse(object, id: id, now: created, operations: Endpoint.all.map(\.name))
                fault.timesLeft = left.map(Int.init)
                fault.fired = Int(fired)
                faults.append(fault)
            }
            return ControlState(revision: revision, clockOffsetMS: offset, rateLimitEpoch: epoch, faults: faults)
        }
    }

    func revision() async throws -> Int64 {
        try await store.rows("SELECT revision FROM control_state WHERE id = 1")[0].decode(Int64.self)
    }

    func setClockOffset(_ milliseconds: Int64) async throws -> Int64 {
        try await store.rows(
            "UPDATE control_state SET clock_offset_ms = \(milliseconds), revision = revision + 1 WHERE id = 1 RETURNING revision"
        )[0].decode(Int64.self)
    }

    func addFault(_ fault: Fault) async throws -> Int64 {
        let settings = JSONWriter.write(.object(fault.settings))
        let left = fault.timesLeft.map(Int64.init)
        return try await store.transaction { [logger = store.logger] connection in
            try await connection.run(
                """
                INSERT INTO faults (id, settings, times_left, created_ms)
                VALUES (\(fault.id), \(settings), \(left), \(fault.createdMS))
                """, logger: logger)
            return try await Self.bump(connection, logger: logger)
        }
    }

    func removeFault(id: String) async throws -> Int64? {
        try await changing("DELETE FROM faults WHERE id = \(id) RETURNING 1")
    }

    func removeAllFaults() async throws -> (count: Int, revision: Int64) {
        try await store.transaction { [logger = store.logger] connection in
            let removed = try await connection.run("DELETE FROM faults RETURNING 1", logger: logger).count
            let revision = try await Self.bump(connection, logger: logger)
            return (removed, revision)
        }
    }

    func bumpRateLimitEpoch() async throws -> Int64 {
        try await store.rows(
            """
            UPDATE control_state SET rate_limit_epoch = rate_limit_epoch + 1, revision = revision + 1 WHERE id = 1
            RETURNING revision
            """
        )[0].decode(Int64.self)
    }

    func fire(faultID: String) async throws -> Bool {
        try await store.transaction { [logger = store.logger] connection in
            let rows = try await connection.run(
                """
                UPDATE faults SET fired = fired + 1, times_left = times_left - 1
                WHERE id = \(faultID) AND (times_left IS NULL OR times_left > 0)
                RETURNING times_left
                """, logger: logger)
            guard let row = rows.first else { return false }
            if let left = try row.decode(Int64?.self), left <= 0 {
                try await connection.run("DELETE FROM faults WHERE id = \(faultID)", logger: logger)
            }
            _ = try await Self.bump(connection, logger: logger)
            return true
        }
    }

    func acknowledge(node: String, revision: Int64) async throws {
        try await store.execute(
            """
            INSERT INTO control_nodes (node_id, revision, seen_at) VALUES (\(node), \(revision), now())
            ON CONFLICT (node_id) DO UPDATE SET revision = greatest(control_nodes.revision, excluded.revision),
                seen_at = excluded.seen_at
            """)
    }

    func lagging(behind revision: Int64, except node: String) async throws -> Int {
        try await store.rows(
            """
            SELECT count(*) FROM control_nodes
            WHERE node_id <> \(node) AND revision < \(revision) AND seen_at > now() - interval '5 seconds'
            """
        )[0].decode(Int.self)
    }

    func leave(node: String) async throws {
        try await store.execute("DELETE FROM control_nodes WHERE node_id = \(node)")
    }

    /// Runs `statement` and, if it touched a row, bumps the revision in the same transaction.
    private func changing(_ statement: PostgresQuery) async throws -> Int64? {
        try await store.transaction { [logger = store.logger] connection in
            guard try await !connection.run(statement, logger: logger).isEmpty else { return nil }
            return try await Self.bump(connection, logger: logger)
        }
    }

    private static func bump(_ connection: PostgresConnection, logger: Logger) async throws -> Int64 {
        try await connection.run(
            "UPDATE control_state SET revision = revision + 1 WHERE id = 1 RETURNING revision", logger: logger
        )[0].decode(Int64.self)
    }
}

extension PostgresStore {
    /// The admin API's settings, shared by every node on the database.
    package var controls: any ControlStore { PostgresControlStore(store: self) }
}
