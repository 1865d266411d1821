extension AdminWire {
    /// The server's clock: the `data` of every `/_hire/clock` request.
    public struct ClockState: Codable, Sendable, Hashable {
        /// The server's time, in milliseconds since 1970.
        public var nowMS: Int64
        /// How far the server's time is from real time, in milliseconds; 0 at real time.
        public var offsetMS: Int64

        /// A clock state; the server creates these, tests of callers may too.
        public init(nowMS: Int64, offsetMS: Int64) {
            self.nowMS = nowMS
            self.offsetMS = offsetMS
        }

        enum CodingKeys: String, CodingKey {
            case nowMS = "now_ms"
            case offsetMS = "offset_ms"
        }
    }

    /// The body of `POST /_hire/clock`: one of its two members. The server reads it member
    /// by member, to name the wrong one.
    package struct ClockChange: Codable, Sendable, Hashable {
        package var advanceMS: Int64?
        package var nowMS: Int64?

        package init(advanceMS: Int64? = nil, nowMS: Int64? = nil) {
            self.advanceMS = advanceMS
            self.nowMS = nowMS
        }

        enum CodingKeys: String, CodingKey {
            case advanceMS = "advance_ms"
            case nowMS = "now_ms"
        }
    }
}
