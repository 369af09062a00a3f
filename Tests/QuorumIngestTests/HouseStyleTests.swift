import Foundation
import Testing
import QuorumDomain
import QuorumIngest

/// Papers laid out in house styles other than Herefordshire's, on text written for each test (invented councils),
/// so that what is read is the shape of a paper and not one council's wording.
@Suite("Other councils' house styles")
struct HouseStyleTests {
    private func pack(_ text: String) throws -> AgendaPack { try parseAgendaPack(text, file: "style.txt") }

    @Test("A front sheet with each label on one line and its value on the next, and a start time with a condition")
    func labelsOnTheirOwnLines() throws {
        let pack = try pack(
            """
               Borough of Fernhill Council

               Meeting
               Place Scrutiny Committee

               Date and time
               Thursday, 4th September 2025 at 6.30pm, or at the conclusion of the Licensing Committee if later

               Venue
               Room 3, Civic Centre, Fernhill
               View directions

               Committee Officer
               Ruth Ambrose
               01632 960999
               ruth.ambrose@fernhill.example.gov.uk

               AGENDA

               1)  Apologies for absence

               2)  Local Plan Review (Pages 5 - 12)
            """)
        #expect(pack.committee == "Place Scrutiny Committee")
        #expect(pack.authority == "Borough of Fernhill Council")
        #expect(pack.meetingDate == CalendarDay(2025, 9, 4))
        #expect(pack.startTime == TimeOfDay(hour: 18, minute: 30))
        #expect(pack.startCondition == "or at the conclusion of the Licensing Committee if later")
        #expect(pack.venue == "Room 3, Civic Centre, Fernhill")
        #expect(pack.clerk == Contact(name: "Ruth Ambrose", role: "Committee Officer", phone: "01632 960999", email: "ruth.ambrose@fernhill.example.gov.uk"))
        #expect(pack.agendaItems.map(\.number) == ["1", "2"])
        #expect(pack.agendaItems.last?.title == "Local Plan Review")
        #expect(pack.agendaItems.last?.pages == PageRange(first: 5, last: 12))
    }

    @Test("A one-line heading with committee, weekday, ordinal date and time, and a council in capitals")
    func oneLineHeading() throws {
        let pack = try pack(
            """
            MARSHWOOD CITY COUNCIL

            Corporate Scrutiny Panel MEETING - Thursday 4th September 2025 7.00 p.m.

            Venue: Council Chamber, Marshwood Guildhall View directions
            Contact: Olu Barnes, Scrutiny Officer  Tel: 01632 960123  Email: olu.barnes@marshwood.example.gov.uk

            Agenda

            1.  Apologies
            """)
        #expect(pack.committee == "Corporate Scrutiny Panel")
        #expect(pack.authority == "Marshwood City Council")
        #expect(pack.meetingDate == CalendarDay(2025, 9, 4))
        #expect(pack.startTime == TimeOfDay(hour: 19, minute: 0))
        #expect(pack.startCondition == nil)
        #expect(pack.venue == "Council Chamber, Marshwood Guildhall")
        #expect(pack.clerk?.name == "Olu Barnes")
        #expect(pack.clerk?.phone == "01632 960123")
    }

    @Test("A summons letter names the committee, venue, date and time; the letter's own date is not the meeting's")
    func summons() throws {
        let pack = try pack(
            """
                                     KESTON DISTRICT COUNCIL

               Enquiries to:  Amy Lowe, Committee Services            Date: 2nd June 2025

               Dear Councillor,

               You are summoned to attend a meeting of the OVERVIEW AND SCRUTINY COMMITTEE to be
               held in the Council Chamber, Keston House on
               Tuesday 10th June 2025 at 19:00 for the transaction of the business set out below.

                                          A G E N D A

               1)    Apologies for Absence
            """)
        #expect(pack.committee == "Overview and Scrutiny Committee")
        #expect(pack.authority == "Keston District Council")
        #expect(pack.meetingDate == CalendarDay(2025, 6, 10))
        #expect(pack.startTime == TimeOfDay(hour: 19, minute: 0))
        #expect(pack.venue == "Council Chamber, Keston House")
        #expect(pack.agendaItems.first?.title == "Apologies for Absence")
    }

    @Test("Agenda items numbered Item 1 with sub-items, pages on their own line, and a Part II heading with its paragraph")
    func itemForm() throws {
        let pack = try pack(
            """
              DATE:        Monday 6 October 2025
              TIME:        10am

              PART I – ITEMS TO BE CONSIDERED IN PUBLIC

              Item 1      Apologies for Absence

              Item 2      Adult Services
                  2a      Day Centres Review
                          Pages 3 - 10
                  2b      Carers Strategy
                          Pages 11 - 20

              PART II – NOT FOR PUBLICATION

              The press and public are likely to be excluded for the following item, which contains
              exempt information under paragraph 3 of Part 1 of Schedule 12A.

              Item 3      Care Provider Contract
                          Pages 21 - 30
            """.replacingOccurrences(of: "  DATE:", with: "  HEALTH SCRUTINY PANEL\n\n  DATE:"))
        #expect(pack.committee == "Health Scrutiny Panel")
        #expect(pack.startTime == TimeOfDay(hour: 10, minute: 0))
        #expect(pack.agendaItems.map(\.number) == ["1", "2", "2a", "2b", "3"])
        #expect(pack.agendaItems.first { $0.number == "2b" }?.pages == PageRange(first: 11, last: 20))
        #expect(pack.agendaItems.first { $0.number == "2a" }?.title == "Day Centres Review")
        #expect(pack.agendaItems.map(\.access.isExempt) == [false, false, false, false, true])
        #expect(pack.agendaItems.last?.access == .exempt(paragraph: .financialOrBusinessAffairs))
    }

    @Test("Membership as a run-in sentence, and co-opted members with their bodies in brackets or a second column")
    func membership() throws {
        let pack = try pack(
            """
            Tarnby Borough Council

            Audit Committee - Monday 6 October 2025 2pm

            Membership

            Councillors Ashby (Chairman), Brett (Vice-Chairman), Mrs P Quarry,
            D R Collier and Dunne

            Co-opted member: Mr D Hale (Tarnby Parish Forum), non-voting

            Co-opted Members (voting on education matters only)
            Mrs K Amos                          Diocese of Tarnby
            Vacancy                             Parent Governor Representative

            Agenda

            1.  Apologies
            """)
        let members = pack.members
        #expect(members.map(\.name) == ["Ashby", "Brett", "Mrs P Quarry", "D R Collier", "Dunne", "Mr D Hale", "Mrs K Amos"])
        #expect(members[0].role == .chairperson)
        #expect(members[1].role == .viceChairperson)
        #expect(members[2].role == .councillor)
        #expect(members[5].role == .coOpted && members[5].represents == "Tarnby Parish Forum")
        #expect(members[5].roleAsPublished?.contains("non-voting") == true)
        #expect(members[6].represents == "Diocese of Tarnby")
    }

    @Test("Minutes with numbers as printed, run-in titles, AGREED that, and a heading over two lines")
    func minutes() throws {
        let pack = try pack(
            """
            Audit Committee - Monday 6 October 2025 2pm

            Agenda

            1.  Minutes (Pages 1 - 2)

            MINUTES OF THE AUDIT COMMITTEE
            HELD ON MONDAY 8 SEPTEMBER 2025 AT 14:00, TOWN HALL

            PRESENT: Councillor Ashby (Chairman)

            AUD 4/25 RISK REGISTER – The Head of Audit presented the register.
            AGREED that the register be reported
            again in January.

            AUD 5/25 Internal Audit Plan. RESOLVED – That the plan be approved.

            The meeting closed at 15:20.
            """)
        let minutes = try #require(pack.previousMinutes)
        #expect(minutes.meetingDate == CalendarDay(2025, 9, 8))
        #expect(minutes.items.map(\.reference) == ["AUD 4/25", "AUD 5/25"])
        #expect(minutes.items.map(\.number) == [4, 5])
        #expect(minutes.items.map(\.title) == ["RISK REGISTER", "Internal Audit Plan"])
        #expect(minutes.items[0].resolutions == ["That the register be reported again in January."])
        #expect(minutes.items[1].resolutions == ["That the plan be approved."])
        #expect(minutes.endTime == TimeOfDay(hour: 15, minute: 20))
    }

    @Test("Attendance lines wrapped at the margin are one entry, a bracket left open runs on, and an APOLOGIES label ends the officers")
    func wrappedAttendance() throws {
        let pack = try pack(
            """
            Audit Committee - Monday 6 October 2025 2pm

            Agenda

            1.  Minutes (Pages 1 - 2)

            MINUTES OF THE AUDIT COMMITTEE
            HELD ON MONDAY 8 SEPTEMBER 2025 AT 14:00, TOWN HALL

              PRESENT:     Councillor Ashby (Chairman)

              Also present: Councillor T Vosper (Portfolio Holder for Environment) and Mr D Halloran
              (co-opted member).

              Officers: Mrs C Aldous (Assistant Director (Communities)), Mr S Tremayne (Housing Services
              Manager) and Mr M Ollerenshaw (Committee Services Officer).

              OFFICERS:    Dr Lorna Shawcross – Director of Children's Services
                           Peter Nwachukwu – Head of SEND and Inclusion

              APOLOGIES:   Councillor Makepeace and Mrs M Kowalczyk

            AUD 4/25 RISK REGISTER – The Head of Audit presented the register.

            The meeting closed at 15:20.
            """)
        let minutes = try #require(pack.previousMinutes)
        #expect(minutes.officers.map(\.name) == ["C Aldous", "S Tremayne", "M Ollerenshaw", "Lorna Shawcross", "Peter Nwachukwu"])
        #expect(minutes.officers.map(\.description) == [
            "Assistant Director (Communities)", "Housing Services Manager", "Committee Services Officer", "Director of Children's Services",
            "Head of SEND and Inclusion",
        ])
        #expect(minutes.apologies.map(\.name) == ["Makepeace", "M Kowalczyk"])
        #expect(minutes.inAttendance.contains { $0.name == "D Halloran" && $0.description == "co-opted member" })
    }

    @Test("No confident nonsense: a venue label is not a council, City of X keeps its name, a condition stays with its time")
    func noNonsense() throws {
        let pack = try pack(
            """
            City of Brackley Council

            Scrutiny Board Minutes

            Date: Wednesday 1 October 2025
            Time: 5.30 pm, or at the rise of the Planning Committee
            Venue: Council Chamber

            Agenda

            1.  Apologies
            """)
        #expect(pack.authority == "City of Brackley Council")
        #expect(pack.committee == "Scrutiny Board")
        #expect(pack.venue == "Council Chamber")
        #expect(pack.startTime == TimeOfDay(hour: 17, minute: 30))
        #expect(pack.startCondition == "or at the rise of the Planning Committee")
    }

    @Test("A meeting's web page: labels above their values, no page numbers, items with their minutes under them")
    func meetingWebPage() throws {
        let pack = try pack(
            """
            Skip to main content
            Brackwater Town Council
            Home

            Community Scrutiny Panel - Monday 6th October 2025 6.00 p.m.

            Venue:
            Town Hall, Brackwater
            Contact:
            Jo Pike, Scrutiny Officer
            Tel: 01632 960555

            Membership
            Cllr Ann Lowe (Chair)
            Cllr Ben Marsh
            Mr Carl Neve (Brackwater Youth Forum) - co-opted member, non-voting

            Attendance
            Present:
            Cllr Ben Marsh (Vice-Chair, in the Chair)
            Cllr Dee Orme (substitute for Cllr Ann Lowe)
            Mr Carl Neve (Brackwater Youth Forum)
            Officers:
            Dr Eve Pratt, Director of Public Health

            Items
            No.
            Item

            5.
            Minutes of the previous meeting
            PDF 100 KB
            To approve the minutes of the meeting held on 8 September 2025.
            Minutes:
            AGREED that the minutes be approved.

            6.
            Parks Strategy
            PDF 2 MB
            Minutes:
            The Panel discussed the strategy.

            RESOLVED: (1) That the strategy be noted.

            (2) That the Cabinet be asked to fund the play areas.

            Date of next meeting
            Monday 3 November 2025 6.00 p.m.
            """)
        #expect(pack.committee == "Community Scrutiny Panel")
        #expect(pack.venue == "Town Hall, Brackwater")
        #expect(pack.clerk?.name == "Jo Pike")
        #expect(pack.agendaItems.map(\.title) == ["Minutes of the previous meeting", "Parks Strategy"])
        #expect(pack.nextMeetingDate == CalendarDay(2025, 11, 3))
        #expect(pack.previousMeetingDate == CalendarDay(2025, 9, 8))
        #expect(pack.members.last?.represents == "Brackwater Youth Forum")
        let minutes = try #require(pack.previousMinutes)
        #expect(minutes.meetingDate == CalendarDay(2025, 10, 6))
        #expect(minutes.items.map(\.number) == [5, 6])
        #expect(minutes.items[1].resolutions == ["That the strategy be noted.", "That the Cabinet be asked to fund the play areas."])
        #expect(minutes.present.first { $0.name == "Carl Neve" }?.role == .coOpted)
        #expect(minutes.officers.map(\.name) == ["Eve Pratt"])
        #expect(minutes.officers.first?.description == "Director of Public Health")
    }

    @Test("A report published on its own: the cover's labels above their values, its meeting, sections, contacts and request")
    func standaloneReport() throws {
        let pack = try pack(
            """
                                                                          Agenda Item 4

               Holbeck District Council

               Report title
               Street Lighting Upgrade

               Meeting
               Environment Scrutiny Committee

               Meeting date and time
               Wednesday 5 November 2025, 18:00

               Report by
               Head of Highways

               Cabinet portfolio
               Cabinet Member for Environment

               Classification
               Open report with exempt appendix. Appendix B is not for publication by virtue of
               paragraph 3 of Part 1 of Schedule 12A to the Local Government Act 1972.

               1.   Purpose of the report

               1.1  To report progress, as the Committee asked at its meeting on 2 July 2025
                    (Minute 12 refers).

               2.   Recommendations

               2.1  The Committee is asked to:

                    (a)  note the progress made; and

                    (b)  comment on the schedule for
                         the second phase.

               3.   Appendices

                    Appendix A – Programme of works
                    Appendix B – Contractor prices (exempt – paragraph 3)

               4.   Background papers

                    None.

               Contact officer

               Name:       Rob Tate
               Job title:  Highways Manager
               Tel:        01632 960444

               Democratic Services: Sam Hill, Scrutiny Officer, 01632 960400
            """)
        #expect(pack.committee == "Environment Scrutiny Committee")
        #expect(pack.meetingDate == CalendarDay(2025, 11, 5))
        #expect(pack.startTime == TimeOfDay(hour: 18, minute: 0))
        #expect(pack.agendaItems.map(\.number) == ["4"])
        let report = try #require(pack.reports.first)
        #expect(report.agendaItemNumber == "4")
        #expect(report.title == "Street Lighting Upgrade")
        #expect(report.reportBy == "Head of Highways")
        #expect(report.cabinetPortfolio == "Cabinet Member for Environment")
        #expect(report.classification == .open)
        #expect(report.appendixAccess == ["b": .exempt(paragraph: .financialOrBusinessAffairs)])
        #expect(report.recommendations.map(\.letter) == ["a", "b"])
        #expect(report.recommendations.last?.text == "comment on the schedule for the second phase.")
        #expect(report.appendices == ["Appendix A – Programme of works", "Appendix B – Contractor prices (exempt – paragraph 3)"])
        #expect(report.author == Contact(name: "Rob Tate", role: "Highways Manager", phone: "01632 960444"))
        #expect(report.democraticServices == Contact(name: "Sam Hill", role: "Scrutiny Officer", phone: "01632 960400"))
        #expect(report.requestedAt == QuorumDomain.Report.Request(minute: "Minute 12", meetingDay: CalendarDay(2025, 7, 2)))
    }

    @Test("Tables laid out with spaces: a tracker and an action log in other column orders, wrapped cells, dd/mm/yy dates")
    func laidOutTables() throws {
        let pack = try pack(
            """
               Audit Committee - Monday 6 October 2025 2pm

               Agenda

               1.    Recommendations Tracker                                                 3 - 4

               2.    Action Log                                                              5 - 6
            \u{0C}
                                                                                 Agenda Item 1

               Recommendations Tracker

               Ref        Meeting      Recommendation                    Made to      Response     Response     Status
                                                                                      due          received
               AUD 3/25   14/04/25     That the risk register be          Cabinet      14/06/25     11/06/25     Accepted
                                       published quarterly.
               AUD 4/25   14/04/2025   That fraud training be offered    Cabinet      14/06/2025   TBC          Awaiting

                                                                                 Agenda Item 2

               Action Log

               Ref        Action                              Lead                  Status
               AUD 9/25   Circulate the audit plan            Head of Audit         Done – circulated
                                                                                    12/05/2025
            """.replacingOccurrences(of: "\\u{0C}", with: "\u{0C}"))
        #expect(pack.reports.map(\.agendaItemNumber) == ["1", "2"])
        let tracker = pack.recommendationTracker
        #expect(tracker.map(\.number) == ["AUD 3/25", "AUD 4/25"])
        #expect(tracker.first?.text == "That the risk register be published quarterly.")
        #expect(tracker.first?.meetingDate == CalendarDay(2025, 4, 14))
        #expect(tracker.first?.receivedDate?.date == CalendarDay(2025, 6, 11))
        #expect(tracker.first?.response == "Accepted")
        #expect(tracker.last?.receivedDate?.text == "TBC" && tracker.last?.receivedDate?.date == nil)
        #expect(pack.actionTracker.map(\.number) == ["AUD 9/25"])
        #expect(pack.actionTracker.first?.owner == "Head of Audit")
        #expect(pack.actionTracker.first?.reportedComplete?.date == CalendarDay(2025, 5, 12))
    }

    @Test("A Modern.gov export: markers between items, inline pages, a condition on the start, a supplement's pages")
    func modernGovExport() throws {
        let pack = try pack(
            """
            Agenda frontsheet 05th-Nov-2025 18.00 Place Scrutiny Board

            <PI1>
            Public Document Pack

            Harlow Vale City Council

            Place Scrutiny Board - Wednesday, 5th November, 2025 6.00 pm

            Venue: Room 4, Civic Hall, Harlow Vale
            Contact: Pat Reed, Scrutiny Officer  Tel: 01632 960777  Email: pat.reed@harlowvale.example.gov.uk

            Please note: the meeting will start at 6.00 pm, or at the rise of the Licensing Committee, whichever is the later.

            </PI1>
            Agenda

            <AI1>
            1.  Apologies for absence
            </AI1>
            <AI2>
            2.  Public questions
            To receive questions from the public.
            </AI2>
            <AI3>
            3.  Bus Service Review (Pages 5 - 20)
            Report of the Head of Transport.
            </AI3>

            Supplementary Agenda
            <AI4>
            2.  Public questions (Pages 21 - 24)
            </AI4>
            <TRAILER_SECTION>
            """)
        #expect(pack.committee == "Place Scrutiny Board")
        #expect(pack.authority == "Harlow Vale City Council")
        #expect(pack.startTime == TimeOfDay(hour: 18, minute: 0))
        #expect(pack.startCondition?.hasPrefix("or at the rise of the Licensing Committee") == true)
        #expect(pack.clerk == Contact(name: "Pat Reed", role: "Scrutiny Officer", phone: "01632 960777", email: "pat.reed@harlowvale.example.gov.uk"))
        #expect(pack.agendaItems.map(\.number) == ["1", "2", "3"])
        #expect(pack.agendaItems[1].pages == PageRange(first: 21, last: 24))
        #expect(pack.agendaItems[2].title == "Bus Service Review")
        #expect(pack.agendaItems[2].pages == PageRange(first: 5, last: 20))
    }

    @Test("Run-in minutes numbered 24/25 and Minute 112, attendance as a sentence, apologies as a sentence, end in p.m.")
    func runInMinutes() throws {
        let pack = try pack(
            """
            Audit Committee - Monday 6 October 2025 2pm

            Agenda

            1.  Minutes (Pages 1 - 2)

            MINUTES of a meeting of the AUDIT COMMITTEE held in the Council Chamber on Monday 8th September 2025 at 7.00 p.m.

            Present: Councillor Mrs A Hale (Vice-Chairman, in the Chair); Councillors B Dunn, C Frost and D Gale (substitute for Councillor E Hart).

            Apologies for absence were received from Councillor F Iles.

            24/25 INTERNAL AUDIT – The Head of Audit presented the annual report. AGREED that the report be noted.

            25/25 RISK – The register was reviewed. RESOLVED – That the register be published.

            The meeting ended at 8.42 p.m.
            """)
        let minutes = try #require(pack.previousMinutes)
        #expect(minutes.meetingDate == CalendarDay(2025, 9, 8))
        #expect(minutes.items.map(\.reference) == ["24/25", "25/25"])
        #expect(minutes.items.map(\.title) == ["INTERNAL AUDIT", "RISK"])
        #expect(minutes.items[0].resolutions == ["That the report be noted."])
        #expect(minutes.items[1].resolutions == ["That the register be published."])
        #expect(minutes.endTime == TimeOfDay(hour: 20, minute: 42))
        #expect(minutes.present.contains { $0.name?.hasSuffix("Hale") == true && $0.role == .chairperson || $0.role == .viceChairperson })
        #expect(minutes.substitutes.contains { $0.substitute.hasSuffix("Gale") })
        #expect(minutes.apologies.contains { $0.name.hasSuffix("Iles") })
    }

    @Test("Only text with no committee and date anywhere is refused, and the error says what was looked for")
    func refusedOnlyWithoutAMeeting() throws {
        do {
            _ = try pack("Notes from the allotment society\n\nBring gloves.\n")
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("style.txt"))
            #expect("\(error)".contains("looked for"))
        }
    }
}
