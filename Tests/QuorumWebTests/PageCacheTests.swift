import Foundation
import Hummingbird
import QuorumDomain
@testable import QuorumWeb
import QuorumTestSupport
import Testing

private func page(_ size: Int) -> Response {
    Response(status: .ok, headers: [.contentType: "text/html"], body: ResponseBody(byteBuffer: ByteBuffer(string: String(repeating: "x", count: size))))
}

@Test("The page cache is bounded by bytes and evicts the least recently used page first")
func pageCacheBoundedByBytes() {
    let cache = PageCache(capacityBytes: 20_000)
    let day = CalendarDay(2025, 3, 18)
    cache.store(page(1_000), for: "home", revision: 1, day: day)
    for i in 0..<200 {
        cache.store(page(1_000), for: "stranger \(i)", revision: 1, day: day)
        _ = cache.response(for: "home", revision: 1, day: day)  // residents keep reading the home page
    }
    #expect(cache.bytes <= 20_000)
    #expect(cache.response(for: "home", revision: 1, day: day) != nil)
    #expect(cache.response(for: "stranger 0", revision: 1, day: day) == nil)
    #expect(cache.response(for: "home", revision: 2, day: day) == nil)
    #expect(!PageCache(capacityBytes: 0).isEnabled)
}

@Test("Parameters a page does not read are not part of its cache key")
func pageCacheKey() {
    #expect(PageCache.key(host: "h", path: "/", query: [("utm", "1"), ("x", "2")]) == PageCache.key(host: "h", path: "/", query: []))
    #expect(PageCache.key(host: "h", path: "/search", query: [("q", "send"), ("junk", "1")]) == "h /search?q=send")
    #expect(PageCache.key(host: "h", path: "/search", query: [("page", "2"), ("q", "send")]) == PageCache.key(host: "h", path: "/search", query: [("q", "send"), ("page", "2")]))
    // A value holding "&" or "=" is not read as another parameter: a bad page number cannot be kept as page 2.
    #expect(
        PageCache.key(host: "h", path: "/search", query: [("page", "2&q=send")]) != PageCache.key(host: "h", path: "/search", query: [("page", "2"), ("q", "send")]))
}

@Test("A page is rendered once and then served from the cache, which it says in X-Cache; a change to the record renders it again")
func pageCacheServesAndSays() async throws {
    try await withTemporaryStore { store async throws in
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        try await withApp(store) { client in
            func status(_ uri: String) async throws -> String? {
                try await client.execute(uri: uri, method: .get) { $0.headers[PageCache.statusHeader] }
            }
            #expect(try await status("/committees") == "miss")
            #expect(try await status("/committees") == "hit")
            #expect(try await status("/committees?utm_source=x") == "hit")
            #expect(try await status("/health") == nil)
            var committee = Committee.fixture()
            committee.remit = "A new remit."
            var change = RecordBatch()
            change.committees = [committee]
            try await store.save(change, by: "test", at: fixedNow)
            #expect(try await status("/committees") == "miss")
        }
    }
}
