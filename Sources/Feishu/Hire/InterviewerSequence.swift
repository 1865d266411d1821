/// Every interviewer of a listing, fetched page by page as it is iterated.
///
/// Made by ``InterviewerResource/list(pageSize:userIDs:verifyStatus:earliestUpdateTime:latestUpdateTime:userIDType:options:)``.
/// Each iteration starts again from the first page. ``pages`` gives the pages themselves,
/// with their log ids and bodies.
public struct InterviewerSequence: AsyncSequence, Sendable {
    /// Each interviewer of the listing.
    public typealias Element = Interviewer
    /// Fetching a page fails with a ``FeishuError`` (thrown untyped, as every call of the SDK).
    public typealias Failure = any Error

    let client: FeishuClient
    let firstPage: FeishuRequest<InterviewerPage>

    /// An iterator that starts at the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pages: pages.makeAsyncIterator())
    }

    /// The answers of the listing, one a page: the decoded page in `data`, the log id and the body.
    public var pages: InterviewerPageSequence { InterviewerPageSequence(client: client, firstPage: firstPage) }

    /// Iterates the interviewers, fetching the next page when one is used up.
    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        var pages: InterviewerPageSequence.AsyncIterator
        var buffered: IndexingIterator<[Interviewer]> = [].makeIterator()

        /// The next interviewer, fetching the next page if needed; `nil` after the last.
        /// - Throws: always a ``FeishuError``.
        public mutating func next() async throws -> Interviewer? {
            try await next(isolation: nil)
        }

        /// The next interviewer, fetching the next page if needed; `nil` after the last.
        /// - Throws: always a ``FeishuError``.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws -> Interviewer? {
            while true {
                if let interviewer = buffered.next() { return interviewer }
                guard let page = try await pages.next(isolation: actor) else { return nil }
                buffered = (page.data?.items ?? []).makeIterator()
            }
        }
    }
}

/// The pages of an interviewer listing, fetched as they are iterated: each page's
/// answer, with the decoded ``InterviewerPage`` in `data`.
///
/// The sequence ends after the page whose `has_more` is false, or that names no new next page.
public struct InterviewerPageSequence: AsyncSequence, Sendable {
    /// The answer of one page.
    public typealias Element = FeishuResponse<InterviewerPage>
    /// Fetching a page fails with a ``FeishuError`` (thrown untyped, as every call of the SDK).
    public typealias Failure = any Error

    let client: FeishuClient
    let firstPage: FeishuRequest<InterviewerPage>

    /// An iterator that starts at the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, nextRequest: firstPage)
    }

    /// Iterates the pages.
    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        let client: FeishuClient
        /// The request of the next page; `nil` after the last.
        var nextRequest: FeishuRequest<InterviewerPage>?

        /// The next page's answer; `nil` after the last page.
        /// - Throws: always a ``FeishuError``.
        public mutating func next() async throws -> FeishuResponse<InterviewerPage>? {
            try await next(isolation: nil)
        }

        /// The next page's answer; `nil` after the last page.
        /// - Throws: always a ``FeishuError``.
        public mutating func next(
            isolation actor: isolated (any Actor)?
        ) async throws -> FeishuResponse<InterviewerPage>? {
            guard let request = nextRequest else { return nil }
            nextRequest = nil
            let response = try await client.send(request)
            if let page = response.data, page.hasMore == true, let token = page.pageToken, !token.isEmpty,
                token != request.query.first(where: { $0.name == "page_token" })?.value
            {
                nextRequest = request.setting("page_token", to: token)
            }
            return response
        }
    }
}
