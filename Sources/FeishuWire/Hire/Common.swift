import Foundation

/// A text in Chinese and English (`{zh_cn, en_us}`).
public struct I18nText: Codable, Sendable, Hashable {
    public var zhCN: String?
    public var enUS: String?

    public init(zhCN: String? = nil, enUS: String? = nil) {
        self.zhCN = zhCN
        self.enUS = enUS
    }

    enum CodingKeys: String, CodingKey {
        case zhCN = "zh_cn"
        case enUS = "en_us"
    }
}

/// An object with an ID and a name: a user reference, a stage, a round type.
public struct IDName: Codable, Sendable, Hashable {
    public var id: String?
    public var name: I18nText?

    public init(id: String? = nil, name: I18nText? = nil) {
        self.id = id
        self.name = name
    }
}

/// An object with a code and a name: a time zone, a district, a city.
public struct CodeName: Codable, Sendable, Hashable {
    public var code: String?
    public var name: I18nText?

    public init(code: String? = nil, name: I18nText? = nil) {
        self.code = code
        self.name = name
    }
}

extension Date {
    /// The date of a millisecond Unix timestamp, as every time in the API is given.
    public init(feishuMilliseconds milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// This date as a millisecond Unix timestamp.
    public var feishuMilliseconds: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }
}
