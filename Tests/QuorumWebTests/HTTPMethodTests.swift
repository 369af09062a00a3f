import Foundation
import GRDB
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

@Test("HEAD answers wherever GET does, without a body; other methods get 405 with Allow, or 404 where nothing is")
func methods() async throws {
    try await withSite { client in
        for path in ["/health", "/", committePathForMethods, "/api/v1/events", "/feed.atom"] {
            try await client.execute(uri: path, method: .head) { response in
                #expect(response.status == .ok, "HEAD \(path)")
                #expect(response.body.readableBytes == 0, "HEAD \(path) has a body")
            }
        }
        for method: HTTPRequest.Method in [.post, .put, .delete, .patch] {
            try await client.execute(uri: "/api/v1/people", method: method) { response in
                #expect(response.status == .methodNotAllowed, "\(method) /api/v1/people")
                #expect(response.headers[.allow] == "GET, HEAD")
            }
        }
        try await client.execute(uri: "/no/such/page", method: .post) { response in #expect(response.status == .notFound) }
    }
}

private let committePathForMethods = committeePath

@Test("Control characters from a pack never reach the calendar")
func calendarControlCharacters() async throws {
    var batch = RecordBatch()
    batch.meetings = [Meeting.fixture(on: CalendarDay(2025, 6, 3), status: .agendaPublished).with(venue: "Shire\u{7} Hall\u{0B}, Room\u{1B}[31m 2")]
    try await withSite(batch) { client in
        let calendar = try await get(client, "/calendar.ics")
        #expect(calendar.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\r" || $0 == "\n" })
        #expect(calendar.contains("LOCATION:Shire Hall\\, Room[31m 2"))
    }
}

extension Meeting {
    fileprivate func with(venue: String) -> Meeting {
        var copy = self
        copy.venue = venue
        return copy
    }
}

@Test("A record that cannot be read fails only its own page: lists, the home page and the calendar leave it out")
func corruptRecordFailsOnlyItsPage() async throws {
    try await withTemporaryStore { store async throws in
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        // Something other than Quorum wrote a start time that is not a time.
        let database = try DatabaseQueue(path: store.path)
        try await database.write { db in
            try db.execute(sql: "UPDATE meeting SET startTime = 'teatime' WHERE startDay = '2025-03-18'")
        }
        try database.close()
        try await withApp(store) { client in
            for path in ["/", "/committees", committeePath, "/calendar.ics", "/api/v1/events"] { try await get(client, path) }
            try await get(client, upcomingMeetingPath, status: .internalServerError)
        }
    }
}

@Test("The API keeps its contract: a malformed or empty parameter is a 400, a committee it does not hold matches nothing")
func apiParameters() async throws {
    try await withSite { client in
        for bad in ["/api/v1/events?start_date_to=", "/api/v1/events?start_date_from=yesterday", "/api/v1/recommendations?overdue=true",
                    "/api/v1/recommendations?outcome=maybe", "/api/v1/people?page=", "/api/v1/people?per_page=", "/api/v1/people?page=100001"] {
            try await get(client, bad, status: .badRequest)
        }
        for unknown in ["/api/v1/events?committee=no-such-committee", "/api/v1/recommendations?organization_id=x/y", "/api/v1/memberships?committee=zz",
                        "/api/v1/work-programme?committee=zz"] {
            #expect(try await get(client, unknown).contains(#""results":[]"#), "\(unknown)")
        }
        #expect(try await get(client, "/api/v1/recommendations?overdue=1").contains(#""results":"#))
    }
}
