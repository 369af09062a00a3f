import QuorumDomain
import Testing

let committeeID = Committee.ID("herefordshire-council/cyp")

@Test("A recommendation with no answer is overdue once its due date has passed")
func overdue() {
    var recommendation = Recommendation(
        number: "1", of: committeeID, madeOn: CalendarDay(2025, 1, 21), topic: "Safeguarding", text: "Appoint a lead.", sentOn: CalendarDay(2025, 1, 28))
    #expect(!recommendation.isOverdue(on: CalendarDay(2025, 3, 28), rules: .standard))
    #expect(recommendation.isOverdue(on: CalendarDay(2025, 3, 29), rules: .standard))
    recommendation.response = .received(on: CalendarDay(2025, 4, 2), text: "Agreed.", outcome: .accepted)
    #expect(!recommendation.isOverdue(on: CalendarDay(2025, 5, 1), rules: .standard))
    let unsent = Recommendation(number: "2", of: committeeID, madeOn: CalendarDay(2025, 1, 21), topic: "Safeguarding", text: "x")
    #expect(!unsent.isOverdue(on: CalendarDay(2030, 1, 1), rules: .standard))
}

@Test("A due date before the date sent is flagged, as in the published tracker (sent 24-Oct-24, due 16-Jul-24)")
func inconsistentDates() {
    let published = Recommendation(
        number: "1", of: committeeID, madeOn: CalendarDay(2024, 5, 21), topic: "Youth", text: "x", sentOn: CalendarDay(2024, 10, 24),
        dueOn: CalendarDay(2024, 7, 16))
    #expect(published.inconsistencies(rules: .standard) == ["The due date 2024-07-16 is before the date sent 2024-10-24."])
    let offRule = Recommendation(
        number: "1", of: committeeID, madeOn: CalendarDay(2024, 5, 21), topic: "Youth", text: "x", sentOn: CalendarDay(2024, 6, 1),
        dueOn: CalendarDay(2024, 9, 1))
    #expect(offRule.inconsistencies(rules: .standard) == ["The recorded due date 2024-09-01 differs from the statutory due date 2024-08-01."])
    let fine = Recommendation(
        number: "1", of: committeeID, madeOn: CalendarDay(2024, 5, 21), topic: "Youth", text: "x", sentOn: CalendarDay(2024, 6, 1),
        dueOn: CalendarDay(2024, 8, 1))
    #expect(fine.inconsistencies(rules: .standard).isEmpty)
}

@Test("Identifiers are made from names, so the same committee in two packs is one committee")
func identifiers() {
    let authority = Authority(named: "Herefordshire Council")
    #expect(authority.id.rawValue == "herefordshire-council")
    let committee = Committee(named: "Children and Young People Scrutiny Committee", of: authority.id)
    #expect(committee.id.rawValue == "herefordshire-council/children-and-young-people-scrutiny-committee")
    #expect(committee.slug == "children-and-young-people-scrutiny-committee")
    #expect(Person(named: "Families' Representative", of: authority.id).id.rawValue == "herefordshire-council/families-representative")
    let meeting = Meeting(of: committee.id, on: LocalDateTime(iso: "2025-03-18T14:00")!, venue: "")
    #expect(meeting.id.rawValue.hasSuffix("/2025-03-18"))
}

@Test("Report headings are matched to the fixed sections whatever their capitals")
func reportSections() {
    #expect(Report.SectionKind(heading: "Environmental Impact") == .environmentalImpact)
    #expect(Report.SectionKind(heading: "Background papers") == .backgroundPapers)
    #expect(Report.SectionKind(heading: "Partnership and Leadership") == .other)
}

@Test("A key decision needs 28 days in the forward plan")
func keyDecisionNotice() {
    var entry = ForwardPlanEntry(
        id: .init("a/fp/1"), authority: .init("a"), title: "Budget", decisionMaker: "Cabinet", dueDate: CalendarDay(2025, 3, 1),
        uploadedOn: CalendarDay(2025, 2, 1), decisionType: .key)
    #expect(entry.hasEnoughNotice(rules: .standard) == true)
    entry.uploadedOn = CalendarDay(2025, 2, 2)
    #expect(entry.hasEnoughNotice(rules: .standard) == false)
}

@Test("Dates and times read as councils write them")
func councilStyle() {
    #expect(LocalDateTime(iso: "2025-03-18T14:00")!.councilStyle == "Tuesday 18 March 2025, 2.00 pm")
    #expect(TimeOfDay(hour: 10, minute: 5)!.councilStyle == "10.05 am")
    #expect(TimeOfDay(hour: 12)!.councilStyle == "12.00 pm")
    #expect(TimeOfDay(hour: 0, minute: 30)!.councilStyle == "12.30 am")
    #expect(CalendarDay(2021, 10, 4).councilStyle == "Monday 4 October 2021")
}

@Test("A recommendation's standing is derived from its dates: red once overdue, amber within 14 days of its due date, green answered by it")
func standing() {
    let sent = Recommendation(number: "1", of: .init("c"), madeOn: CalendarDay(2025, 1, 21), topic: "T", text: "X", sentOn: CalendarDay(2025, 1, 28))
    // Due two months after it was sent: Friday 28 March 2025.
    #expect(sent.standing(on: CalendarDay(2025, 3, 13), rules: .standard) == nil)
    #expect(sent.standing(on: CalendarDay(2025, 3, 14), rules: .standard) == .dueSoon)
    #expect(sent.standing(on: CalendarDay(2025, 3, 28), rules: .standard) == .dueSoon)
    #expect(sent.standing(on: CalendarDay(2025, 3, 29), rules: .standard) == .overdue)
    var answered = sent
    answered.response = .received(on: CalendarDay(2025, 3, 28), text: "Yes", outcome: .accepted)
    #expect(answered.standing(on: CalendarDay(2026, 1, 1), rules: .standard) == .answeredOnTime)
    answered.response = .received(on: CalendarDay(2025, 3, 31), text: "Yes", outcome: .accepted)
    #expect(answered.standing(on: CalendarDay(2026, 1, 1), rules: .standard) == .answeredLate)
    var extended = sent
    extended.extensionGranted = .init(dueOn: CalendarDay(2025, 6, 30), reason: "Awaiting the inspection")
    #expect(extended.standing(on: CalendarDay(2025, 3, 29), rules: .standard) == nil)
    #expect(extended.isOverdue(on: CalendarDay(2025, 7, 1), rules: .standard))
    let unsent = Recommendation(number: "2", of: .init("c"), madeOn: CalendarDay(2025, 1, 21), topic: "T", text: "Y")
    #expect(unsent.standing(on: CalendarDay(2030, 1, 1), rules: .standard) == nil)
}

@Test("Needs checking: sent more than 10 working days after the meeting (bank holidays excluded), or awaiting an answer for over a year")
func needsChecking() {
    let calendar = WorkingCalendar.englandAndWales
    // Tuesday 15 April 2025; Good Friday and Easter Monday (18 and 21 April) are not working days.
    var r = Recommendation(number: "1", of: .init("c"), madeOn: CalendarDay(2025, 4, 15), topic: "T", text: "X", sentOn: CalendarDay(2025, 5, 1))
    #expect(r.needsChecking(on: CalendarDay(2025, 5, 2), rules: .standard, calendar: calendar).isEmpty, "10 working days after")
    r.send(on: CalendarDay(2025, 5, 2), rules: .standard)
    #expect(r.needsChecking(on: CalendarDay(2025, 5, 2), rules: .standard, calendar: calendar) == ["It was sent 11 working days after the meeting, more than 10."])
    #expect(r.dueOn == CalendarDay(2025, 7, 2))
    #expect(r.needsChecking(on: CalendarDay(2026, 4, 16), rules: .standard, calendar: calendar).contains("It has been awaiting a response for more than a year."))
    r.response = .received(on: CalendarDay(2025, 6, 1), text: "Yes", outcome: .accepted)
    #expect(!r.needsChecking(on: CalendarDay(2026, 4, 16), rules: .standard, calendar: calendar).contains("It has been awaiting a response for more than a year."))
}


@Test("A later paper that moves a meeting or changes its place raises its schedule revision, so calendars see it; the same paper again does not")
func importedMovesRaiseTheRevision() {
    var held = Meeting(of: .init("council/committee"), on: LocalDateTime(CalendarDay(2026, 3, 3), TimeOfDay(hour: 14)!), venue: "Shire Hall")
    held.scheduleRevision = 2
    #expect(held.updated(with: held).scheduleRevision == 2)
    var later = held
    later.scheduleRevision = 0
    later.start = LocalDateTime(CalendarDay(2026, 3, 3), TimeOfDay(hour: 10)!)
    #expect(held.updated(with: later).scheduleRevision == 3)
    later.start = held.start
    later.venue = "Plough Lane"
    #expect(held.updated(with: later).scheduleRevision == 3)
}
