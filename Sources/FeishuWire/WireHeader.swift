/// Header names of the wire contract.
public enum WireHeader {
    /// The log id of every response; clients quote it when reporting problems.
    public static let logID = "X-Tt-Logid"
    /// On a 99991400 answer: the request limit of the window that was exceeded.
    public static let rateLimitLimit = "x-ogw-ratelimit-limit"
    /// On a 99991400 answer: seconds until that window resets.
    public static let rateLimitReset = "x-ogw-ratelimit-reset"
}
