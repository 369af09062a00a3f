public import QuorumDomain

/// A committee's work programme: its planned meetings and briefings with their topics, and the
/// topics waiting to be scheduled.
public struct WorkProgramme: Sendable, Hashable, Codable {
    public var sessions: [WorkProgrammeSession]
    /// Topics "to be scheduled and prioritised or removed".
    public var potentialTopics: [WorkProgrammeTopic]
    /// Briefing notes, with their target date in `sessionDate`-free form (see `WorkProgrammeTopic.targetDate`).
    public var briefingNotes: [WorkProgrammeTopic]
    public var taskAndFinishGroups: [WorkProgrammeTopic]
    public var unparsed: [String]

    public init(
        sessions: [WorkProgrammeSession] = [], potentialTopics: [WorkProgrammeTopic] = [],
        briefingNotes: [WorkProgrammeTopic] = [], taskAndFinishGroups: [WorkProgrammeTopic] = [], unparsed: [String] = []
    ) {
        self.sessions = sessions
        self.potentialTopics = potentialTopics
        self.briefingNotes = briefingNotes
        self.taskAndFinishGroups = taskAndFinishGroups
        self.unparsed = unparsed
    }
}

/// A committee meeting, briefing or working group in the work programme.
public struct WorkProgrammeSession: Sendable, Hashable, Codable {
    /// The committee, when the programme covers several.
    public var committee: String?
    public var kind: QuorumDomain.WorkProgrammeSession.Kind
    public var date: PublishedDate?
    public var reportDeadline: PublishedDate?
    /// The pre-meeting "lines of enquiry" planning session, a date or "TBC".
    public var planningDate: PublishedDate?
    public var topics: [WorkProgrammeTopic]
    public var line: Int
    public var unparsed: [String]

    public init(
        committee: String? = nil, kind: QuorumDomain.WorkProgrammeSession.Kind, date: PublishedDate? = nil, reportDeadline: PublishedDate? = nil,
        planningDate: PublishedDate? = nil, topics: [WorkProgrammeTopic] = [], line: Int = 0, unparsed: [String] = []
    ) {
        self.committee = committee
        self.kind = kind
        self.date = date
        self.reportDeadline = reportDeadline
        self.planningDate = planningDate
        self.topics = topics
        self.line = line
        self.unparsed = unparsed
    }
}

/// What kind of session a work programme entry is.
/// A topic in a work programme.
public struct WorkProgrammeTopic: Sendable, Hashable, Codable {
    public var title: String
    /// The type of scrutiny in square brackets after the title, e.g. "Pre-decision scrutiny".
    public var scrutinyType: String?
    public var objectives: [String]
    public var evidence: [String]
    public var attendees: [WorkProgrammeItem.Attendee]
    public var origin: String?
    public var currentPosition: String?
    public var targetDate: PublishedDate?
    public var line: Int

    public init(
        title: String, scrutinyType: String? = nil, objectives: [String] = [], evidence: [String] = [],
        attendees: [WorkProgrammeItem.Attendee] = [], origin: String? = nil, currentPosition: String? = nil,
        targetDate: PublishedDate? = nil, line: Int = 0
    ) {
        self.title = title
        self.scrutinyType = scrutinyType
        self.objectives = objectives
        self.evidence = evidence
        self.attendees = attendees
        self.origin = origin
        self.currentPosition = currentPosition
        self.targetDate = targetDate
        self.line = line
    }
}

