import Foundation

extension Attachment {
    /// ``createTime`` as a date; `nil` if absent or not a millisecond timestamp.
    public var createDate: Date? { createTime.flatMap(Int64.init).map(Date.init(feishuMilliseconds:)) }
}
