import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// A recommendation entered by a scrutiny officer: directly, or from a resolution in the minutes, whose link fills in
/// the committee, the meeting, the topic, the number and the text.
struct NewRecommendation {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/recommendations/new", show: show, submit: submit)
    }

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        guard session.user.mayTrackRecommendations else { throw Self.notAllowed }
        var values: [String: String] = [:]
        let query = queryDictionary(request)
        for name in ["committee", "meeting", "topic", "number", "text"] {
            if let value = query[name] { values[name] = String(value.prefix(5000)) }
        }
        values["response_rule"] = "twoMonths"
        return try await render(session: session, values: values, errors: [:])
    }

    func submit(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        guard session.user.mayTrackRecommendations else { throw Self.notAllowed }
        var errors: FieldErrors
        switch try await RecommendationChanges.new(form, store: store) {
        case .failure(let refused): errors = refused
        case .success(let recommendation):
            do {
                try await store.addRecommendation(recommendation, by: session.user.id.rawValue, at: today())
                return redirect(to: Paths.recommendation(recommendation.id))
            } catch StoreError.invalid(let message) {
                errors = FieldErrors(messages: ["number": message])
            }
        }
        var values = form.fields
        values["meeting"] = DateEntry.typed("meeting", in: form.fields)
        var page = try await render(session: session, values: values, errors: errors.messages)
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func render(session: UserSession, values: [String: String], errors: [String: String]) async throws -> HTML {
        let committees = try await store.committees().map { ($0.slug, $0.name) }
        let page = FormPage(
            title: "Add a recommendation",
            intro: ["It joins the tracker as awaiting a response. Record it as sent from its page, and the due date is worked out."],
            form: .post(
                "/recommendations/new", csrfToken: session.csrfToken,
                fields: [
                    FormField(.select, name: "committee", label: "Committee", error: errors["committee"], value: values["committee"] ?? "",
                        options: [("", "Choose a committee")] + committees),
                    FormField(.date, name: "meeting", label: "The meeting that made it", hint: "For example, 21 1 2025", error: errors["meeting"],
                        value: values["meeting"] ?? ""),
                    FormField(.text(type: "text", width: 40), name: "topic", label: "Topic", hint: "The report or item it came from, as the tracker names it.",
                        error: errors["topic"], value: values["topic"] ?? ""),
                    FormField(.text(type: "text", width: 5), name: "number", label: "Rec. No.", error: errors["number"], value: values["number"] ?? ""),
                    FormField(.textArea(rows: 5), name: "text", label: "Recommendation", error: errors["text"], value: values["text"] ?? ""),
                    FormField(.radios, name: "addressee", label: "Addressed to", error: errors["addressee"], value: values["addressee"] ?? "",
                        options: RecommendationChanges.addressees.map { ($0.key, $0.label) }),
                    FormField(.text(type: "text", width: 40), name: "addressee_name", label: "Name of the cabinet member, partner body or post",
                        hint: "Only for a cabinet member, a partner body or officers.", error: errors["addressee_name"], value: values["addressee_name"] ?? ""),
                    FormField(.radios, name: "response_rule", label: "Time to respond", error: errors["response_rule"], value: values["response_rule"] ?? "",
                        options: RecommendationChanges.responseRules.map { ($0.0, $0.2) }),
                ], submit: "Add the recommendation"))
        return HTML(page)
    }

    private static let notAllowed = HTTPError(.forbidden, message: "Only a scrutiny officer or an administrator can add recommendations.")
}
