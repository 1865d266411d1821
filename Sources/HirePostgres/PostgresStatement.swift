import PostgresNIO

/// A statement of an endpoint's path, prepared once per connection and then only
/// bound and executed: PostgreSQL plans the text once instead of on every request
/// (for the joins of `get_by_talent`, planning costs several times the execution).
///
/// Every parameter is cast in the text (`$1::text`) so that its type never depends
/// on the values bound when the statement is first prepared (a NULL, say).
protocol HireStatement: PostgresPreparedStatement where Row == PostgresRow {}

extension HireStatement {
    func decodeRow(_ row: PostgresRow) -> PostgresRow { row }
}
