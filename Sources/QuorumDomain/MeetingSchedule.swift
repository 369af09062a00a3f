/// What a clerk should know about a meeting still to come: whether it falls on a day the council does not work, and
/// whether its agenda's publication deadline has been missed or is near. Worked out from the record and the council's
/// calendar, never typed.
public struct ScheduleWarning: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The meeting is on a weekend or a bank holiday.
        case nonWorkingDay
        /// The agenda should have been published by `deadline` and has not been.
        case agendaLate(deadline: CalendarDay)
        /// The agenda must be published by `deadline`, `workingDaysLeft` working days from today.
        case agendaDueSoon(deadline: CalendarDay, workingDaysLeft: Int)
    }

    public let meeting: Meeting.ID
    public let kind: Kind

    /// Whether a deadline has already been missed (a daily check fails on these).
    public var isMissed: Bool {
        if case .agendaLate = kind { true } else { false }
    }

    public var message: String {
        switch kind {
        case .nonWorkingDay: "The meeting falls on a day the council does not work."
        case .agendaLate(let deadline): "The agenda should have been published by \(deadline.councilStyle), and has not been."
        case .agendaDueSoon(let deadline, 0): "The agenda must be published today, \(deadline.councilStyle)."
        case .agendaDueSoon(let deadline, let days):
            "The agenda must be published by \(deadline.councilStyle), in \(days) working day\(days == 1 ? "" : "s")."
        }
    }
}

extension Meeting {
    /// How near a deadline must be, in working days, to be worth a warning.
    public static let warningWorkingDays = 5

    /// What to warn a clerk of, on `today`: nothing for a meeting that is past, cancelled or already has its agenda.
    public func scheduleWarnings(today: CalendarDay, rules: DeadlineRules, calendar: WorkingCalendar) -> [ScheduleWarning] {
        guard start.day >= today, case .scheduled = status, knownFrom == nil else { return [] }
        var warnings: [ScheduleWarning] = []
        if !calendar.isWorkingDay(start.day) { warnings.append(.init(meeting: id, kind: .nonWorkingDay)) }
        let deadline = deadlines(rules: rules, calendar: calendar).agendaPublication
        if deadline < today {
            warnings.append(.init(meeting: id, kind: .agendaLate(deadline: deadline)))
        } else {
            let left = deadline == today ? 0 : calendar.clearWorkingDays(between: today, and: deadline) + (calendar.isWorkingDay(deadline) ? 1 : 0)
            if left <= Self.warningWorkingDays { warnings.append(.init(meeting: id, kind: .agendaDueSoon(deadline: deadline, workingDaysLeft: left))) }
        }
        return warnings
    }
}
