import Foundation
import Hummingbird
import QuorumDomain
import QuorumPersistence

/// The home page: every committee and its meetings, upcoming first.
struct HomeRoutes {
    let store: any QuorumStore
    let templates: Templates
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.get("/", use: home)
        let stylesheet = (try? String(contentsOfFile: templates.directory + "/quorum.css", encoding: .utf8)) ?? ""
        router.get("/assets/quorum.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: stylesheet)))
        }
    }

    func home(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let now = LocalDateTime(today(), in: .london)
        var committees: [HomePage.CommitteeSummary] = []
        for committee in try await store.committees() {
            let meetings = try await store.meetings(of: committee.id)
            let upcoming = meetings.filter { $0.start >= now }
            let past = meetings.filter { $0.start < now }.reversed()
            committees.append(
                HomePage.CommitteeSummary(
                    name: committee.name,
                    anchor: committee.slug,
                    upcoming: upcoming.map(HomePage.MeetingRow.init),
                    past: past.map(HomePage.MeetingRow.init),
                    hasUpcoming: !upcoming.isEmpty,
                    hasPast: !past.isEmpty
                ))
        }
        return try templates.render(HomePage(title: "Committees and meetings", committees: committees, hasCommittees: !committees.isEmpty), with: "home")
    }
}

/// Everything the home page shows.
struct HomePage: Sendable {
    let title: String
    let committees: [CommitteeSummary]
    let hasCommittees: Bool

    struct CommitteeSummary: Sendable {
        let name: String
        /// The committee's slug, for in-page links.
        let anchor: String
        let upcoming: [MeetingRow]
        let past: [MeetingRow]
        let hasUpcoming: Bool
        let hasPast: Bool
    }

    struct MeetingRow: Sendable {
        let date: String
        let isoDate: String
        let venue: String
        let status: String
        let isCancelled: Bool

        init(_ meeting: Meeting) {
            date = meeting.start.councilStyle
            isoDate = meeting.start.iso
            venue = meeting.venue
            status = meeting.status.label
            if case .cancelled = meeting.status { isCancelled = true } else { isCancelled = false }
        }
    }
}

extension TimeZone {
    /// English councils keep UK time.
    static let london = TimeZone(identifier: "Europe/London")!
}
