import Foundation
import HireCLIKit

/// The `hire` executable: runs the command and exits with its status.
@main
enum HireMain {
    static func main() async {
        let status = await HireTool.run(Array(CommandLine.arguments.dropFirst()))
        exit(status)
    }
}
