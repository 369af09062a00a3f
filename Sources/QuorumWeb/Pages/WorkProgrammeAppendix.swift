import QuorumDomain

/// A committee's work programme for a municipal year as councils publish it as an appendix: each session with its
/// report deadline and planning session, and a table of topics and objectives, evidence required and attendees (the
/// report writer in bold); then the potential topics.
struct WorkProgrammeAppendix: Sendable {
    let title: String
    let committee: Link
    let yearForm: FormView
    let sessions: [Session]
    let hasSessions: Bool
    let potential: [String]
    let hasPotential: Bool
    /// For those who may change it.
    let editHref: String?

    struct Session: Sendable {
        let kind: String
        let date: String
        let reportDeadline: String
        let planning: String
        let topics: [Topic]
        let hasTopics: Bool
    }

    struct Topic: Sendable {
        let title: String
        let scrutinyType: String?
        let objectives: [String]
        let evidence: [String]
        let attendees: [Attendee]
        let forwardPlan: String?
    }

    struct Attendee: Sendable {
        let name: String
        let isWriter: Bool
    }

    init(committee: Committee, programme: WorkProgramme, forwardPlan: [ForwardPlanEntry], year: CalendarDay, years: [Int], rules: DeadlineRules, editHref: String?) {
        let end = rules.municipalYearStart(beginningIn: year.year + 1)
        title = "Scrutiny work programme \(rules.municipalYear(of: year)): \(committee.name)"
        self.committee = Link(text: committee.name, href: Paths.committee(committee.id))
        yearForm = .get(
            Paths.committee(committee.id) + "/work-programme", role: "search", formClass: "filters",
            fields: [FormField(.select, name: "year", label: "Municipal year", value: String(year.year), options: years.map { (String($0), "\($0)/\(String($0 + 1).suffix(2))") })],
            submit: "Show")
        let decisions = Dictionary(forwardPlan.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        sessions = programme.sessions.filter { $0.day >= year && $0.day < end }.map { session in
            let topics = programme.topics(of: session.id).map { item in
                Topic(
                    title: item.title, scrutinyType: item.scrutinyType?.label, objectives: paragraphs(item.objectives), evidence: paragraphs(item.evidenceRequired),
                    attendees: item.attendees.map { Attendee(name: $0.name, isWriter: $0.isReportWriter) },
                    forwardPlan: item.forwardPlanEntry.flatMap { decisions[$0] }.map { "\($0.title), \($0.decisionMaker)" + ($0.dueDate.map { ", due \($0.councilStyle)" } ?? "") })
            }
            let planning: String =
                switch session.planning {
                case .on(let day): day.councilStyle
                case .toBeConfirmed: "TBC"
                case .none: "none"
                }
            return Session(
                kind: session.kind.label, date: session.day.councilStyle, reportDeadline: session.reportDeadline?.councilStyle ?? "TBC", planning: planning, topics: topics,
                hasTopics: !topics.isEmpty)
        }
        hasSessions = !sessions.isEmpty
        potential = programme.items.filter { $0.session == nil }.map { item in
            if case .deferred(let reason) = item.state { return item.title + " (deferred" + (reason.map { ": \($0)" } ?? "") + ")" }
            return item.title
        }
        hasPotential = !potential.isEmpty
        self.editHref = editHref
    }
}
