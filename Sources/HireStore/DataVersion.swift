/// A value that changes whenever a store's data changes — through this process, another
/// process or another node — read without touching the data. The server's caches keep an
/// entry only while the store is at the version the entry was read at.
package struct DataVersion: Sendable, Hashable {
    package let value: Int64

    package init(_ value: Int64) { self.value = value }
}
