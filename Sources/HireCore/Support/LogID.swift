/// Log ids as the platform writes them: the UTC time `yyyyMMddHHmmss`, then 20 uppercase hex digits.
package enum LogID {
    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// A new log id for a request received at `now` (milliseconds since 1970).
    package static func make(now: Int64) -> String {
        var generator = SystemRandomNumberGenerator()
        var utf8: [UInt8] = []
        utf8.reserveCapacity(34)
        let (year, month, day, seconds) = civil(now / 1000)
        for (value, width) in [(year, 4), (month, 2), (day, 2), (seconds / 3600, 2), (seconds / 60 % 60, 2), (seconds % 60, 2)] {
            var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
            var rest = value
            for position in (0..<width).reversed() {
                digits[position] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            utf8 += digits
        }
        for _ in 0..<2 {
            var random = generator.next()
            for _ in 0..<10 {
                utf8.append(hexDigits[Int(random & 0x0F)])
                random >>= 4
            }
        }
        return String(decoding: utf8, as: UTF8.self)
    }

    /// Year, month, day and second of the day of a Unix time (UTC).
    static func civil(_ unixSeconds: Int64) -> (Int, Int, Int, Int) {
        let days = Int(unixSeconds >= 0 ? unixSeconds / 86400 : (unixSeconds - 86399) / 86400)
        let secondOfDay = Int(unixSeconds - Int64(days) * 86400)
        // Howard Hinnant's days-to-civil.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondOfDay)
    }
}
