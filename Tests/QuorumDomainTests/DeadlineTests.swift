import QuorumDomain
import Testing

let england = WorkingCalendar.englandAndWales

@Test("The agenda is published five clear working days before the meeting", arguments: [
    (CalendarDay(2021, 10, 12), CalendarDay(2021, 10, 4)),
    (CalendarDay(2021, 9, 7), CalendarDay(2021, 8, 27)),  // the bank holiday on Monday 30 August does not count
    (CalendarDay(2025, 3, 18), CalendarDay(2025, 3, 10)),
    (CalendarDay(2025, 4, 24), CalendarDay(2025, 4, 14)),  // Good Friday and Easter Monday skipped
])
func agendaPublication(meeting: CalendarDay, expected: CalendarDay) {
    let deadline = agendaPublicationDeadline(meetingDay: meeting, rules: .standard, calendar: england)
    #expect(deadline == expected)
    #expect(england.clearWorkingDays(between: deadline, and: meeting) == 5)
}

@Test("Questions are due at 5 pm on the fourth working day before the meeting", arguments: [
    (CalendarDay(2024, 9, 17), CalendarDay(2024, 9, 11)),
    (CalendarDay(2025, 3, 18), CalendarDay(2025, 3, 12)),
    (CalendarDay(2021, 8, 5), CalendarDay(2021, 7, 30)),
    (CalendarDay(2026, 4, 9), CalendarDay(2026, 4, 1)),  // Good Friday and Easter Monday skipped
])
func questionDeadlines(meeting: CalendarDay, expected: CalendarDay) {
    #expect(questionDeadline(meetingDay: meeting, rules: .standard, calendar: england) == LocalDateTime(expected, TimeOfDay(hour: 17)!))
}

@Test("The executive answers within two months, or 28 days for health and crime and disorder scrutiny")
func responseDue() {
    #expect(responseDueDate(sent: CalendarDay(2025, 1, 28), rule: .standard, rules: .standard) == CalendarDay(2025, 3, 28))
    #expect(responseDueDate(sent: CalendarDay(2025, 1, 28), rule: .statutory28Days, rules: .standard) == CalendarDay(2025, 2, 25))
    #expect(responseDueDate(sent: CalendarDay(2024, 12, 31), rule: .standard, rules: .standard) == CalendarDay(2025, 2, 28))
    #expect(responseDueDate(sent: CalendarDay(2023, 12, 31), rule: .standard, rules: .standard) == CalendarDay(2024, 2, 29))
}

@Test("An authority with other rules gets other deadlines")
func rulesArePerAuthority() {
    let rules = DeadlineRules(agendaClearWorkingDays: 3, questionWorkingDaysBefore: 2, questionCutOff: TimeOfDay(hour: 12)!, responseMonths: 1)
    #expect(agendaPublicationDeadline(meetingDay: CalendarDay(2025, 3, 18), rules: rules, calendar: england) == CalendarDay(2025, 3, 12))
    #expect(questionDeadline(meetingDay: CalendarDay(2025, 3, 18), rules: rules, calendar: england) == LocalDateTime(CalendarDay(2025, 3, 14), TimeOfDay(hour: 12)!))
    #expect(responseDueDate(sent: CalendarDay(2025, 1, 28), rule: .standard, rules: rules) == CalendarDay(2025, 2, 28))
    let noHolidays = WorkingCalendar(bankHolidays: .none)
    #expect(agendaPublicationDeadline(meetingDay: CalendarDay(2021, 9, 7), rules: .standard, calendar: noHolidays) == CalendarDay(2021, 8, 30))
}

@Test("A meeting knows its own deadlines")
func meetingDeadlines() {
    let meeting = Meeting(of: .init("c"), on: LocalDateTime(iso: "2025-03-18T14:00")!, venue: "Plough Lane")
    let deadlines = meeting.deadlines(rules: .standard, calendar: england)
    #expect(deadlines.agendaPublication == CalendarDay(2025, 3, 10))
    #expect(deadlines.questions.iso == "2025-03-12T17:00")
}

@Test("Days count correctly across months, leap years and centuries")
func calendarArithmetic() {
    #expect(CalendarDay(2025, 3, 18).weekday == .tuesday)
    #expect(CalendarDay(2000, 2, 29).weekday == .tuesday)
    #expect(CalendarDay(1970, 1, 1).dayNumber == 0)
    #expect(CalendarDay(2024, 2, 28).adding(days: 1) == CalendarDay(2024, 2, 29))
    #expect(CalendarDay(2100, 2, 28).adding(days: 1) == CalendarDay(2100, 3, 1))
    #expect(CalendarDay(year: 2025, month: 2, day: 29) == nil)
    #expect(CalendarDay(iso: "2025-13-01") == nil)
    // ISO text in and out: only the exact form, and every day round-trips.
    for text in ["2025-3-18", "2025-03-18x", "2025/03/18", "25-03-18", "2025-03-1", "", "2025-02-30"] { #expect(CalendarDay(iso: text) == nil, "\(text)") }
    #expect(CalendarDay(iso: "0999-01-02")?.iso == "0999-01-02")
    #expect(TimeOfDay(hour: 7, minute: 5)?.iso == "07:05")
    // A stored time: one or two digits of hour, two of minute, and nothing else.
    #expect(TimeOfDay(iso: "9:30") == TimeOfDay(hour: 9, minute: 30) && TimeOfDay(iso: "14:00") == TimeOfDay(hour: 14))
    for text in ["24:00", "12:60", "9:5", "123:00", "1400", "14:00:00", "+9:30", " 9:30", ":30", "14:", "", "ab:cd", String(repeating: "9", count: 40) + ":00", "9:" + String(repeating: "9", count: 40)] {
        #expect(TimeOfDay(iso: text) == nil, "\(text)")
    }
    for minutes in stride(from: 0, to: 24 * 60, by: 7) {
        let time = TimeOfDay(hour: minutes / 60, minute: minutes % 60)!
        #expect(TimeOfDay(iso: time.iso) == time)
    }
    for n in stride(from: -20000, through: 60000, by: 53) {
        let day = CalendarDay(dayNumber: n)
        #expect(CalendarDay(iso: day.iso) == day)
    }
    #expect(LocalDateTime(iso: "2025-03-18T14:00")?.time == TimeOfDay(hour: 14))
    for n in stride(from: -30000, through: 60000, by: 37) { #expect(CalendarDay(dayNumber: n).dayNumber == n) }
}
