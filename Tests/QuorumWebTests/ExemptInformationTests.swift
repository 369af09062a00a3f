import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

/// A word that appears nowhere but in exempt papers.
let secret = "Quillmorrow"

/// An exempt item and its report, an exempt report under an open item, an exempt appendix on an open report (with
/// a section printed inside it), and an exempt minute of the held meeting: all carrying the secret word.
func exemptPapers() -> RecordBatch {
    let meeting = Meeting.fixture(on: CalendarDay(2025, 3, 18))
    var batch = RecordBatch()
    let exemptItem = AgendaItem(
        number: "13", of: meeting.id, position: 13, title: "\(secret) contract award", description: "The \(secret) tender.", pages: PageRange(first: 95, last: 99),
        access: .exempt(paragraph: .financialOrBusinessAffairs))
    var exemptReport = Report(for: exemptItem, title: "\(secret) contract")
    exemptReport.purpose = "To award the \(secret) contract."
    exemptReport.sections = [.init(kind: .keyConsiderations, heading: "Key considerations", text: "\(secret) bid prices.")]
    let openItem = AgendaItem(number: "14", of: meeting.id, position: 14, title: "Budget monitoring", pages: PageRange(first: 100, last: 110))
    var privateReport = Report(for: openItem, title: "Budget monitoring")
    privateReport.classification = .exempt(paragraph: .labourRelations)
    privateReport.purpose = "\(secret) negotiations."
    let appendixItem = AgendaItem(number: "15", of: meeting.id, position: 15, title: "School places", pages: PageRange(first: 111, last: 120))
    var openReport = Report(for: appendixItem, title: "School places")
    openReport.purpose = "To plan school places."
    openReport.appendices = [.init(label: "Appendix A", title: "\(secret) land values", access: .exempt(paragraph: .financialOrBusinessAffairs))]
    openReport.sections = [.init(kind: .other, heading: "Appendix A – Land values", text: "The \(secret) site is worth more.", appendix: "Appendix A")]
    batch.agendaItems = [exemptItem, openItem, appendixItem]
    batch.reports = [exemptReport, privateReport, openReport]
    let held = Meeting.fixture(on: CalendarDay(2025, 1, 21), status: .minutesApproved(endedAt: TimeOfDay(hour: 16, minute: 35)))
    batch.minuteItems = [
        MinuteItem(
            number: 60, of: held.id, title: "\(secret) dispute", text: "The \(secret) claim was discussed.", resolutions: [.init(text: "That the \(secret) claim be settled.")],
            access: .exempt(paragraph: .legalPrivilege))
    ]
    batch.declarations = [
        DeclarationOfInterest(
            id: .init(under: held.id, "declarations/9"), meeting: held.id, person: Person.fixture("Ben Proctor").id, agendaItemNumber: "60",
            kind: "Other interest", reason: "A shareholder in \(secret) Ltd.")
    ]
    return batch
}

@Test("Exempt information appears on no public page, search result, feed, CSV export or API response")
func exemptInformationNeverLeaks() async throws {
    try await withSite(exemptPapers()) { client in
        var routes = [
            "/", "/committees", committeePath, upcomingMeetingPath, heldMeetingPath, upcomingMeetingPath + "/items/7", upcomingMeetingPath + "/items/15",
            "/recommendations", "/recommendations.csv", "/work-programme", "/work-programme.csv", "/search?q=tender", "/search?q=negotiations", "/search?q=%22land+values%22",
            "/search?q=bid+prices", "/search?q=contract", "/search?q=claim+settled", "/search?q=site+worth", "/calendar.ics", committeePath + "/calendar.ics", "/feed.atom", "/api/v1/organizations", "/api/v1/people",
            "/api/v1/memberships", "/api/v1/events?per_page=100", "/api/v1/recommendations", "/api/v1/work-programme",
            "/api/v1/events/herefordshire-council/children-and-young-people-scrutiny-committee/2025-03-18",
            "/api/v1/events/herefordshire-council/children-and-young-people-scrutiny-committee/2025-01-21",
        ]
        for person in ["toni-fagan", "liz-harvey", "ben-proctor", "jan-frances", "pauline-crockett", "danial-webb"] { routes.append("/people/\(person)") }
        for route in routes {
            let body = try await get(client, route)
            #expect(!body.localizedCaseInsensitiveContains(secret), "\(route) shows exempt information")
        }
        // The papers themselves are not found, and the search says plainly that nothing matched.
        for item in ["13", "14"] { try await get(client, upcomingMeetingPath + "/items/\(item)", status: .notFound) }
        // Searching for the word itself finds nothing (the page only repeats what was typed).
        #expect(try await get(client, "/search?q=\(secret)").contains("No results."))
        #expect(try await get(client, "/search?q=\(secret.prefix(5))*").contains("No results."))
        // The open report under the exempt appendix is still published, and the exempt item's existence is stated.
        #expect(try await get(client, upcomingMeetingPath + "/items/15").contains("To plan school places."))
        #expect(try await get(client, upcomingMeetingPath).contains("This item is exempt under paragraph 3 of Schedule 12A"))
        #expect(try await get(client, heldMeetingPath).contains("Minute exempt under paragraph 5 of Schedule 12A to the Local Government Act 1972."))
    }
}
