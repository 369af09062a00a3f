/// A committee's work programme as its officers keep it: the sessions (committee meetings and briefings, each with its
/// report deadline and planning session) and the topics, scheduled to a session, delivered, deferred or potential.
///
/// Changes are made here and written to the record at once: the work programme is a public plan, not a paper that is
/// published at a moment.
public struct WorkProgramme: Hashable, Sendable, Encodable {
    public let committee: Committee.ID
    /// By day.
    public private(set) var sessions: [WorkProgrammeSession]
    public private(set) var items: [WorkProgrammeItem]

    public init(committee: Committee.ID, sessions: [WorkProgrammeSession], items: [WorkProgrammeItem]) {
        self.committee = committee
        self.sessions = sessions.sorted { ($0.day, $0.kind.rawValue) < ($1.day, $1.kind.rawValue) }
        self.items = items
    }

    public typealias Refusal = ChangeRefusal

    public func session(_ id: WorkProgrammeSession.ID) -> WorkProgrammeSession? { sessions.first { $0.id == id } }
    public func item(_ id: WorkProgrammeItem.ID) -> WorkProgrammeItem? { items.first { $0.id == id } }

    /// The topics of a session, in the order they were added.
    public func topics(of session: WorkProgrammeSession.ID) -> [WorkProgrammeItem] { items.filter { $0.session == session } }

    /// What a topic says, as an officer writes it.
    public struct Topic: Hashable, Sendable {
        public var title: String
        public var scrutinyType: WorkProgrammeItem.ScrutinyType?
        public var objectives: String
        public var evidenceRequired: String
        /// The officer or partner writing the report or presentation, if named.
        public var reportWriter: String
        /// Everyone else invited, one each.
        public var otherAttendees: [String]
        public var origin: String
        public var leadOfficer: String
        public var forwardPlanEntry: ForwardPlanEntry.ID?

        public init(
            title: String, scrutinyType: WorkProgrammeItem.ScrutinyType? = nil, objectives: String = "", evidenceRequired: String = "", reportWriter: String = "",
            otherAttendees: [String] = [], origin: String = "", leadOfficer: String = "", forwardPlanEntry: ForwardPlanEntry.ID? = nil
        ) {
            self.title = title
            self.scrutinyType = scrutinyType
            self.objectives = objectives
            self.evidenceRequired = evidenceRequired
            self.reportWriter = reportWriter
            self.otherAttendees = otherAttendees
            self.origin = origin
            self.leadOfficer = leadOfficer
            self.forwardPlanEntry = forwardPlanEntry
        }

        /// The attendees as the work programme lists them: the report writer first, marked.
        var attendees: [WorkProgrammeItem.Attendee] {
            (reportWriter.isEmpty ? [] : [.init(name: reportWriter, isReportWriter: true)]) + otherAttendees.filter { !$0.isEmpty }.map { .init(name: $0) }
        }
    }

    // MARK: Sessions

    /// Adds a committee meeting or briefing to the programme, with its report deadline and planning session, which fall
    /// before it.
    @discardableResult
    public mutating func addSession(
        on day: CalendarDay, kind: WorkProgrammeSession.Kind, reportDeadline: CalendarDay?, planning: WorkProgrammeSession.Planning
    ) throws(Refusal) -> WorkProgrammeSession.ID {
        let session = WorkProgrammeSession(of: committee, on: day, kind: kind, reportDeadline: reportDeadline, planning: planning)
        guard self.session(session.id) == nil else {
            throw Refusal("session_day", "The programme already has a \(kind.label.lowercased()) on \(day.councilStyle)")
        }
        try Self.check(session)
        sessions.append(session)
        sessions.sort { ($0.day, $0.kind.rawValue) < ($1.day, $1.kind.rawValue) }
        return session.id
    }

    /// Changes a session's report deadline and planning session.
    public mutating func editSession(_ id: WorkProgrammeSession.ID, reportDeadline: CalendarDay?, planning: WorkProgrammeSession.Planning) throws(Refusal) {
        guard let index = sessions.firstIndex(where: { $0.id == id }) else { throw Refusal("session", "That session is not in the programme") }
        var changed = sessions[index]
        changed.reportDeadline = reportDeadline
        changed.planning = planning
        try Self.check(changed)
        sessions[index] = changed
    }

    /// Takes a session out of the programme; its topics must first be moved or made potential.
    public mutating func removeSession(_ id: WorkProgrammeSession.ID) throws(Refusal) {
        guard let session = session(id) else { throw Refusal("session", "That session is not in the programme") }
        let topics = topics(of: id)
        guard topics.isEmpty else {
            throw Refusal("session", "\(topics.count == 1 ? "A topic is" : "\(topics.count) topics are") planned for \(session.day.councilStyle): move \(topics.count == 1 ? "it" : "them") first")
        }
        sessions.removeAll { $0.id == id }
    }

    private static func check(_ session: WorkProgrammeSession) throws(Refusal) {
        if let deadline = session.reportDeadline, deadline >= session.day {
            throw Refusal("report_deadline", "The report deadline must be before the \(session.kind.label.lowercased()) on \(session.day.councilStyle)")
        }
        if case .on(let day) = session.planning, day > session.day {
            throw Refusal("planning", "The planning session must be on or before the \(session.kind.label.lowercased()) on \(session.day.councilStyle)")
        }
    }

    // MARK: Topics

    /// Adds a topic, scheduled to a session or, with none, potential ("to be scheduled and prioritised or removed").
    @discardableResult
    public mutating func addTopic(_ topic: Topic, to session: WorkProgrammeSession.ID?) throws(Refusal) -> WorkProgrammeItem.ID {
        try Self.check(topic)
        if let session { guard self.session(session) != nil else { throw Refusal("session", "Choose a session in the programme") } }
        let base = "work-programme/items/" + slugged(topic.title, limit: 60)
        var id = WorkProgrammeItem.ID(under: committee, base)
        var n = 2
        while item(id) != nil {
            id = WorkProgrammeItem.ID(under: committee, "\(base)-\(n)")
            n += 1
        }
        var item = WorkProgrammeItem(id: id, committee: committee, title: topic.title, state: session.map { .scheduled($0) } ?? .potential)
        Self.write(topic, into: &item)
        items.append(item)
        return id
    }

    /// Changes what a topic says.
    public mutating func editTopic(_ id: WorkProgrammeItem.ID, _ topic: Topic) throws(Refusal) {
        guard let index = items.firstIndex(where: { $0.id == id }) else { throw Refusal("topic", "That topic is not in the programme") }
        try Self.check(topic)
        Self.write(topic, into: &items[index])
    }

    /// Moves a topic to a session, makes it potential (`nil`), defers it with a reason, or records it delivered at the
    /// session it was scheduled for.
    public mutating func move(_ id: WorkProgrammeItem.ID, to state: WorkProgrammeItem.State) throws(Refusal) {
        guard let index = items.firstIndex(where: { $0.id == id }) else { throw Refusal("topic", "That topic is not in the programme") }
        switch state {
        case .scheduled(let session):
            guard self.session(session) != nil else { throw Refusal("session", "Choose a session in the programme") }
        case .delivered(let session):
            guard let session, self.session(session) != nil else { throw Refusal("session", "A topic is delivered at a session of the programme") }
        case .deferred(let reason):
            if (reason ?? "").count > 2_000 { throw Refusal("reason", "The reason must be 2,000 characters or fewer") }
        case .potential: break
        }
        items[index].state = state
    }

    /// Takes a topic off the programme: only one not yet scheduled or delivered (a delivered topic is part of the record).
    public mutating func remove(_ id: WorkProgrammeItem.ID) throws(Refusal) {
        guard let item = item(id) else { throw Refusal("topic", "That topic is not in the programme") }
        switch item.state {
        case .potential, .deferred: items.removeAll { $0.id == id }
        case .scheduled: throw Refusal("topic", "“\(item.title)” is scheduled: make it potential first, then remove it")
        case .delivered: throw Refusal("topic", "“\(item.title)” was delivered and is part of the record: it cannot be removed")
        }
    }

    private static func check(_ topic: Topic) throws(Refusal) {
        if topic.title.isEmpty { throw Refusal("title", "Enter the topic") }
        if topic.title.count > 300 { throw Refusal("title", "The topic must be 300 characters or fewer") }
        for (field, text) in [("objectives", topic.objectives), ("evidence_required", topic.evidenceRequired)] where text.count > 10_000 {
            throw Refusal(field, "This must be 10,000 characters or fewer")
        }
        for (field, text) in [("report_writer", topic.reportWriter), ("origin", topic.origin), ("lead_officer", topic.leadOfficer)] where text.count > 300 {
            throw Refusal(field, "This must be 300 characters or fewer")
        }
        if topic.otherAttendees.count > 50 || topic.otherAttendees.contains(where: { $0.count > 300 }) {
            throw Refusal("attendees", "List at most 50 attendees, each in 300 characters or fewer")
        }
    }

    private static func write(_ topic: Topic, into item: inout WorkProgrammeItem) {
        item.title = topic.title
        item.scrutinyType = topic.scrutinyType
        item.objectives = topic.objectives
        item.evidenceRequired = topic.evidenceRequired
        item.attendees = topic.attendees
        item.origin = topic.origin.isEmpty ? nil : topic.origin
        item.leadOfficer = topic.leadOfficer.isEmpty ? nil : topic.leadOfficer
        item.forwardPlanEntry = topic.forwardPlanEntry
    }
}

extension WorkProgrammeItem {
    /// What the topic says, to be changed.
    public var topic: WorkProgramme.Topic {
        WorkProgramme.Topic(
            title: title, scrutinyType: scrutinyType, objectives: objectives, evidenceRequired: evidenceRequired, reportWriter: reportWriter?.name ?? "",
            otherAttendees: attendees.filter { !$0.isReportWriter }.map(\.name), origin: origin ?? "", leadOfficer: leadOfficer ?? "",
            forwardPlanEntry: forwardPlanEntry)
    }
}
