import QuorumDomain
import Testing
import QuorumIngest

/// The 17 September 2024 pack (plain text, tab-separated tables): values read off the document.
@Suite("17 September 2024 agenda pack")
struct September2024PackTests {
    let pack: AgendaPack

    init() throws { pack = try Seed.september2024.parse() }

    @Test("A plain-text front sheet gives the committee, date, time, venue and clerk")
    func frontSheet() {
        #expect(pack.authority == "Herefordshire Council")
        #expect(pack.committee == "Children and Young People Scrutiny Committee")
        #expect(pack.meetingDate == day(2024, 9, 17))
        #expect(pack.startTime == TimeOfDay(hour: 14, minute: 0))
        #expect(pack.venue == "Conference Room 1 - Herefordshire Council, Plough Lane Offices, Hereford, HR4 0LE")
        #expect(pack.clerk?.name == "Simon Cann")
        #expect(pack.clerk?.role == "Democratic Services Officer")
        #expect(pack.clerk?.phone == "01432 260667")
        #expect(pack.clerk?.email == "simon.cann@herefordshire.gov.uk")
        #expect(pack.questionDeadline == day(2024, 9, 11))
        #expect(pack.nextMeetingDate == day(2024, 11, 26))
    }

    @Test("Co-opted members in a tab-separated membership table carry the body they represent")
    func membership() {
        #expect(pack.members.filter { $0.role == .councillor }.map(\.name) == ["Clare Davies", "Robert Highfield", "Ben Proctor", "Rob Williams"])
        #expect(pack.members.first { $0.role == .chairperson }?.name == "Toni Fagan")
        #expect(pack.members.first { $0.role == .viceChairperson }?.name == "Liz Harvey")
        let coOpted = pack.members.filter { $0.role == .coOpted }
        #expect(coOpted.map(\.name) == ["Sylvia Cockroft", "Jan Frances", "Stuart Mitchell", "Sam Pratley"])
        #expect(coOpted.map(\.represents) == ["Archdiocese of Cardiff", "Families' Representative", "Parent Governor Secondary", "Hereford Diocese"])
        #expect(coOpted.allSatisfy { $0.title == nil })
    }

    @Test("The plain-text agenda has ten items with their page ranges")
    func agenda() {
        #expect(pack.agendaItems.map(\.number) == (1...10).map(String.init))
        #expect(pack.agendaItems.map(\.title) == [
            "APOLOGIES FOR ABSENCE", "NAMED SUBSTITUTES", "DECLARATIONS OF INTEREST", "MINUTES", "QUESTIONS FROM MEMBERS OF THE PUBLIC",
            "QUESTIONS FROM MEMBERS OF THE COUNCIL", "QUALITY ASSURANCE", "IMPROVEMENT PLAN", "WORK PROGRAMME", "DATE OF THE NEXT MEETING",
        ])
        #expect(pack.agendaItems.map(\.pages) == [
            nil, nil, nil, PageRange(first: 9, last: 24), nil, nil, PageRange(first: 25, last: 50), PageRange(first: 51, last: 76),
            PageRange(first: 77, last: 110), nil,
        ])
        #expect(pack.reports.map(\.agendaItemNumber) == ["7", "8", "9"])
        #expect(pack.reports.map(\.reportBy) == ["Head of Service Safeguarding and Review", "Director of Children's Services", "Statutory Scrutiny Officer"])
    }

    @Test("The minutes of 30 July 2024 list attendance, minutes 10 to 21 and their resolutions")
    func minutes() throws {
        let minutes = try #require(pack.previousMinutes)
        #expect(minutes.meetingDate == day(2024, 7, 30))
        #expect(minutes.startTime == TimeOfDay(hour: 14, minute: 0))
        #expect(minutes.present.map(\.name) == ["Toni Fagan", "Liz Harvey", "Clare Davies", "Dave Davies", "Robert Highfield", "Ben Proctor", "Sam Pratley"])
        #expect(minutes.present.last == Attendee(name: "Sam Pratley", description: "Diocese of Hereford", role: .coOpted))
        #expect(minutes.inAttendance.map(\.name) == ["Simon Cann", "Steve Eccleston", "Tilly Page", "Alfie Rees-Glinos", "Tina Russell", "Danial Webb"])
        #expect(minutes.inAttendance[2].description == "Complaints and Children's Rights Manager")
        #expect(minutes.apologies.map(\.name) == ["Frank Cornthwaite", "Rob Williams", "Jan Frances"])
        #expect(minutes.apologies.map(\.title) == ["Councillor", "Councillor", nil])
        #expect(minutes.items.map(\.number) == Array(10...21))
        #expect(minutes.items.map(\.resolutions.count) == [0, 0, 0, 1, 0, 0, 3, 2, 0, 0, 0, 0])
        #expect(minutes.items[3].resolutions == ["That the minutes of the meetings held on 7 May and 13 June 2024 be confirmed as a correct record and be signed by the Chairperson."])
        #expect(minutes.items[6].resolutions[2] == """
            That scrutiny recognises the work undertaken in partnership with Leeds City Council around complaints and asks that consideration be given to
            i. having an independent professional investigate and document the complaint and desired outcome
            ii. understanding the demographics and protected characteristics of people making complaints and
            iii. ensuring that children's young people's and families' views are incorporated into that review.
            """)
        #expect(minutes.items[7].resolutions == [
            "That Herefordshire Council provide analysis of funding provided through the Police and Crime Commissioner and My Family, My School, My Community to demonstrate that funding and resources are focused on delivering sustained early help and support for families and communities.",
            "The funding available to support development of a child-friendly Herefordshire is distributed as rapidly as possible.",
        ])
    }

    @Test("A meeting end time that was not recorded is kept as text and flagged")
    func unrecordedEndTime() throws {
        let minutes = try #require(pack.previousMinutes)
        #expect(minutes.endTime == nil)
        #expect(minutes.endedText == "The meeting ended at Time Not Specified")
        // Flagged once, on the meeting the minutes record, at the closing line.
        let flags = pack.records().warnings.filter { $0.message.contains("Time Not Specified") }
        #expect(flags.count == 1)
        #expect(flags.first?.source?.hasSuffix(":\(try #require(minutes.endedLine))") == true)
        #expect(flags.first?.entityId == "herefordshire-council/children-and-young-people-scrutiny-committee/2024-07-30")
    }

    @Test("Public questions split the questioner from the place and keep who responded")
    func questions() throws {
        let questions = try #require(pack.previousMinutes?.questions)
        #expect(questions.map(\.number) == ["PQ 1", "PQ 2", "PQ3", "PQ 4"])
        #expect(questions.map(\.questioner) == ["Ms. Hannah Currie", "Mr. James McGeown", "Mrs. Megan McGeown", "Ms. Maggie Steel"])
        #expect(questions.map(\.place) == ["Hereford", "Weobley", "Weobley", "Hereford"])
        #expect(questions.allSatisfy { $0.addressee == "Children and Young People Scrutiny Committee" })
        #expect(questions.map(\.respondent) == [
            "Cabinet Member Children and Young People", "Corporate Director Children and Young People",
            "Cabinet Member Children and Young People", "Cabinet Member Children and Young People",
        ])
        #expect(questions[3].text == "My question is this, how will you engage with the public, so that you can properly scrutinize what officers are writing and distinguish between what is written to assuage you and what is really happening on the ground?")
        #expect(questions[1].response == "A written response from the Corporate Director Children and Young People was sent directly to Mr and Mrs McGeown addressing the issues raised in this question.")
    }

    @Test("A work programme covering several committees keeps each session's committee")
    func workProgramme() throws {
        let programme = try #require(pack.workProgramme)
        let ours = programme.sessions.filter { $0.committee == "Children and Young People Scrutiny Committee" }
        #expect(ours.map(\.kind) == [.briefing, .committeeMeeting, .committeeMeeting, .committeeMeeting, .briefing, .committeeMeeting])
        #expect(ours.map(\.date?.text) == ["2 September 2024", "17 September 2024", "26 November 2024", "21 January 2025", "February 2025", "18 March 2025"])
        #expect(ours[4].date?.date == nil)
        #expect(ours[1].reportDeadline?.date == day(2024, 9, 9))
        #expect(ours[1].planningDate?.date == day(2024, 9, 6))
        #expect(ours.map { $0.topics.map(\.title) } == [
            ["Auditing and quality assurance"], ["Quality Assurance", "Improvement Plan"], ["Including children's voices in council policy"],
            ["Ensuring sufficiency for children and young people with a SEND"], ["Update on school attainment"], ["Child exploitation"],
        ])
        #expect(Set(programme.sessions.compactMap(\.committee)).count >= 4)
    }
}
