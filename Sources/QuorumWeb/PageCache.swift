import Foundation
import Hummingbird
import QuorumDomain
import QuorumPersistence
import Synchronization

/// Keeps rendered GET responses until the record changes or the day turns, so a popular meeting page is
/// built once, not once per visitor. The store's revision grows with every change, whoever makes it
/// (this server or `quorum import` in another process), so a cached page is never stale.
final class PageCache: Sendable {
    private struct Entry {
        let revision: Int
        let day: CalendarDay
        let response: Response
    }

    private let entries = Mutex<[String: Entry]>([:])
    let capacity: Int

    init(capacity: Int = 2000) {
        self.capacity = capacity
    }

    func response(for key: String, revision: Int, day: CalendarDay) -> Response? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.revision == revision, entry.day == day else { return nil }
            return entry.response
        }
    }

    func store(_ response: Response, for key: String, revision: Int, day: CalendarDay) {
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(revision: revision, day: day, response: response)
        }
    }
}

/// Answers GET requests from the page cache when it can, and fills it when it cannot.
struct PageCacheMiddleware<Context: RequestContext>: RouterMiddleware {
    let cache: PageCache
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, request.uri.path != "/health" else { return try await next(request, context) }
        // Feeds build links from the Host header when no public address is configured, so the host is part of the key.
        let key = (request.head.authority ?? "") + " " + request.uri.description
        let revision = try await store.revision()
        let day = todayInLondon(today).day
        if let cached = cache.response(for: key, revision: revision, day: day) {
            if let tag = cached.headers[.eTag], request.hasCopy(tagged: tag) { return Response(status: .notModified, headers: cached.headers) }
            return cached
        }
        let response = try await next(request, context)
        // A 304 has no body to keep; the next request without If-None-Match fills the cache.
        if response.status == .ok { cache.store(response, for: key, revision: revision, day: day) }
        return response
    }
}
