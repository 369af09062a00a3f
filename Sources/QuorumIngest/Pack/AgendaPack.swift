public import QuorumDomain

/// Everything read from one published agenda pack: the front sheet, the membership, the agenda,
/// the reports, the minutes of the previous meeting and the trackers and work programme appended to
/// the reports. Values are kept as published; contradictions and unrecognised text become `warnings`.
public struct AgendaPack: Sendable, Hashable {
    /// The file the pack was read from, as given by the caller.
    public var file: String
    /// The council that published the pack, e.g. "Herefordshire Council", when the pack names it.
    public var authority: String?
    /// The committee whose meeting the pack is for.
    public var committee: String
    /// The date of the meeting this pack is for.
    public var meetingDate: CalendarDay
    /// The start time of the meeting, when the front sheet gives one.
    public var startTime: TimeOfDay?
    /// What the start waits on, as printed: "or at the rise of the Health and Wellbeing Board".
    public var startCondition: String?
    /// Where the meeting is held.
    public var venue: String?
    /// The officer to contact about the meeting ("Simon Cann, Democratic Services Officer").
    public var clerk: Contact?
    /// The committee's membership as listed on the front sheet.
    public var members: [CommitteeMember]
    /// The numbered agenda items, in order.
    public var agendaItems: [PrintedItem]
    /// The published deadline for written questions, when the agenda states one.
    public var questionDeadline: CalendarDay?
    /// The date of the next meeting, from the last agenda item, when given.
    public var nextMeetingDate: CalendarDay?
    /// The reports in the pack, each linked to its agenda item where possible.
    public var reports: [Report]
    /// The minutes of the previous meeting, included for approval.
    public var previousMinutes: Minutes?
    /// Other minutes printed in the pack after those: a special meeting's, say.
    public var furtherMinutes: [Minutes] = []
    /// The recommendations tracker appended to a report, row by row.
    public var recommendationTracker: [TrackedRecommendation]
    /// The work programme appended to a report.
    public var workProgramme: WorkProgramme?
    /// The action tracker, when the pack has one.
    public var actionTracker: [TrackedAction]
    /// Text that belongs to no recognised record (standard notices, stray lines).
    /// The pages of information for the public that councils print in every pack (the public's rights, recording of
    /// meetings, the Nolan principles, transport and evacuation), as printed; they are kept, not reported as unread.
    public var publicNotes: [String] = []
    /// The meeting whose minutes the agenda asks the committee to approve ("Minutes of the meeting held on 9th April 2025").
    public var previousMeetingDate: CalendarDay?
    /// Where and why the pack looks cut short ("stops at line 212: its last line stops mid-sentence"); nil when complete.
    /// Improvement plans the papers carry, each with the item whose papers carry it.
    public var improvementPlans: [PrintedPlan] = []
    public var truncation: String?
    public var unparsed: [String]
    /// Everything the parser could not place or found inconsistent, with its line.
    public var warnings: [IngestWarning]

    /// Makes a pack; only the committee and meeting date are required.
    public init(
        file: String, authority: String? = nil, committee: String, meetingDate: CalendarDay, startTime: TimeOfDay? = nil,
        venue: String? = nil, clerk: Contact? = nil, members: [CommitteeMember] = [], agendaItems: [PrintedItem] = [],
        questionDeadline: CalendarDay? = nil, nextMeetingDate: CalendarDay? = nil, reports: [Report] = [],
        previousMinutes: Minutes? = nil, recommendationTracker: [TrackedRecommendation] = [],
        workProgramme: WorkProgramme? = nil, actionTracker: [TrackedAction] = [], unparsed: [String] = [],
        warnings: [IngestWarning] = []
    ) {
        self.file = file
        self.authority = authority
        self.committee = committee
        self.meetingDate = meetingDate
        self.startTime = startTime
        self.venue = venue
        self.clerk = clerk
        self.members = members
        self.agendaItems = agendaItems
        self.questionDeadline = questionDeadline
        self.nextMeetingDate = nextMeetingDate
        self.reports = reports
        self.previousMinutes = previousMinutes
        self.recommendationTracker = recommendationTracker
        self.workProgramme = workProgramme
        self.actionTracker = actionTracker
        self.unparsed = unparsed
        self.warnings = warnings
    }
}

extension AgendaPack {
    /// The council, committee and meeting the pack is for, as the records name them: a pack that does not name its
    /// council is recorded under "Council".
    public var meetingID: Meeting.ID {
        let authority = QuorumDomain.Authority(named: authority ?? "Council")
        let committee = Committee(named: committee, of: authority.id)
        return Meeting(of: committee.id, on: LocalDateTime(meetingDate, TimeOfDay(hour: 0)!), venue: "", status: .scheduled).id
    }
}

/// Something in the pack that was not recognised, or was recognised but contradicts itself.
public struct IngestWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 1-based line of the pack text the warning is about.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
