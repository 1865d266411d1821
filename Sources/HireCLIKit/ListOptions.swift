import ArgumentParser
import Feishu

/// The options of a command that lists page by page: `--all`, `--page-size`,
/// `--page-token`, the connection and `--json`.
struct ListOptions: ParsableArguments {
    @Flag(help: "Fetch every page.")
    var all = false

    @Option(name: .customLong("page-size"), help: "Items per page (default 10; with --all, the most allowed).")
    var pageSize: Int?

    @Option(name: .customLong("page-token"), help: "The page to show: the token printed after the previous one.")
    var pageToken: String?

    @OptionGroup var call: APICallOptions

    func validate() throws {
        if all, pageToken != nil { throw ValidationError("--page-token and --all cannot be combined.") }
    }

    /// Fetches and prints one page (with the token of the next), or with `--all` every page.
    ///
    /// One page prints as the server's `data` object with `--json`; every page as one JSON
    /// array of the items, each as the server wrote it.
    /// - Parameters:
    ///   - largestPageSize: the page size for `--all` without `--page-size`: the most the endpoint allows.
    ///   - describe: the items for people, e.g. a table; also for none.
    ///   - request: the request of a page of this size (`nil`: the server's default) after this token (`nil`: the first).
    func run<Item>(
        largestPageSize: Int, describe: (HumanFormat) -> ([Item]) -> String,
        request: (_ pageSize: Int?, _ pageToken: String?) -> FeishuRequest<Page<Item>>
    ) async throws {
        let context = CLIContext.current
        let describe = describe(HumanFormat(timeZone: context.timeZone))
        guard all else {
            try await call.send(request(pageSize, pageToken)) { page in
                var text = describe(page?.items ?? [])
                if page?.hasMore == true, let token = page?.pageToken {
                    text += "More on the next page: --page-token \(token) (or --all for every page)\n"
                }
                return text
            }
            return
        }
        let firstPage = request(pageSize ?? largestPageSize, nil)
        let (items, rawItems) = try await call.destination.withClient { client in
            var items: [Item] = []
            var rawItems: [String] = []
            for try await page in PageSequence(client: client, firstPage: firstPage) {
                items += page.data?.items ?? []
                let raw = RawJSON.member("data", of: page.body).flatMap { RawJSON.member("items", of: $0.utf8) }
                rawItems += raw.flatMap(RawJSON.elements(of:)) ?? []
            }
            return (items, rawItems)
        }
        context.output(call.output.json ? "[" + rawItems.joined(separator: ",") + "]\n" : describe(items))
    }
}
