import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

@Suite("Building and publishing agendas")
struct AgendaBuildingTests {
    let agendaPath = Paths.meeting(scheduledMeetingID) + "/agenda"

    func post(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String), _ fields: [String: String]) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: formHeaders + [.cookie: session.cookie], body: formBody(fields.merging(["csrf_token": session.csrf]) { a, _ in a })
        ) { $0 }
    }

    func titles(_ store: SQLiteStore) async throws -> [String] {
        try #require(try await store.agenda(of: scheduledMeetingID)).items.map { "\($0.number) \($0.title)" }
    }

    /// The standard items, a report on quality assurance and an exempt contract award, in that order.
    func build(_ client: any TestClientProtocol, _ clerkSession: (cookie: String, csrf: String)) async throws {
        #expect(try await post(client, agendaPath, clerkSession, ["step": "standard"]).status == .seeOther)
        #expect(try await post(client, agendaPath, clerkSession, [
            "step": "add", "title": "QUALITY ASSURANCE", "description": "To brief the committee on quality assurance.", "kind": "report",
            "lead_officer": "Director of Children's Services", "author_name": "Sam Writer", "author_email": "sam@example.gov.uk", "access": "open",
        ]).status == .seeOther)
        #expect(try await post(client, agendaPath, clerkSession, [
            "step": "add", "title": "CONTRACT AWARD", "description": "To consider the bids.", "kind": "report", "lead_officer": "Head of Procurement",
            "access": "exempt: paragraph 3",
        ]).status == .seeOther)
    }

    @Test("A clerk builds an agenda: the council's standard items in its order, substantive items with their reports before the closing ones, reordered and renumbered; each problem is shown beside its field with what was typed kept; the public sees none of it until it is published")
    func buildAndPublish() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let clerkSession = try await signIn(client, as: clerk)
            let page = try await client.execute(uri: agendaPath, method: .get, headers: [.cookie: clerkSession.cookie]) { String(buffer: $0.body) }
            #expect(page.contains("Not yet published: the public sees none of it."))
            #expect(page.contains("Agenda published by Monday 23 February 2026 (5 clear working days before the meeting)."))
            #expect(page.contains("Clearance: every reviewer signed off by Friday 20 February 2026."))
            #expect(page.contains("Reports due from their writers by Thursday 19 February 2026."))

            var response = try await post(client, agendaPath, clerkSession, ["step": "add", "title": "", "description": "To scrutinise the plan.", "kind": "", "access": "open"])
            var body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent)
            #expect(body.contains("Select whether the item has a report"))
            #expect(body.contains("To scrutinise the plan.</textarea>"))
            response = try await post(client, agendaPath, clerkSession, ["step": "add", "title": "", "description": "", "kind": "item", "access": "open"])
            #expect(String(buffer: response.body).contains("Enter the item&#39;s title") || String(buffer: response.body).contains("Enter the item&#x27;s title"))
            response = try await post(client, agendaPath, clerkSession, ["step": "add", "title": "SECRET", "kind": "item", "access": "exempt"])
            #expect(String(buffer: response.body).contains("Select the paragraph of Schedule 12A the item is exempt under"))
            response = try await post(client, agendaPath, clerkSession, [
                "step": "add", "title": "BUDGET", "kind": "report", "lead_officer": "Director", "author_name": "Sam Writer", "author_email": "sam at council", "access": "open",
            ])
            body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent && body.contains("id=\"author_email-error\"") && body.contains("value=\"sam at council\""))
            #expect(try await titles(store).isEmpty)

            try await build(client, clerkSession)
            #expect(try await titles(store) == [
                "1 APOLOGIES FOR ABSENCE", "2 NAMED SUBSTITUTES", "3 DECLARATIONS OF INTEREST", "4 MINUTES", "5 QUESTIONS FROM MEMBERS OF THE PUBLIC",
                "6 QUESTIONS FROM MEMBERS OF THE COUNCIL", "7 QUALITY ASSURANCE", "8 CONTRACT AWARD", "9 WORK PROGRAMME", "10 DATE OF THE NEXT MEETING",
            ])
            #expect(try await post(client, agendaPath, clerkSession, ["step": "standard"]).status == .unprocessableContent)
            #expect(try await post(client, agendaPath, clerkSession, ["step": "up", "item": "8"]).status == .seeOther)
            let agenda = try #require(try await store.agenda(of: scheduledMeetingID))
            #expect(agenda.items.map(\.title)[6...7] == ["CONTRACT AWARD", "QUALITY ASSURANCE"])
            let quality = try #require(agenda.items.first { $0.title == "QUALITY ASSURANCE" })
            #expect(quality.number == "8" && agenda.report(of: quality.id)?.reportBy == "Director of Children's Services")
            #expect(agenda.report(of: quality.id)?.author == Contact(name: "Sam Writer", email: "sam@example.gov.uk"))
            #expect(agenda.report(of: quality.id)?.sections.map(\.heading).contains("Equality duty") == true)
            #expect(agenda.items[6].access == .exempt(paragraph: .financialOrBusinessAffairs))

            // Not public yet: not on the meeting's page, its front sheet, search, the feed or the API.
            #expect(!(try await get(client, Paths.meeting(scheduledMeetingID))).contains("QUALITY ASSURANCE"))
            _ = try await get(client, Paths.meeting(scheduledMeetingID) + "/front-sheet", status: .notFound)
            #expect(!(try await get(client, "/search?q=quality+assurance")).contains("QUALITY ASSURANCE"))
            #expect(!(try await get(client, "/api/v1/events/" + scheduledMeetingID.rawValue)).contains("QUALITY"))

            response = try await post(client, agendaPath, clerkSession, ["step": "publish"])
            #expect(response.status == .seeOther)
            #expect(try await store.meeting(scheduledMeetingID)?.status == .agendaPublished)
            let publications = try await store.publications(of: scheduledMeetingID)
            #expect(publications.map(\.label) == ["Agenda"] && publications[0].at == LocalDateTime(fixedNow, in: .london))
            let meetingPage = try await get(client, Paths.meeting(scheduledMeetingID))
            #expect(meetingPage.contains("QUALITY ASSURANCE") && meetingPage.contains("Exempt item") && !meetingPage.contains("CONTRACT AWARD"))
            #expect(meetingPage.contains("Agenda published Monday 1 December 2025"))
            let sheet = try await get(client, Paths.meeting(scheduledMeetingID) + "/front-sheet")
            #expect(sheet.contains("QUALITY ASSURANCE") && !sheet.contains("CONTRACT AWARD") && !sheet.contains("To consider the bids"))
            #expect(sheet.contains("The public's rights to information and attendance at meetings"))
            #expect(sheet.contains("See the agenda and the open reports at least 5 clear working days before the meeting."))
            #expect(try await get(client, "/api/v1/events/" + scheduledMeetingID.rawValue).contains("QUALITY ASSURANCE"))
            let history = try await store.history(of: quality.id.rawValue)
            #expect(history.map { "\($0.action.rawValue) \($0.actor)" } == ["created \(clerk.id.rawValue)"])
        }
    }

    @Test("After publication numbers stand and published items stay; a new item is lettered, and it and a changed report go out only in a dated supplement, which the site and the feed show at once")
    func supplement() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let clerkSession = try await signIn(client, as: clerk)
            try await build(client, clerkSession)
            #expect(try await post(client, agendaPath, clerkSession, ["step": "publish"]).status == .seeOther)

            var response = try await post(client, agendaPath, clerkSession, ["step": "up", "item": "8"])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("keep their numbers and order"))
            response = try await post(client, agendaPath, clerkSession, ["step": "remove", "item": "7"])
            #expect(String(buffer: response.body).contains("Item 7 has been published, and published papers are kept: it cannot be removed"))
            response = try await post(client, agendaPath, clerkSession, ["step": "publish"])
            #expect(String(buffer: response.body).contains("Nothing on the agenda has changed since it was last published"))

            // The quality assurance report (item 7) is written up after publication.
            let itemPath = agendaPath + "/items/7"
            let form = try await client.execute(uri: itemPath, method: .get, headers: [.cookie: clerkSession.cookie]) { String(buffer: $0.body) }
            #expect(form.contains("Key considerations") && form.contains("Background papers"))
            response = try await post(client, itemPath, clerkSession, [
                "step": "report", "decision_type": "notAnExecutiveDecision", "wards_affected": "All wards", "purpose": "To set out how practice is audited.",
                "recommendations": "That the committee notes the framework.\nThat the committee reviews it in a year.", "section_keyConsiderations": "Audits are monthly.",
            ])
            #expect(response.status == .seeOther)
            #expect(!(try await get(client, Paths.meeting(scheduledMeetingID) + "/items/7")).contains("To set out how practice is audited."))
            #expect(try await post(client, agendaPath, clerkSession, ["step": "add", "title": "BUDGET", "kind": "item", "access": "open"]).status == .seeOther)
            #expect(try await titles(store).suffix(3) == ["8a BUDGET", "9 WORK PROGRAMME", "10 DATE OF THE NEXT MEETING"])
            #expect(!(try await get(client, Paths.meeting(scheduledMeetingID))).contains("BUDGET"))
            let builder = try await client.execute(uri: agendaPath, method: .get, headers: [.cookie: clerkSession.cookie]) { String(buffer: $0.body) }
            #expect(builder.contains("Supplement 1 will publish items 7, 8a, dated today."))

            #expect(try await post(client, agendaPath, clerkSession, ["step": "publish"]).status == .seeOther)
            let supplements = try await store.publications(of: scheduledMeetingID)
            #expect(supplements.map(\.label) == ["Agenda", "Supplement 1"] && supplements[1].items == ["7", "8a"])
            let report = try await get(client, Paths.meeting(scheduledMeetingID) + "/items/7")
            #expect(report.contains("To set out how practice is audited.") && report.contains("Audits are monthly.") && report.contains("That the committee reviews it in a year."))
            #expect(report.contains("<h2>Key considerations</h2>") && !report.contains("<h2>Legal implications</h2>"), "a section left empty is not printed")
            let meetingPage = try await get(client, Paths.meeting(scheduledMeetingID))
            #expect(meetingPage.contains("BUDGET") && meetingPage.contains("Supplement 1 published Monday 1 December 2025") && meetingPage.contains(", with items 7, 8a</dd>"))
            #expect(try await get(client, "/feed.atom").contains("QUALITY ASSURANCE"))
        }
    }

    @Test("Making a published item exempt withholds it and its report at once, everywhere, before any supplement; it cannot be made open again from the agenda")
    func exemptAtOnce() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let clerkSession = try await signIn(client, as: clerk)
            try await build(client, clerkSession)
            #expect(try await post(client, agendaPath, clerkSession, ["step": "publish"]).status == .seeOther)
            #expect(try await get(client, "/search?q=quality+assurance").contains("QUALITY ASSURANCE"))

            let itemPath = agendaPath + "/items/7"
            var response = try await post(client, itemPath, clerkSession, [
                "step": "edit", "title": "QUALITY ASSURANCE", "description": "To brief the committee on quality assurance.", "access": "exempt: paragraph 1",
                "lead_officer": "Director of Children's Services",
            ])
            #expect(response.status == .seeOther)
            for path in [Paths.meeting(scheduledMeetingID), Paths.meeting(scheduledMeetingID) + "/front-sheet", "/search?q=quality+assurance", "/api/v1/events/" + scheduledMeetingID.rawValue] {
                #expect(!(try await get(client, path)).contains("QUALITY ASSURANCE"), "\(path)")
            }
            _ = try await get(client, Paths.meeting(scheduledMeetingID) + "/items/7", status: .notFound)
            response = try await post(client, itemPath, clerkSession, [
                "step": "edit", "title": "QUALITY ASSURANCE", "description": "", "access": "open", "lead_officer": "Director of Children's Services",
            ])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("release it from the exempt information page"))
        }
    }

    @Test("Two clerks on the same agenda: the second's change is refused with the agenda as it now stands, and what they typed is kept")
    func conflict() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let clerkSession = try await signIn(client, as: clerk)
            #expect(try await post(client, agendaPath, clerkSession, ["step": "standard"]).status == .seeOther)
            let stale = EditVersion.of(try #require(try await store.agenda(of: scheduledMeetingID)))
            #expect(try await post(client, agendaPath, clerkSession, ["step": "down", "item": "1", EditVersion.field: stale]).status == .seeOther)
            let response = try await post(client, agendaPath, clerkSession, [
                "step": "add", "title": "IMPROVEMENT PLAN", "kind": "item", "access": "open", EditVersion.field: stale,
            ])
            #expect(response.status == .conflict)
            let body = String(buffer: response.body)
            #expect(body.contains("Someone else changed this agenda") && body.contains("value=\"IMPROVEMENT PLAN\""))
            #expect(try await titles(store).contains { $0.hasSuffix("IMPROVEMENT PLAN") } == false)
        }
    }
}
