import Logging
import NIOCore
import PostgresNIO
import Synchronization

extension PostgresConnection {
    /// Runs one statement and collects its rows, failing if the connection closes without answering.
    ///
    /// PostgresNIO loses a query written to a connection whose channel has just closed (the
    /// pool may lease such a connection before it learns of the close): its answer never comes.
    /// A watch checks the connection every second while the statement runs, so a lost database
    /// turns into an error (and a 1002001 answer) rather than a request that never ends.
    func watchedRows(_ query: PostgresQuery, logger: Logger) -> EventLoopFuture<[PostgresRow]> {
        watched { watch in
            self.query(query, logger: logger).whenComplete { result in
                watch.complete(with: result.map(\.rows))
            }
        }
    }

    /// Runs one statement and collects its rows (see ``watchedRows(_:logger:)``).
    @discardableResult
    func run(_ query: PostgresQuery, logger: Logger) async throws -> [PostgresRow] {
        try await watchedRows(query, logger: logger).get()
    }

    /// Runs a prepared statement (preparing it first on this connection if it is new here)
    /// and collects its rows, watched like ``watchedRows(_:logger:)``.
    @discardableResult
    func run<Statement: HireStatement>(_ statement: Statement, logger: Logger) async throws -> [PostgresRow] {
        try await watched { watch in
            // Unstructured: PostgresNIO offers prepared statements only as `async`, and if the
            // answer never comes, the watch answers while this task stays parked.
            Task {
                do {
                    var rows: [PostgresRow] = []
                    for try await row in try await self.execute(statement, logger: logger) { rows.append(row) }
                    watch.complete(with: .success(rows))
                } catch {
                    watch.complete(with: .failure(error))
                }
            }
        }.get()
    }

    /// The rows of the statement that `start` sends, answered by the statement or, if the
    /// connection closes first, by ``PostgresUnavailable/connectionLost``.
    private func watched(_ start: (QueryWatch) -> Void) -> EventLoopFuture<[PostgresRow]> {
        let promise = eventLoop.makePromise(of: [PostgresRow].self)
        let watch = QueryWatch(promise: promise)
        start(watch)
        watch.arm(connection: self)
        return promise.futureResult
    }
}

/// A statement in flight on a watched connection: completed once, by its answer or by the
/// connection's closing.
private final class QueryWatch: Sendable {
    private struct State {
        var done = false
        var timer: Scheduled<Void>?
    }

    private let promise: EventLoopPromise<[PostgresRow]>
    private let state = Mutex(State())

    init(promise: EventLoopPromise<[PostgresRow]>) { self.promise = promise }

    func complete(with result: Result<[PostgresRow], any Error>) {
        let timer = state.withLock { state -> Scheduled<Void>?? in
            guard !state.done else { return nil }
            state.done = true
            // The timer's task holds this watch: dropping it here breaks the cycle.
            defer { state.timer = nil }
            return .some(state.timer)
        }
        guard let timer else { return }
        timer?.cancel()
        promise.completeWith(result)
    }

    func arm(connection: PostgresConnection) {
        let timer = connection.eventLoop.scheduleTask(in: .seconds(1)) { [self] in
            if connection.isClosed {
                complete(with: .failure(PostgresUnavailable.connectionLost))
            } else {
                arm(connection: connection)
            }
        }
        let stale = state.withLock { state -> Bool in
            if state.done { return true }
            state.timer = timer
            return false
        }
        if stale { timer.cancel() }
    }
}
