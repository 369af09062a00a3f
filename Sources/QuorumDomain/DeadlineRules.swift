/// The deadlines an authority's constitution sets for its committees. Herefordshire's are the defaults.
public struct DeadlineRules: Hashable, Sendable, Codable {
    /// Agenda and public reports are published at least this many clear working days before the meeting.
    public var agendaClearWorkingDays: Int
    /// Written questions are due on this working day before the meeting…
    public var questionWorkingDaysBefore: Int
    /// …by this time (5 pm).
    public var questionCutOff: TimeOfDay
    /// The executive answers scrutiny recommendations within this many months of receiving them…
    public var responseMonths: Int
    /// …or within this many days for statutory health scrutiny and crime and disorder matters.
    public var statutoryResponseDays: Int
    /// Key decisions appear in the forward plan at least this many days before they are taken.
    public var keyDecisionNoticeDays: Int

    public init(
        agendaClearWorkingDays: Int = 5, questionWorkingDaysBefore: Int = 4, questionCutOff: TimeOfDay = TimeOfDay(hour: 17)!,
        responseMonths: Int = 2, statutoryResponseDays: Int = 28, keyDecisionNoticeDays: Int = 28
    ) {
        self.agendaClearWorkingDays = agendaClearWorkingDays
        self.questionWorkingDaysBefore = questionWorkingDaysBefore
        self.questionCutOff = questionCutOff
        self.responseMonths = responseMonths
        self.statutoryResponseDays = statutoryResponseDays
        self.keyDecisionNoticeDays = keyDecisionNoticeDays
    }

    /// The rules in Herefordshire Council's constitution.
    public static let standard = DeadlineRules()
}

/// Which statutory clock runs for the executive's answer to a recommendation.
public enum ResponseRule: String, Hashable, Sendable, Codable, CaseIterable {
    /// Two months from receipt (Local Government Act 2000, s.9FE).
    case standard
    /// 28 days: statutory health scrutiny and crime and disorder scrutiny.
    case statutory28Days
}

/// The last day on which the agenda may be published: `agendaClearWorkingDays` clear working days
/// before the meeting, so neither the day of publication nor the day of the meeting counts.
/// Tuesday 12 October 2021 gives Monday 4 October 2021.
public func agendaPublicationDeadline(meetingDay: CalendarDay, rules: DeadlineRules, calendar: WorkingCalendar) -> CalendarDay {
    calendar.workingDay(rules.agendaClearWorkingDays + 1, before: meetingDay)
}

/// When written questions must be in: 5 pm on the fourth working day before the meeting.
/// Tuesday 18 March 2025 gives 5 pm on Wednesday 12 March 2025.
public func questionDeadline(meetingDay: CalendarDay, rules: DeadlineRules, calendar: WorkingCalendar) -> LocalDateTime {
    LocalDateTime(calendar.workingDay(rules.questionWorkingDaysBefore, before: meetingDay), rules.questionCutOff)
}

/// When the executive's answer to a recommendation sent on `sent` is due: two months later
/// (28 January gives 28 March), or 28 days later for statutory health and crime and disorder scrutiny.
public func responseDueDate(sent: CalendarDay, rule: ResponseRule, rules: DeadlineRules) -> CalendarDay {
    switch rule {
    case .standard: sent.adding(months: rules.responseMonths)
    case .statutory28Days: sent.adding(days: rules.statutoryResponseDays)
    }
}
