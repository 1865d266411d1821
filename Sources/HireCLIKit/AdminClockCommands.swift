import ArgumentParser
import Feishu

/// `hire admin clock …`; `hire admin clock` alone shows it.
struct AdminClockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clock",
        abstract: "Show, move, set or reset the server's clock.",
        discussion: """
            Everything the server times follows it: token lifetimes, page tokens, update times, rate-limit \
            windows, log ids.
            """,
        subcommands: [
            AdminClockShowCommand.self, AdminClockAdvanceCommand.self, AdminClockSetCommand.self,
            AdminClockResetCommand.self,
        ],
        defaultSubcommand: AdminClockShowCommand.self)
}

/// `hire admin clock show` (and `hire admin clock`).
struct AdminClockShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show the server's time and its offset from real time.",
        discussion: "GET /_hire/clock.")

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.clock(.getClock())
    }
}

/// `hire admin clock advance 2h`.
struct AdminClockAdvanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move the server's clock.",
        discussion: """
            POST /_hire/clock {"advance_ms": …}. Durations: 2h, 90m, 30s, 1500ms, 1d, or several as in 1h30m. \
            To move back, put -- before a negative one: hire admin clock advance -- -30m.
            """)

    @Argument(help: "How far: 2h, 90m, 30s, 1500ms, 1h30m; negative moves back.")
    var duration: DurationArgument

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.clock(.advanceClock(byMilliseconds: duration.milliseconds))
    }
}

/// `hire admin clock set 2030-01-01T09:00:00+08:00`.
struct AdminClockSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set the server's clock.",
        discussion: """
            POST /_hire/clock {"now_ms": …}. The time: a millisecond timestamp, an ISO-8601 date-time \
            (2030-01-01T09:00:00+08:00; local time without an offset) or a date (its start, local time).
            """)

    @Argument(help: "The time to set: milliseconds since 1970 or ISO-8601.")
    var time: InstantArgument

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.clock(.setClock(nowMS: time.milliseconds))
    }
}

/// `hire admin clock reset`.
struct AdminClockResetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset", abstract: "Return the server's clock to real time.", discussion: "DELETE /_hire/clock.")

    @OptionGroup var call: AdminCallOptions

    func run() async throws {
        try await call.clock(.resetClock())
    }
}

extension AdminCallOptions {
    /// Sends a clock call and prints the clock it answers.
    func clock(_ request: FeishuRequest<ClockState>) async throws {
        let format = HumanFormat(timeZone: CLIContext.current.timeZone)
        try await send(request) { $0.map(format.clock) ?? "" }
    }
}
