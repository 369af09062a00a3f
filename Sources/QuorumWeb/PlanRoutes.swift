import Foundation
import Hummingbird
import NIOCore
import QuorumDomain
import QuorumIngest
import QuorumStorage

/// Improvement plans: public pages, their figures as CSV and JSON, and the officers' page for recording figures, audit
/// grades and the progress of actions.
struct PlanRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/plans", use: list)
        router.page("/plans/:plan", use: page)
        router.page("/plans/:plan/indicators.csv", use: csv)
        router.form("/plans/:plan/figures", show: showFigures, submit: submitFigures)
        router.page("/api/v1/plans", use: apiList)
        router.page("/api/v1/plans/**", use: apiPlan)
    }

    /// The most a CSV of figures may be.
    static let uploadLimit = 5 << 20

    static func path(_ plan: ImprovementPlan) -> String { "/plans/" + plan.slug }

    private func find(_ context: QuorumRequestContext) async throws -> ImprovementPlan {
        guard let plan = try await store.plan(slug: try context.parameters.require("plan")), let visible = try await Self.visible(plan, in: store) else {
            throw HTTPError(.notFound)
        }
        return visible
    }

    /// The plan as the public may see it: without a version presented by an item that is now exempt (or whose papers are
    /// not public), and not at all when no version is left.
    static func visible(_ plan: ImprovementPlan, in store: any QuorumStore) async throws -> ImprovementPlan? {
        var shown = plan
        var kept: [PlanVersion] = []
        for version in plan.versions {
            guard let id = version.meeting, let number = version.itemNumber else {
                kept.append(version)
                continue
            }
            guard let meeting = try await store.meeting(id) else { continue }
            let agenda = Visibility.public.agenda(try await store.agendaItems(of: id), reports: try await store.reportCovers(of: id), of: meeting)
            if let entry = agenda.first(where: { $0.item.number == number }), Visibility.public.mayRead(entry.item.access) { kept.append(version) }
        }
        guard !kept.isEmpty else { return nil }
        shown.versions = kept
        return shown
    }

    /// Every plan the public may see.
    static func visiblePlans(_ store: any QuorumStore) async throws -> [ImprovementPlan] {
        var plans: [ImprovementPlan] = []
        for plan in try await store.plans() { if let visible = try await visible(plan, in: store) { plans.append(visible) } }
        return plans
    }

    // MARK: Public

    func list(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let rows = try await Self.visiblePlans(store).map { plan in
            PlansPage.Row(
                link: Link(text: plan.title, href: Self.path(plan)), owner: plan.owner.isEmpty ? nil : plan.owner,
                latest: plan.latest.map { "Latest: \($0.label)" + ($0.period.isEmpty ? "." : ", \($0.period).") } ?? "")
        }
        return HTML(PlansPage(title: "Improvement plans", plans: rows, hasPlans: !rows.isEmpty))
    }

    func page(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let plan = try await find(context)
        let day = todayInLondon(today).day
        var version = plan.latest
        if let asked = queryDictionary(request)["version"], !asked.isEmpty {
            guard let number = Int(asked), let found = plan.version(number) else { throw HTTPError(.badRequest, message: "version must be one of the plan's versions, not ‘\(asked)’.") }
            version = found
        }
        var meetings: [Link] = []
        for held in plan.versions {
            guard let id = held.meeting, let meeting = try await store.meeting(id), let committee = try await store.committee(meeting.committee) else { continue }
            let item = held.itemNumber.map { ", item \($0)" } ?? ""
            let href = held.itemNumber.map { Paths.agendaItem(Paths.agendaItemID(id, number: $0)) } ?? Paths.meeting(id)
            meetings.append(Link(text: "\(committee.name), \(meeting.start.day.councilStyle)\(item) (\(held.label))", href: href))
        }
        let priorities = (version?.priorities ?? []).map { priority in
            PlanPage.PriorityView(
                heading: priority.heading, text: priority.text,
                actions: priority.actions.map { action in
                    let status = action.status(on: day)
                    return PlanPage.ActionRow(
                        number: action.number, text: action.text, lead: action.lead, timescale: action.timescale.text, status: status.label,
                        statusClass: Self.statusClass(status),
                        progress: action.progress.map { "\($0.day.councilStyle): \($0.text)" + ($0.isComplete ? " (complete)" : "") })
                }, hasActions: !priority.actions.isEmpty, measures: priority.measures, hasMeasures: !priority.measures.isEmpty)
        }
        let indicators = plan.indicators.map { IndicatorView($0, anchor: "indicator-" + Self.key($0.id)) }
        func share(_ value: Double?) -> String { value.map(IndicatorChart.format(percent:)) ?? "Not published" }
        let page = PlanPage(
            title: plan.title, owner: plan.owner.isEmpty ? nil : plan.owner,
            version: version.map { $0.label + ($0.period.isEmpty ? "" : ", \($0.period)") } ?? "No version is recorded.",
            versions: plan.versions.map { Link(text: $0.label + ($0.period.isEmpty ? "" : ", \($0.period)"), href: Self.path(plan) + "?version=\($0.number)") },
            hasVersions: plan.versions.count > 1, meetings: meetings, hasMeetings: !meetings.isEmpty, priorities: priorities, indicators: indicators,
            hasIndicators: !indicators.isEmpty, auditChart: plan.audits.isEmpty ? nil : TrustedHTML(IndicatorChart.audits(plan.audits, id: "audits")),
            audits: plan.audits.map {
                .init(
                    month: IndicatorChart.monthName($0.month), outstanding: share($0.outstanding), good: share($0.good),
                    requiresImprovement: share($0.requiresImprovement), inadequate: share($0.inadequate))
            }, hasAudits: !plan.audits.isEmpty, csv: Link(text: "The plan's figures as CSV", href: Self.path(plan) + "/indicators.csv"),
            editHref: context.session?.user.mayRecordPlanFigures == true ? Self.path(plan) + "/figures" : nil, asOf: day.councilStyle)
        return HTML(page)
    }

    static func statusClass(_ status: ActionStatus) -> String {
        switch status {
        case .complete: "green"
        case .overdue: "red"
        default: "grey"
        }
    }

    /// The part of an indicator's identifier its anchor and forms name it by.
    static func key(_ id: Indicator.ID) -> String { String(id.rawValue.split(separator: "/").last ?? "") }

    static let csvHeader = ["Indicator", "Unit", "Higher is better", "Target", "Period", "Period ends", "Value", "Numerator", "Denominator", "Source"]

    func csv(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let plan = try await find(context)
        var lines = [Self.csvHeader]
        for indicator in plan.indicators {
            for o in indicator.observations {
                lines.append([
                    indicator.name, indicator.unit.rawValue, indicator.higherIsBetter ? "yes" : "no", indicator.target.map { format2String($0) } ?? "", o.period, o.ends.iso,
                    format2String(o.value), o.numerator.map(String.init) ?? "", o.denominator.map(String.init) ?? "", o.source,
                ])
            }
        }
        return Body(
            bytes: csvText(lines), contentType: "text/csv; charset=utf-8", headers: [.contentDisposition: "attachment; filename=\"\(plan.slug)-indicators.csv\""])
    }

    // MARK: API

    func apiList(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let paging = try Paging(queryDictionary(request))
        let all = try await Self.visiblePlans(store)
        let day = todayInLondon(today).day
        return Body(
            bytes: apiJSON(ListResponse(results: paging.slice(all).map { ApiPlan($0, today: day, whole: false) }, pagination: paging.pagination(total: all.count))),
            contentType: "application/json; charset=utf-8")
    }

    func apiPlan(_ request: Request, context: QuorumRequestContext) async throws -> Body {
        let id = context.parameters.getCatchAll().joined(separator: "/")
        guard let plan = try await Self.visiblePlans(store).first(where: { $0.id.rawValue == id }) else { throw HTTPError(.notFound, message: "There is no such plan.") }
        return Body(bytes: apiJSON(ApiPlan(plan, today: todayInLondon(today).day, whole: true)), contentType: "application/json; charset=utf-8")
    }

    // MARK: Recording figures

    private func open(_ request: Request, _ context: QuorumRequestContext) async throws -> (UserSession, ImprovementPlan) {
        let session = try context.requireUser(for: request)
        let plan = try await find(context)
        guard session.user.mayRecordPlanFigures else {
            throw HTTPError(.forbidden, message: "Only democratic services and scrutiny officers can record a plan's figures and progress.")
        }
        return (session, plan)
    }

    func showFigures(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let (session, plan) = try await open(request, context)
        return try renderFigures(plan, session: session, step: nil, values: [:], errors: [:])
    }

    func submitFigures(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request, limit: Self.uploadLimit)
        try form.checkToken(session.csrfToken)
        let (_, plan) = try await open(request, context)
        let step = form["step"]
        let change: @Sendable (inout ImprovementPlan) throws -> Void
        switch PlanChanges.change(step, form, on: plan, by: session.user.name, today: todayInLondon(today).day) {
        case .failure(let errors):
            var page = try renderFigures(plan, session: session, step: step, values: form.fields, errors: errors.messages)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        case .success(let made): change = made
        }
        do {
            try await store.updatePlan(plan.id, by: session.user.id.rawValue, at: today(), EditVersion.guarded(change, expected: form[EditVersion.field]))
        } catch let refusal as ChangeRefusal {
            var page = try renderFigures(try await find(context), session: session, step: step, values: form.fields, errors: [refusal.field: refusal.message])
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        } catch is EditVersion.Conflict {
            var page = try renderFigures(
                try await find(context), session: session, step: step, values: form.fields, errors: [:], notice: EditVersion.notice("plan"))
            page.status = .conflict
            return try page.response(from: request, context: context)
        }
        return redirect(to: Self.path(plan) + "/figures#" + step)
    }

    private func renderFigures(_ plan: ImprovementPlan, session: UserSession, step: String?, values: [String: String], errors: [String: String], notice: String? = nil) throws
        -> HTML
    {
        let action = Self.path(plan) + "/figures"
        let version = EditVersion.field(for: plan)
        func typed(_ forStep: String, _ name: String, _ held: String = "") -> (value: String, error: String?) {
            step == forStep ? (values[name] ?? "", errors[name]) : (held, nil)
        }
        func post(_ step: String, _ fields: [FormField], submit: String) -> FormView {
            .post(action + "#" + step, csrfToken: session.csrfToken, fields: [FormField(.hidden, name: "step", label: "", value: step), version] + fields, submit: submit)
        }
        let indicatorOptions = [("", "Choose an indicator")] + plan.indicators.map { (Self.key($0.id), $0.name) }
        let figure = post(
            "figure",
            [
                FormField(.select, name: "indicator", label: "Indicator", error: typed("figure", "indicator").error, value: typed("figure", "indicator").value, options: indicatorOptions),
                FormField(.text(type: "text", width: 12), name: "period", label: "Period", hint: "As the council reports it: 2024/25, or March 2025.",
                    error: typed("figure", "period").error, value: typed("figure", "period").value),
                FormField(.text(type: "text", width: 8), name: "value", label: "Figure", hint: "A number: 89, or 96.5 for a percentage.", error: typed("figure", "value").error,
                    value: typed("figure", "value").value, inputmode: "decimal"),
                FormField(.text(type: "text", width: 8), name: "numerator", label: "Numerator (optional)", hint: "For 74 of 144, 74.", error: typed("figure", "numerator").error,
                    value: typed("figure", "numerator").value, inputmode: "numeric"),
                FormField(.text(type: "text", width: 8), name: "denominator", label: "Denominator (optional)", error: typed("figure", "denominator").error,
                    value: typed("figure", "denominator").value, inputmode: "numeric"),
            ], submit: "Record the figure")
        let upload = post(
            "upload",
            [
                FormField(.file(accept: ".csv,text/csv"), name: "file", label: "CSV file of a period's figures",
                    hint: "A header row with Indicator, Period and Value (and Numerator, Denominator if you have them), then a figure on each line: the same columns as the plan's CSV. A line that cannot be read records nothing, and says which.",
                    error: typed("upload", "file").error)
            ], submit: "Upload the figures")
        let unit = typed("indicator", "unit", Indicator.Unit.percent.rawValue)
        let direction = typed("indicator", "higher_is_better", "yes")
        let newIndicator = post(
            "indicator",
            [
                FormField(.select, name: "existing", label: "Indicator", hint: "Choose one to change it, or none to add one.", error: typed("indicator", "existing").error,
                    value: typed("indicator", "existing").value, options: [("", "A new indicator")] + plan.indicators.map { (Self.key($0.id), $0.name) }),
                FormField(.text(type: "text", width: 60), name: "name", label: "Name", error: typed("indicator", "name").error, value: typed("indicator", "name").value),
                FormField(.select, name: "unit", label: "Unit", error: unit.error, value: unit.value, options: Indicator.Unit.allCases.map { ($0.rawValue, $0.label) }),
                FormField(.radios, name: "higher_is_better", label: "Which direction is good", error: direction.error, value: direction.value,
                    options: [("yes", "Higher is better"), ("no", "Lower is better")]),
                FormField(.text(type: "text", width: 8), name: "target", label: "Target (optional)", error: typed("indicator", "target").error,
                    value: typed("indicator", "target").value, inputmode: "decimal"),
                FormField(.text(type: "text", width: 20), name: "frequency", label: "How often it is reported (optional)", hint: "Monthly, quarterly, yearly.",
                    error: typed("indicator", "frequency").error, value: typed("indicator", "frequency").value),
            ], submit: "Save the indicator")
        let actions = (plan.latest?.priorities ?? []).flatMap(\.actions)
        let progress = post(
            "progress",
            [
                FormField(.select, name: "action", label: "Action", error: typed("progress", "action").error, value: typed("progress", "action").value,
                    options: [("", "Choose an action")] + actions.map { ($0.number, "\($0.number) \($0.text.prefix(90))") }),
                FormField(.date, name: "progress_day", label: "As at", error: typed("progress", "progress_day").error,
                    value: step == "progress" ? DateEntry.typed("progress_day", in: values) : ""),
                FormField(.textArea(rows: 3), name: "note", label: "Progress", error: typed("progress", "note").error, value: typed("progress", "note").value),
                FormField(.checkbox, name: "complete", label: "The action is complete", value: typed("progress", "complete").value),
            ], submit: "Record the progress")
        let audit = post(
            "audit",
            [
                FormField(.text(type: "text", width: 16), name: "month", label: "Month", hint: "For example, September 2024.", error: typed("audit", "month").error,
                    value: typed("audit", "month").value),
                FormField(.text(type: "text", width: 6), name: "outstanding", label: "Outstanding (%)", error: typed("audit", "outstanding").error,
                    value: typed("audit", "outstanding").value, inputmode: "decimal"),
                FormField(.text(type: "text", width: 6), name: "good", label: "Good (%)", error: typed("audit", "good").error, value: typed("audit", "good").value, inputmode: "decimal"),
                FormField(.text(type: "text", width: 6), name: "requires_improvement", label: "Requires improvement (%)", error: typed("audit", "requires_improvement").error,
                    value: typed("audit", "requires_improvement").value, inputmode: "decimal"),
                FormField(.text(type: "text", width: 6), name: "inadequate", label: "Inadequate (%)", error: typed("audit", "inadequate").error,
                    value: typed("audit", "inadequate").value, inputmode: "decimal"),
            ], submit: "Record the grades")
        let page = WorkPage(
            title: "Figures and progress: \(plan.title)", intro: ["Each change is audited, and public at once on the plan's page, its CSV and the API."],
            links: [Link(text: "The plan as the public sees it", href: Self.path(plan)), Link(text: "The plan's figures as CSV", href: Self.path(plan) + "/indicators.csv")],
            sections: [
                .init(id: "figure", heading: "Record a figure", intro: ["A figure for a period already held replaces it."], forms: [.init(heading: nil, form: figure)]),
                .init(id: "upload", heading: "Upload a period's figures", forms: [.init(heading: nil, form: upload)]),
                .init(id: "progress", heading: "Record an action's progress", intro: ["An action's status is worked out from its timescale and what is recorded here."],
                    forms: [.init(heading: nil, form: progress)]),
                .init(id: "audit", heading: "Record a month's audit grades", forms: [.init(heading: nil, form: audit)]),
                .init(id: "indicator", heading: "Add or change an indicator", forms: [.init(heading: nil, form: newIndicator)]),
            ], back: Link(text: "Back to the plan", href: Self.path(plan)), notice: notice)
        return HTML(page)
    }
}

/// "96.51", "92.5", "89": a figure as a CSV carries it.
func format2String(_ value: Double) -> String {
    Indicator.Unit.count.format(value)
}
