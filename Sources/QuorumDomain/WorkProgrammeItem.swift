/// A topic on a committee's work programme: what it will scrutinise, why, and with whom.
public struct WorkProgrammeItem: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<WorkProgrammeItem>
    public let id: ID
    public var committee: Committee.ID
    public var title: String
    public var scrutinyType: ScrutinyType?
    /// What the committee wants to achieve.
    public var objectives: String
    /// The evidence it asks for.
    public var evidenceRequired: String
    /// Who is invited; one may be marked as writing the report.
    public var attendees: [Attendee]
    /// Where the topic came from: a recommendation, the forward plan, a member.
    public var origin: String?
    public var leadOfficer: String?
    public var state: State
    /// The executive decision in the forward plan the topic scrutinises before it is taken, if any.
    public var forwardPlanEntry: ForwardPlanEntry.ID?

    /// The kinds of scrutiny a topic may be.
    public enum ScrutinyType: String, Hashable, Sendable, Codable, CaseIterable {
        case preDecision, preDecisionCallIn, performanceReview, annualReport, taskAndFinishGroup, briefing, policyDevelopment

        public var label: String {
            switch self {
            case .preDecision: "Pre-decision scrutiny"
            case .preDecisionCallIn: "Pre-decision call-in of a policy framework item"
            case .performanceReview: "Performance review"
            case .annualReport: "Annual report"
            case .taskAndFinishGroup: "Task and finish group"
            case .briefing: "Briefing"
            case .policyDevelopment: "Policy development"
            }
        }
    }

    /// Someone invited to give evidence on the topic.
    public struct Attendee: Hashable, Sendable, Codable {
        /// A name or a role: "Corporate Director Children and Young People".
        public var name: String
        public var isReportWriter: Bool
        public init(name: String, isReportWriter: Bool = false) {
            self.name = name
            self.isReportWriter = isReportWriter
        }
    }

    /// Where the topic stands. A scheduled topic always names the session it is scheduled for.
    public enum State: Hashable, Sendable, Encodable {
        /// On the list "to be scheduled and prioritised or removed".
        case potential
        case scheduled(WorkProgrammeSession.ID)
        case deferred(reason: String?)
        case delivered(WorkProgrammeSession.ID?)

        public var label: String {
            switch self {
            case .potential: "Potential"
            case .scheduled: "Scheduled"
            case .deferred: "Deferred"
            case .delivered: "Delivered"
            }
        }
    }

    public init(
        id: ID, committee: Committee.ID, title: String, scrutinyType: ScrutinyType? = nil, objectives: String = "", evidenceRequired: String = "",
        attendees: [Attendee] = [], origin: String? = nil, leadOfficer: String? = nil, state: State = .potential, forwardPlanEntry: ForwardPlanEntry.ID? = nil
    ) {
        self.forwardPlanEntry = forwardPlanEntry
        self.id = id
        self.committee = committee
        self.title = title
        self.scrutinyType = scrutinyType
        self.objectives = objectives
        self.evidenceRequired = evidenceRequired
        self.attendees = attendees
        self.origin = origin
        self.leadOfficer = leadOfficer
        self.state = state
    }

    /// The meeting or briefing the topic is scheduled for or was delivered at, if any.
    public var session: WorkProgrammeSession.ID? {
        switch state {
        case .scheduled(let id): id
        case .delivered(let id): id
        case .potential, .deferred: nil
        }
    }

    /// The attendee marked as writing the report.
    public var reportWriter: Attendee? { attendees.first(where: \.isReportWriter) }
}

/// A date in the work programme: a committee meeting or an informal briefing, with the officers' report
/// deadline and the pre-meeting "lines of enquiry" planning session.
public struct WorkProgrammeSession: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<WorkProgrammeSession>
    public let id: ID
    public var committee: Committee.ID
    public var day: CalendarDay
    public var kind: Kind
    /// When officers' reports are due.
    public var reportDeadline: CalendarDay?
    public var planning: Planning

    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case committeeMeeting, briefing, workingGroup

        /// "Committee meeting", as the work programme prints it.
        public var label: String {
            switch self {
            case .committeeMeeting: "Committee meeting"
            case .briefing: "Briefing"
            case .workingGroup: "Working group meeting"
            }
        }
    }

    /// The planning session: a date, to be confirmed, or none.
    public enum Planning: Hashable, Sendable, Encodable {
        case on(CalendarDay)
        case toBeConfirmed
        case none
    }

    public init(id: ID, committee: Committee.ID, day: CalendarDay, kind: Kind, reportDeadline: CalendarDay? = nil, planning: Planning = .none) {
        self.id = id
        self.committee = committee
        self.day = day
        self.kind = kind
        self.reportDeadline = reportDeadline
        self.planning = planning
    }

    /// A session identified by its committee, day and kind.
    public init(of committee: Committee.ID, on day: CalendarDay, kind: Kind, reportDeadline: CalendarDay? = nil, planning: Planning = .none) {
        self.init(
            id: ID(under: committee, "work-programme/\(day.iso)-\(kind == .briefing ? "briefing" : "meeting")"), committee: committee, day: day,
            kind: kind, reportDeadline: reportDeadline, planning: planning)
    }
}
