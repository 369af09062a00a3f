import QuorumDomain
import Testing
import struct QuorumDomain.Contact
import QuorumIngest

/// The 12 October 2021 pack (markdown, 2021 layouts): values read off the document.
@Suite("12 October 2021 agenda pack")
struct October2021PackTests {
    let pack: AgendaPack

    init() throws { pack = try Seed.october2021.parse() }

    @Test("The 2021 front sheet names a different clerk and a 2.30 pm start")
    func frontSheet() {
        #expect(pack.committee == "Children and Young People Scrutiny Committee")
        #expect(pack.meetingDate == day(2021, 10, 12))
        #expect(pack.startTime == TimeOfDay(hour: 14, minute: 30))
        #expect(pack.venue == "Herefordshire Council Offices, Plough Lane, Hereford, HR4 0LE")
        #expect(pack.clerk == Contact(name: "Sarah Buffrey", role: "Democratic Services Officer", phone: "01432 260176", email: "sarah.buffrey@herefordshire.gov.uk"))
        #expect(pack.questionDeadline == day(2021, 10, 6))
        #expect(pack.nextMeetingDate == day(2021, 11, 23))
    }

    @Test("Co-opted members printed without a title are co-opted, councillors keep their title")
    func membership() {
        #expect(pack.members.map(\.name) == [
            "Phillip Howells", "Jennie Hewitt", "Graham Andrews", "Toni Fagan", "Helen l'Anson", "Mike Jones", "David Summers", "Jim Kenyon",
            "Andy James", "Sam Pratley",
        ])
        #expect(pack.members.map(\.role) == [.chairperson, .viceChairperson] + Array(repeating: .councillor, count: 6) + [.coOpted, .coOpted])
        #expect(pack.members.prefix(8).allSatisfy { $0.title == "Councillor" })
        #expect(pack.members.suffix(2).allSatisfy { $0.roleAsPublished == "Co-Opted Member" && $0.represents == nil })
    }

    @Test("Agenda items in an HTML-paragraph table keep their descriptions and pages")
    func agenda() {
        #expect(pack.agendaItems.map(\.number) == (1...10).map(String.init))
        #expect(pack.agendaItems[6].title == "PROVISION OF CHILDREN CENTRE SERVICE IN THE BROMYARD AREA")
        #expect(pack.agendaItems[7].title == "EFFECTIVE SCRUTINY OF CHILDREN'S SERVICES: TRAINING AND DEVELOPMENT OFFER")
        #expect(pack.agendaItems.compactMap(\.pages) == [
            PageRange(first: 9, last: 14), PageRange(first: 15, last: 30), PageRange(first: 31, last: 78), PageRange(first: 79, last: 114),
        ])
        #expect(pack.agendaItems[3].description == "To approve and sign the minutes of the meeting on 7 September 2021.")
        #expect(pack.reports.map(\.agendaItemNumber) == ["7", "8", "9"])
        #expect(pack.reports[0].wardsAffected == ["Bishops Frome & Cradley", "Bromyard Bringsty", "Bromyard West", "Hampton", "Three Crosses"])
        #expect(pack.reports[2].recommendations.map(\.letter) == ["a", "b"])
    }

    @Test("The 7 September 2021 minutes record virtual attendees, apologies received and noted, and the end time")
    func minutes() throws {
        let minutes = try #require(pack.previousMinutes)
        #expect(minutes.meetingDate == day(2021, 9, 7))
        #expect(minutes.startTime == TimeOfDay(hour: 14, minute: 30))
        #expect(minutes.endTime == TimeOfDay(hour: 17, minute: 31))
        #expect(minutes.present.map(\.name) == ["Phillip Howells", "Jennie Hewitt", "Helen l'Anson", "Mike Jones", "David Summers"])
        #expect(minutes.virtualAttendees == [
            Attendee(name: "Toni Fagan", title: "Councillor"), Attendee(name: "Andy James", title: "Mr", description: "education co-optee"),
        ])
        #expect(minutes.apologies.filter { !$0.isNoted }.map(\.name) == ["Graham Andrews", "Jim Kenyon", "Sam Pratley"])
        #expect(minutes.apologies.filter(\.isNoted) == [
            Apology(name: "Diana Toynbee", title: "Councillor", description: "cabinet member for children and family services", isNoted: true),
            Apology(name: "Cath Knowles", description: "interim director of children and families", isNoted: true),
        ])
        #expect(minutes.officers.count >= 3)
        #expect(minutes.items.map(\.number) == Array(23...32))
        #expect(minutes.items.map(\.resolutions.count) == [0, 0, 0, 1, 0, 0, 6, 6, 2, 0])
        #expect(minutes.items[3].resolutions == ["That the minutes of 5 August 2021 be approved and signed by the chairperson."])
        #expect(minutes.items[6].resolutions.first == "That progress on development with heat maps be shared with the committee by 23 November 2021;")
        #expect(minutes.items[8].resolutions[1] == """
            Agrees the work programme at appendix 2 with the following amendments:
            i. A report on health and wellbeing be scheduled for the December meeting, to include mental health in schools
            ii. A report on holiday activities provided by schools during covid be scheduled for the December meeting, with a focus on contextual safeguarding
            """)
        #expect(minutes.items[7].actions.count == 2)
        #expect(minutes.items[8].actions == ["The clerk to the committee to seek an update on the schools update briefing promised on 28 July 2020."])
    }

    @Test("The 2021 action tracker is read row by row")
    func actionTracker() {
        #expect(pack.actionTracker.map(\.number) == ["1", "2", "3"])
        #expect(pack.actionTracker.allSatisfy { $0.meetingDate?.date == day(2021, 9, 7) && $0.dueDate?.date == day(2021, 11, 2) && $0.directorate == "Corporate Centre" })
        #expect(pack.actionTracker.map(\.owner) == ["Claire Ward", "Claire Ward", "Clerk to the committee"])
        #expect(pack.actionTracker[2].progress == "Updates added to recommendation tracker")
        #expect(pack.actionTracker[0].action == "check and confirm if the Human Rights Act is highlighted as a workshop requirement for social workers")
        #expect(pack.actionTracker.allSatisfy { $0.reportedComplete == nil })
    }

    @Test("A tracker without numbers or dates is read by its Item and Recommendations columns")
    func tracker() {
        let rows = pack.recommendationTracker
        #expect(rows.count == 14)
        #expect(rows.map(\.meetingDate).reduce(into: [CalendarDay?]()) { if $0.last != $1 { $0.append($1) } } == [
            day(2020, 7, 28), day(2021, 1, 19), day(2021, 3, 23), day(2021, 5, 20), day(2021, 6, 1), day(2021, 8, 5), day(2021, 9, 7),
        ])
        #expect(rows.allSatisfy { $0.number == nil && $0.dateSent == nil })
        #expect(rows[2].topic == "Children and Young People Mental Health")
        #expect(rows[2].response == "To be picked up as part of Health and Wellbeing report in December 2021.")
        #expect(rows.last?.topic == "Work Programme Review")
        #expect(rows.last?.response == "Added to work programme for December 2021.")
    }

    @Test("The 2021 work programme has dated meetings, potential items, task and finish groups and briefing notes")
    func workProgramme() throws {
        let programme = try #require(pack.workProgramme)
        #expect(programme.sessions.map(\.date?.date) == [
            day(2021, 8, 5), day(2021, 9, 7), day(2021, 10, 12), day(2021, 11, 23), day(2021, 12, 7), day(2022, 1, 11), day(2022, 3, 22),
        ])
        #expect(programme.sessions.map(\.reportDeadline?.date) == [
            day(2021, 7, 28), day(2021, 8, 27), day(2021, 10, 4), day(2021, 11, 15), day(2021, 11, 29), day(2022, 1, 3), day(2022, 3, 14),
        ])
        #expect(programme.sessions.map(\.topics.count) == [3, 2, 2, 0, 3, 1, 1])
        let youthJustice = programme.sessions[0].topics[0]
        #expect(youthJustice.title == "Youth Justice Plan")
        #expect(youthJustice.scrutinyType == "Pre-decision call-in of Policy Framework item")
        #expect(youthJustice.attendees.map(\.name) == ["Keith Barham, Head of Service, West Mercia Youth Justice Service"])
        #expect(programme.potentialTopics.count == 13)
        #expect(programme.potentialTopics.first?.title == "Corporate Parenting Strategy")
        #expect(programme.taskAndFinishGroups.count == 2)
        #expect(programme.briefingNotes.map(\.title) == [
            "Outcome of the audit of the reduction in child protection plans", "Kick Start Programme", "NEETs project",
            "Impact of pandemic on opportunities for school and care leavers", "Elective Home Education and current trends",
        ])
        #expect(programme.briefingNotes[3].targetDate?.date == day(2021, 10, 12))
        #expect(programme.briefingNotes[0].targetDate == PublishedDate(text: "Summer 2021"))
    }
}
