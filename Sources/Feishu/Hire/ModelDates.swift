import Foundation

extension Attachment {
    /// ``createTime`` as a date; `nil` if absent or not a millisecond timestamp.
    public var createDate: Date? { createTime.flatMap(Int64.init).map(Date.init(feishuMilliseconds:)) }
}

extension ApplicationInterview {
    /// ``beginTime`` as a date.
    public var beginDate: Date? { beginTime.map(Date.init(feishuMilliseconds:)) }
    /// ``endTime`` as a date.
    public var endDate: Date? { endTime.map(Date.init(feishuMilliseconds:)) }
}
