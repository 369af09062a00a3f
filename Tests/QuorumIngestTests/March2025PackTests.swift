import QuorumDomain
import Testing
import struct QuorumDomain.Contact
import QuorumIngest

/// The 18 March 2025 pack (markdown with HTML tables): values read off the document.
@Suite("18 March 2025 agenda pack")
struct March2025PackTests {
    let pack: AgendaPack

    init() throws { pack = try Seed.march2025.parse() }

    @Test("The front sheet gives the committee, date, time, venue and clerk")
    func frontSheet() {
        #expect(pack.authority == "Herefordshire Council")
        #expect(pack.committee == "Children and Young People Scrutiny Committee")
        #expect(pack.meetingDate == day(2025, 3, 18))
        #expect(pack.startTime == TimeOfDay(hour: 14, minute: 0))
        #expect(pack.venue == "Conference Room 1 - Herefordshire Council, Plough Lane Offices, Hereford, HR4 0LE")
        #expect(pack.clerk == Contact(name: "Simon Cann", role: "Democratic Services Officer", phone: "01432 260667", email: "simon.cann@herefordshire.gov.uk"))
        #expect(pack.questionDeadline == day(2025, 3, 12))
        #expect(pack.nextMeetingDate == day(2025, 5, 27))
    }

    @Test("The membership lists the chairperson, vice-chairperson, councillors and co-opted members with their bodies")
    func membership() {
        #expect(pack.members == [
            CommitteeMember(name: "Toni Fagan", title: "Councillor", role: .chairperson, roleAsPublished: "Chairperson"),
            CommitteeMember(name: "Liz Harvey", title: "Councillor", role: .viceChairperson, roleAsPublished: "Vice-chairperson"),
            CommitteeMember(name: "Frank Cornthwaite", title: "Councillor", role: .councillor),
            CommitteeMember(name: "Clare Davies", title: "Councillor", role: .councillor),
            CommitteeMember(name: "Dave Davies", title: "Councillor", role: .councillor),
            CommitteeMember(name: "Robert Highfield", title: "Councillor", role: .councillor),
            CommitteeMember(name: "Ben Proctor", title: "Councillor", role: .councillor),
            CommitteeMember(name: "Jan Frances", role: .coOpted, roleAsPublished: "Co-opted members", represents: "Families' Representative"),
            CommitteeMember(name: "Stuart Mitchell", role: .coOpted, roleAsPublished: "Co-opted members", represents: "Parent Governor Secondary"),
        ])
    }

    @Test("Every agenda item has its number, title and page range")
    func agenda() {
        let expected: [(String, String, PageRange?)] = [
            ("1", "APOLOGIES FOR ABSENCE", nil), ("2", "NAMED SUBSTITUTES", nil), ("3", "DECLARATIONS OF INTEREST", nil),
            ("4", "MINUTES", PageRange(first: 9, last: 20)), ("5", "QUESTIONS FROM MEMBERS OF THE PUBLIC", nil),
            ("6", "QUESTIONS FROM MEMBERS OF THE COUNCIL", nil),
            ("7", "FINDINGS OF THE OFSTED AND CARE QUALITY COMMISSION AREA SEND INSPECTION", PageRange(first: 21, last: 42)),
            ("8", "SUPPORTING CHILDREN WITH ADDITIONAL NEEDS", PageRange(first: 43, last: 52)),
            ("9", "RECOMMENDATIONS UPDATE", PageRange(first: 53, last: 64)), ("10", "WORK PROGRAMME", PageRange(first: 65, last: 90)),
            ("11", "DATE OF THE NEXT MEETING", nil),
        ]
        #expect(pack.agendaItems.map(\.number) == expected.map(\.0))
        #expect(pack.agendaItems.map(\.title) == expected.map(\.1))
        #expect(pack.agendaItems.map(\.pages) == expected.map(\.2))
        #expect(pack.agendaItems.allSatisfy { $0.access == .open })
        #expect(pack.agendaItems[3].description == "To receive the minutes of the meeting held on Tuesday 21 January 2025.")
        #expect(pack.agendaItems[9].description == "To consider the work programme for the committee.")
    }

    @Test("Each report's cover is read and linked to its agenda item")
    func reports() throws {
        #expect(pack.reports.map(\.agendaItemNumber) == ["7", "8", "9", "10"])
        let send = pack.reports[0]
        #expect(send.title == "Area SEND Inspection")
        #expect(send.meeting == "Children and Young People Scrutiny Committee")
        #expect(send.meetingDate == day(2025, 3, 18))
        #expect(send.reportBy == "Cabinet member children and young people")
        #expect(send.classification == .open)
        #expect(send.decisionType == .notAnExecutiveDecision)
        #expect(send.wardsAffected == ["All Wards"])
        #expect(send.recommendations == [
            QuorumDomain.Report.LetteredRecommendation(letter: "a", text: "Scrutiny receive and note the feedback from the published Ofsted report (Appendix A)."),
            QuorumDomain.Report.LetteredRecommendation(letter: "b", text: "The committee to make any recommendations, or suggested actions, in connection to the content and findings set out in Appendix A of this report."),
        ])
        #expect(send.appendices == ["Appendix A – Area SEND Inspection Report."])
        let headings = send.sections.map(\.heading)
        let standard = ["Alternative options", "Key considerations", "Community impact", "Environmental Impact", "Equality duty",
                        "Resource implications", "Legal implications", "Risk management", "Consultees", "Appendices", "Background papers"]
        var position = 0
        for heading in standard {
            let found = try #require(headings[position...].firstIndex(of: heading), "\(heading) missing or out of order")
            position = found + 1
        }
        #expect(send.sections.first { $0.heading == "Background papers" }?.paragraphs == ["None identified"])
        #expect(pack.reports[2].recommendations.map(\.letter) == ["a", "b", "c"])
        #expect(pack.reports[3].title == "Work programme 2024/5 – Children and Young People Scrutiny Committee")
    }

    @Test("The previous meeting's minutes belong to 21 January 2025, with attendance and the end time")
    func minutes() throws {
        let minutes = try #require(pack.previousMinutes)
        #expect(minutes.meetingDate == day(2025, 1, 21))
        #expect(minutes.startTime == TimeOfDay(hour: 14, minute: 0))
        #expect(minutes.venue == "Conference Room 1 - Herefordshire Council, Plough Lane Offices, Hereford, HR4 0LE")
        #expect(minutes.endTime == TimeOfDay(hour: 16, minute: 56))
        #expect(minutes.present.map(\.name) == ["Toni Fagan", "Liz Harvey", "Frank Cornthwaite", "Dave Davies", "Robert Highfield", "Ben Proctor"])
        #expect(minutes.present.map(\.role) == [.chairperson, .viceChairperson, .councillor, .councillor, .councillor, .councillor])
        #expect(minutes.inAttendance == [Attendee(name: "Ivan Powell", title: "Councillor", description: "Cabinet Member Children and Young People")])
        #expect(minutes.officers.first == Attendee(name: "Simon Cann", description: "Committee Clerk"))
        #expect(minutes.officers.contains(Attendee(name: "Kevin Crompton", description: "Independent Scrutineer")))
        #expect(minutes.apologies == [Apology(name: "Jan Frances", description: "Co-opted member families' representative")])
        #expect(minutes.substitutes.isEmpty)
        #expect(minutes.declarations.isEmpty)
        #expect(minutes.items.map(\.number) == Array(42...52))
        #expect(minutes.items.map(\.resolutions.count) == [0, 0, 0, 1, 0, 0, 3, 1, 0, 0, 0])
    }

    @Test("Resolutions are read in order, numbered or single")
    func resolutions() throws {
        let items = try #require(pack.previousMinutes?.items)
        #expect(items[3].resolutions == ["That the minutes of the meeting held on 26 November 2024 be confirmed as a correct record and be signed by the Chairperson."])
        #expect(items[6].resolutions == [
            "The partnership ensures that recommendations from the 2024-25 annual review of effectiveness onwards have an identified partnership lead and an indicative timeframe for completion;",
            "The partnership appends an implementation plan for the recommendations in its 2024-25 annual review of effectiveness; and",
            "Herefordshire Council's director of children's services and director of governance and law provide guidance to elected members on their corporate parent responsibilities in the event of a significant incident, or death, concerning a care leaver under the age of 25.",
        ])
        #expect(items[7].resolutions == ["That the committee note the report."])
    }

    @Test("Supplementary public questions keep the questioner, place, addressee and response")
    func questions() throws {
        let questions = try #require(pack.previousMinutes?.questions)
        #expect(questions.map(\.number) == ["SPQ 1", "SPQ 2"])
        #expect(questions.allSatisfy { $0.kind == .supplementary })
        #expect(questions.map(\.questioner) == ["Mr James McGeown", "Mr Eddy Parkinson"])
        #expect(questions.map(\.place) == ["Weobley", "Leintwardine"])
        #expect(questions[0].text.hasPrefix("council's constitution references 'statutory' co-opted members."))
        #expect(questions[0].addressee?.hasPrefix("Children and") == true)
        #expect(questions[0].response?.hasPrefix("Section 4.5.7 of Herefordshire Council's constitution") == true)
        #expect(questions[1].response?.hasPrefix("We are keen to give further assurances in this matter.") == true)
    }

    @Test("The recommendations tracker has 39 recommendations from 9 meetings under 16 topics")
    func tracker() throws {
        let rows = pack.recommendationTracker
        #expect(rows.count == 39)
        var meetings: [CalendarDay] = []
        var topics: [String] = []
        for row in rows {
            let meeting = try #require(row.meetingDate)
            if meetings.last != meeting { meetings.append(meeting) }
            let key = "\(meeting) \(row.topic)"
            if topics.last != key { topics.append(key) }
        }
        #expect(meetings == [day(2023, 9, 26), day(2023, 11, 14), day(2024, 1, 23), day(2024, 3, 12), day(2024, 5, 7),
                             day(2024, 7, 30), day(2024, 9, 17), day(2024, 11, 26), day(2025, 1, 21)])
        #expect(topics.count == 16)
        let perMeeting = meetings.map { m in rows.filter { $0.meetingDate == m }.count }
        #expect(perMeeting == [2, 4, 8, 4, 6, 5, 5, 2, 3])
        #expect(rows[0].topic == "Early Help")
        #expect(rows[0].response == "Noted")
        #expect(rows.filter { $0.topic == "Task and Finish Group - Children and Young People Directorate Budget" }.map(\.number) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(rows.filter { $0.topic == "Corporate Parenting Board" }.map(\.number) == ["2", "3"])
        let may = rows.filter { $0.meetingDate == day(2024, 5, 7) }
        #expect(may.allSatisfy { $0.dateSent?.date == day(2024, 10, 24) && $0.dueDate?.date == day(2024, 7, 16) && $0.receivedDate?.date == day(2024, 12, 31) })
        #expect(may[0].dateSent?.text == "24-Oct-24")
        #expect(may[0].response == "Accepted")
        let last = try #require(rows.last)
        #expect(last.topic == "Herefordshire Safeguarding Children Partnership - Yearly Review of Effectiveness Report 2023-24")
        #expect(last.number == "3")
        #expect(last.dateSent?.date == day(2025, 1, 28))
        #expect(last.dueDate?.date == day(2025, 3, 27))
        #expect(last.receivedDate?.date == day(2025, 3, 9))
        #expect(last.response == "This will be circulated to elected members in due course.")
        // The response continued after a page break belongs to the row above.
        #expect(rows[35].response?.hasSuffix("will share the detailed action plan with Committee in February.") == true)
    }

    @Test("A tracker due date before the date sent is kept as published and flagged")
    func contradictoryDates() {
        // Flagged once, on each recommendation's record, with its line; the parser does not say it again.
        let flagged = pack.records().warnings.filter { $0.message.contains("due date 2024-07-16 is before the date sent 2024-10-24") }
        #expect(flagged.count == 6)
        #expect(flagged.allSatisfy { $0.entity == "recommendation" && $0.source?.contains(":") == true })
        #expect(pack.warnings.allSatisfy { !$0.message.contains("is before the date sent") })
        #expect(pack.recommendationTracker.filter { $0.dueDate?.date == day(2024, 7, 16) }.count == 6)
    }

    @Test("The work programme lists each meeting and briefing with deadlines and topics")
    func workProgramme() throws {
        let programme = try #require(pack.workProgramme)
        let sessions = programme.sessions
        #expect(sessions.map(\.kind) == [.briefing, .committeeMeeting, .committeeMeeting, .committeeMeeting, .committeeMeeting])
        #expect(sessions.map(\.date?.date) == [day(2025, 3, 4), day(2025, 3, 18), day(2025, 5, 27), day(2025, 6, 24), day(2025, 9, 16)])
        #expect(sessions.map(\.reportDeadline?.date) == [nil, day(2025, 3, 6), day(2025, 5, 15), nil, day(2025, 9, 4)])
        #expect(sessions[3].reportDeadline?.text == "TBC")
        #expect(sessions.map(\.planningDate?.text) == [nil, "06 March 2025", "TBC", "TBC", "TBC"])
        #expect(sessions.map { $0.topics.map(\.title) } == [
            ["School attainment"],
            ["Findings of the CQC/Ofsted inspection of SEND services", "Supporting children with additional needs", "Recommendations update", "Work programme"],
            ["School Capital Programme Task and Finish Group Terms of Reference", "Child exploitation", "Update on Improvement Plan and Quality Assurance Framework", "Work programme"],
            ["Early help for children and families", "Work programme"],
            ["Youth Justice", "Herefordshire Safeguarding Children's Partnership Annual review of effectiveness", "Work programme"],
        ])
        let attainment = sessions[0].topics[0]
        #expect(attainment.objectives == ["Overview of pupil attainment from Key Stage 1 to A level in Herefordshire"])
        #expect(attainment.evidence == ["Pupil attainment data"])
        #expect(attainment.attendees.first == WorkProgrammeItem.Attendee(name: "Liz Farr – Service Director, Education", isReportWriter: true))
        #expect(attainment.attendees.dropFirst().allSatisfy { !$0.isReportWriter })
        #expect(attainment.attendees.count == 6)
        let supporting = sessions[1].topics[1]
        #expect(supporting.attendees.filter(\.isReportWriter).map(\.name) == ["Jessica Davies – Service manager Children with Disabilities"])
        #expect(programme.unparsed.contains("Home Education"))
    }
}
