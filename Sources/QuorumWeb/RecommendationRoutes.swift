import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// The recommendations tracker: what each committee asked of the executive, and whether it was answered.
struct RecommendationRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date
    static let pageSize = 100

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/recommendations", use: tracker)
        router.page("/recommendations.csv", use: csv)
        router.page("/recommendations-summary.csv", use: summaryCSV)
        router.page("/recommendations/:committee/:date/:key", use: show)
        router.action("/recommendations/:committee/:date/:key/indicators", use: setIndicators)
        router.form("/recommendations/:committee/:date/:key/response", show: responseForm, submit: recordResponse)
    }

    func tracker(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let filter = try await TrackerFilter(queryDictionary(request), store: store)
        let page = try pageNumber(queryDictionary(request))
        let day = todayInLondon(today).day
        let (rows, papers) = try await filter.apply(to: store, today: day, limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        guard page == 1 || !rows.isEmpty else { throw HTTPError(.notFound) }
        let committees = Dictionary(papers.committees.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let view = TrackerPage(
            filter: filter, committees: committees, rows: rows, total: papers.total, page: page, pageSize: Self.pageSize, today: day,
            summary: papers.summary)
        return HTML(view)
    }

    func csv(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let filter = try await TrackerFilter(queryDictionary(request), store: store)
        let (rows, papers) = try await filter.apply(to: store, today: todayInLondon(today).day)
        let committees = Dictionary(papers.committees.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var lines = [["Committee", "Meeting date", "Topic", "Rec. No.", "Recommendation", "Addressee", "Date sent", "Due date", "Received date", "Response", "Outcome"]]
        for row in rows {
            let r = row.recommendation
            let received = r.answer?.on?.iso ?? ""
            let response = r.answer?.text ?? ""
            lines.append([
                committees[r.committee]?.name ?? "", r.meetingDay.iso, r.topic, r.number, r.text, r.addressee.label, r.sentOn?.iso ?? "", r.dueOn?.iso ?? "",
                received, response, r.outcomeLabel,
            ])
        }
        return Body(
            bytes: csvText(lines), contentType: "text/csv; charset=utf-8",
            headers: [.contentDisposition: "attachment; filename=\"recommendations.csv\""])
    }

    /// The tracker's summary for the same filters, as two columns: what is counted, and the count.
    func summaryCSV(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let filter = try await TrackerFilter(queryDictionary(request), store: store)
        let day = todayInLondon(today).day
        let summary = try await store.recommendationSummary(filter.query(today: day), today: day)
        var lines = [["Summary", "Value"], ["Committee", filter.committee?.name ?? "All committees"]]
        if let from = filter.from { lines.append(["Meetings from", from.iso]) }
        if let to = filter.to { lines.append(["Meetings to", to.iso]) }
        if let outcome = filter.outcome { lines.append(["Outcome", TrackerFilter.outcomes.first { $0.0 == outcome }?.1 ?? outcome]) }
        if filter.overdueOnly { lines.append(["Overdue only", "Yes"]) }
        lines.append(["As on", day.iso])
        lines += TrackerPage.summaryLines(summary).map { [$0.label, $0.value.map(String.init) ?? ""] }
        return Body(
            bytes: csvText(lines), contentType: "text/csv; charset=utf-8",
            headers: [.contentDisposition: "attachment; filename=\"recommendations-summary.csv\""])
    }

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let (committee, recommendation) = try await findRecommendation(in: store, context)
        let rules = try await store.authority(committee.authority)?.rules ?? .standard
        let warnings = try await store.warnings(on: recommendation.id.rawValue)
        let viewer = context.session?.user
        let history = viewer?.role.isOfficer == true ? try await store.history(of: recommendation.id.rawValue) : []
        var page = RecommendationPage(
            recommendation: recommendation, committee: committee, rules: rules, today: todayInLondon(today).day, warnings: warnings.map(\.message),
            viewer: viewer, history: history)
        let visible = try await PlanRoutes.visiblePlans(store)
        let named = try await store.indicators(namedBy: recommendation.id).filter { pair in visible.contains { $0.id == pair.plan.id } }
        page.indicators = named.map { Self.indicatorView($0.indicator, of: $0.plan, for: recommendation) }
        if let session = context.session, session.user.mayTrackRecommendations {
            let chosen = named.map(\.indicator.id)
            let all = visible.flatMap { plan in plan.indicators.map { (plan, $0) } }
            if !all.isEmpty {
                page.indicatorsForm = .post(
                    Paths.recommendation(recommendation.id) + "/indicators", csrfToken: session.csrfToken,
                    fields: [FormField(.hidden, name: EditVersion.field, label: "", value: EditVersion.of(chosen.map(\.rawValue)))]
                        + all.map { plan, indicator in
                            FormField(.checkbox, name: "indicator:" + indicator.id.rawValue, label: "\(indicator.name) (\(plan.title))", value: chosen.contains(indicator.id) ? "1" : "")
                        }, submit: "Save the indicators")
            }
        }
        return HTML(page)
    }

    /// An indicator's figures as a recommendation's page shows them: marked with the days it was made and answered, and
    /// saying plainly whether the figure has moved in the good direction since the response.
    static func indicatorView(_ indicator: Indicator, of plan: ImprovementPlan, for recommendation: Recommendation) -> IndicatorView {
        var marks: [(day: CalendarDay, label: String)] = [(recommendation.meetingDay, "Recommended")]
        var since = recommendation.meetingDay
        var event = "the recommendation on \(recommendation.meetingDay.councilStyle)"
        if case .received(let on?, _, _) = recommendation.response {
            marks.append((on, "Response"))
            since = on
            event = "the response on \(on.councilStyle)"
        }
        let sentence: String
        if let moved = indicator.movement(since: since) {
            let change = "Since \(event), the figure has moved from \(indicator.unit.format(moved.from.value)) (\(moved.from.period)) to \(indicator.unit.format(moved.to.value)) (\(moved.to.period))"
            switch moved.direction {
            case .better: sentence = change + ": in the good direction."
            case .worse: sentence = change + ": in the wrong direction."
            case .unchanged: sentence = "Since \(event), the figure has not moved: \(indicator.unit.format(moved.to.value)) (\(moved.to.period))."
            }
        } else if indicator.observations.contains(where: { $0.ends > since }) {
            sentence = "No figure for a period before \(event) is recorded, so it cannot be said whether it has moved since."
        } else {
            sentence = "No figure for a period after \(event) is recorded yet, so it cannot yet be said whether it has moved."
        }
        return IndicatorView(indicator, anchor: "indicator-" + plan.slug + "-" + PlanRoutes.key(indicator.id), marks: marks, movement: sentence)
    }

    /// Scrutiny officers name the indicators a recommendation means to move.
    func setIndicators(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let (_, recommendation) = try await findRecommendation(in: store, context)
        guard session.user.mayTrackRecommendations else {
            throw HTTPError(.forbidden, message: "Only scrutiny officers can name the indicators a recommendation means to move.")
        }
        let all = try await PlanRoutes.visiblePlans(store).flatMap(\.indicators)
        let chosen = all.filter { !form["indicator:" + $0.id.rawValue].isEmpty }.map(\.id)
        // Two officers naming indicators at once: the second is told, rather than overwriting the first.
        let held = try await store.indicators(namedBy: recommendation.id).map(\.indicator.id.rawValue)
        if !form[EditVersion.field].isEmpty, EditVersion.of(held) != form[EditVersion.field] {
            throw HTTPError(.conflict, message: EditVersion.notice("recommendation's list of indicators"))
        }
        try await store.setIndicators(chosen, for: recommendation.id, by: session.user.id.rawValue, at: today())
        return redirect(to: Paths.recommendation(recommendation.id) + "#indicators")
    }

    /// The form for the executive's answer: what it said, when it came, and the outcome it states.
    func responseForm(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        let (_, recommendation) = try await findRecommendation(in: store, context)
        guard session.user.mayAnswer(recommendation) else { throw Self.notYours }
        var values: [String: String] = [:]
        if case .received(let on, let text, let outcome) = recommendation.response {
            values = ["received": on?.iso ?? "", "text": text, "outcome": outcome?.rawValue ?? ""]
        }
        return try renderResponseForm(recommendation, session: session, values: values, errors: [:])
    }

    func recordResponse(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let (_, recommendation) = try await findRecommendation(in: store, context)
        guard session.user.mayAnswer(recommendation) else { throw Self.notYours }
        switch try RecommendationChanges.response(form, to: recommendation, today: todayInLondon(today).day) {
        case .failure(let errors):
            let typed = DateEntry.typed("received", in: form.fields)
            var page = try renderResponseForm(
                recommendation, session: session, values: ["text": form["text"], "outcome": form["outcome"], "received": typed], errors: errors.messages)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        case .success(let change):
            do {
                try await store.updateRecommendation(
                    recommendation.id, by: session.user.id.rawValue, at: self.today(), EditVersion.guarded(change, expected: form[EditVersion.field]))
            } catch is EditVersion.Conflict {
                guard let current = try await store.recommendation(recommendation.id) else { throw HTTPError(.notFound) }
                let typed = DateEntry.typed("received", in: form.fields)
                var page = try renderResponseForm(
                    current, session: session, values: ["text": form["text"], "outcome": form["outcome"], "received": typed], errors: [:],
                    notice: EditVersion.notice("recommendation"))
                page.status = .conflict
                return try page.response(from: request, context: context)
            }
        }
        return redirect(to: Paths.recommendation(recommendation.id))
    }

    private func renderResponseForm(
        _ r: Recommendation, session: UserSession, values: [String: String], errors: [String: String], notice: String? = nil
    ) throws -> HTML {
        let outcomes = RecommendationChanges.outcomes.map { ($0.rawValue, $0.label) }
        var intro = [r.text, r.addressee == .unspecified ? "Whom it is addressed to is not recorded." : "Addressed to \(r.addressee.label)."]
        if case .received(let on, let text, let outcome) = r.response {
            intro.append("Recorded now: \(outcome?.label ?? "no outcome stated"), received \(on?.councilStyle ?? "on a date not recorded"): “\(text)”")
        }
        let page = FormPage(
            title: "Record the response to recommendation \(r.number)", intro: intro,
            form: .post(
                Paths.recommendation(r.id) + "/response", csrfToken: session.csrfToken,
                fields: [
                    EditVersion.field(for: r),
                    FormField(.radios, name: "outcome", label: "What does the response say?", error: errors["outcome"], value: values["outcome"] ?? "", options: outcomes),
                    FormField(
                        .date, name: "received", label: "When was the response received?", hint: "For example, 27 3 2025", error: errors["received"],
                        value: values["received"] ?? ""),
                    FormField(.textArea(rows: 8), name: "text", label: "The response", hint: "As the executive gave it.", error: errors["text"], value: values["text"] ?? ""),
                ], submit: "Record the response"),
            back: Link(text: "Back to the recommendation", href: Paths.recommendation(r.id)), notice: notice)
        return HTML(page)
    }

    private static let notYours = HTTPError(.forbidden, message: "Your account cannot record a response to this recommendation: it is not addressed to a body you answer for.")
}

/// The committee and the meeting a `/committees/{committee}/meetings/{date}…` address names, or 404.
func findMeeting(in store: any QuorumStore, _ context: QuorumRequestContext) async throws -> (Committee, Meeting) {
    guard let committee = try await store.committee(slug: try context.parameters.require("committee")),
        let meeting = try await store.meeting(Paths.meetingID(committee.id, date: try context.parameters.require("date")))
    else { throw HTTPError(.notFound) }
    return (committee, meeting)
}

/// The committee and the recommendation a `/recommendations/{committee}/{date}/{key}…` address names, or 404.
func findRecommendation(in store: any QuorumStore, _ context: QuorumRequestContext) async throws -> (Committee, Recommendation) {
    guard let committee = try await store.committee(slug: try context.parameters.require("committee")) else { throw HTTPError(.notFound) }
    let id = Paths.recommendationID(committee.id, date: try context.parameters.require("date"), key: try context.parameters.require("key"))
    guard let recommendation = try await store.recommendation(id) else { throw HTTPError(.notFound) }
    return (committee, recommendation)
}

/// The tracker's filters, read from the query string. A value that makes no sense is a 400 that says why.
struct TrackerFilter: Sendable {
    var committee: Committee?
    var outcome: String?
    var overdueOnly = false
    /// The period: recommendations made at meetings from and to these days.
    var from: CalendarDay?
    var to: CalendarDay?

    /// The outcomes a visitor can filter by, with their labels.
    static let outcomes: [(String, String)] =
        [("awaiting", "Awaiting response")] + Recommendation.Outcome.allCases.map { ($0.rawValue, $0.label) }
        + [("notStated", "Answered, outcome not stated"), ("notPursued", "Not pursued")]

    init(_ query: [String: String], store: any QuorumStore) async throws {
        if let slug = query["committee"], !slug.isEmpty {
            guard let committee = try await store.committee(slug: slug) else {
                throw HTTPError(.badRequest, message: "There is no committee ‘\(slug)’. Choose one from the list.")
            }
            self.committee = committee
        }
        if let outcome = query["outcome"], !outcome.isEmpty {
            guard Self.outcomes.contains(where: { $0.0 == outcome }) else {
                throw HTTPError(
                    .badRequest, message: "‘\(outcome)’ is not an outcome we know. Choose one from the list: \(Self.outcomes.map(\.1).joined(separator: ", ")).")
            }
            self.outcome = outcome
        }
        for (key, label) in [("from", "from"), ("to", "to")] {
            guard let text = query[key], !text.isEmpty else { continue }
            guard let day = CalendarDay(iso: text) else {
                throw HTTPError(.badRequest, message: "\(label) must be a date like 2025-03-18, not ‘\(text)’.")
            }
            if key == "from" { from = day } else { to = day }
        }
        switch query["overdue"] {
        case nil, "", "0", "false": overdueOnly = false
        case "1", "true", "on", "yes": overdueOnly = true
        case let other?: throw HTTPError(.badRequest, message: "overdue must be 1 or 0, not ‘\(other)’.")
        }
    }

    /// One page of the recommendations that pass the filter, newest meeting first, with whether each is overdue, and
    /// the rest of what the tracker shows (how many pass in all, their summary, the committees), in one read.
    func apply(to store: any QuorumStore, today: CalendarDay, limit: Int? = nil, offset: Int = 0) async throws -> (rows: [TrackerRow], papers: TrackerPapers) {
        var query = query(today: today)
        query.limit = limit
        query.offset = offset
        let papers = try await store.trackerPapers(query, today: today)
        return (papers.recommendations.map { TrackerRow($0, rules: papers.rules[$0.committee], today: today) }, papers)
    }

    /// The store's filter for these choices, every page of it.
    func query(today: CalendarDay) -> RecommendationFilter {
        var filter = RecommendationFilter(committee: committee?.id, stage: stage, overdueOn: overdueOnly ? today : nil)
        (filter.meetingFrom, filter.meetingTo) = (from, to)
        return filter
    }

    /// The outcome filter as a stage of the store's.
    var stage: RecommendationFilter.Stage? {
        switch outcome {
        case nil: nil
        case "awaiting": .awaiting
        case "notPursued": .notPursued
        case "notStated": .outcomeNotStated
        case let key?: .received(Recommendation.Outcome(rawValue: key))
        }
    }
}

struct TrackerRow: Sendable {
    let recommendation: Recommendation
    let isOverdue: Bool
    let dueOn: CalendarDay?
    let standing: Recommendation.Standing?
    /// What an officer should check about it.
    let checks: [String]

    /// The recommendation as it stands on `today`, by its council's rules.
    init(_ recommendation: Recommendation, rules: DeadlineRules, today: CalendarDay) {
        self.recommendation = recommendation
        isOverdue = recommendation.isOverdue(on: today, rules: rules)
        dueOn = recommendation.effectiveDueDate(rules: rules)
        standing = recommendation.standing(on: today, rules: rules)
        checks = recommendation.needsChecking(on: today, rules: rules, calendar: .englandAndWales)
    }
}

extension Recommendation {
    /// The key the tracker's outcome filter uses.
    var outcomeKey: String {
        switch response {
        case .awaiting: "awaiting"
        case .received(_, _, let outcome?): outcome.rawValue
        case .received(_, _, nil): "notStated"
        case .notPursued: "notPursued"
        }
    }
}

/// The page number in `?page=`, from 1. Anything else is a 400.
func pageNumber(_ query: [String: String]) throws -> Int {
    guard let text = query["page"], !text.isEmpty else { return 1 }
    guard let page = Int(text), page >= 1, page <= 100_000 else {
        throw HTTPError(.badRequest, message: "page must be a whole number from 1, not ‘\(text)’.")
    }
    return page
}

/// RFC 4180 CSV: every field quoted, quotes doubled, CRLF line ends.
public func csvText(_ rows: [[String]]) -> String {
    rows.map { row in row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
}
