import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

@Test("The committee list links each committee and gives its next meeting")
func committeesPage() async throws {
    try await withSite { client in
        let body = try await get(client, "/committees")
        #expect(body.contains("<a href=\"\(committeePath)\">Children and Young People Scrutiny Committee</a>"))
    }
}

@Test("A committee page shows its remit, clerk, members with roles and represented bodies, meetings by municipal year and work programme")
func committeePage() async throws {
    try await withSite { client in
        let body = try await get(client, committeePath)
        #expect(body.contains("To scrutinise services for children and young people."))
        #expect(body.contains("Simon Cann, Democratic Services Officer"))
        #expect(body.contains("mailto:simon.cann@herefordshire.gov.uk"))
        #expect(body.contains("<a href=\"/people/toni-fagan\">Councillor Toni Fagan</a></td><td>Chairperson"))
        #expect(body.contains("Co-opted member (Families&#39; Representative)") || body.contains("Co-opted member (Families' Representative)"))
        #expect(body.contains("<h3>2024/25</h3>"))
        #expect(body.contains("href=\"\(upcomingMeetingPath)\""))
        #expect(body.contains("Safeguarding partnership annual report"))
        #expect(body.contains("Independent Scrutineer (report writer)"))
        #expect(body.contains("Reports due: Thursday 15 May 2025"))
        #expect(body.contains("SEND transport"))  // a potential topic
    }
}

@Test("A meeting page shows details, deadlines, the agenda with links to reports, questions, attendance, declarations and minutes")
func meetingPage() async throws {
    try await withSite { client in
        let upcoming = try await get(client, upcomingMeetingPath)
        #expect(upcoming.contains("Tuesday 18 March 2025, 2.00 pm"))
        #expect(upcoming.contains("<dt>Agenda published by</dt><dd>Monday 10 March 2025</dd>"))
        #expect(upcoming.contains("<dt>Written questions due by</dt><dd>5.00 pm on Wednesday 12 March 2025</dd>"))
        #expect(upcoming.contains("href=\"\(upcomingMeetingPath)/items/7\">FINDINGS OF THE OFSTED"))
        #expect(upcoming.contains("(pages 21 - 42)"))
        #expect(upcoming.contains("This item is exempt under paragraph 3 of Schedule 12A"))
        #expect(!upcoming.contains("CONTRACT AWARD"))
        #expect(upcoming.contains("rel=\"prev\""))
        let held = try await get(client, heldMeetingPath)
        #expect(held.contains("<dt>Ended</dt><dd>4.35 pm</dd>"))
        #expect(held.contains("PQ 1: from Mr X, Weobley to Cabinet Member Children and Young People"))
        #expect(held.contains("Forty-two."))
        #expect(held.contains("SPQ 1"))
        #expect(held.contains("<h3>Apologies</h3>"))
        #expect(held.contains("Pauline Crockett</a> (for Jan Frances)"))
        #expect(held.contains("Danial Webb</a> (Statutory Scrutiny Officer)"))
        #expect(held.contains("Other Interest. A governor of a school in the county."))
        #expect(held.contains("<h3>48. SAFEGUARDING REPORT</h3>"))
        #expect(held.contains("<li>The partnership ensures that recommendations have a lead.</li>"))
        try await get(client, committeePath + "/meetings/2031-01-01", status: .notFound)
        try await get(client, committeePath + "/meetings/not-a-date", status: .notFound)
    }
}

@Test("A report reads as a web page; an exempt item's report is not found")
func reportPage() async throws {
    try await withSite { client in
        let body = try await get(client, upcomingMeetingPath + "/items/7")
        #expect(body.contains("<h1>Area SEND Inspection</h1>"))
        #expect(body.contains("<dt>Report by</dt><dd>Corporate Director Children and Young People</dd>"))
        // The cover's other facts: the classification as printed, the portfolio, the request, and who to ask.
        #expect(body.contains("<dt>Classification</dt><dd>Open report with exempt appendix</dd>"))
        #expect(body.contains("<dt>Cabinet portfolio</dt><dd>Cabinet Member Children and Young People</dd>"))
        #expect(body.contains("<dt>Requested at</dt><dd>Minute 45 of the meeting on Tuesday 14 January 2025</dd>"))
        #expect(body.contains("<h2>Contact officer</h2>\n<p>Tina Wood, Service Director<br>Telephone: 01432 260000<br>Email: <a href=\"mailto:tina.wood@example.gov.uk\">tina.wood@example.gov.uk</a></p>"))
        #expect(body.contains("<span class=\"letter\">a)</span> The committee notes the findings."))
        #expect(body.contains("<h2>Key considerations</h2>"))
        #expect(body.contains("<h3>Partnership and Leadership</h3>"))
        #expect(body.contains("Appendix 2: Exempt under paragraph 3 of Schedule 12A: not published"))
        #expect(!body.contains("Costs"))
        try await get(client, upcomingMeetingPath + "/items/12", status: .notFound)
        try await get(client, upcomingMeetingPath + "/items/1", status: .notFound)  // no report for apologies
    }
}

@Test("A person's page lists their committees, their attendance in each municipal year and the meetings of one, and their declarations")
func personPage() async throws {
    try await withSite { client in
        let body = try await get(client, "/people/ben-proctor")
        #expect(body.contains("<h1>Councillor Ben Proctor</h1>"))
        #expect(body.contains("Councillor, from 22 May 2023 until 19 May 2025"))
        #expect(body.contains("Children and Young People Scrutiny Committee, Tuesday 21 January 2025</a>: Present"))
        #expect(body.contains("Item 8: Other Interest."))
        #expect(body.contains("<p>Attended 1 of 1 meeting where they were expected.</p>"))
        #expect(body.contains("<tr><th scope=\"row\">2024/25 <span class=\"status\">(listed below)</span></th><td>1</td><td>1</td><td>1</td></tr>"))
        #expect(body.contains("<h3 id=\"meetings\">Meetings in 2024/25</h3>"))
        // Another year: its meetings (none), the table linking back to the year with some, and the declarations as before.
        let earlier = try await get(client, "/people/ben-proctor?year=2023")
        #expect(earlier.contains("<h3 id=\"meetings\">Meetings in 2023/24</h3>\n<p>No attendance is recorded in 2023/24.</p>"))
        #expect(earlier.contains("<a href=\"/people/ben-proctor?year=2024#meetings\">2024/25</a>"))
        #expect(!earlier.contains("Tuesday 21 January 2025</a>: Present") && earlier.contains("Item 8: Other Interest."))
        #expect(try await get(client, "/people/ben-proctor?year=soon", status: .badRequest).contains("year must be the year a municipal year starts in"))
        try await get(client, "/people/nobody-at-all", status: .notFound)
    }
}

@Test("The home page shows upcoming meetings, recent papers and the number of overdue recommendations")
func homePage() async throws {
    try await withSite { client in
        let body = try await get(client, "/")
        // fixedNow is 1 December 2025: every fixture meeting is past; the May 2025 recommendation is overdue.
        #expect(body.contains("No meetings are scheduled."))
        #expect(body.contains("Area SEND Inspection</a> (Children and Young People Scrutiny Committee, Tuesday 18 March 2025)"))
        #expect(body.contains("1 recommendation is overdue for a response."))
    }
}

@Test("Pages carry an ETag, and a browser that has the page gets 304 Not Modified")
func conditionalGet() async throws {
    try await withSite { client in
        let tag = try await client.execute(uri: committeePath, method: .get) { response in
            #expect(response.headers[.cacheControl] == "public, max-age=60")
            return try #require(response.headers[.eTag])
        }
        try await client.execute(uri: committeePath, method: .get, headers: [.ifNoneMatch: tag]) { response in
            #expect(response.status == .notModified)
            #expect(response.body.readableBytes == 0)
        }
        try await client.execute(uri: committeePath, method: .get, headers: [.ifNoneMatch: "\"other\""]) { response in
            #expect(response.status == .ok)
        }
    }
}

@Test("Pages are built once and kept, but a change to the record shows at once")
func cachedPagesFollowTheRecord() async throws {
    try await withTemporaryStore { store async throws in
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        try await withApp(store) { client in
            let before = try await get(client, committeePath)
            #expect(try await get(client, committeePath) == before)
            var renamed = Committee.fixture()
            renamed.remit = "A new remit agreed by full Council."
            var batch = RecordBatch()
            batch.committees = [renamed]
            try await store.save(batch, by: "test", at: fixedNow)
            let after = try await get(client, committeePath)
            #expect(after.contains("A new remit agreed by full Council."))
        }
    }
}

@Test("A person's attendance and declarations are listed newest meeting first, whatever the committee")
func personPageOrder() throws {
    let person = Person.fixture("Ben Proctor")
    let adults = Committee.fixture(named: "Adults and Wellbeing Scrutiny Committee")
    let children = Committee.fixture()
    // By identifier, the adults committee's older meeting comes first; by day, the children's newer one.
    let older = Meeting.fixture(on: CalendarDay(2024, 6, 4), committee: adults)
    let newer = Meeting.fixture(on: CalendarDay(2025, 3, 18), committee: children)
    let declarations = [older, newer].enumerated().map { index, meeting in
        DeclarationOfInterest(
            id: .init(under: meeting.id, "declarations/\(index)"), meeting: meeting.id, person: person.id, agendaItemNumber: "\(index + 5)",
            kind: "Other interest", reason: "A governor.")
    }
    let page = PersonPage(
        person: person, memberships: [], years: [], shownYear: CalendarDay(2024, 5, 1), rules: .standard,
        attendance: [older, newer].map { Attendance(of: person.id, at: $0.id, kind: .present(role: nil)) }, declarations: declarations, committees: [adults.id: adults, children.id: children], meetings: [older.id: older, newer.id: newer])
    #expect(page.attendance.map(\.href) == [Paths.meeting(newer.id), Paths.meeting(older.id)])
    #expect(page.declarations.map(\.href) == [Paths.meeting(newer.id), Paths.meeting(older.id)])
}
