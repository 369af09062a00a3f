import Foundation
import QuorumDomain

/// A change to a committee's work programme, made by the store in one audited transaction.
typealias WorkProgrammeChange = @Sendable (inout WorkProgramme) throws -> Void

/// The rules for changing a work programme, whoever asks and however: read from submitted values, tried on the
/// programme as it stands so that what is wrong comes back beside its field, and made again inside the store's
/// transaction.
enum WorkProgrammeChanges {
    enum Step: String, Sendable, CaseIterable {
        case addSession = "add_session"
        case editSession = "edit_session"
        case removeSession = "remove_session"
        case addTopic = "add_topic"
        case editTopic = "edit_topic"
        /// Schedule to a session, make potential, defer with a reason, or record as delivered.
        case moveTopic = "move_topic"
        case removeTopic = "remove_topic"
    }

    /// The kinds of session, by the names the forms use.
    static let sessionKinds: [(String, String)] = WorkProgrammeSession.Kind.allCases.map { ($0.rawValue, $0.label) }

    /// Where a topic can be put, by the names the forms use.
    static let topicStates: [(String, String)] = [
        ("scheduled", "Scheduled for the session chosen"), ("potential", "Potential: to be scheduled and prioritised, or removed"),
        ("deferred", "Deferred, with the reason"), ("delivered", "Delivered at the session it was scheduled for"),
    ]

    /// The part of a session's or topic's identifier its address names it by.
    static func key(_ id: String) -> String { String(id.split(separator: "/").last ?? "") }

    static func sessionID(_ committee: Committee.ID, _ key: String) -> WorkProgrammeSession.ID { .init(under: committee, "work-programme/" + key) }
    static func topicID(_ committee: Committee.ID, _ key: String) -> WorkProgrammeItem.ID { .init(under: committee, "work-programme/items/" + key) }

    /// The change `step` asks for, or what is wrong with what was sent. `forwardPlan` is the council's, for a topic
    /// that names a decision.
    static func change(
        _ step: Step, _ values: some SubmittedValues, on programme: WorkProgramme, forwardPlan: [ForwardPlanEntry]
    ) -> Result<WorkProgrammeChange, FieldErrors> {
        var errors = FieldErrors()
        let committee = programme.committee
        let change: WorkProgrammeChange
        switch step {
        case .addSession, .editSession:
            var day: CalendarDay?
            var kind: WorkProgrammeSession.Kind?
            var existing: WorkProgrammeSession.ID?
            if step == .addSession {
                switch values.date("session_day") {
                case .success(let value): day = value
                case .failure(let problem): errors["session_day"] = problem.message(for: "The date of the session")
                }
                kind = WorkProgrammeSession.Kind(rawValue: values["session_kind"])
                if kind == nil { errors["session_kind"] = "Select whether it is a committee meeting, a briefing or a working group" }
            } else {
                existing = sessionID(committee, values["session"])
                if programme.session(existing!) == nil { return .failure(FieldErrors(messages: ["session": "That session is not in the programme"])) }
            }
            var deadline: CalendarDay?
            switch values.date("report_deadline") {
            case .success(let value): deadline = value
            case .failure(.missing): deadline = nil
            case .failure(let problem): errors["report_deadline"] = problem.message(for: "The report deadline")
            }
            let planningText = values["planning"]
            var planning = WorkProgrammeSession.Planning.none
            if ["tbc", "to be confirmed"].contains(planningText.lowercased()) {
                planning = .toBeConfirmed
            } else if !planningText.isEmpty {
                if let planned = typedDay(planningText) { planning = .on(planned) } else { errors["planning"] = "Enter the planning session as a date, such as 6 March 2026, or TBC" }
            }
            guard errors.isEmpty else { return .failure(errors) }
            let (due, planned) = (deadline, planning)
            if let existing {
                change = { try $0.editSession(existing, reportDeadline: due, planning: planned) }
            } else if let day, let kind {
                change = { try $0.addSession(on: day, kind: kind, reportDeadline: due, planning: planned) }
            } else {
                return .failure(errors)
            }
        case .removeSession:
            let id = sessionID(committee, values["session"])
            change = { try $0.removeSession(id) }
        case .addTopic, .editTopic:
            var topic = WorkProgramme.Topic(title: values["title"])
            if !values["scrutiny_type"].isEmpty {
                topic.scrutinyType = WorkProgrammeItem.ScrutinyType(rawValue: values["scrutiny_type"])
                if topic.scrutinyType == nil { errors["scrutiny_type"] = "Select the kind of scrutiny" }
            }
            topic.objectives = values["objectives"]
            topic.evidenceRequired = values["evidence_required"]
            topic.reportWriter = values["report_writer"]
            topic.otherAttendees = values["attendees"].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            topic.origin = values["origin"]
            topic.leadOfficer = values["lead_officer"]
            if !values["forward_plan"].isEmpty {
                guard let entry = forwardPlan.first(where: { key($0.id.rawValue) == values["forward_plan"] }) else {
                    return .failure(FieldErrors(messages: ["forward_plan": "Select a decision on the forward plan"]))
                }
                topic.forwardPlanEntry = entry.id
            }
            guard errors.isEmpty else { return .failure(errors) }
            let written = topic
            if step == .addTopic {
                var session: WorkProgrammeSession.ID?
                if !values["session"].isEmpty {
                    session = sessionID(committee, values["session"])
                    if programme.session(session!) == nil { return .failure(FieldErrors(messages: ["session": "Select a session in the programme, or none"])) }
                }
                let chosen = session
                change = { try $0.addTopic(written, to: chosen) }
            } else {
                let id = topicID(committee, values["topic"])
                change = { try $0.editTopic(id, written) }
            }
        case .moveTopic:
            let id = topicID(committee, values["topic"])
            let session = values["session"].isEmpty ? nil : sessionID(committee, values["session"])
            let state: WorkProgrammeItem.State
            switch values["state"] {
            case "scheduled":
                guard let session else { return .failure(FieldErrors(messages: ["session": "Select the session to schedule it for"])) }
                state = .scheduled(session)
            case "potential": state = .potential
            case "deferred":
                if values["reason"].isEmpty { return .failure(FieldErrors(messages: ["reason": "Enter why it is deferred"])) }
                state = .deferred(reason: values["reason"])
            case "delivered":
                let at = session ?? programme.item(id)?.session
                guard let at else { return .failure(FieldErrors(messages: ["session": "Select the session it was delivered at"])) }
                state = .delivered(at)
            default: return .failure(FieldErrors(messages: ["state": "Select where the topic now stands"]))
            }
            change = { try $0.move(id, to: state) }
        case .removeTopic:
            let id = topicID(committee, values["topic"])
            change = { try $0.remove(id) }
        }
        var trial = programme
        do {
            try change(&trial)
        } catch let refusal as ChangeRefusal {
            return .failure(FieldErrors(messages: [refusal.field: refusal.message]))
        } catch {
            return .failure(FieldErrors(messages: ["title": "\(error)"]))
        }
        return .success(change)
    }
}
