/// One meeting of a committee: its date, time and place, and where it has got to.
public struct Meeting: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<Meeting>
    public let id: ID
    public var committee: Committee.ID
    /// When it starts, in the council's local time.
    public var start: LocalDateTime
    /// "Conference Room 1 - Herefordshire Council, Plough Lane Offices, Hereford, HR4 0LE".
    public var venue: String
    public var status: Status
    /// Who to contact about it (the clerk on the front sheet).
    public var clerk: Contact?
    /// For a meeting known only because another paper names it (a work programme, a tracker, "date of next
    /// meeting"), which paper: "the work programme in the papers for Tuesday 18 March 2025". Its time is not known.
    public var knownFrom: String?
    /// What the start waits on, as the summons prints it: "or at the rise of the Health and Wellbeing Board".
    public var startCondition: String?
    /// How many times a clerk has moved it, changed its place, or cancelled it in Quorum: calendars are told each
    /// change (iCalendar's SEQUENCE), and an import never lowers it.
    public var scheduleRevision = 0

    /// The life of a meeting: scheduled, agenda published, held, minutes approved; or cancelled.
    public enum Status: Hashable, Sendable, Encodable {
        case scheduled
        case agendaPublished
        /// Held; the minutes record when it ended, if they say.
        case held(endedAt: TimeOfDay?)
        /// The minutes have been confirmed as a correct record at a later meeting.
        case minutesApproved(endedAt: TimeOfDay?)
        case cancelled(reason: String?)

        /// The time the meeting ended, once it has been held and the minutes say so.
        public var endedAt: TimeOfDay? {
            switch self {
            case .held(let end), .minutesApproved(let end): end
            default: nil
            }
        }

        /// How far the meeting has got, for ordering: a later stage replaces an earlier one on import.
        public var stage: Int {
            switch self {
            case .scheduled: 0
            case .agendaPublished: 1
            case .held: 2
            case .minutesApproved: 3
            case .cancelled: 4
            }
        }

        public var label: String {
            switch self {
            case .scheduled: "Scheduled"
            case .agendaPublished: "Agenda published"
            case .held: "Held"
            case .minutesApproved: "Minutes approved"
            case .cancelled: "Cancelled"
            }
        }
    }

    public init(
        id: ID, committee: Committee.ID, start: LocalDateTime, venue: String, status: Status = .scheduled, clerk: Contact? = nil, knownFrom: String? = nil,
        startCondition: String? = nil
    ) {
        self.knownFrom = knownFrom
        self.startCondition = startCondition
        self.id = id
        self.committee = committee
        self.start = start
        self.venue = venue
        self.status = status
        self.clerk = clerk
    }

    /// A meeting identified by its committee and day: a committee meets at most once a day.
    public init(
        of committee: Committee.ID, on start: LocalDateTime, venue: String, status: Status = .scheduled, clerk: Contact? = nil, knownFrom: String? = nil,
        startCondition: String? = nil
    ) {
        self.init(
            id: ID(under: committee, start.day.iso), committee: committee, start: start, venue: venue, status: status, clerk: clerk, knownFrom: knownFrom,
            startCondition: startCondition)
    }

    /// The day the clerk first set: a meeting keeps its address when it is moved, and says where it moved from.
    public var originalDay: CalendarDay? {
        id.rawValue.split(separator: "/").last.flatMap { CalendarDay(iso: $0) }
    }

    /// The deadlines for this meeting under `rules`.
    public func deadlines(rules: DeadlineRules, calendar: WorkingCalendar) -> MeetingDeadlines {
        MeetingDeadlines(
            agendaPublication: agendaPublicationDeadline(meetingDay: start.day, rules: rules, calendar: calendar),
            questions: questionDeadline(meetingDay: start.day, rules: rules, calendar: calendar)
        )
    }
}

/// The deadlines that run back from a meeting.
public struct MeetingDeadlines: Hashable, Sendable {
    /// The last day the agenda and public reports may be published.
    public let agendaPublication: CalendarDay
    /// When written questions must be in.
    public let questions: LocalDateTime
}
