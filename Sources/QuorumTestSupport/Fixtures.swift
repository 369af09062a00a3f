public import QuorumDomain
public import QuorumPersistence
public import QuorumStorage

extension Authority {
    public static func fixture() -> Authority { Authority(named: "Herefordshire Council", website: "herefordshire.gov.uk") }
}

extension Committee {
    public static func fixture(named name: String = "Children and Young People Scrutiny Committee") -> Committee {
        Committee(
            named: name, of: Authority.fixture().id, remit: "To scrutinise services for children and young people.",
            clerk: Contact(name: "Simon Cann", role: "Democratic Services Officer", phone: "01432 260667", email: "simon.cann@herefordshire.gov.uk"))
    }
}

extension Person {
    public static func fixture(_ name: String = "Toni Fagan", title: String? = "Councillor", jobTitle: String? = nil) -> Person {
        Person(named: name, of: Authority.fixture().id, title: title, jobTitle: jobTitle)
    }
}

extension Meeting {
    public static func fixture(
        on day: CalendarDay = CalendarDay(2025, 3, 18), status: Status = .agendaPublished, committee: Committee = .fixture()
    ) -> Meeting {
        Meeting(
            of: committee.id, on: LocalDateTime(day, TimeOfDay(hour: 14)!),
            venue: "Conference Room 1 - Herefordshire Council, Plough Lane Offices, Hereford, HR4 0LE", status: status, clerk: committee.clerk)
    }
}

extension RecordBatch {
    /// One of every kind of record, in every state the domain allows, all consistent with each other.
    public static func everyKind() -> RecordBatch {
        var batch = RecordBatch()
        let authority = Authority.fixture()
        let committee = Committee.fixture()
        let chair = Person.fixture()
        let vice = Person.fixture("Liz Harvey")
        let member = Person.fixture("Ben Proctor")
        let coOpted = Person.fixture("Jan Frances", title: nil)
        let substitute = Person.fixture("Pauline Crockett")
        let officer = Person.fixture("Danial Webb", title: nil, jobTitle: "Statutory Scrutiny Officer")
        let held = Meeting.fixture(on: CalendarDay(2025, 1, 21), status: .minutesApproved(endedAt: TimeOfDay(hour: 16, minute: 35)))
        let upcoming = Meeting.fixture(on: CalendarDay(2025, 3, 18), status: .agendaPublished)
        let cancelled = Meeting.fixture(on: CalendarDay(2025, 2, 4), status: .cancelled(reason: "Not quorate"))
        let scheduled = Meeting.fixture(on: CalendarDay(2025, 5, 27), status: .scheduled)
        let justHeld = Meeting.fixture(on: CalendarDay(2024, 11, 26), status: .held(endedAt: nil))
        batch.authorities = [authority]
        batch.committees = [committee]
        batch.people = [chair, vice, member, coOpted, substitute, officer]
        batch.memberships = [
            Membership(of: chair.id, on: committee.id, role: .chairperson, from: CalendarDay(2024, 5, 20)),
            Membership(of: vice.id, on: committee.id, role: .viceChairperson),
            Membership(of: member.id, on: committee.id, role: .councillor, from: CalendarDay(2023, 5, 22), until: CalendarDay(2025, 5, 19)),
            Membership(of: coOpted.id, on: committee.id, role: .coOpted(represents: "Families' Representative")),
            Membership(of: substitute.id, on: committee.id, role: .namedSubstitute),
        ]
        batch.meetings = [justHeld, held, cancelled, upcoming, scheduled]
        let apologies = AgendaItem(number: "1", of: upcoming.id, position: 1, title: "APOLOGIES FOR ABSENCE", description: "To receive apologies for absence.")
        let send = AgendaItem(
            number: "7", of: upcoming.id, position: 7, title: "FINDINGS OF THE OFSTED AND CARE QUALITY COMMISSION AREA SEND INSPECTION",
            description: "To share the feedback report.", pages: PageRange(first: 21, last: 42))
        let exempt = AgendaItem(
            number: "12", of: upcoming.id, position: 12, title: "CONTRACT AWARD", pages: PageRange(first: 91, last: 91),
            access: .exempt(paragraph: .financialOrBusinessAffairs))
        batch.agendaItems = [apologies, send, exempt]
        var report = Report(for: send, title: "Area SEND Inspection")
        report.reportBy = "Corporate Director Children and Young People"
        report.wardsAffected = "All wards"
        report.purpose = "To share the findings of the inspection."
        report.recommendations = [
            .init(letter: "a", text: "The committee notes the findings."), .init(letter: "b", text: "The committee identifies areas for scrutiny."),
        ]
        report.sections = [
            .init(kind: .alternativeOptions, heading: "Alternative options", text: "None."),
            .init(kind: .keyConsiderations, heading: "Key considerations", text: "The inspection took place in December 2024."),
            .init(kind: .other, heading: "Partnership and Leadership", text: "Leaders work well together."),
        ]
        report.appendices = [.init(label: "Appendix 1", title: "Inspection letter"), .init(label: "Appendix 2", title: "Costs", access: .exempt(paragraph: .financialOrBusinessAffairs))]
        report.clearance = [.init(area: "Governance", name: "Simon Cann", date: CalendarDay(2025, 3, 5)), .init(area: "Finance", name: "Click here", date: nil)]
        report.classificationText = "Open report with exempt appendix"
        report.cabinetPortfolio = "Cabinet Member Children and Young People"
        report.author = Contact(name: "Tina Wood", role: "Service Director", phone: "01432 260000", email: "tina.wood@example.gov.uk")
        report.democraticServices = Contact(name: "Danial Webb", role: "Statutory Scrutiny Officer")
        report.requestedAt = .init(minute: "Minute 45", meetingDay: CalendarDay(2025, 1, 14))
        var exemptReport = Report(for: exempt, title: "Contract award")
        exemptReport.decisionType = .key
        batch.reports = [report, exemptReport]
        batch.attendance = [
            Attendance(of: chair.id, at: held.id, kind: .present(role: "chairperson")),
            Attendance(of: member.id, at: held.id, kind: .present(role: nil)),
            Attendance(of: vice.id, at: held.id, kind: .virtual),
            Attendance(of: coOpted.id, at: held.id, kind: .apologies),
            Attendance(of: substitute.id, at: held.id, kind: .substitute(for: coOpted.id)),
            Attendance(of: Person.fixture().id, at: justHeld.id, kind: .inAttendance(capacity: "Cabinet Member Children and Young People")),
            Attendance(of: officer.id, at: held.id, kind: .officer(jobTitle: "Statutory Scrutiny Officer")),
        ]
        batch.declarations = [
            DeclarationOfInterest(
                id: .init(under: held.id, "declarations/1"), meeting: held.id, person: member.id, agendaItemNumber: "8", kind: "Other Interest",
                reason: "A governor of a school in the county.")
        ]
        batch.questions = [
            Question(
                number: "PQ 1", at: held.id, asker: .publicMember(name: "Mr X", place: "Weobley"), addressee: "Cabinet Member Children and Young People",
                text: "How many children wait for an assessment?", receivedAt: LocalDateTime(CalendarDay(2025, 1, 14), TimeOfDay(hour: 16, minute: 2)!),
                status: .answered(response: "Forty-two."), supplementary: .init(number: "SPQ 1", text: "And last year?", response: "Thirty.")),
            Question(number: "PQ 2", at: held.id, asker: .publicMember(name: "Ms Y", place: nil), addressee: "Chairperson", text: "Why?", status: .rejected(reason: "Not about the agenda.")),
            Question(number: "MQ 1", at: held.id, asker: .councillor(member.id), addressee: "Cabinet member", text: "When?", status: .accepted),
            Question(number: "MQ 2", at: upcoming.id, asker: .councillor(vice.id), addressee: "Cabinet member", text: "Where?"),
        ]
        batch.minuteItems = [
            MinuteItem(number: 42, of: held.id, title: "APOLOGIES FOR ABSENCE", text: "Apologies had been received from Jan Frances."),
            MinuteItem(
                number: 48, of: held.id, title: "SAFEGUARDING REPORT", text: "The Independent Scrutineer introduced the report.",
                resolutions: [.init(number: "1", text: "The partnership ensures that recommendations have a lead."), .init(number: "2", text: "An implementation plan is appended.")]),
            MinuteItem(number: 45, of: held.id, title: "MINUTES", text: "", resolutions: [.init(text: "That the minutes be confirmed.")]),
        ]
        let session = WorkProgrammeSession(of: committee.id, on: CalendarDay(2025, 5, 27), kind: .committeeMeeting, reportDeadline: CalendarDay(2025, 5, 15), planning: .toBeConfirmed)
        let briefing = WorkProgrammeSession(of: committee.id, on: CalendarDay(2025, 4, 8), kind: .briefing, planning: .none)
        let past = WorkProgrammeSession(of: committee.id, on: CalendarDay(2025, 3, 18), kind: .committeeMeeting, reportDeadline: CalendarDay(2025, 3, 6), planning: .on(CalendarDay(2025, 2, 25)))
        batch.workProgrammeSessions = [past, briefing, session]
        batch.workProgrammeItems = [
            WorkProgrammeItem(
                id: .init(under: committee.id, "work-programme/items/annual-report"), committee: committee.id, title: "Safeguarding partnership annual report",
                scrutinyType: .annualReport, objectives: "To review effectiveness.", evidenceRequired: "The annual report.",
                attendees: [.init(name: "Independent Scrutineer", isReportWriter: true), .init(name: "Cabinet Member")], origin: "Recommendation of 21 January 2025",
                leadOfficer: "Danial Webb", state: .scheduled(session.id)),
            WorkProgrammeItem(id: .init(under: committee.id, "work-programme/items/send-transport"), committee: committee.id, title: "SEND transport"),
            WorkProgrammeItem(id: .init(under: committee.id, "work-programme/items/youth"), committee: committee.id, title: "Youth provision", state: .deferred(reason: "Awaiting strategy")),
            WorkProgrammeItem(id: .init(under: committee.id, "work-programme/items/send"), committee: committee.id, title: "SEND inspection", scrutinyType: .performanceReview, state: .delivered(past.id)),
            WorkProgrammeItem(id: .init(under: committee.id, "work-programme/items/old"), committee: committee.id, title: "Old topic", state: .delivered(nil)),
        ]
        batch.recommendations = [
            Recommendation(number: "1", of: committee.id, madeOn: CalendarDay(2025, 1, 21), topic: "Safeguarding annual report", text: "The partnership ensures a lead.", addressee: .partner("Herefordshire Safeguarding Children Partnership"), sentOn: CalendarDay(2025, 1, 28), dueOn: CalendarDay(2025, 3, 28)),
            Recommendation(number: "2", of: committee.id, madeOn: CalendarDay(2025, 1, 21), topic: "Safeguarding annual report", text: "An implementation plan.", addressee: .cabinetMember("Cabinet Member Children and Young People"), responseRule: .statutory28Days, sentOn: CalendarDay(2025, 1, 28), dueOn: CalendarDay(2025, 2, 25), response: .received(on: CalendarDay(2025, 2, 20), text: "Agreed.", outcome: .accepted)),
            Recommendation(number: "1", of: committee.id, madeOn: CalendarDay(2024, 1, 23), topic: "Data", text: "A workshop.", addressee: .officers("Director of Children's Services"), response: .notPursued(on: nil, reason: "More than a year old.")),
            Recommendation(number: "3", of: committee.id, madeOn: CalendarDay(2024, 1, 23), topic: "Data", text: "Council to amend the constitution.", addressee: .council, response: .received(on: nil, text: "Resolved", outcome: .resolved)),
            Recommendation(number: "4", of: committee.id, madeOn: CalendarDay(2024, 1, 23), topic: "Data", text: "Add to the list.", addressee: .committee),
            Recommendation(number: "5", of: committee.id, madeOn: CalendarDay(2024, 1, 23), topic: "Data", text: "Cabinet to fund.", addressee: .cabinet),
        ]
        batch.forwardPlan = [
            ForwardPlanEntry(
                id: .init(under: authority.id, "forward-plan/school-places"), authority: authority.id, title: "School places strategy", purpose: "To approve the strategy.",
                decisionMaker: "Cabinet", dueDate: CalendarDay(2025, 6, 26), leadCabinetMember: "Cabinet Member Children and Young People", officerContacts: "Head of Education",
                directorate: "Children and Young People", uploadedOn: CalendarDay(2025, 3, 1), decisionType: .key, exemptionsAndUrgency: "Open"),
            ForwardPlanEntry(id: .init(under: authority.id, "forward-plan/fees"), authority: authority.id, title: "Fees", decisionMaker: "Cabinet member finance"),
        ]
        batch.actions = [
            CommitteeAction(
                id: .init(under: committee.id, "actions/1"), committee: committee.id, number: "1", meetingDay: CalendarDay(2021, 7, 26), action: "Circulate the data.",
                owner: "Director of Children's Services", directorate: "Children and Families", progress: "Circulated.", dueOn: CalendarDay(2021, 9, 1),
                reportedCompleteOn: CalendarDay(2021, 10, 12)),
            CommitteeAction(id: .init(under: committee.id, "actions/2"), committee: committee.id, number: "2", meetingDay: nil, action: "Report back.", owner: "Head of Service"),
        ]
        var plan = ImprovementPlan(titled: "Children's Services Improvement Plan", of: authority.id, owner: "Improvement Board")
        plan.versions = [
            PlanVersion(
                number: 1, label: "Phase 1", period: "July 24", meeting: upcoming.id, itemNumber: "7",
                priorities: [
                    Priority(
                        number: 1, heading: "Ofsted Recommendation 1", text: "Corporate responsibility for children.", measures: ["Children will tell us they feel safe."],
                        actions: [
                            PlanAction(number: "1.1", text: "Confirm funding.", lead: "Herefordshire Council", timescale: Timescale(reading: "Sept – Dec 24")),
                            PlanAction(number: "1.2", text: "Capture children's voices.", lead: "Corporate Parenting Board", timescale: Timescale(reading: "Reporting quarterly")),
                        ])
                ])
        ]
        var referral = Indicator(named: "Referral decision within 24hrs", of: plan.id, unit: .percent, higherIsBetter: true)
        referral.target = 90
        referral.record(Observation(period: "2022/23", ends: CalendarDay(2023, 3, 31), value: 79, source: "the papers"))
        referral.record(Observation(period: "2023/24", ends: CalendarDay(2024, 3, 31), value: 89, source: "the papers"))
        plan.indicators = [referral]
        plan.audits = [AuditGrades(month: CalendarDay(2023, 11, 1), good: 22, requiresImprovement: 38, inadequate: 35, source: "the papers")]
        batch.improvementPlans = [plan]
        batch.warnings = [RecordWarning(entity: "recommendation", entityId: batch.recommendations[0].id.rawValue, message: "Check the due date.", source: "pack.txt:12")]
        return batch
    }
}
