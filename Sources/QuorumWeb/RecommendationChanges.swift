import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// What was sent with a change, a form's fields or an API request's JSON, read the same way, so that the website and
/// the API check every change by the same rules and say the same thing when one is wrong.
protocol SubmittedValues: Sendable {
    /// The value given for `name`, trimmed; empty when none was given.
    subscript(_ name: String) -> String { get }
    /// A date: the form's day, month and year boxes (`name-day`, …), or the API's `2025-03-27`.
    func date(_ name: String) -> Result<CalendarDay, DateEntry.Problem>
}

/// A change that was refused, with what was wrong beside the name of each field.
struct FieldErrors: Error, Sendable {
    var messages: [String: String] = [:]
    var isEmpty: Bool { messages.isEmpty }
    subscript(_ name: String) -> String? {
        get { messages[name] }
        set { messages[name] = newValue }
    }
}

/// A change to one recommendation, to be made by the store in one audited transaction. It checks again, on the record
/// as the transaction reads it, that it still applies (409 if not), so that two people acting at once cannot both.
typealias RecommendationChange = @Sendable (inout Recommendation) throws -> Void



/// The rules for each change to a recommendation, whoever asks and however.
enum RecommendationChanges {
    /// The outcomes a response can state.
    static let outcomes = [Recommendation.Outcome.accepted, .acceptedInPart, .rejected, .noted]

    /// The time to respond, by the names the API and the forms use.
    static let responseRules: [(String, ResponseRule, String)] = [
        ("twoMonths", .standard, "Two months"), ("twentyEightDays", .statutory28Days, "28 days (statutory health or crime and disorder scrutiny)"),
    ]

    static func responseRuleName(_ rule: ResponseRule) -> String { responseRules.first { $0.1 == rule }?.0 ?? "twoMonths" }

    /// Who is asked to act, by the names the API and the forms use; the name is asked for where the kind needs one.
    static let addressees: [(key: String, label: String, make: @Sendable (String) -> Recommendation.Addressee?)] = [
        ("cabinet", "The Cabinet", { _ in .cabinet }), ("cabinetMember", "A cabinet member (name the portfolio)", named(Recommendation.Addressee.cabinetMember)),
        ("council", "Full Council", { _ in .council }), ("partner", "A partner body (name it)", named(Recommendation.Addressee.partner)),
        ("officers", "Officers (name the post)", named(Recommendation.Addressee.officers)),
        ("committee", "The committee itself (its work programme)", { _ in .committee }),
    ]

    /// An addressee that needs a name: none without one.
    private static func named(_ make: @escaping @Sendable (String) -> Recommendation.Addressee) -> @Sendable (String) -> Recommendation.Addressee? {
        { $0.isEmpty ? nil : make($0) }
    }

    /// Whether a response can be recorded: not once it is not pursued, nor once the committee has closed it.
    static func takesResponse(_ r: Recommendation) -> Bool {
        if case .notPursued = r.response { return false }
        return r.implementation?.closedOn == nil
    }

    /// The executive's answer: its text (`text`), the day it came (`received`), and the outcome it states (`outcome`).
    /// Throws 409 when the recommendation no longer takes one.
    static func response(_ values: some SubmittedValues, to r: Recommendation, today: CalendarDay) throws -> Result<RecommendationChange, FieldErrors> {
        guard takesResponse(r) else { throw noLongerApplies }
        var errors = FieldErrors()
        let text = values["text"]
        if text.isEmpty { errors["text"] = "Enter the response" } else if text.count > 20_000 { errors["text"] = "The response must be 20,000 characters or fewer" }
        let outcome = outcomes.first { $0.rawValue == values["outcome"] }
        if outcome == nil { errors["outcome"] = "Select the outcome the response states" }
        var received: CalendarDay?
        switch values.date("received") {
        case .failure(let problem): errors["received"] = problem.message(for: "The date the response was received")
        case .success(let day) where day > today: errors["received"] = "The date the response was received must be today or in the past"
        case .success(let day) where r.sentOn.map({ day < $0 }) ?? false:
            errors["received"] = "The date the response was received must be on or after the date it was sent, \(r.sentOn!.councilStyle)"
        case .success(let day): received = day
        }
        guard errors.isEmpty, let received, let outcome else { return .failure(errors) }
        return .success { r in
            guard takesResponse(r) else { throw noLongerApplies }
            r.response = .received(on: received, text: text, outcome: outcome)
        }
    }

    /// The scrutiny officer's steps, each allowed only while it makes sense for the recommendation.
    enum Step: String, CaseIterable, Sendable {
        case sent, extend, notPursued, implementation, close
    }

    /// The steps that make sense for the recommendation as it stands.
    static func steps(for r: Recommendation) -> [Step] {
        var steps: [Step] = []
        if case .awaiting = r.response {
            steps.append(.sent)
            if r.sentOn != nil { steps.append(.extend) }
            steps.append(.notPursued)
        }
        if r.isAccepted, r.implementation?.closedOn == nil { steps += [.implementation, .close] }
        return steps
    }

    /// One step: sent (`sent`), extended (`due`, `reason`), not pursued (`reason`), implementation (`status`, and
    /// `review` if wanted) or closed. Throws when the step does not make sense for the recommendation now.
    static func progress(
        _ step: Step, _ values: some SubmittedValues, to r: Recommendation, rules: DeadlineRules, today: CalendarDay,
        calendar: WorkingCalendar = .englandAndWales
    ) throws -> Result<RecommendationChange, FieldErrors> {
        guard steps(for: r).contains(step) else { throw noLongerApplies }
        var errors = FieldErrors()
        func date(_ name: String, _ what: String, required: Bool = true) -> CalendarDay? {
            switch values.date(name) {
            case .success(let value): return value
            case .failure(.missing) where !required: return nil
            case .failure(let problem):
                errors[name] = problem.message(for: what)
                return nil
            }
        }
        let reason = values["reason"]
        if reason.count > 5_000 { errors["reason"] = "The reason must be 5,000 characters or fewer" }
        let change: RecommendationChange
        switch step {
        case .sent:
            let sent = date("sent", "The date it was sent")
            if let sent, sent > today { errors["sent"] = "The date it was sent must be today or in the past" }
            if let sent, sent < r.meetingDay { errors["sent"] = "The date it was sent must be on or after the meeting that made it, \(r.meetingDay.councilStyle)" }
            guard let sent, errors.isEmpty else { return .failure(errors) }
            change = { $0.send(on: sent, rules: rules) }
        case .extend:
            let due = date("due", "The new due date")
            if let due, let current = r.effectiveDueDate(rules: rules), due <= current {
                errors["due"] = "The new due date must be after the current one, \(current.councilStyle)"
            } else if let due, !calendar.isWorkingDay(due) {
                errors["due"] = "The new due date must be a working day; \(due.councilStyle) is \(calendar.isBankHoliday(due) ? "a bank holiday" : "at a weekend")"
            }
            if reason.isEmpty { errors["reason"] = "Enter why the due date is extended" }
            guard let due, errors.isEmpty else { return .failure(errors) }
            change = { $0.extensionGranted = .init(dueOn: due, reason: reason) }
        case .notPursued:
            if reason.isEmpty { errors["reason"] = "Enter why it is not pursued" }
            guard errors.isEmpty else { return .failure(errors) }
            change = { $0.response = .notPursued(on: today, reason: reason) }
        case .implementation:
            let status = Recommendation.Implementation.Status(rawValue: values["status"])
            if status == nil { errors["status"] = "Select how far the implementation has got" }
            let review = date("review", "The date to review it", required: false)
            if let review, review < today { errors["review"] = "The date to review it must be today or later" }
            guard let status, errors.isEmpty else { return .failure(errors) }
            change = { $0.implementation = .init(status: status, reviewOn: review) }
        case .close:
            change = { r in r.implementation = .init(status: r.implementation?.status ?? .implemented, reviewOn: nil, closedOn: today) }
        }
        return .success { r in
            guard steps(for: r).contains(step) else { throw noLongerApplies }
            try change(&r)
        }
    }

    static let noLongerApplies = HTTPError(.conflict, message: "That change cannot be made to this recommendation as it stands. Reload it to see what can.")

    /// A recommendation entered directly: `committee` (a slug), `meeting` (its date), `topic`, `number`, `text`,
    /// `addressee` (a kind, with `addressee_name` where it needs one) and `response_rule`.
    static func new(_ values: some SubmittedValues, store: any QuorumStore) async throws -> Result<Recommendation, FieldErrors> {
        var errors = FieldErrors()
        let committee = values["committee"].isEmpty ? nil : try await store.committee(slug: values["committee"])
        if committee == nil { errors["committee"] = "Select the committee that made it" }
        var meetingDay: CalendarDay?
        switch values.date("meeting") {
        case .success(let day): meetingDay = day
        case .failure(let problem): errors["meeting"] = problem.message(for: "The date of the meeting that made it")
        }
        let (topic, number, text, name) = (values["topic"], values["number"], values["text"], values["addressee_name"])
        if topic.isEmpty { errors["topic"] = "Enter the topic, as the tracker names it" } else if topic.count > 500 {
            errors["topic"] = "The topic must be 500 characters or fewer"
        }
        if number.isEmpty { errors["number"] = "Enter its number, as the tracker numbers it" } else if number.count > 10 {
            errors["number"] = "The number must be 10 characters or fewer"
        }
        if text.isEmpty { errors["text"] = "Enter the recommendation" } else if text.count > 20_000 {
            errors["text"] = "The recommendation must be 20,000 characters or fewer"
        }
        let kind = addressees.first { $0.key == values["addressee"] }
        let addressee = kind?.make(name)
        if addressee == nil {
            if kind != nil {
                errors["addressee_name"] = "Enter whom it is addressed to"
            } else {
                errors["addressee"] = "Select whom it is addressed to"
            }
        }
        let rule = responseRules.first { $0.0 == values["response_rule"] }?.1
        if rule == nil { errors["response_rule"] = "Select which rule gives the time to respond" }
        guard errors.isEmpty, let committee, let meetingDay, let addressee, let rule else { return .failure(errors) }
        return .success(
            Recommendation(number: number, of: committee.id, madeOn: meetingDay, topic: topic, text: text, addressee: addressee, responseRule: rule))
    }

    /// Why an exempt record may now be published, as a release needs it.
    static func releaseReason(_ values: some SubmittedValues) -> Result<String, FieldErrors> {
        let reason = values["reason"]
        if reason.isEmpty { return .failure(FieldErrors(messages: ["reason": "Enter why it may now be published"])) }
        if reason.count > 5_000 { return .failure(FieldErrors(messages: ["reason": "The reason must be 5,000 characters or fewer"])) }
        return .success(reason)
    }
}

extension FormSubmission: SubmittedValues {
    func date(_ name: String) -> Result<CalendarDay, DateEntry.Problem> {
        DateEntry.day(day: self["\(name)-day"], month: self["\(name)-month"], year: self["\(name)-year"])
    }
}
