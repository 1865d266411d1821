import FeishuWire

/// Every item of a listing, fetched page by page as it is iterated.
///
/// The `list(…)` methods make these, e.g.
/// ``InterviewerResource/list(pageSize:userIDs:verifyStatus:earliestUpdateTime:latestUpdateTime:userIDType:options:)``
/// and ``InterviewResource/list(pageSize:applicationID:interviewID:startTime:endTime:jobLevelIDType:userIDType:options:)``;
/// for a request you built, ``init(client:firstPage:)``. Each iteration starts again from the
/// first page. ``pages`` gives the pages themselves, with their log ids and bodies.
///
/// ```swift
/// for try await interview in client.hire.v1.interview.list(applicationID: "6949805467799537964") {
///     print(interview.id ?? "-", interview.beginDate ?? "-")
/// }
/// ```
public struct PagedSequence<Item: Codable & Sendable & Hashable>: AsyncSequence, Sendable {
    /// Each item of the listing.
    public typealias Element = Item
    /// Fetching a page fails with a ``FeishuError`` (thrown untyped, as every call of the SDK).
    public typealias Failure = any Error

    /// The answers of the listing, one a page: the decoded page in `data`, the log id and the body.
    public let pages: PageSequence<Item>

    /// The items of `firstPage` and of the pages after it, sent with `client`.
    ///
    /// The next page's request is `firstPage` with the previous page's `page_token`.
    public init(client: FeishuClient, firstPage: FeishuRequest<Page<Item>>) {
        pages = PageSequence(client: client, firstPage: firstPage)
    }

    /// An iterator that starts at the first page.
    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pages: pages.makeAsyncIterator()) }

    /// Iterates the items, fetching the next page when one is used up.
    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        var pages: PageSequence<Item>.AsyncIterator
        var buffered: IndexingIterator<[Item]> = [].makeIterator()

        /// The next item, fetching the next page if needed; `nil` after the last.
        /// - Throws: always a ``FeishuError``.
        public mutating func next() async throws -> Item? {
            try await next(isolation: nil)
        }

        /// The next item, fetching the next page if needed; `nil` after the last.
        /// - Throws: always a ``FeishuError``.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws -> Item? {
            while true {
                if let item = buffered.next() { return item }
                guard let page = try await pages.next(isolation: actor) else { return nil }
                buffered = (page.data?.items ?? []).makeIterator()
            }
        }
    }
}

/// The pages of a listing, fetched as they are iterated: each page's answer, with the
/// decoded ``Page`` in `data`.
///
/// The sequence ends after the page whose `has_more` is false, or that names no new next page.
public struct PageSequence<Item: Codable & Sendable & Hashable>: AsyncSequence, Sendable {
    /// The answer of one page.
    public typealias Element = FeishuResponse<Page<Item>>
    /// Fetching a page fails with a ``FeishuError`` (thrown untyped, as every call of the SDK).
    public typealias Failure = any Error

    let client: FeishuClient
    let firstPage: FeishuRequest<Page<Item>>

    /// The answers of `firstPage` and of the pages after it, sent with `client`.
    public init(client: FeishuClient, firstPage: FeishuRequest<Page<Item>>) {
        self.client = client
        self.firstPage = firstPage
    }

    /// An iterator that starts at the first page.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, nextRequest: firstPage)
    }

    /// Iterates the pages.
    public struct AsyncIterator: AsyncIteratorProtocol, Sendable {
        let client: FeishuClient
        /// The request of the next page; `nil` after the last.
        var nextRequest: FeishuRequest<Page<Item>>?

        /// The next page's answer; `nil` after the last page.
        /// - Throws: always a ``FeishuError``.
        public mutating func next() async throws -> FeishuResponse<Page<Item>>? {
            try await next(isolation: nil)
        }

        /// The next page's answer; `nil` after the last page.
        /// - Throws: always a ``FeishuError``.
        public mutating func next(
            isolation actor: isolated (any Actor)?
        ) async throws -> FeishuResponse<Page<Item>>? {
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

/// Every interviewer of a listing, fetched page by page as it is iterated: what
/// ``InterviewerResource/list(pageSize:userIDs:verifyStatus:earliestUpdateTime:latestUpdateTime:userIDType:options:)`` returns.
public typealias InterviewerSequence = PagedSequence<Interviewer>

/// The pages of an interviewer listing: ``InterviewerSequence/pages``.
public typealias InterviewerPageSequence = PageSequence<Interviewer>
