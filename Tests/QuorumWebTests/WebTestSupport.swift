import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import QuorumWeb
import Testing

/// Runs `test` against the real application on a fresh store holding `RecordBatch.everyKind()` plus `extra`.
func withSite(_ extra: RecordBatch = RecordBatch(), _ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    try await withTemporaryStore { store async throws in
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        if !extra.isEmpty { try await store.save(extra, by: "test", at: fixedNow) }
        try await withApp(store, test)
    }
}

/// GETs `uri`, checks the status, and returns the body.
@discardableResult
func get(_ client: any TestClientProtocol, _ uri: String, status: HTTPResponse.Status = .ok, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
    try await client.execute(uri: uri, method: .get) { response in
        #expect(response.status == status, "GET \(uri)", sourceLocation: sourceLocation)
        return String(buffer: response.body)
    }
}

let committeePath = "/committees/children-and-young-people-scrutiny-committee"
let heldMeetingPath = committeePath + "/meetings/2025-01-21"
let upcomingMeetingPath = committeePath + "/meetings/2025-03-18"

/// Every public address reachable from the site's entry points: pages by their links, and every feed, calendar,
/// CSV export, API list and API detail, and a search for each of `searches`. Returns each address with its body.
func crawl(_ client: any TestClientProtocol, searches: [String]) async throws -> [(String, String)] {
    var queue = [
        "/", "/committees", "/recommendations", "/recommendations.csv", "/work-programme", "/work-programme.csv", "/feed.atom", "/calendar.ics",
        "/api/v1/organizations", "/api/v1/people?per_page=100", "/api/v1/memberships?per_page=100",
        "/api/v1/events?per_page=100", "/api/v1/recommendations?per_page=100", "/api/v1/work-programme?per_page=100",
    ]
    queue += searches.map { "/search?q=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) }
    var seen = Set(queue)
    var pages: [(String, String)] = []
    func enqueue(_ path: String) {
        let decoded = path.replacingOccurrences(of: "&amp;", with: "&")
        guard decoded.hasPrefix("/"), !decoded.hasPrefix("//"), !decoded.hasPrefix("/assets"), seen.insert(decoded).inserted else { return }
        queue.append(decoded)
    }
    while !queue.isEmpty, pages.count < 600 {
        let path = queue.removeFirst()
        let body = try await client.execute(uri: path, method: .get) { String(buffer: $0.body) }
        pages.append((path, body))
        for match in body.matches(of: /href="([^"]+)"/) { enqueue(String(match.1)) }
        if path.hasPrefix("/api/v1/"), let json = try? JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
            let results = json["results"] as? [[String: Any]]
        {
            let collection = path.dropFirst("/api/v1/".count).prefix { $0 != "?" }
            for result in results {
                if let id = result["id"] as? String, ["organizations", "people", "events"].contains(collection) { enqueue("/api/v1/\(collection)/\(id)") }
                if let url = result["url"] as? String { enqueue(url) }
            }
        }
    }
    return pages
}

extension WebConfiguration {
    /// Time limits a test machine running every suite at once on two cores cannot trip: the tests of the limits
    /// themselves set their own.
    var unhurried: WebConfiguration {
        var configuration = self
        configuration.pageTimeLimit = .seconds(300)
        configuration.searchTimeLimit = .seconds(120)
        return configuration
    }
}
