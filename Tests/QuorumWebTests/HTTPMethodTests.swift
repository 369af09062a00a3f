import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
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
            try await client.execute(uri: "/api/v1/events", method: method) { response in
                #expect(response.status == .methodNotAllowed, "\(method) /api/v1/events")
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
