/// A recommendation the committee makes to the executive or a partner, tracked until it is answered.
/// The columns are those of the published tracker: meeting, topic, number, recommendation, date sent,
/// due date, date received and response.
public struct Recommendation: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<Recommendation>
    public let id: ID
    public var committee: Committee.ID
    /// The meeting it was resolved at.
    public var meetingDay: CalendarDay
    /// "Herefordshire Safeguarding Children Partnership yearly report".
    public var topic: String
    /// The number in the tracker ("1", "2a").
    public var number: String
    public var text: String
    public var addressee: Addressee
    /// Which clock runs for the answer.
    public var responseRule: ResponseRule
    /// When it was sent to the addressee, if it has been.
    public var sentOn: CalendarDay?
    /// When the answer is due, as recorded.
    public var dueOn: CalendarDay?
    public var response: Response
    /// A later due date the scrutiny officer agreed, and why.
    public var extensionGranted: Extension?
    /// For an accepted recommendation: how far the executive has got with doing it, until the committee closes it.
    public var implementation: Implementation?

    public struct Extension: Hashable, Sendable, Encodable {
        public var dueOn: CalendarDay
        public var reason: String
        public init(dueOn: CalendarDay, reason: String) {
            self.dueOn = dueOn
            self.reason = reason
        }
    }

    public struct Implementation: Hashable, Sendable, Encodable {
        public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
            case notStarted, inProgress, implemented

            public var label: String {
                switch self {
                case .notStarted: "Not started"
                case .inProgress: "In progress"
                case .implemented: "Implemented"
                }
            }
        }
        public var status: Status
        /// When the committee will next look at it.
        public var reviewOn: CalendarDay?
        /// When the committee closed it: nothing more is asked.
        public var closedOn: CalendarDay?
        public init(status: Status, reviewOn: CalendarDay? = nil, closedOn: CalendarDay? = nil) {
            self.status = status
            self.reviewOn = reviewOn
            self.closedOn = closedOn
        }
    }

    /// Who is asked to act.
    public enum Addressee: Hashable, Sendable, Codable {
        case cabinet
        case cabinetMember(String)
        case council
        /// A partner body: "Herefordshire Safeguarding Children Partnership", an NHS trust.
        case partner(String)
        case officers(String)
        /// The committee itself: "added to the list of potential items", feeding the work programme.
        case committee
        /// Not recorded.
        case unspecified

        public var label: String {
            switch self {
            case .cabinet: "Cabinet"
            case .cabinetMember(let who): who
            case .council: "Council"
            case .partner(let body): body
            case .officers(let who): who
            case .committee: "The committee"
            case .unspecified: "Not recorded"
            }
        }
    }

    /// Where the answer has got to.
    public enum Response: Hashable, Sendable, Encodable {
        case awaiting
        /// The executive's answer: when it came (if recorded), what it said, and the outcome when the answer states
        /// one in its own words (`nil`: not stated; Quorum never infers it).
        case received(on: CalendarDay?, text: String, outcome: Outcome?)
        /// The committee decided not to pursue it further.
        case notPursued(on: CalendarDay?, reason: String)
    }

    /// What an answer amounts to.
    public enum Outcome: String, Hashable, Sendable, Codable, CaseIterable {
        case accepted, acceptedInPart, rejected, noted, resolved

        public var label: String {
            switch self {
            case .accepted: "Accepted"
            case .acceptedInPart: "Accepted in part"
            case .rejected: "Rejected"
            case .noted: "Noted"
            case .resolved: "Resolved"
            }
        }
    }

    public init(
        id: ID, committee: Committee.ID, meetingDay: CalendarDay, topic: String, number: String, text: String,
        addressee: Addressee = .unspecified, responseRule: ResponseRule = .standard, sentOn: CalendarDay? = nil, dueOn: CalendarDay? = nil,
        response: Response = .awaiting
    ) {
        self.id = id
        self.committee = committee
        self.meetingDay = meetingDay
        self.topic = topic
        self.number = number
        self.text = text
        self.addressee = addressee
        self.responseRule = responseRule
        self.sentOn = sentOn
        self.dueOn = dueOn
        self.response = response
        extensionGranted = nil
        implementation = nil
    }

    /// A recommendation identified by its committee, meeting day and number.
    public init(
        number: String, of committee: Committee.ID, madeOn meetingDay: CalendarDay, topic: String, text: String,
        addressee: Addressee = .unspecified, responseRule: ResponseRule = .standard, sentOn: CalendarDay? = nil, dueOn: CalendarDay? = nil,
        response: Response = .awaiting
    ) {
        self.init(
            id: ID(under: committee, Recommendation.key(day: meetingDay, topic: topic, number: number)), committee: committee,
            meetingDay: meetingDay, topic: topic, number: number, text: text, addressee: addressee, responseRule: responseRule, sentOn: sentOn,
            dueOn: dueOn, response: response)
    }

    /// The part of the identifier after the committee: "recommendations/2025-01-21/herefordshire-safeguarding-1". The
    /// topic is cut at a word's end, so the address never ends in half a word.
    public static func key(day: CalendarDay, topic: String, number: String) -> String {
        "recommendations/\(day.iso)/\(slugged(topic, limit: 40))-\(slugged(number))"
    }

    /// The due date the statutory rule gives, once sent.
    public func statutoryDueDate(rules: DeadlineRules) -> CalendarDay? {
        sentOn.map { responseDueDate(sent: $0, rule: responseRule, rules: rules) }
    }

    /// The due date to chase by: an extension's, or else the recorded one, or else the statutory one.
    public func effectiveDueDate(rules: DeadlineRules) -> CalendarDay? {
        extensionGranted?.dueOn ?? dueOn ?? statutoryDueDate(rules: rules)
    }

    /// Whether its implementation can be tracked: the answer accepted it, in full or in part.
    public var isAccepted: Bool {
        switch response {
        case .received(_, _, .accepted?), .received(_, _, .acceptedInPart?): true
        default: false
        }
    }

    /// Records it as sent on `day`, due when the statutory rule and the council's calendar say.
    public mutating func send(on day: CalendarDay, rules: DeadlineRules) {
        sentOn = day
        dueOn = responseDueDate(sent: day, rule: responseRule, rules: rules)
    }

    /// Overdue once sent, unanswered, and past its due date. The caller supplies `today`.
    public func isOverdue(on today: CalendarDay, rules: DeadlineRules) -> Bool {
        guard case .awaiting = response, let due = effectiveDueDate(rules: rules) else { return false }
        return today > due
    }

    /// Where it stands against its clock, red, amber or green on a tracker: derived, never typed.
    public enum Standing: String, Hashable, Sendable, CaseIterable {
        /// Red: sent, unanswered, and past its due date.
        case overdue
        /// Amber: sent, unanswered, and due within `dueSoonDays`.
        case dueSoon
        /// Green: answered by its due date.
        case answeredOnTime
        /// Answered, but after its due date.
        case answeredLate

        public static let dueSoonDays = 14

        public var label: String {
            switch self {
            case .overdue: "Overdue"
            case .dueSoon: "Due soon"
            case .answeredOnTime: "Answered on time"
            case .answeredLate: "Answered late"
            }
        }
    }

    /// Its standing on `today`; nil when its clock has not started (not sent) or cannot tell (no date received).
    public func standing(on today: CalendarDay, rules: DeadlineRules) -> Standing? {
        guard let due = effectiveDueDate(rules: rules) else { return nil }
        switch response {
        case .awaiting:
            if today > due { return .overdue }
            return due <= today.adding(days: Standing.dueSoonDays) ? .dueSoon : nil
        case .received(let on?, _, _): return on <= due ? .answeredOnTime : .answeredLate
        case .received(nil, _, _), .notPursued: return nil
        }
    }

    /// Things in the record that do not add up, for an officer to check: a due date before the date sent,
    /// or a recorded due date that differs from the statutory rule.
    public func inconsistencies(rules: DeadlineRules) -> [String] {
        var found: [String] = []
        if let sent = sentOn, let due = dueOn {
            if due < sent { found.append("The due date \(due.iso) is before the date sent \(sent.iso).") }
            let statutory = responseDueDate(sent: sent, rule: responseRule, rules: rules)
            if due != statutory && due >= sent {
                found.append("The recorded due date \(due.iso) differs from the statutory due date \(statutory.iso).")
            }
        }
        if case .received(let on?, _, _) = response, let sent = sentOn, on < sent {
            found.append("The response was received on \(on.iso), before the recommendation was sent on \(sent.iso).")
        }
        return found
    }

    /// What an officer should check, on `today`: dates that contradict each other or the rule, a recommendation sent
    /// more than 10 working days after the meeting, and one still unanswered a year after it was made.
    public func needsChecking(on today: CalendarDay, rules: DeadlineRules, calendar: WorkingCalendar) -> [String] {
        var found = inconsistencies(rules: rules)
        if let sent = sentOn, sent > meetingDay {
            let after = calendar.clearWorkingDays(between: meetingDay, and: sent) + (calendar.isWorkingDay(sent) ? 1 : 0)
            if after > 10 { found.append("It was sent \(after) working days after the meeting, more than 10.") }
        }
        if case .awaiting = response, addressee != .committee, meetingDay.adding(months: 12) < today {
            found.append("It has been awaiting a response for more than a year.")
        }
        return found
    }

    /// When the answer came and what it said: the executive's response, or why the committee stopped pursuing it.
    public var answer: (on: CalendarDay?, text: String)? {
        switch response {
        case .awaiting: nil
        case .received(let on, let text, _): (on, text)
        case .notPursued(let on, let reason): (on, reason)
        }
    }

    public var outcomeLabel: String {
        switch response {
        case .awaiting: "Awaiting response"
        case .received(_, _, let outcome?): outcome.label
        case .received(_, _, nil): "Answered, outcome not stated"
        case .notPursued: "Not pursued"
        }
    }
}
