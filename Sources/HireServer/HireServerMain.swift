import ArgumentParser
import HireServerKit

@main
enum HireServerMain {
    static func main() async {
        await HireServerCommand.main()
    }
}
