import QuorumDomain

/// The list of committees.
struct CommitteesPage: Sendable {
    let title: String
    let committees: [Row]
    let hasCommittees: Bool
    struct Row: Sendable {
        let name: String
        let href: String
        let nextMeeting: String
    }
}

/// A committee: remit, clerk, members, meetings by municipal year and the work programme.
struct CommitteePage: Sendable {
    let title: String
    let remit: [String]
    let clerk: ContactView?
    let members: [Member]
    let hasMembers: Bool
    let years: [Year]
    let hasMeetings: Bool
    let calendarHref: String
    /// The committee's compliance scorecard.
    let scorecardHref: String
    /// The committee's work programme for this municipal year, laid out as the council publishes it.
    let appendixHref: String
    let workProgramme: WorkProgrammeView
    /// "2026/27": the municipal year the work programme shown starts with.
    let workProgrammeFrom: String
    let allWorkProgrammesHref: String

    struct Member: Sendable {
        let name: String
        let href: String
        let role: String
    }

    struct Year: Sendable {
        let label: String
        let meetings: [MeetingLink]
    }

    init(
        committee: Committee, memberships: [Membership], people: [Person], meetings: [Meeting], workProgramme: WorkProgrammeView,
        workProgrammeFrom: CalendarDay
    ) {
        title = committee.name
        remit = paragraphs(committee.remit)
        clerk = committee.clerk.map(ContactView.init)
        let byID = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        members = memberships.compactMap { membership in
            guard let person = byID[membership.person] else { return nil }
            return Member(name: person.styledName, href: Paths.person(person.id), role: membership.role.label)
        }
        hasMembers = !members.isEmpty
        var years: [(label: String, meetings: [MeetingLink])] = []
        for meeting in meetings.reversed() {
            let label = municipalYear(of: meeting.start.day)
            if years.last?.label != label { years.append((label, [])) }
            years[years.count - 1].meetings.append(MeetingLink(meeting))
        }
        self.years = years.map { Year(label: $0.label, meetings: $0.meetings) }
        hasMeetings = !meetings.isEmpty
        calendarHref = Paths.committeeCalendar(committee.id)
        scorecardHref = Paths.committee(committee.id) + "/scorecard"
        appendixHref = Paths.committee(committee.id) + "/work-programme"
        self.workProgramme = workProgramme
        self.workProgrammeFrom = municipalYear(of: workProgrammeFrom)
        allWorkProgrammesHref = "/work-programme#" + committee.slug
    }
}

/// A meeting in a list: its date, status and address.
struct MeetingLink: Sendable {
    let date: String
    let isoDate: String
    let href: String
    let status: String
    let committee: String

    init(_ meeting: Meeting, committee: String = "") {
        date = meeting.when
        isoDate = meeting.start.day.iso
        href = Paths.meeting(meeting.id)
        status = meeting.status.label
        self.committee = committee
    }
}

/// The clerk or another contact, ready to show.
struct ContactView: Sendable {
    let name: String
    let role: String?
    let phone: String?
    let email: String?
    let mailto: String?

    init(_ contact: Contact) {
        name = contact.name
        role = contact.role
        phone = contact.phone
        email = contact.email
        mailto = contact.email.map { "mailto:" + $0 }
    }
}

/// A committee's work programme: each meeting or briefing with its topics, then the potential topics.
struct WorkProgrammeView: Sendable {
    let sessions: [Session]
    let potential: [Topic]
    let hasSessions: Bool
    let hasPotential: Bool

    struct Session: Sendable {
        let heading: String
        let reportDeadline: String?
        let planning: String?
        let topics: [Topic]
        let hasTopics: Bool
    }

    struct Topic: Sendable {
        let title: String
        let scrutinyType: String?
        let objectives: [String]
        let evidence: [String]
        let attendees: [String]
        let hasAttendees: Bool
        let state: String

        init(_ item: WorkProgrammeItem) {
            title = item.title
            scrutinyType = item.scrutinyType?.label
            objectives = paragraphs(item.objectives)
            evidence = paragraphs(item.evidenceRequired)
            attendees = item.attendees.map { $0.isReportWriter ? "\($0.name) (report writer)" : $0.name }
            hasAttendees = !item.attendees.isEmpty
            state = item.state.label
        }
    }

    init(sessions: [WorkProgrammeSession], items: [WorkProgrammeItem]) {
        let bySession = Dictionary(grouping: items.filter { $0.session != nil }, by: \.session)
        self.sessions = sessions.map { session in
            let topics = bySession[session.id] ?? []
            let planning: String? =
                switch session.planning {
                case .on(let day): day.councilStyle
                case .toBeConfirmed: "To be confirmed"
                case .none: nil
                }
            return Session(
                heading: "\(session.kind.label), \(session.day.councilStyle)",
                reportDeadline: session.reportDeadline?.councilStyle, planning: planning, topics: topics.map(Topic.init), hasTopics: !topics.isEmpty)
        }
        potential = items.filter {
            switch $0.state {
            case .potential, .deferred: true
            default: false
            }
        }.map(Topic.init)
        hasSessions = !sessions.isEmpty
        hasPotential = !potential.isEmpty
    }
}
