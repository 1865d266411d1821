import Foundation

/// What a run of `hire` reads and writes besides its arguments: the environment,
/// the local time zone, and its two output streams. Tests replace it.
public struct CLIContext: Sendable {
    /// Variables such as `FEISHU_APP_ID`.
    public var environment: [String: String]
    /// The zone times are shown in.
    public var timeZone: TimeZone
    /// Standard output.
    public var output: @Sendable (String) -> Void
    /// Standard error.
    public var errorOutput: @Sendable (String) -> Void

    /// A context with these variables, zone and outputs.
    public init(
        environment: [String: String], timeZone: TimeZone,
        output: @escaping @Sendable (String) -> Void, errorOutput: @escaping @Sendable (String) -> Void
    ) {
        self.environment = environment
        self.timeZone = timeZone
        self.output = output
        self.errorOutput = errorOutput
    }

    /// The process's environment, time zone, stdout and stderr.
    public static var standard: CLIContext {
        CLIContext(
            environment: ProcessInfo.processInfo.environment, timeZone: .current,
            output: { FileHandle.standardOutput.write(Data($0.utf8)) },
            errorOutput: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// The context of the running command.
    @TaskLocal public static var current: CLIContext = .standard
}
