import Foundation
import Hummingbird
import HTTPTypes
import QuorumDomain
import QuorumStorage
import Synchronization

/// Keeps rendered GET responses until the record changes or the day turns, so a popular meeting page is
/// built once, not once per visitor. The store's revision grows with every change, whoever makes it
/// (this server or `quorum import` in another process), so a cached page is never stale.
///
/// It is bounded by bytes, not entries, and evicts the least recently used page first, so strangers' odd addresses
/// cannot fill memory or push out the pages residents read.
final class PageCache: Sendable {
    private struct Entry {
        let revision: Int
        let day: CalendarDay
        let response: Response
        let bytes: Int
        var used: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        var clock: UInt64 = 0
    }

    private let state = Mutex(State())
    /// The most the cached pages may take, in bytes; 0 keeps nothing.
    let capacity: Int

    init(capacityBytes: Int = 64 << 20) {
        self.capacity = capacityBytes
    }

    var isEnabled: Bool { capacity > 0 }

    /// What the cache holds now, in bytes (for tests and benchmarks).
    var bytes: Int { state.withLock { $0.bytes } }

    func response(for key: String, revision: Int, day: CalendarDay) -> Response? {
        state.withLock { state in
            guard var entry = state.entries[key], entry.revision == revision, entry.day == day else { return nil }
            state.clock += 1
            entry.used = state.clock
            state.entries[key] = entry
            return entry.response
        }
    }

    func store(_ response: Response, for key: String, revision: Int, day: CalendarDay) {
        // A page's size is its body and headers, with the key; one that cannot be measured is not kept.
        guard let body = response.body.contentLength else { return }
        let size = body + key.utf8.count + response.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count }
        guard size <= capacity / 4 else { return }
        state.withLock { state in
            if let old = state.entries.removeValue(forKey: key) { state.bytes -= old.bytes }
            while state.bytes + size > capacity, let oldest = state.entries.min(by: { $0.value.used < $1.value.used }) {
                state.bytes -= oldest.value.bytes
                state.entries.removeValue(forKey: oldest.key)
            }
            state.clock += 1
            state.entries[key] = Entry(revision: revision, day: day, response: response, bytes: size, used: state.clock)
            state.bytes += size
        }
    }

    /// The parameters each kind of page reads: any other parameter changes nothing on the page, so it is not part of
    /// the cache key, and a flood of made-up query strings finds the same cached page.
    /// `X-Cache: hit` on a page served from the cache, `miss` on one just rendered (for benchmarks and operators).
    static let statusHeader = HTTPField.Name("X-Cache")!

    static func key(host: String, path: String, query: [(String, String)]) -> String {
        let used: Set<String>
        switch path {
        case "/search": used = ["q", "committee", "from", "to", "kind", "page"]
        case "/recommendations", "/recommendations.csv", "/recommendations-summary.csv": used = ["committee", "outcome", "overdue", "from", "to", "page"]
        case "/work-programme", "/work-programme.csv": used = ["committee"]
        case _ where path.hasSuffix("/scorecard") || path.hasSuffix("/scorecard.csv") || (path.hasPrefix("/committees/") && path.hasSuffix("/work-programme"))
            || path.hasPrefix("/people/"):
            used = ["year"]
        case _ where path.hasPrefix("/plans/"): used = ["version"]
        case _ where path.hasPrefix("/api/v1/"):
            used = ["page", "per_page", "committee", "organization_id", "person_id", "start_date_from", "start_date_to", "outcome", "overdue", "year"]
        default: used = []
        }
        let kept = query.filter { used.contains($0.0) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        // Encoded again, so that a value holding "&" or "=" cannot read as another parameter.
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "" }
        return host + " " + path + (kept.isEmpty ? "" : "?" + kept.map { encoded($0.0) + "=" + encoded($0.1) }.joined(separator: "&"))
    }
}

/// Answers GET requests from the page cache when it can, and fills it when it cannot.
struct PageCacheMiddleware: RouterMiddleware {
    typealias Context = QuorumRequestContext
    let cache: PageCache
    let store: any QuorumStore
    let today: @Sendable () -> Date
    let site: WebConfiguration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // A signed-in request may show what the public may not: it is never answered from the cache, nor kept in it.
        guard cache.isEnabled, request.method == .get, request.uri.path != "/health", context.session == nil,
            !request.carriesApiToken
        else { return try await next(request, context) }
        // Feeds build links from the site's address, which depends on the Host only among the site's own names: that
        // address, not the Host a stranger sends, is part of the key.
        let query = queryDictionary(request).map { ($0.key, $0.value) }
        let key = PageCache.key(host: site.siteURL(requestHost: request.head.authority), path: request.uri.path, query: query)
        let revision = try await store.revision()
        let day = todayInLondon(today).day
        if var cached = cache.response(for: key, revision: revision, day: day) {
            cached.headers[PageCache.statusHeader] = "hit"
            if let tag = cached.headers[.eTag], request.hasCopy(tagged: tag) { return Response(status: .notModified, headers: cached.headers) }
            return cached
        }
        var response = try await next(request, context)
        response.headers[PageCache.statusHeader] = "miss"
        // A 304 has no body to keep; the next request without If-None-Match fills the cache. A page that sets a cookie
        // (a form's own token) or says it is nobody else's is never kept: each visitor must get their own.
        if response.status == .ok, response.headers[.setCookie] == nil, !(response.headers[.cacheControl]?.contains("no-store") ?? false) {
            cache.store(response, for: key, revision: revision, day: day)
        }
        return response
    }
}
