import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import QuorumWeb
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

@Test("The calendar is RFC 5545 with stable UIDs in Europe/London time, and one per committee")
func calendar() async throws {
    try await withSite { client in
        let folded = try await client.execute(uri: "/calendar.ics", method: .get) { response in
            #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
            return String(buffer: response.body)
        }
        #expect(folded.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
        let body = folded.replacingOccurrences(of: "\r\n ", with: "")  // unfold, as RFC 5545 readers do
        #expect(body.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
        #expect(body.contains("UID:herefordshire-council/children-and-young-people-scrutiny-committee/2025-03-18@quorum\r\n"))
        #expect(body.contains("DTSTART;TZID=Europe/London:20250318T140000\r\n"))
        #expect(body.contains("DTEND;TZID=Europe/London:20250121T163500\r\n"))
        #expect(body.contains("STATUS:CANCELLED"))
        #expect(body.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London"))
        #expect(body.hasSuffix("END:VCALENDAR\r\n"))
        #expect(body.components(separatedBy: "BEGIN:VEVENT").count - 1 == 5)
        let one = try await get(client, committeePath + "/calendar.ics")
        #expect(one.components(separatedBy: "BEGIN:VEVENT").count - 1 == 5)
        try await get(client, "/committees/nope/calendar.ics", status: .notFound)
    }
}

@Test("The Atom feed lists newly published papers and recommendation responses")
func atomFeed() async throws {
    try await withSite { client in
        let body = try await client.execute(uri: "/feed.atom", method: .get) { response in
            #expect(response.headers[.contentType] == "application/atom+xml; charset=utf-8")
            return String(buffer: response.body)
        }
        #expect(body.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(body.contains("<title>Area SEND Inspection (Children and Young People Scrutiny Committee, Tuesday 18 March 2025)</title>"))
        #expect(body.contains("<updated>2025-03-10T09:00:00Z</updated>"))  // the agenda publication deadline
        #expect(body.contains("Response to recommendation 2 on Safeguarding annual report: Accepted"))
        #expect(!body.contains("Contract award"))
    }
}

struct Listing<Item: Decodable>: Decodable {
    let results: [Item]
    let pagination: Pagination
    struct Pagination: Decodable {
        let page: Int
        let per_page: Int
        let total: Int
    }
}

struct Identified: Decodable {
    let id: String
}

func decode<T: Decodable>(_ type: T.Type, _ client: any TestClientProtocol, _ uri: String) async throws -> T {
    try await client.execute(uri: uri, method: .get) { response in
        #expect(response.status == .ok, "GET \(uri)")
        #expect(response.headers[.contentType] == "application/json; charset=utf-8")
        return try JSONDecoder().decode(T.self, from: Data(buffer: response.body))
    }
}

@Test("The API lists organizations, people, memberships, events, recommendations and the work programme, with stable IDs")
func apiLists() async throws {
    try await withSite { client in
        let organizations = try await decode(Listing<Identified>.self, client, "/api/v1/organizations")
        #expect(organizations.results.map(\.id) == ["herefordshire-council/children-and-young-people-scrutiny-committee"])
        let people = try await decode(Listing<Identified>.self, client, "/api/v1/people?per_page=2&page=2")
        #expect(people.results.count == 2 && people.pagination.total == 6 && people.pagination.page == 2)
        let memberships = try await decode(Listing<Identified>.self, client, "/api/v1/memberships?committee=children-and-young-people-scrutiny-committee")
        #expect(memberships.pagination.total == 5)
        let events = try await decode(Listing<Identified>.self, client, "/api/v1/events?start_date_from=2025-01-01&start_date_to=2025-03-31")
        #expect(events.results.map(\.id).map { $0.suffix(10) } == ["2025-01-21", "2025-02-04", "2025-03-18"])
        let recommendations = try await decode(Listing<Identified>.self, client, "/api/v1/recommendations?overdue=1")
        #expect(recommendations.pagination.total == 1)
        let programme = try await decode(Listing<Identified>.self, client, "/api/v1/work-programme")
        #expect(programme.pagination.total == 5)
    }
}

@Test("An API event carries its agenda, with exempt items redacted, and its minutes")
func apiEvent() async throws {
    struct Event: Decodable {
        let id: String
        let start_time: String
        let agenda: [Item]
        let minutes: [Minute]
        struct Item: Decodable {
            let number: String
            let title: String
            let classification: String
            let pages: String?
        }
        struct Minute: Decodable { let number: Int }
    }
    try await withSite { client in
        let event = try await decode(Event.self, client, "/api/v1/events/herefordshire-council/children-and-young-people-scrutiny-committee/2025-03-18")
        #expect(event.start_time == "14:00")
        #expect(event.agenda.map(\.number) == ["1", "7", "12"])
        #expect(event.agenda[2].classification == "exempt" && event.agenda[2].title == "Exempt item" && event.agenda[2].pages == nil)
        let held = try await decode(Event.self, client, "/api/v1/events/herefordshire-council/children-and-young-people-scrutiny-committee/2025-01-21")
        #expect(held.minutes.map(\.number) == [42, 45, 48])
        let organization = try await decode(Identified.self, client, "/api/v1/organizations/herefordshire-council/children-and-young-people-scrutiny-committee")
        #expect(organization.id.hasSuffix("scrutiny-committee"))
        let person = try await decode(Identified.self, client, "/api/v1/people/herefordshire-council/toni-fagan")
        #expect(person.id == "herefordshire-council/toni-fagan")
    }
}

@Test("API errors are JSON: 400 saying what was wrong, 404 for unknown records")
func apiErrors() async throws {
    try await withSite { client in
        try await client.execute(uri: "/api/v1/events?start_date_from=yesterday", method: .get) { response in
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body) == #"{"error":{"message":"start_date_from must be a date like 2025-03-18, not ‘yesterday’.","status":400}}"#)
        }
        try await client.execute(uri: "/api/v1/events/no/such/event", method: .get) { response in
            #expect(response.status == .notFound)
            #expect(String(buffer: response.body).contains(#""status":404"#))
        }
        try await get(client, "/api/v1/people?per_page=1000", status: .badRequest)
        // A committee the record does not hold is a filter that matches nothing (the OpenAPI document says so, and
        // schemathesis checks it), not a 400.
        #expect(try await get(client, "/api/v1/memberships?organization_id=nothing").contains(#""results":[]"#))
    }
}

@Test("The OpenAPI document describes every API path")
func openAPI() async throws {
    try await withSite { client in
        let body = try await get(client, "/api/v1/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: Any])
        #expect(Set(paths.keys) == Set<String>([
            "/organizations", "/organizations/{id}", "/people", "/people/{id}", "/memberships", "/events", "/events/{id}", "/recommendations",
            "/recommendations/{id}", "/work-programme", "/me", "/exempt", "/warnings", "/warnings/{id}/checked", "/events/{id}/reschedule", "/events/{id}/cancel", "/events/{id}/agenda", "/events/{id}/publish-agenda", "/events/{id}/minutes", "/events/{id}/publish-minutes", "/questions", "/questions/{id}", "/questions/{id}/accept",
            "/questions/{id}/reject", "/questions/{id}/answer", "/questions/{id}/supplementary", "/scorecards", "/plans", "/plans/{id}",
        ]).union(["response", "sent", "extension", "not-pursued", "implementation", "close"].map { "/recommendations/{id}/" + $0 }))
        // Every action needs the token, and says what a missing one gets.
        for (path, item) in paths {
            for (method, operation) in try #require(item as? [String: [String: Any]]) where method == "post" || ["/me", "/exempt", "/warnings", "/questions", "/questions/{id}"].contains(path) {
                #expect(operation["security"] != nil, "\(method) \(path)")
                #expect((operation["responses"] as? [String: Any])?["401"] != nil, "\(method) \(path)")
            }
        }
    }
}


@Test("Feed links use the site's own names: a Host that is not one of them is never echoed, nor does it make a new cache entry")
func feedLinksUseTheSiteNames() async throws {
    let site = WebConfiguration(port: 8080, siteNames: ["meetings.example.gov.uk"])
    for (host, expected) in [
        ("meetings.example.gov.uk", "http://meetings.example.gov.uk"), ("evil.example.com", "http://meetings.example.gov.uk"),
        ("localhost:8080", "http://localhost:8080"), ("MEETINGS.example.gov.uk:8080", "http://meetings.example.gov.uk:8080"),
        ("meetings.example.gov.uk:9999", "http://meetings.example.gov.uk"), ("a\"b<c>", "http://meetings.example.gov.uk"),
    ] {
        #expect(site.siteURL(requestHost: host) == expected, "\(host)")
    }
    #expect(WebConfiguration(host: "127.0.0.1", port: 8080).siteURL(requestHost: "evil.example.com") == "http://127.0.0.1:8080")
    #expect(WebConfiguration(baseURL: "https://council.example/").siteURL(requestHost: "evil.example.com") == "https://council.example")
    // The feed is built from it (the test client always sends localhost, one of the names).
    try await withTemporaryStore { store async throws in
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        let app = try await buildApplication(site.unhurried, store: store, today: { fixedNow }, logger: Logger(label: "test"))
        try await app.test(.router) { client in
            let body = try await get(client, "/feed.atom")
            #expect(body.contains("<link href=\"http://localhost/\""))
        }
    }
}
