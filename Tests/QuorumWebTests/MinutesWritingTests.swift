import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

@Suite("Writing and publishing minutes")
struct MinutesWritingTests {
    /// The meeting of 18 March 2025: its agenda (items 1, 7 and the exempt 12) is published, and it has been held by the
    /// tests' today (1 December 2025).
    let minutesPath = upcomingMeetingPath + "/minutes"
    let march = Meeting.ID(under: Committee.fixture().id, "2025-03-18")

    func post(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String), _ fields: [String: String]) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: formHeaders + [.cookie: session.cookie], body: formBody(fields.merging(["csrf_token": session.csrf]) { a, _ in a })
        ) { $0 }
    }

    func page(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String)) async throws -> String {
        try await client.execute(uri: path, method: .get, headers: [.cookie: session.cookie]) { String(buffer: $0.body) }
    }

    /// Attendance, a declaration, a minute for each agenda item, one written up with two resolutions, the first marked
    /// as a recommendation to the Cabinet.
    func write(_ client: any TestClientProtocol, _ session: (cookie: String, csrf: String)) async throws {
        #expect(try await post(client, minutesPath, session, [
            "step": "members", "member_toni-fagan": "present", "member_liz-harvey": "virtual", "member_jan-frances": "apologies", "member_ben-proctor": "present",
        ]).status == .seeOther)
        #expect(try await post(client, minutesPath, session, [
            "step": "attendee", "attendee_name": "Pauline Crockett", "attendee_kind": "substitute", "substitute_for": "jan-frances",
        ]).status == .seeOther)
        #expect(try await post(client, minutesPath, session, [
            "step": "attendee", "attendee_name": "Ann Other", "attendee_kind": "officer", "capacity": "Democratic Services Officer",
        ]).status == .seeOther)
        #expect(try await post(client, minutesPath, session, [
            "step": "declare", "declarant": "ben-proctor", "declaration_item": "7", "declaration_kind": "Other Interest", "reason": "A parent of a child with an EHCP.",
        ]).status == .seeOther)
        #expect(try await post(client, minutesPath, session, ["step": "from_agenda"]).status == .seeOther)
        #expect(try await post(client, minutesPath + "/50", session, [
            "step": "edit", "title": "FINDINGS OF THE OFSTED AND CARE QUALITY COMMISSION AREA SEND INSPECTION", "access": "open",
            "text": "The Corporate Director introduced the findings.\n\nMembers asked about waiting times.",
            "resolutions": "That the Cabinet funds more educational psychologists.\nThat the committee reviews progress in six months.",
        ]).status == .seeOther)
        #expect(try await post(client, minutesPath + "/50", session, [
            "step": "mark", "resolution": "0", "addressee_0": "cabinet", "response_rule_0": "twoMonths",
        ]).status == .seeOther)
    }

    @Test("A clerk writes the minutes: attendance, a substitute and a new officer, a declaration, minutes numbered on through the municipal year from the agenda, resolutions; nothing is public until published as draft, and then the meeting is held, the exempt minute is withheld, and the marked resolution is in the tracker")
    func writeAndPublish() async throws {
        try await withAccounts { client, store in
            let session = try await signIn(client, as: clerk)
            var body = try await page(client, minutesPath, session)
            #expect(body.contains("this meeting&#39;s first is 49") || body.contains("this meeting's first is 49"))
            #expect(body.contains("Not yet published: the public sees none of it."))
            #expect(try await get(client, upcomingMeetingPath).contains("Write and publish the minutes") == false)

            // A problem comes back beside its field, with what was typed kept.
            var response = try await post(client, minutesPath, session, ["step": "attendee", "attendee_name": "", "attendee_kind": "officer", "capacity": "Head of Legal"])
            body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent && body.contains("Enter their name") && body.contains("value=\"Head of Legal\""))
            response = try await post(client, minutesPath, session, ["step": "attendee", "attendee_name": "Sam Sub", "attendee_kind": "substitute", "substitute_for": ""])
            #expect(String(buffer: response.body).contains("Select the member they substituted for"))

            try await write(client, session)
            let minutes = try #require(try await store.minutes(of: march))
            #expect(minutes.items.map { "\($0.number) \($0.title) \($0.access.code)" } == [
                "49 APOLOGIES FOR ABSENCE open", "50 FINDINGS OF THE OFSTED AND CARE QUALITY COMMISSION AREA SEND INSPECTION open", "51 CONTRACT AWARD exempt: paragraph 3",
            ])
            #expect(minutes.attendance.map(\.kind.label) == [
                "Present (chairperson)", "Present", "Attended virtually (did not vote)", "Named substitute", "Apologies", "Officer: Democratic Services Officer",
            ])
            #expect(minutes.item(numbered: 50)?.resolutions.map(\.number) == ["1", "2"])

            // Nothing is public before publication.
            #expect(!(try await get(client, upcomingMeetingPath)).contains("educational psychologists"))
            #expect(!(try await get(client, "/search?q=psychologists")).contains("#minute-50"))

            response = try await post(client, minutesPath, session, ["step": "publish"])
            #expect(response.status == .seeOther)
            #expect(try await store.meeting(march)?.status == .held(endedAt: nil))
            let meetingPage = try await get(client, upcomingMeetingPath)
            #expect(meetingPage.contains("educational psychologists") && meetingPage.contains("Draft minutes: to be confirmed as a correct record at a later meeting."))
            #expect(meetingPage.contains("Minute exempt under paragraph 3") && meetingPage.contains("Ann Other") && meetingPage.contains("A parent of a child with an EHCP."))
            #expect(try await get(client, "/search?q=psychologists").contains("#minute-50"))
            #expect(try await get(client, "/api/v1/events/" + march.rawValue).contains("educational psychologists"))
            #expect(try await store.person(Person.ID(under: Authority.fixture().id, "ann-other"))?.jobTitle == "Democratic Services Officer")
            let recommendation = try #require(try await store.recommendation(Recommendation(
                number: "50.1", of: Committee.fixture().id, madeOn: CalendarDay(2025, 3, 18), topic: "FINDINGS OF THE OFSTED AND CARE QUALITY COMMISSION AREA SEND INSPECTION",
                text: "").id))
            #expect(recommendation.text == "That the Cabinet funds more educational psychologists." && recommendation.addressee == .cabinet && recommendation.response == .awaiting)
            #expect(try await get(client, "/recommendations").contains("educational psychologists"))
            let history = try await store.history(of: march.rawValue + "/minutes/50")
            #expect(history.map { "\($0.action.rawValue) \($0.actor)" } == ["created \(clerk.id.rawValue)"])

            // Published numbers stand; a correction goes out when published again.
            response = try await post(client, minutesPath, session, ["step": "remove_minute", "minute": "49"])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("Minute 49 has been published"))
            response = try await post(client, minutesPath, session, ["step": "renumber", "first_number": "1"])
            #expect(response.status == .unprocessableContent)
        }
    }

    @Test("Minutes are approved when a later meeting confirms them: its minutes, numbered from 1 in the new municipal year, say so, and once published the earlier minutes are approved and can no longer be changed")
    func approval() async throws {
        try await withAccounts { client, store in
            let session = try await signIn(client, as: clerk)
            try await write(client, session)
            #expect(try await post(client, minutesPath, session, ["step": "publish"]).status == .seeOther)

            let may = committeePath + "/meetings/2025-05-27/minutes"
            var body = try await page(client, may, session)
            #expect(body.contains("this meeting&#39;s first is 1") || body.contains("this meeting's first is 1"))
            var response = try await post(client, may, session, ["step": "from_agenda"])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("The meeting has no agenda to minute"))
            #expect(try await post(client, may, session, ["step": "add_minute", "minute_title": "MINUTES", "minute_access": "open"]).status == .seeOther)
            body = try await page(client, may, session)
            #expect(body.contains("The minutes of Tuesday 18 March 2025 are published as draft."))
            #expect(try await post(client, may, session, ["step": "approve", "approve_minute": "1"]).status == .seeOther)
            #expect(try await store.minutes(of: Meeting.ID(under: Committee.fixture().id, "2025-05-27"))?.item(numbered: 1)?.resolutions.first?.text
                == "That the minutes of the meeting held on Tuesday 18 March 2025 be confirmed as a correct record and be signed by the chairperson.")
            #expect(try await store.meeting(march)?.status == .held(endedAt: nil))
            #expect(try await post(client, may, session, ["step": "publish"]).status == .seeOther)
            #expect(try await store.meeting(march)?.status == .minutesApproved(endedAt: nil))
            #expect(try await store.minutesApproval(of: march) == Meeting.ID(under: Committee.fixture().id, "2025-05-27"))
            #expect(try await get(client, upcomingMeetingPath).contains("Approved as a correct record."))

            response = try await post(client, minutesPath, session, ["step": "ended", "ended_at": "5pm"])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("approved as a correct record and signed"))
        }
    }

    @Test("An exempt minute stays exempt: it cannot be made open but by a release; a published minute made exempt is withheld at once; minutes are not published before the meeting")
    func exemptMinutes() async throws {
        try await withAccounts { client, store in
            let session = try await signIn(client, as: clerk)
            try await write(client, session)
            #expect(try await post(client, minutesPath, session, ["step": "publish"]).status == .seeOther)
            var response = try await post(client, minutesPath + "/51", session, ["step": "edit", "title": "CONTRACT AWARD", "text": "Bids were discussed.", "access": "open"])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("release it from the exempt information page"))
            response = try await post(client, minutesPath + "/50", session, [
                "step": "edit", "title": "FINDINGS OF THE OFSTED AND CARE QUALITY COMMISSION AREA SEND INSPECTION", "access": "exempt: paragraph 1",
                "text": "The Corporate Director introduced the findings.", "resolutions": "That the Cabinet funds more educational psychologists.",
            ])
            #expect(response.status == .seeOther)
            for path in [upcomingMeetingPath, "/search?q=psychologists", "/api/v1/events/" + march.rawValue] {
                #expect(!(try await get(client, path)).contains("introduced the findings"), "\(path)")
            }
            // A minute that records the exempt item (by its title) is exempt, so its resolution cannot enter the public tracker.
            #expect(try await post(client, minutesPath, session, ["step": "add_minute", "minute_title": "Contract award", "minute_access": "open"]).status == .seeOther)
            #expect(try await post(client, minutesPath + "/52", session, [
                "step": "edit", "title": "Contract award", "access": "open", "text": "The bids were discussed.", "resolutions": "That the contract be awarded to Acme.",
            ]).status == .seeOther)
            #expect(try await post(client, minutesPath + "/52", session, ["step": "mark", "resolution": "0", "addressee_0": "cabinet", "response_rule_0": "twoMonths"]).status == .seeOther)
            response = try await post(client, minutesPath, session, ["step": "publish"])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("Minute 52 is exempt"))
            #expect(!(try await get(client, "/recommendations")).contains("awarded to Acme"))
            // The meeting of 3 March 2026 has not happened yet.
            try await scheduleMeeting(in: store)
            let future = Paths.meeting(scheduledMeetingID) + "/minutes"
            #expect(try await post(client, future, session, ["step": "add_minute", "minute_title": "APOLOGIES", "minute_access": "open"]).status == .seeOther)
            response = try await post(client, future, session, ["step": "publish"])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("can be published once it has been held"))
        }
    }

    @Test("Two clerks on the same minutes: the second's change is refused with the minutes as they now stand, and what they typed is kept")
    func conflict() async throws {
        try await withAccounts { client, store in
            let session = try await signIn(client, as: clerk)
            #expect(try await post(client, minutesPath, session, ["step": "from_agenda"]).status == .seeOther)
            let stale = EditVersion.of(try #require(try await store.minutes(of: march)))
            #expect(try await post(client, minutesPath, session, ["step": "ended", "ended_at": "4.15pm", EditVersion.field: stale]).status == .seeOther)
            let response = try await post(client, minutesPath, session, ["step": "add_minute", "minute_title": "URGENT BUSINESS", "minute_access": "open", EditVersion.field: stale])
            #expect(response.status == .conflict)
            let body = String(buffer: response.body)
            #expect(body.contains("Someone else changed") && body.contains("value=\"URGENT BUSINESS\""))
            #expect(try await store.minutes(of: march)?.items.contains { $0.title == "URGENT BUSINESS" } == false)
        }
    }
}

@Suite("The agenda and the minutes through the API")
struct CycleApiTests {
    @Test("A clerk's token builds and publishes an agenda and writes and publishes minutes by the pages' rules: a problem is a 422 beside its field, a stale version a 409, another role a 403")
    func cycle() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let token = try await apiToken(for: clerk, in: store)
            let officer = try await apiToken(for: scrutinyOfficer, in: store)
            func api(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, token: String, _ body: [String: String]) async throws -> (HTTPResponse.Status, String) {
                try await client.execute(
                    uri: path, method: method, headers: [.authorization: "Bearer " + token, .contentType: "application/json"],
                    body: ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
                ) { ($0.status, String(buffer: $0.body)) }
            }
            let event = "/api/v1/events/" + scheduledMeetingID.rawValue
            var (status, body) = try await api(client, .post, event + "/agenda", token: officer, ["step": "standard"])
            #expect(status == .forbidden)
            (status, body) = try await api(client, .post, event + "/agenda", token: token, ["step": "add", "title": "", "kind": "item"])
            #expect(status == .unprocessableContent && body.contains("title"))
            (status, body) = try await api(client, .post, event + "/agenda", token: token, ["step": "standard"])
            #expect(status == .ok && body.contains("APOLOGIES FOR ABSENCE") && body.contains("\"published\":false"))
            let stale = try #require(body.firstMatch(of: /"version":"([0-9a-f]+)"/).map { String($0.1) })
            (status, _) = try await api(client, .post, event + "/agenda", token: token, ["step": "add", "title": "BUDGET", "kind": "item", "access": "open"])
            #expect(status == .ok)
            (status, _) = try await api(client, .post, event + "/publish-agenda", token: token, ["version": stale])
            #expect(status == .conflict)
            (status, body) = try await api(client, .post, event + "/publish-agenda", token: token, [:])
            #expect(status == .ok && body.contains("\"published\":true"))
            #expect(try await store.meeting(scheduledMeetingID)?.status == .agendaPublished)

            let held = "/api/v1/events/" + Meeting.ID(under: Committee.fixture().id, "2025-03-18").rawValue
            (status, body) = try await api(client, .post, held + "/minutes", token: token, ["step": "from_agenda"])
            #expect(status == .ok && body.contains("\"number\":49"))
            (status, body) = try await api(client, .post, held + "/publish-minutes", token: token, [:])
            #expect(status == .ok && body.contains("\"published\":true"))
            (status, _) = try await api(client, .post, event + "/publish-minutes", token: token, [:])
            #expect(status == .conflict, "the meeting of 3 March 2026 has not been held")
        }
    }
}
