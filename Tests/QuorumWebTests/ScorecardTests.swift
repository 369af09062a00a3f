import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

@Suite("The committee's scorecard")
struct ScorecardPageTests {
    @Test("The scorecard page, its CSV and the API agree, for the year asked; an agenda published in Quorum in time counts as met, one never published by its deadline is listed, an imported one as not recorded; a bad year is a 400")
    func scorecard() async throws {
        try await withAccounts { client, store in
            // The agenda of 3 March 2026 is published on 1 December 2025: in time.
            try await scheduleMeeting(in: store)
            let session = try await signIn(client, as: clerk)
            let agenda = Paths.meeting(scheduledMeetingID) + "/agenda"
            for fields in [["step": "standard"], ["step": "publish"]] {
                let status = try await client.execute(
                    uri: agenda, method: .post, headers: formHeaders + [.cookie: session.cookie], body: formBody(fields.merging(["csrf_token": session.csrf]) { a, _ in a })
                ) { $0.status }
                #expect(status == .seeOther)
            }
            let page = try await get(client, committeePath + "/scorecard?year=2025")
            #expect(page.contains("scorecard for 2025/26") && page.contains("Agendas published by the deadline: 1 of 2"))
            #expect(page.contains("Tuesday 27 May 2025: not published, due by Friday 16 May 2025"))
            let past = try await get(client, committeePath + "/scorecard?year=2024")
            #expect(past.contains("Agendas published by the deadline: 0 of 0") == false)
            #expect(past.contains("Tuesday 18 March 2025: published before Quorum recorded the day"))
            #expect(past.contains("The public&#39;s questions answered: 1 of 1") || past.contains("The public's questions answered: 1 of 1"))
            #expect(past.contains("Tuesday 21 January 2025: approved, at a meeting Quorum did not record"))
            let csv = try await get(client, committeePath + "/scorecard.csv?year=2024")
            #expect(csv.hasPrefix("\"Committee\",\"Municipal year\",\"Measure\""))
            #expect(csv.contains("\"Agendas published by the deadline\",\"0\",\"0\""))
            #expect(csv.contains("\"not recorded\",\"2025-03-18\",\"Tuesday 18 March 2025: published before Quorum recorded the day\""))
            let json = try await get(client, "/api/v1/scorecards?organization_id=" + Committee.fixture().id.rawValue + "&year=2025")
            let card = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let measures = try #require(card["measures"] as? [[String: Any]])
            #expect(card["municipal_year"] as? String == "2025/26" && measures.map { $0["code"] as? String } == [
                "agendasPublishedOnTime", "questionsAnswered", "minutesApprovedAtNextMeeting", "recommendationsAnsweredInTime",
            ])
            #expect(measures[0]["met"] as? Int == 1 && measures[0]["counted"] as? Int == 2)
            #expect(try await get(client, committeePath + "/scorecard?year=twenty", status: .badRequest).contains("year must be"))
            _ = try await get(client, "/api/v1/scorecards", status: .badRequest)
            _ = try await get(client, "/api/v1/scorecards?organization_id=nowhere", status: .notFound)
            #expect(try await get(client, committeePath).contains(committePathScorecard))
        }
    }
}

private let committePathScorecard = committeePath + "/scorecard"
