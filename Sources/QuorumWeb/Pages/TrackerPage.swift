import QuorumDomain
import QuorumStorage

/// The recommendations tracker, grouped by meeting and then topic, with its filters and pages.
struct TrackerPage: Sendable {
    let title: String
    let committees: [Option]
    let outcomes: [Option]
    let overdueOnly: Bool
    /// The period asked for, as typed (ISO dates).
    let from: String
    let to: String
    let groups: [MeetingGroup]
    let hasRows: Bool
    let summary: String
    /// What the filtered recommendations add up to, as lines of a summary list.
    let figures: [Figure]
    let csvHref: String
    let summaryCSVHref: String
    let previousPage: String?
    let nextPage: String?

    struct Option: Sendable {
        let value: String
        let label: String
        let isSelected: Bool
    }

    struct MeetingGroup: Sendable {
        let heading: String
        var topics: [TopicGroup]
    }

    struct TopicGroup: Sendable {
        let topic: String
        var rows: [Row]
    }

    struct Row: Sendable {
        let number: String
        let text: String
        let href: String
        let sent: String
        let due: String
        let received: String
        let outcome: String
        /// "Overdue", "Due soon", "Answered on time", "Answered late", or nothing.
        let standing: String?
        /// "red", "amber", "green", "grey": the class that colours it.
        let standingClass: String?
        /// Dates that contradict each other or the rule, a late sending, a year without an answer.
        let checks: [String]
        var hasChecks: Bool { !checks.isEmpty }
    }

    struct Figure: Sendable {
        let label: String
        let value: String
    }

    /// The summary's lines, the same on the page and in its CSV: counts, and the median in days (nil when nothing
    /// was answered with both dates). A count that is nearly always nought is left out when it is.
    static func summaryLines(_ figures: RecommendationSummary) -> [(label: String, value: Int?, isDays: Bool)] {
        var lines: [(label: String, value: Int?, isDays: Bool)] = [
            ("Made", figures.made, false), ("Answered on time", figures.answeredOnTime, false), ("Answered late", figures.answeredLate, false),
        ]
        if figures.answeredUndated > 0 { lines.append(("Answered, date received not recorded", figures.answeredUndated, false)) }
        lines += [("Outstanding", figures.outstanding, false), ("Overdue", figures.overdue, false), ("Not pursued", figures.notPursued, false)]
        for outcome in Recommendation.Outcome.allCases where (figures.byOutcome[outcome] ?? 0) > 0 {
            lines.append(("Outcome: \(outcome.label)", figures.byOutcome[outcome] ?? 0, false))
        }
        if let unstated = figures.byOutcome[nil], unstated > 0 { lines.append(("Outcome not stated", unstated, false)) }
        lines.append(("Median days to respond", figures.medianDaysToRespond, true))
        return lines
    }

    init(
        filter: TrackerFilter, committees: [Committee.ID: Committee], rows: [TrackerRow], total: Int, page: Int, pageSize: Int, today: CalendarDay,
        summary figures: RecommendationSummary
    ) {
        title = "Recommendations tracker"
        self.committees = committees.values.sorted { $0.name < $1.name }.map {
            Option(value: $0.slug, label: $0.name, isSelected: $0.id == filter.committee?.id)
        }
        outcomes = TrackerFilter.outcomes.map { Option(value: $0.0, label: $0.1, isSelected: $0.0 == filter.outcome) }
        overdueOnly = filter.overdueOnly
        from = filter.from?.iso ?? ""
        to = filter.to?.iso ?? ""
        // Rows come grouped by meeting, then topic: each is added in place to the group it belongs to.
        var groups: [MeetingGroup] = []
        var meeting: (committee: Committee.ID, day: CalendarDay)?
        for row in rows {
            let r = row.recommendation
            let line = Row(
                number: r.number, text: r.text, href: Paths.recommendation(r.id), sent: r.sentOn?.shortCouncilStyle ?? "Not sent",
                due: row.dueOn?.shortCouncilStyle ?? "", received: r.answer?.on?.shortCouncilStyle ?? "", outcome: r.outcomeLabel,
                standing: row.standing?.label,
                standingClass: row.standing.map {
                    switch $0 {
                    case .overdue: "red"
                    case .dueSoon: "amber"
                    case .answeredOnTime: "green"
                    case .answeredLate: "grey"
                    }
                }, checks: row.checks)
            if meeting?.committee != r.committee || meeting?.day != r.meetingDay {
                meeting = (r.committee, r.meetingDay)
                let heading = "\(committees[r.committee]?.name ?? "Committee"), \(r.meetingDay.councilStyle)"
                if groups.last?.heading != heading { groups.append(MeetingGroup(heading: heading, topics: [])) }
            }
            let last = groups.count - 1
            if groups[last].topics.last?.topic == r.topic {
                groups[last].topics[groups[last].topics.count - 1].rows.append(line)
            } else {
                groups[last].topics.append(TopicGroup(topic: r.topic, rows: [line]))
            }
        }
        self.groups = groups
        hasRows = !rows.isEmpty
        self.figures = Self.summaryLines(figures).map { line in
            Figure(label: line.label, value: line.isDays ? line.value.map { "\($0) days" } ?? "None answered with both dates" : grouped(line.value ?? 0))
        }
        let first = (page - 1) * pageSize + 1
        summary = total == 0 ? "No recommendations match." : "Showing \(first) to \(first + rows.count - 1) of \(total) recommendations."
        var query: [String: String] = [:]
        query["committee"] = filter.committee?.slug
        query["outcome"] = filter.outcome
        if filter.overdueOnly { query["overdue"] = "1" }
        query["from"] = filter.from?.iso
        query["to"] = filter.to?.iso
        csvHref = Paths.recommendations + ".csv" + queryString(query)
        summaryCSVHref = Paths.recommendations + "-summary.csv" + queryString(query)
        previousPage = page > 1 ? Paths.recommendations + queryString(query, ["page": page - 1 == 1 ? nil : String(page - 1)]) : nil
        nextPage = first + rows.count - 1 < total ? Paths.recommendations + queryString(query, ["page": String(page + 1)]) : nil
    }
}

/// One recommendation, with everything the tracker records about it.
struct RecommendationPage: Sendable {
    let title: String
    let committee: Link
    let meetingDay: String
    let topic: String
    let text: String
    let addressee: String
    let rule: String
    let sent: String
    let due: String
    let received: String?
    let response: [String]
    let outcome: String
    let isOverdue: Bool
    let warnings: [String]
    let hasWarnings: Bool
    /// For an account that may answer it.
    let respondHref: String?
    /// For a scrutiny officer: where its progress is recorded.
    let progressHref: String?
    /// "Extended to Friday 30 May 2025: the report was delayed by the inspection."
    let extensionText: String?
    /// "In progress; to be reviewed on …", "Closed on …".
    let implementationText: String?
    /// For officers only: every change to the record, oldest first.
    let history: [HistoryLine]
    let hasHistory: Bool
    /// The plan indicators the recommendation means to move, each charted with the days it was made and answered.
    var indicators: [IndicatorView] = []
    var hasIndicators: Bool { !indicators.isEmpty }
    /// For scrutiny officers: the form that names them.
    var indicatorsForm: FormView? = nil

    struct HistoryLine: Sendable {
        let when: String
        let who: String
        let what: String
    }

    init(
        recommendation r: Recommendation, committee: Committee, rules: DeadlineRules, today: CalendarDay, warnings: [String], viewer: User? = nil,
        history: [AuditEntry] = []
    ) {
        title = "Recommendation \(r.number): \(r.topic)"
        self.committee = Link(text: committee.name, href: Paths.committee(committee.id))
        meetingDay = r.meetingDay.councilStyle
        topic = r.topic
        text = r.text
        addressee = r.addressee.label
        rule =
            r.responseRule == .standard
            ? "Within \(rules.responseMonths) months of receipt" : "Within \(rules.statutoryResponseDays) days (statutory health or crime and disorder scrutiny)"
        sent = r.sentOn?.councilStyle ?? "Not yet sent"
        due = r.effectiveDueDate(rules: rules)?.councilStyle ?? "Not set"
        received = r.answer?.on?.councilStyle
        response = paragraphs(r.answer?.text ?? "")
        outcome = r.outcomeLabel
        isOverdue = r.isOverdue(on: today, rules: rules)
        self.warnings = warnings
        hasWarnings = !warnings.isEmpty
        respondHref = viewer.flatMap { $0.mayAnswer(r) ? Paths.recommendation(r.id) + "/response" : nil }
        progressHref = viewer?.mayTrackRecommendations == true ? Paths.recommendation(r.id) + "/progress" : nil
        extensionText = r.extensionGranted.map { "Extended to \($0.dueOn.councilStyle): \($0.reason)" }
        implementationText = r.implementation.map { implementation in
            if let closed = implementation.closedOn { return "\(implementation.status.label); closed by the committee on \(closed.councilStyle)" }
            return implementation.status.label + (implementation.reviewOn.map { "; to be reviewed on \($0.councilStyle)" } ?? "")
        }
        self.history = history.map { entry in
            let when = LocalDateTime(entry.at, in: .london)
            let what =
                switch entry.action {
                case .created: "Created"
                case .deleted: "Deleted"
                case .updated: entry.changes.isEmpty ? "Changed" : "Changed: " + entry.changes
                }
            return HistoryLine(when: "\(when.day.councilStyle), \(when.time.councilStyle)", who: entry.actor, what: what)
        }
        hasHistory = !history.isEmpty
    }
}
