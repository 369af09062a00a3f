/// How a committee kept to its council's rules in one municipal year, worked out from the record alone: agendas
/// published by the statutory deadline, the public's questions answered, minutes approved at the next meeting, and
/// recommendations answered within their statutory period. What the record cannot tell (an agenda imported without the
/// day it was published) is counted apart as not recorded, never guessed.
public struct Scorecard: Hashable, Sendable {
    public let committee: Committee.ID
    /// "2024/25".
    public let year: String
    public let from: CalendarDay
    /// The last day of the year.
    public let to: CalendarDay
    /// The day it was worked out on.
    public let today: CalendarDay
    public let agendas: Measure
    public let questions: Measure
    public let minutes: Measure
    public let recommendations: Measure

    /// One measure: how many of the cases it counts met the rule, and each case that did not, or whose outcome the
    /// record does not hold.
    public struct Measure: Hashable, Sendable {
        /// "Agendas published by the deadline".
        public let name: String
        /// The rule, in words.
        public let rule: String
        public let met: Int
        /// Cases decided: met, or missed.
        public let counted: Int
        /// Those that missed, each in words ("Tuesday 18 March 2025: published Tuesday 11 March 2025, due by Monday 10 March 2025").
        public let missed: [Case]
        /// Cases the record cannot decide.
        public let notRecorded: [Case]
        /// Cases not yet due.
        public let pending: Int

        public struct Case: Hashable, Sendable {
            /// The meeting the case belongs to.
            public let meeting: Meeting.ID
            public let text: String
        }

        /// "7 of 9".
        public var summary: String { "\(met) of \(counted)" }
    }

    /// The scorecard of `committee` for the municipal year starting `from`. `meetings` are the committee's meetings,
    /// earliest first, including at least the first after the year (for the approval of the year's last minutes);
    /// `approvals` says at which meeting each meeting's minutes were confirmed, where Quorum recorded it.
    public init(
        committee: Committee.ID, yearStarting from: CalendarDay, today: CalendarDay, rules: DeadlineRules, calendar: WorkingCalendar, meetings: [Meeting],
        publications: [AgendaPublication], questions: [Question], approvals: [Meeting.ID: Meeting.ID], recommendations: [Recommendation]
    ) {
        self.committee = committee
        self.from = from
        self.today = today
        year = rules.municipalYear(of: from)
        let to = rules.municipalYearStart(beginningIn: from.year + 1).adding(days: -1)
        self.to = to
        let real = meetings.filter { $0.knownFrom == nil && !$0.isCancelled }.sorted { $0.start < $1.start }
        let inYear = real.filter { $0.start.day >= from && $0.start.day <= to }

        // Agendas.
        let firstPublication = Dictionary(publications.filter { $0.number == 0 }.map { ($0.meeting, $0) }, uniquingKeysWith: { a, _ in a })
        var agendas = Tally()
        for meeting in inYear {
            let deadline = agendaPublicationDeadline(meetingDay: meeting.start.day, rules: rules, calendar: calendar)
            let when = meeting.start.day.councilStyle
            if let published = firstPublication[meeting.id] {
                if published.at.day <= deadline {
                    agendas.met += 1
                } else {
                    agendas.miss(meeting.id, "\(when): published \(published.at.day.councilStyle), due by \(deadline.councilStyle)")
                }
            } else if meeting.status != .scheduled {
                agendas.unknown(meeting.id, "\(when): published before Quorum recorded the day")
            } else if deadline < today {
                agendas.miss(meeting.id, "\(when): not published, due by \(deadline.councilStyle)")
            } else {
                agendas.pending += 1
            }
        }

        // Questions: those accepted for a meeting of the year, answered in writing by the meeting.
        var answered = Tally()
        let meetingOf = Dictionary(inYear.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for question in questions.sorted(by: { ($0.meeting, $0.number) < ($1.meeting, $1.number) }) {
            guard let meeting = meetingOf[question.meeting], question.asker.isPublic else { continue }
            switch question.status {
            case .answered: answered.met += 1
            case .accepted:
                if meeting.start.day < today {
                    answered.miss(meeting.id, "\(meeting.start.day.councilStyle): \(question.number), accepted, with no written answer recorded")
                } else {
                    answered.pending += 1
                }
            case .received, .rejected: continue
            }
        }

        // Minutes: confirmed at the committee's next meeting.
        var approved = Tally()
        let heldStage = Meeting.Status.held(endedAt: nil).stage
        for meeting in inYear where meeting.start.day <= today {
            let when = meeting.start.day.councilStyle
            let following = real.first { $0.start > meeting.start }
            guard meeting.status.stage >= heldStage else {
                // A meeting whose minutes are not yet published, once the next has been held: missed when its agenda was
                // published in Quorum (its minutes would be too), otherwise Quorum cannot tell.
                // Not yet due while the next meeting is to come (or, with none scheduled, while the year runs).
                guard let following else {
                    if to < today { approved.unknown(meeting.id, "\(when): Quorum holds no minutes of it, nor a later meeting") } else { approved.pending += 1 }
                    continue
                }
                guard following.start.day < today || (following.start.day == today && following.status.stage >= heldStage) else {
                    approved.pending += 1
                    continue
                }
                if firstPublication[meeting.id] != nil, following.status.stage >= heldStage {
                    approved.miss(meeting.id, "\(when): no minutes published, and the next meeting was held on \(following.start.day.councilStyle)")
                } else {
                    approved.unknown(meeting.id, "\(when): Quorum holds no minutes of it")
                }
                continue
            }
            if let at = approvals[meeting.id] {
                if at == following?.id {
                    approved.met += 1
                } else {
                    let later = real.first { $0.id == at }.map { $0.start.day.councilStyle } ?? "a later meeting"
                    approved.miss(meeting.id, "\(when): approved at \(later), not at the next meeting")
                }
            } else if case .minutesApproved = meeting.status {
                approved.unknown(meeting.id, "\(when): approved, at a meeting Quorum did not record")
            } else if let following, following.start.day <= today, following.status.stage >= heldStage {
                approved.miss(meeting.id, "\(when): not approved at the next meeting, \(following.start.day.councilStyle)")
            } else if let following, following.start.day < today {
                approved.unknown(meeting.id, "\(when): the next meeting, \(following.start.day.councilStyle), is not recorded as held")
            } else if following == nil, to < today {
                approved.unknown(meeting.id, "\(when): Quorum holds no later meeting of the committee")
            } else {
                approved.pending += 1
            }
        }

        // Recommendations made in the year: answered by the due date in force (an extension's, the recorded one, or
        // the statutory one from the day sent).
        var replies = Tally()
        for recommendation in recommendations.sorted(by: { ($0.meetingDay, $0.topic, $0.number) < ($1.meetingDay, $1.topic, $1.number) })
        where recommendation.meetingDay >= from && recommendation.meetingDay <= to {
            let meeting = inYear.first { $0.start.day == recommendation.meetingDay }?.id ?? Meeting.ID(under: committee, recommendation.meetingDay.iso)
            let name = "\(recommendation.meetingDay.councilStyle), \(recommendation.topic): recommendation \(recommendation.number)"
            let due = recommendation.effectiveDueDate(rules: rules)
            switch recommendation.response {
            case .notPursued: continue
            case .received(let on, _, _):
                guard let on, let due else {
                    replies.unknown(meeting, "\(name): answered, \(on == nil ? "the day received not recorded" : "with no due date (not recorded as sent)")")
                    continue
                }
                if on <= due { replies.met += 1 } else { replies.miss(meeting, "\(name): answered \(on.councilStyle), due by \(due.councilStyle)") }
            case .awaiting:
                guard let due else {
                    replies.unknown(meeting, "\(name): awaiting, not recorded as sent")
                    continue
                }
                if today > due { replies.miss(meeting, "\(name): unanswered, due by \(due.councilStyle)") } else { replies.pending += 1 }
            }
        }

        self.agendas = agendas.measure(
            "Agendas published by the deadline",
            "The agenda and public reports are published at least \(rules.agendaClearWorkingDays) clear working days before the meeting.")
        self.questions = answered.measure(
            "The public's questions answered", "Each written question accepted for a meeting has its written answer recorded by the meeting.")
        self.minutes = approved.measure("Minutes approved at the next meeting", "A meeting's minutes are confirmed as a correct record at the committee's next meeting.")
        self.recommendations = replies.measure(
            "Recommendations answered in time",
            "The executive answers within \(rules.responseMonths) months of receiving a recommendation, or \(rules.statutoryResponseDays) days for health or crime and disorder scrutiny, or by an extension agreed.")
    }

    /// The four measures, in the order the scorecard shows them.
    public var measures: [Measure] { [agendas, questions, minutes, recommendations] }

    private struct Tally {
        var met = 0
        var missed: [Measure.Case] = []
        var notRecorded: [Measure.Case] = []
        var pending = 0
        mutating func miss(_ meeting: Meeting.ID, _ text: String) { missed.append(.init(meeting: meeting, text: text)) }
        mutating func unknown(_ meeting: Meeting.ID, _ text: String) { notRecorded.append(.init(meeting: meeting, text: text)) }
        func measure(_ name: String, _ rule: String) -> Measure {
            Measure(name: name, rule: rule, met: met, counted: met + missed.count, missed: missed, notRecorded: notRecorded, pending: pending)
        }
    }
}

extension Meeting {
    public var isCancelled: Bool { if case .cancelled = status { true } else { false } }
}
