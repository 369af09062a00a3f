import QuorumDomain

extension PackRecordsBuilder {
    /// The recommendations tracker, row by row, as published; what does not add up is flagged.
    mutating func addTracker() {
        var numbering: [String: Int] = [:]
        for row in pack.recommendationTracker {
            guard let day = row.meetingDate?.calendarDay else {
                flag("committee", committee.id.rawValue, "A tracker row (“\(row.text.prefix(60))”) has no meeting date, so it was not recorded.", row.line)
                continue
            }
            let key = "\(day.iso)/\(row.topic)"
            numbering[key, default: 0] += 1
            let response: Recommendation.Response
            let received = row.receivedDate?.day
            if let text = row.response?.trimmedSpaces, !text.isEmpty {
                response = Self.response(text, received: received)
            } else {
                response = .awaiting
            }
            var recommendation = Recommendation(
                number: row.number ?? String(numbering[key]!), of: committee.id, madeOn: day, topic: row.topic, text: row.text,
                addressee: Self.addressee(row.text), sentOn: row.dateSent?.day, dueOn: row.dueDate?.day, response: response)
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
            records.recommendations.append(recommendation)
        }
    }

    /// What a published response amounts to, from its words.
    static func response(_ text: String, received: CalendarDay?) -> Recommendation.Response {
        let lower = text.lowercased()
        if lower.contains("not be pursued") || lower.contains("not pursued") || lower.contains("no longer pursued") {
            return .notPursued(on: received, reason: text)
        }
        let outcome: Recommendation.Outcome =
            if lower.contains("accepted in part") || lower.contains("partially accepted") || lower.contains("partly accepted") {
                .acceptedInPart
            } else if lower.contains("rejected") || lower.contains("not accepted") {
                .rejected
            } else if lower.contains("resolved") || lower.contains("took place") || lower.contains("completed") {
                .resolved
            } else if lower.contains("accepted") || lower.contains("agreed") {
                .accepted
            } else {
                .noted
            }
        return .received(on: received, text: text, outcome: outcome)
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
                    meetingDay: row.meetingDate?.day, action: row.action, owner: row.owner ?? "", directorate: row.directorate,
                    progress: row.progress ?? "", dueOn: row.dueDate?.day, reportedCompleteOn: row.reportedComplete?.day))
        }
    }

    /// The work programme: each session with its topics, then potential topics, briefing notes and task and finish groups.
    mutating func addWorkProgramme(_ programme: WorkProgramme) {
        var committees: [String: Committee] = [committee.name.lowercased(): committee]
        for text in programme.unparsed { flag("committee", committee.id.rawValue, "Not recognised in the work programme, kept as published: \(text)", nil) }
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
            guard let day = session.date?.day else {
                flag("committee", owner.id.rawValue, "A work programme session dated “\(session.date?.text ?? "")” was not recorded.", session.line)
                continue
            }
            let planning: QuorumDomain.WorkProgrammeSession.Planning =
                if let planned = session.planningDate?.day {
                    .on(planned)
                } else if session.planningDate?.text.uppercased().contains("TBC") == true {
                    .toBeConfirmed
                } else {
                    .none
                }
            let value = QuorumDomain.WorkProgrammeSession(
                of: owner.id, on: day, kind: session.kind == .meeting ? .committeeMeeting : .briefing, reportDeadline: session.reportDeadline?.day,
                planning: planning)
            if !records.workProgrammeSessions.contains(where: { $0.id == value.id }) { records.workProgrammeSessions.append(value) }
            for text in session.unparsed { flag("committee", owner.id.rawValue, "Not recognised in the work programme, kept as published: \(text)", session.line) }
            let state: WorkProgrammeItem.State = day < pack.meetingDate.calendarDay ? .delivered(value.id) : .scheduled(value.id)
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
            attendees: topic.attendees.map { .init(name: $0.name, isReportWriter: $0.isReportWriter) }, origin: topic.origin, state: state)
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
