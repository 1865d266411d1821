import ArgumentParser
import Feishu

/// Runs `hire` and says how it ended, without exiting: the entry point of the
/// executable and of in-process tests.
public enum HireTool: Sendable {
    /// Exit status of a run that succeeded.
    public static let success: Int32 = 0
    /// Exit status of a run whose call failed: an API error, a transport failure, an undecodable answer.
    public static let failure: Int32 = 1
    /// Exit status of a run with unusable arguments.
    public static let usageError: Int32 = 2

    /// Parses `arguments` (without the program name), runs the command in `context`, and returns the exit status.
    ///
    /// Failures of the call end with one line on standard error,
    /// `error: <code> <msg> (log_id: …)`, and status 1. Usage errors end with the
    /// problem and the command's help on standard error, and status 2.
    public static func run(_ arguments: [String], context: CLIContext = .standard) async -> Int32 {
        await CLIContext.$current.withValue(context) {
            await execute(arguments, context: context)
        }
    }

    private static func execute(_ arguments: [String], context: CLIContext) async -> Int32 {
        do {
            var command = try HireCommand.parseAsRoot(arguments)
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
            return success
        } catch let error as FeishuError {
            context.errorOutput("error: \(error)\n")
            return failure
        } catch {
            let exitCode = HireCommand.exitCode(for: error)
            if exitCode == .success {
                context.output(HireCommand.fullMessage(for: error) + "\n")
                return success
            }
            if exitCode == .validationFailure {
                let help = HireCommand.helpMessage(for: command(named: arguments))
                context.errorOutput("error: \(HireCommand.message(for: error))\n\n\(help)\n")
                return usageError
            }
            context.errorOutput("error: \(HireCommand.message(for: error))\n")
            return exitCode.rawValue == 0 ? failure : exitCode.rawValue
        }
    }

    /// The deepest command the leading arguments name, for its help.
    static func command(named arguments: [String]) -> any ParsableCommand.Type {
        var command: any ParsableCommand.Type = HireCommand.self
        for argument in arguments {
            guard
                let subcommand = command.configuration.subcommands.first(where: {
                    $0.configuration.commandName == argument || $0.configuration.aliases.contains(argument)
                })
            else { break }
            command = subcommand
        }
        return command
    }
}
