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
    /// The days of the annual meeting of the council, at which each municipal year starts (and minute numbers start
    /// again at 1). A year whose annual meeting is not recorded starts on 1 May.
    public var annualMeetings: [CalendarDay]

    public init(
        agendaClearWorkingDays: Int = 5, questionWorkingDaysBefore: Int = 4, questionCutOff: TimeOfDay = TimeOfDay(hour: 17)!,
        responseMonths: Int = 2, statutoryResponseDays: Int = 28, keyDecisionNoticeDays: Int = 28, annualMeetings: [CalendarDay] = []
    ) {
        self.annualMeetings = annualMeetings.sorted()
        self.agendaClearWorkingDays = agendaClearWorkingDays
        self.questionWorkingDaysBefore = questionWorkingDaysBefore
        self.questionCutOff = questionCutOff
        self.responseMonths = responseMonths
        self.statutoryResponseDays = statutoryResponseDays
        self.keyDecisionNoticeDays = keyDecisionNoticeDays
    }

    /// The rules in Herefordshire Council's constitution.
    public static let standard = DeadlineRules()

    /// The day the municipal year that `day` falls in started: the annual meeting in its spring, where recorded, or
    /// 1 May. A day before that spring's annual meeting belongs to the year before.
    public func municipalYearStart(of day: CalendarDay) -> CalendarDay {
        municipalYearStart(of: day, startingIn: municipalYearStart(beginningIn:))
    }

    /// The first day of the municipal year `day` falls in, with `spring` the start of the year beginning in a given
    /// spring (`municipalYearStart(beginningIn:)`, or a memory of it for many days).
    public func municipalYearStart(of day: CalendarDay, startingIn spring: (Int) -> CalendarDay) -> CalendarDay {
        let thisSpring = spring(day.year)
        return day >= thisSpring ? thisSpring : spring(day.year - 1)
    }

    /// The first day of the municipal year that begins in the spring of `year`: its annual meeting, or 1 May.
    public func municipalYearStart(beginningIn year: Int) -> CalendarDay {
        annualMeetings.first { $0.year == year && (3...7).contains($0.month) } ?? CalendarDay(year, 5, 1)
    }

    /// "2024/25": the municipal year `day` falls in.
    public func municipalYear(of day: CalendarDay) -> String {
        let start = municipalYearStart(of: day).year
        return "\(start)/\(String(start + 1).suffix(2))"
    }

    private enum CodingKeys: String, CodingKey {
        case agendaClearWorkingDays, questionWorkingDaysBefore, questionCutOff, responseMonths, statutoryResponseDays, keyDecisionNoticeDays, annualMeetings
    }

    /// Rules stored before a setting existed read with that setting's default.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DeadlineRules()
        self.init(
            agendaClearWorkingDays: try c.decodeIfPresent(Int.self, forKey: .agendaClearWorkingDays) ?? d.agendaClearWorkingDays,
            questionWorkingDaysBefore: try c.decodeIfPresent(Int.self, forKey: .questionWorkingDaysBefore) ?? d.questionWorkingDaysBefore,
            questionCutOff: try c.decodeIfPresent(TimeOfDay.self, forKey: .questionCutOff) ?? d.questionCutOff,
            responseMonths: try c.decodeIfPresent(Int.self, forKey: .responseMonths) ?? d.responseMonths,
            statutoryResponseDays: try c.decodeIfPresent(Int.self, forKey: .statutoryResponseDays) ?? d.statutoryResponseDays,
            keyDecisionNoticeDays: try c.decodeIfPresent(Int.self, forKey: .keyDecisionNoticeDays) ?? d.keyDecisionNoticeDays,
            annualMeetings: try c.decodeIfPresent([CalendarDay].self, forKey: .annualMeetings) ?? [])
    }
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
