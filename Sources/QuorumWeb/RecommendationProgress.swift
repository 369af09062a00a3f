import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// The scrutiny officer's part of the loop, on one page of small forms: record a recommendation as sent (its due
/// date worked out from the council's calendar), extend its due date with a reason, mark it not pursued, and for an
/// accepted one track its implementation until the committee closes it.
struct RecommendationProgress {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/recommendations/:committee/:date/:key/progress", show: show, submit: submit)
    }

    typealias Step = RecommendationChanges.Step

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        let (_, recommendation) = try await findRecommendation(in: store, context)
        guard session.user.mayTrackRecommendations else { throw Self.notAllowed }
        let rules = try await store.deadlineRules()[recommendation.committee]
        return try render(recommendation, rules: rules, session: session, submitted: nil, values: [:], errors: [:])
    }

    func submit(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let (_, recommendation) = try await findRecommendation(in: store, context)
        guard session.user.mayTrackRecommendations else { throw Self.notAllowed }
        guard let step = Step(rawValue: form["step"]) else {
            throw HTTPError(.badRequest, message: "That change cannot be made to this recommendation now. Go back and reload the page.")
        }
        let rules = try await store.deadlineRules()[recommendation.committee]
        let change: RecommendationChange
        switch try RecommendationChanges.progress(step, form, to: recommendation, rules: rules, today: todayInLondon(today).day) {
        case .failure(let errors):
            var page = try render(recommendation, rules: rules, session: session, submitted: step, values: form.fields, errors: errors.messages)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        case .success(let made): change = made
        }
        do {
            try await store.updateRecommendation(
                recommendation.id, by: session.user.id.rawValue, at: today(), EditVersion.guarded(change, expected: form[EditVersion.field]))
        } catch is EditVersion.Conflict {
            guard let current = try await store.recommendation(recommendation.id) else { throw HTTPError(.notFound) }
            var page = try render(current, rules: rules, session: session, submitted: step, values: form.fields, errors: [:], notice: EditVersion.notice("recommendation"))
            page.status = .conflict
            return try page.response(from: request, context: context)
        }
        return redirect(to: Paths.recommendation(recommendation.id))
    }

    private func render(
        _ r: Recommendation, rules: DeadlineRules, session: UserSession, submitted: Step?, values: [String: String], errors: [String: String],
        notice: String? = nil
    ) throws -> HTML {
        let action = Paths.recommendation(r.id) + "/progress"
        func value(_ step: Step, _ name: String, _ fallback: String = "") -> String { submitted == step ? values[name] ?? fallback : fallback }
        func typedDate(_ step: Step, _ name: String, _ fallback: CalendarDay? = nil) -> String {
            guard submitted == step else { return fallback?.iso ?? "" }
            return DateEntry.typed(name, in: values)
        }
        func errorsFor(_ step: Step, _ name: String) -> String? { submitted == step ? errors[name] : nil }
        func form(_ step: Step, _ fields: [FormField], submit: String) -> FormView {
            .post(
                action, csrfToken: session.csrfToken,
                fields: [FormField(.hidden, name: "step", label: "", value: step.rawValue), EditVersion.field(for: r)]
                    + fields, submit: submit)
        }
        let due = r.effectiveDueDate(rules: rules)
        var sections: [ProgressPage.Section] = []
        for step in RecommendationChanges.steps(for: r) {
            switch step {
            case .sent:
                sections.append(.init(
                    heading: r.sentOn == nil ? "Record it as sent" : "Correct the date it was sent",
                    intro: "The response is then due \(rules.responseMonths) months later (\(rules.statutoryResponseDays) days for statutory health or crime and disorder scrutiny), by the council's calendar.",
                    form: form(step, [
                        FormField(.date, name: "sent", label: "When was it sent to \(r.addressee.label)?", hint: "For example, 28 1 2025",
                            error: errorsFor(step, "sent"), value: typedDate(step, "sent", r.sentOn))
                    ], submit: "Record as sent")))
            case .extend:
                sections.append(.init(
                    heading: "Extend the due date", intro: "It is now due \(due?.councilStyle ?? "on no date set").",
                    form: form(step, [
                        FormField(.date, name: "due", label: "New due date", error: errorsFor(step, "due"), value: typedDate(step, "due")),
                        FormField(.textArea(rows: 3), name: "reason", label: "Why is it extended?", error: errorsFor(step, "reason"), value: value(step, "reason")),
                    ], submit: "Extend the due date")))
            case .notPursued:
                sections.append(.init(
                    heading: "Do not pursue it", intro: "It leaves the list of those awaiting a response, with the reason shown on the tracker.",
                    form: form(step, [
                        FormField(.textArea(rows: 3), name: "reason", label: "Why is it not pursued?", error: errorsFor(step, "reason"), value: value(step, "reason"))
                    ], submit: "Mark as not pursued")))
            case .implementation:
                sections.append(.init(
                    heading: "Implementation", intro: "How far the executive has got with what it accepted.",
                    form: form(step, [
                        FormField(.radios, name: "status", label: "Status", error: errorsFor(step, "status"),
                            value: value(step, "status", r.implementation?.status.rawValue ?? ""),
                            options: Recommendation.Implementation.Status.allCases.map { ($0.rawValue, $0.label) }),
                        FormField(.date, name: "review", label: "When should the committee review it? (optional)", error: errorsFor(step, "review"),
                            value: typedDate(step, "review", r.implementation?.reviewOn)),
                    ], submit: "Save the implementation")))
            case .close:
                sections.append(.init(
                    heading: "Close it", intro: "When the committee is content that nothing more is needed.",
                    form: form(step, [], submit: "Close the recommendation")))
            }
        }
        let page = ProgressPage(
            title: "Progress of recommendation \(r.number)", text: r.text, sections: sections,
            back: Link(text: "Back to the recommendation", href: Paths.recommendation(r.id)), notice: notice)
        return HTML(page)
    }

    private static let notAllowed = HTTPError(.forbidden, message: "Only a scrutiny officer or an administrator can record a recommendation's progress.")
}

struct ProgressPage: Sendable {
    let title: String
    let text: String
    let sections: [Section]
    let back: Link
    /// Said first, as an alert: the record changed while the form was open.
    var notice: String? = nil

    struct Section: Sendable {
        let heading: String
        let intro: String
        let form: FormView
        /// What the section already holds, each to open (the papers uploaded for an item).
        var links: [Link] = []
        var hasLinks: Bool { !links.isEmpty }
    }
}
