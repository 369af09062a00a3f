import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// A recommendation entered by a scrutiny officer: directly, or from a resolution in the minutes, whose link fills in
/// the committee, the meeting, the topic, the number and the text.
struct NewRecommendation {
    let store: any QuorumStore
    let templates: Templates
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/recommendations/new", show: show, submit: submit)
    }

    /// Who is asked to act, as the form offers it; the name is asked for where the kind needs one.
    static let addressees: [(String, String)] = [
        ("cabinet", "The Cabinet"), ("cabinetMember", "A cabinet member (name the portfolio)"), ("council", "Full Council"),
        ("partner", "A partner body (name it)"), ("officers", "Officers (name the post)"), ("committee", "The committee itself (its work programme)"),
    ]

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        guard session.user.mayTrackRecommendations else { throw Self.notAllowed }
        var values: [String: String] = [:]
        for name in ["committee", "meeting", "topic", "number", "text"] {
            if let value = request.uri.queryParameters[Substring(name)] { values[name] = String(value.prefix(5000)) }
        }
        values["rule"] = "standard"
        return try await render(session: session, values: values, errors: [:])
    }

    func submit(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        guard session.user.mayTrackRecommendations else { throw Self.notAllowed }
        var errors: [String: String] = [:]
        let committee = try await store.committee(slug: form["committee"])
        if committee == nil { errors["committee"] = "Select the committee that made it" }
        var meetingDay: CalendarDay?
        switch DateEntry.day(day: form["meeting-day"], month: form["meeting-month"], year: form["meeting-year"]) {
        case .success(let day): meetingDay = day
        case .failure(let problem): errors["meeting"] = problem.message(for: "The date of the meeting that made it")
        }
        let topic = form["topic"]
        let number = form["number"]
        let text = form["text"]
        let name = form["addresseeName"]
        if topic.isEmpty { errors["topic"] = "Enter the topic, as the tracker names it" }
        if number.isEmpty { errors["number"] = "Enter its number, as the tracker numbers it" } else if number.count > 10 {
            errors["number"] = "The number must be 10 characters or fewer"
        }
        if text.isEmpty { errors["text"] = "Enter the recommendation" }
        let addressee: Recommendation.Addressee? =
            switch form["addressee"] {
            case "cabinet": .cabinet
            case "council": .council
            case "committee": .committee
            case "cabinetMember": name.isEmpty ? nil : .cabinetMember(name)
            case "partner": name.isEmpty ? nil : .partner(name)
            case "officers": name.isEmpty ? nil : .officers(name)
            default: nil
            }
        if addressee == nil {
            if ["cabinetMember", "partner", "officers"].contains(form["addressee"]) {
                errors["addresseeName"] = "Enter whom it is addressed to"
            } else {
                errors["addressee"] = "Select whom it is addressed to"
            }
        }
        let rule = ResponseRule(rawValue: form["rule"])
        if rule == nil { errors["rule"] = "Select which rule gives the time to respond" }
        if errors.isEmpty, let committee, let meetingDay, let addressee, let rule {
            let recommendation = Recommendation(
                number: number, of: committee.id, madeOn: meetingDay, topic: topic, text: text, addressee: addressee, responseRule: rule)
            do {
                try await store.addRecommendation(recommendation, by: session.user.id.rawValue, at: today())
                return redirect(to: Paths.recommendation(recommendation.id))
            } catch StoreError.invalid(let message) {
                errors["number"] = message
            }
        }
        var values = form.fields
        values["meeting"] = [form["meeting-day"], form["meeting-month"], form["meeting-year"]].joined(separator: "/")
        var page = try await render(session: session, values: values, errors: errors)
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
                        options: Self.addressees),
                    FormField(.text(type: "text", width: 40), name: "addresseeName", label: "Name of the cabinet member, partner body or post",
                        hint: "Only for a cabinet member, a partner body or officers.", error: errors["addresseeName"], value: values["addresseeName"] ?? ""),
                    FormField(.radios, name: "rule", label: "Time to respond", error: errors["rule"], value: values["rule"] ?? "",
                        options: [("standard", "Two months"), ("statutory28Days", "28 days (statutory health or crime and disorder scrutiny)")]),
                ], submit: "Add the recommendation"))
        return try templates.render(page, with: "formpage")
    }

    private static let notAllowed = HTTPError(.forbidden, message: "Only a scrutiny officer or an administrator can add recommendations.")
}
