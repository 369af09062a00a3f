import Foundation
import QuorumDomain

extension PackRecordsBuilder {
    /// The recommendations tracker, row by row, as published; what does not add up is flagged.
    mutating func addTracker() {
        var numbering: [String: Int] = [:]
        for row in pack.recommendationTracker {
            guard let day = row.meetingDate else {
                flag("committee", committee.id.rawValue, "A tracker row (“\(row.text.prefix(60))”) has no meeting date, so it was not recorded.", row.line)
                continue
            }
            let key = "\(day.iso)/\(row.topic)"
            numbering[key, default: 0] += 1
            let response: Recommendation.Response
            let received = row.receivedDate?.date
            if let text = row.response?.trimmedSpaces, !text.isEmpty {
                response = Self.response(text, received: received)
            } else {
                response = .awaiting
            }
            var recommendation = Recommendation(
                number: row.number ?? String(numbering[key]!), of: committee.id, madeOn: day, topic: row.topic, text: row.text,
                addressee: Self.addressee(row.text), sentOn: row.dateSent?.date, dueOn: row.dueDate?.date, response: response)
            if Self.isStatutoryHealthOrCrime(row.topic + " " + row.text) { recommendation.responseRule = .statutory28Days }
            for message in recommendation.inconsistencies(rules: rules) { flag("recommendation", recommendation.id.rawValue, message, row.line) }
            for (label, date) in [("date sent", row.dateSent), ("due date", row.dueDate), ("received date", row.receivedDate)] {
                if let date, date.date == nil, !date.text.isEmpty {
                    flag("recommendation", recommendation.id.rawValue, "The \(label) is published as “\(date.text)”.", row.line)
                }
            }
            if records.recommendations.contains(where: { $0.id == recommendation.id }) {
                flag("recommendation", recommendation.id.rawValue, "The tracker lists this recommendation number twice; the later row is kept.", row.line)
                records.recommendations.removeAll { $0.id == recommendation.id }
            }
            if case .received(nil, _, _) = response {
                flag("recommendation", recommendation.id.rawValue, "The response has no received date.", row.line)
            }
            records.recommendations.append(recommendation)
        }
        flagRepeatedResponses()
    }

    /// A response printed word for word under another meeting's or topic's recommendation is probably pasted in the
    /// wrong row: both are flagged, neither is changed.
    private mutating func flagRepeatedResponses() {
        var byText: [String: [Recommendation]] = [:]
        for recommendation in records.recommendations {
            guard case .received(_, let text, _) = recommendation.response, text.count >= 40 else { continue }
            byText[text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " "), default: []].append(recommendation)
        }
        for group in byText.values where Set(group.map { "\($0.meetingDay.iso)/\($0.topic)" }).count > 1 {
            for recommendation in group {
                let others = group.filter { $0.meetingDay != recommendation.meetingDay || $0.topic != recommendation.topic }
                    .map { "\($0.topic) (\($0.meetingDay.councilStyle)) recommendation \($0.number)" }
                guard !others.isEmpty else { continue }
                flag(
                    "recommendation", recommendation.id.rawValue,
                    "The response is word for word the same as the response to \(others.joined(separator: "; ")): check which recommendation it answers.", nil)
            }
        }
    }

    /// What a published response amounts to. The outcome is recorded only when the response states it in its own
    /// words: a sentence that is nothing but the outcome ("Accepted", "Accepted in part – …", "Noted", "Rejected",
    /// "Resolved"), or one that says the recommendation "be noted", "was accepted", …. Anything else is an answer
    /// whose outcome is not stated: Quorum does not read one into it.
    static func response(_ text: String, received: CalendarDay?) -> Recommendation.Response {
        let lower = text.lowercased()
        if lower.contains("not be pursued") || lower.contains("not pursued") || lower.contains("no longer pursued") {
            return .notPursued(on: received, reason: text)
        }
        return .received(on: received, text: text, outcome: statedOutcome(text))
    }

    /// The outcome a response states, if it states one.
    static func statedOutcome(_ text: String) -> Recommendation.Outcome? {
        let phrases: [(String, Recommendation.Outcome)] = [
            ("accepted in part", .acceptedInPart), ("partially accepted", .acceptedInPart), ("partly accepted", .acceptedInPart),
            ("not accepted", .rejected), ("rejected", .rejected), ("accepted", .accepted), ("noted", .noted), ("resolved", .resolved),
        ]
        let sentences = text.lowercased().split { ".;:–—\n".contains($0) || $0 == "-" }.map { String($0).replacingOccurrences(of: ",", with: " ").trimmedSpaces }
        for sentence in sentences where !sentence.isEmpty {
            if let (_, outcome) = phrases.first(where: { sentence == $0.0 }) { return outcome }
            // "… the recommendation … be noted", "recommendations 1 and 2 were accepted".
            guard sentence.contains("recommendation") else { continue }
            for verb in ["be", "was", "were", "is", "are", "has been", "have been"] {
                if let (_, outcome) = phrases.first(where: { sentence.hasSuffix(" \(verb) \($0.0)") || sentence.contains(" \(verb) \($0.0) ") }) { return outcome }
            }
        }
        return nil
    }

    /// Who a recommendation asks to act, when its wording says.
    static func addressee(_ text: String) -> Recommendation.Addressee {
        let lower = text.lowercased()
        if lower.contains("full council") { return .council }
        if lower.hasPrefix("the executive") || lower.contains("cabinet") { return .cabinet }
        if lower.contains("scrutiny committee to") || lower.contains("added to list") { return .committee }
        return .unspecified
    }

    /// Health scrutiny and crime and disorder matters have 28 days for a response.
    static func isStatutoryHealthOrCrime(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["crime and disorder", "community safety partnership", "health scrutiny", "nhs", "integrated care board"].contains { lower.contains($0) }
    }

    /// The action tracker: what officers owe the committee.
    mutating func addActions() {
        for row in pack.actionTracker {
            records.actions.append(
                CommitteeAction(
                    id: .init(under: committee.id, "actions/\(slugged(row.number))"), committee: committee.id, number: row.number,
                    meetingDay: row.meetingDate?.date, action: row.action, owner: row.owner ?? "", directorate: row.directorate,
                    progress: row.progress ?? "", dueOn: row.dueDate?.date, reportedCompleteOn: row.reportedComplete?.date))
        }
    }

    /// The work programme: each session with its topics, then potential topics, briefing notes and task and finish groups.
    mutating func addWorkProgramme(_ programme: WorkProgramme) {
        var committees: [String: Committee] = [committee.name.lowercased(): committee]
        for text in programme.unparsed { flagUnrecognised("committee", committee.id.rawValue, in: "the work programme", text, unparsedLine(text)) }
        for session in programme.sessions {
            var owner = committee
            if let name = session.committee?.trimmedSpaces, !name.isEmpty {
                if let known = committees[name.lowercased()] {
                    owner = known
                } else {
                    owner = Committee(named: name, of: authority.id)
                    committees[name.lowercased()] = owner
                    records.committees.append(owner)
                }
            }
            guard let day = session.date?.date else {
                // "February 2025": no day to hold the session on, so it is not recorded; its topics are, as potential ones.
                let when = session.date?.text ?? ""
                let topics = session.topics.map(\.title)
                flag(
                    "committee", owner.id.rawValue,
                    "A work programme \(session.kind.label.lowercased()) dated “\(when)” gives no day, so it was not recorded"
                        + (topics.isEmpty ? "." : "; its topics are listed as potential: \(topics.joined(separator: "; ")).") , session.line)
                for topic in session.topics { addTopic(topic, committee: owner.id, key: "potential", state: .potential) }
                continue
            }
            let planning: QuorumDomain.WorkProgrammeSession.Planning =
                if let planned = session.planningDate?.date {
                    .on(planned)
                } else if session.planningDate?.text.uppercased().contains("TBC") == true {
                    .toBeConfirmed
                } else {
                    .none
                }
            let value = QuorumDomain.WorkProgrammeSession(
                of: owner.id, on: day, kind: session.kind, reportDeadline: session.reportDeadline?.date,
                planning: planning)
            if !records.workProgrammeSessions.contains(where: { $0.id == value.id }) { records.workProgrammeSessions.append(value) }
            for text in session.unparsed { flagUnrecognised("committee", owner.id.rawValue, in: "the work programme", text, unparsedLine(text) ?? session.line) }
            let state: WorkProgrammeItem.State = day < pack.meetingDate ? .delivered(value.id) : .scheduled(value.id)
            for topic in session.topics { addTopic(topic, committee: owner.id, key: day.iso, state: state) }
        }
        for topic in programme.potentialTopics { addTopic(topic, committee: committee.id, key: "potential", state: .potential) }
        for topic in programme.briefingNotes { addTopic(topic, committee: committee.id, key: "briefing-notes", state: .potential, type: .briefing) }
        for topic in programme.taskAndFinishGroups {
            addTopic(topic, committee: committee.id, key: "task-and-finish", state: .potential, type: .taskAndFinishGroup)
        }
    }

    private mutating func addTopic(
        _ topic: WorkProgrammeTopic, committee: Committee.ID, key: String, state: WorkProgrammeItem.State, type: WorkProgrammeItem.ScrutinyType? = nil
    ) {
        let item = WorkProgrammeItem(
            id: .init(under: committee, "work-programme/\(key)/\(slugged(topic.title).prefix(60))"), committee: committee, title: topic.title,
            scrutinyType: type ?? Self.scrutinyType(topic.scrutinyType), objectives: topic.objectives.joined(separator: "\n"),
            evidenceRequired: topic.evidence.joined(separator: "\n"),
            attendees: topic.attendees, origin: topic.origin, state: state)
        if records.workProgrammeItems.contains(where: { $0.id == item.id }) { return }
        records.workProgrammeItems.append(item)
    }

    static func scrutinyType(_ text: String?) -> WorkProgrammeItem.ScrutinyType? {
        guard let lower = text?.lowercased() else { return nil }
        if lower.contains("call-in") || lower.contains("call in") { return .preDecisionCallIn }
        if lower.contains("pre-decision") || lower.contains("pre decision") { return .preDecision }
        if lower.contains("performance") { return .performanceReview }
        if lower.contains("annual") { return .annualReport }
        if lower.contains("task and finish") { return .taskAndFinishGroup }
        if lower.contains("briefing") { return .briefing }
        if lower.contains("policy") { return .policyDevelopment }
        return nil
    }
}
