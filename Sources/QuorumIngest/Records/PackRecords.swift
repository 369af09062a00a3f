public import QuorumDomain
import Foundation

extension AgendaPack {
    /// The records this pack yields for `rules`' authority, as domain values with stable identifiers, with a
    /// warning on the nearest record for each contradiction in the published values and each text not recognised
    /// (its source is `file:line`). The pack's own meeting has its agenda published; the minutes it includes belong
    /// to the earlier meeting they record, which was held.
    public func records(rules: DeadlineRules = .standard) -> RecordBatch {
        var builder = PackRecordsBuilder(pack: self, rules: rules)
        builder.build()
        return builder.records
    }
}

/// Builds a pack's records section by section. People are made once per name.
struct PackRecordsBuilder {
    let pack: AgendaPack
    let rules: DeadlineRules
    var records = RecordBatch()
    private var peopleByName: [String: Int] = [:]
    /// The co-opted members of the pack's committee, by name key: never "Councillor", whatever a list of names implies.
    private var coOpted: Set<String> = []
    let authority: QuorumDomain.Authority
    let committee: Committee
    let meeting: Meeting

    /// Each unrecognised text's line, by its excerpt, from the parser's notices.
    let unparsedLines: [String: Int]
    var unrecognisedRun: UnrecognisedRun?
    /// The texts already reported as not recognised, with their lines.
    var unrecognisedTexts: Set<String> = []

    init(pack: AgendaPack, rules: DeadlineRules) {
        self.pack = pack
        var lines: [String: Int] = [:]
        for warning in pack.warnings {
            guard let range = warning.message.rangesCI(of: Diagnostics.unrecognisedNotice).first else { continue }
            let quoted = warning.message[range.upperBound...]
            lines[String(quoted.dropFirst().dropLast()), default: warning.line] = lines[String(quoted.dropFirst().dropLast())] ?? warning.line
        }
        unparsedLines = lines
        self.rules = rules
        authority = QuorumDomain.Authority(named: pack.authority ?? "Council", rules: rules)
        let clerk = pack.clerk.flatMap { $0.name.isEmpty ? nil : $0 }
        committee = Committee(named: pack.committee, of: authority.id, clerk: clerk)
        let start = LocalDateTime(pack.meetingDate, pack.startTime ?? TimeOfDay(hour: 0)!)
        meeting = Meeting(of: committee.id, on: start, venue: pack.venue ?? "", status: .agendaPublished, clerk: clerk, startCondition: pack.startCondition)
    }

    mutating func build() {
        records.authorities = [authority]
        records.committees = [committee]
        records.meetings = [meeting]
        if pack.authority == nil { flag("meeting", meeting.id.rawValue, "The pack does not name its council; it was recorded under “Council”.", nil) }
        if pack.startTime == nil { flag("meeting", meeting.id.rawValue, "The front sheet gives no start time.", nil) }
        // Text the parser did not recognise is kept on the record it belongs to, with the line it was on: the parser's
        // own notice of it would say the same thing twice.
        for warning in pack.warnings where !Self.isUnrecognisedNotice(warning.message) {
            flag("meeting", meeting.id.rawValue, warning.message, warning.line)
        }
        for text in pack.unparsed { flagUnrecognised("meeting", meeting.id.rawValue, in: nil, text, unparsedLine(text)) }
        addMembership()
        let items = addAgenda()
        addReports(items)
        if let minutes = pack.previousMinutes { addMinutes(minutes) }
        for minutes in pack.furtherMinutes { addMinutes(minutes) }
        addTracker()
        if let programme = pack.workProgramme { addWorkProgramme(programme) }
        addActions()
        addPlans(items)
        addNamedMeetings()
    }

    /// The improvement plans the papers carry, as a version of each plan with its figures. A plan presented by an
    /// exempt item is not recorded at all (fail closed).
    private mutating func addPlans(_ items: [String: QuorumDomain.AgendaItem]) {
        for printed in pack.improvementPlans {
            guard let item = printed.itemNumber.flatMap({ items[$0] }) else {
                flag("meeting", meeting.id.rawValue, "An improvement plan (“\(printed.title)”) could not be tied to an agenda item, so it was not recorded.", printed.line)
                continue
            }
            if item.access.isExempt || records.reports.contains(where: { $0.agendaItem == item.id && $0.classification.isExempt }) {
                flag("agendaItem", item.id.rawValue, "Item \(item.number) is exempt, so the improvement plan its papers carry was not recorded.", printed.line)
                continue
            }
            var plan = ImprovementPlan(titled: printed.title, of: authority.id, owner: printed.owner)
            let source = "the papers for \(pack.meetingDate.councilStyle)" + (printed.itemNumber.map { ", item \($0)" } ?? "")
            plan.versions = [
                PlanVersion(
                    number: printed.versionNumber, label: printed.versionLabel, period: printed.period, meeting: meeting.id, itemNumber: item.number,
                    priorities: printed.priorities)
            ]
            plan.indicators = printed.indicators.map { printed in
                var indicator = Indicator(named: printed.name, of: plan.id, unit: printed.unit, higherIsBetter: printed.higherIsBetter)
                for var observation in printed.observations {
                    observation.source = source
                    indicator.record(observation)
                }
                return indicator
            }
            plan.audits = printed.audits.map { grades in
                var sourced = grades
                sourced.source = source
                return sourced
            }
            for indicator in plan.indicators {
                flag(
                    "improvementPlan", plan.id.rawValue,
                    "“\(indicator.name)”: that a \(indicator.higherIsBetter ? "higher" : "lower") figure is better was inferred from the paper's wording; check it on the plan's figures page.",
                    printed.line)
            }
            records.improvementPlans.append(plan)
        }
    }

    // MARK: People and membership

    /// The person with this name, made on first mention; a later mention can add a title or job title.
    mutating func person(_ name: String, title: String? = nil, jobTitle: String? = nil) -> Person.ID {
        let clean = name.trimmedSpaces
        let key = slugged(clean)
        let title = title == "Councillor" && coOpted.contains(key) ? nil : title
        if let index = peopleByName[key] {
            if records.people[index].title == nil { records.people[index].title = title }
            if records.people[index].jobTitle == nil { records.people[index].jobTitle = jobTitle }
            return records.people[index].id
        }
        let person = Person(named: clean, of: authority.id, title: title, jobTitle: jobTitle)
        peopleByName[key] = records.people.count
        records.people.append(person)
        return person.id
    }

    private mutating func addMembership() {
        for (index, member) in pack.members.enumerated() {
            let role: Membership.Role
            switch member.role {
            case .chairperson: role = .chairperson
            case .viceChairperson: role = .viceChairperson
            case .councillor: role = .councillor
            case .coOpted:
                coOpted.insert(slugged(member.name.trimmedSpaces))
                role = .coOpted(represents: member.represents ?? "Not stated")
                if member.represents == nil {
                    flag("committee", committee.id.rawValue, "\(member.name) is listed as a co-opted member without the body they represent.", nil)
                }
            }
            let id = person(member.name, title: member.title ?? (member.role == .coOpted ? nil : "Councillor"))
            records.memberships.append(Membership(of: id, on: committee.id, role: role, from: pack.meetingDate, position: index + 1))
        }
    }

    // MARK: Agenda and reports

    private mutating func addAgenda() -> [String: QuorumDomain.AgendaItem] {
        var byNumber: [String: QuorumDomain.AgendaItem] = [:]
        for item in pack.agendaItems {
            // The parser files each item under `pack.meetingID`, which is this meeting unless the pack was changed since.
            var domainItem = item.record
            if domainItem.meeting != meeting.id {
                domainItem = .init(number: item.number, of: meeting.id, position: item.position, title: item.title, description: item.description, pages: item.pages, access: item.access)
            }
            for text in item.unparsed { flagUnrecognised("agendaItem", domainItem.id.rawValue, in: nil, text, unparsedLine(text) ?? item.line) }
            byNumber[item.number] = domainItem
            records.agendaItems.append(domainItem)
        }
        return byNumber
    }

    private mutating func addReports(_ items: [String: QuorumDomain.AgendaItem]) {
        for report in pack.reports {
            guard let number = report.agendaItemNumber, let item = items[number] else {
                flag("meeting", meeting.id.rawValue, "The report “\(report.title)” could not be matched to an agenda item, so it was not recorded.", report.line)
                continue
            }
            let value = report.record(for: item)
            if let text = report.decisionTypeText {
                flag("report", value.id.rawValue, "Decision type “\(text)” is not Key, Non-key or not an executive decision.", report.line)
            }
            for text in report.unparsed { flagUnrecognised("report", value.id.rawValue, in: nil, text, unparsedLine(text) ?? report.line) }
            records.reports.append(value)
        }
    }

    /// Every meeting of the committee the pack names without its papers: the next meeting on the agenda, the meetings
    /// of the work programme and those the tracker's recommendations were made at. Each is marked as known only from
    /// this pack, so a page can say so; before the pack's meeting it was held, after it it is scheduled.
    private mutating func addNamedMeetings() {
        let here = pack.meetingDate
        var named: [(CalendarDay, String, Committee.ID)] = []
        if let next = pack.nextMeetingDate { named.append((next, "the agenda for \(here.councilStyle) (date of next meeting)", committee.id)) }
        if let previous = pack.previousMeetingDate, previous < here {
            named.append((previous, "the agenda for \(here.councilStyle) (the minutes to be approved)", committee.id))
        }
        for session in records.workProgrammeSessions where session.kind == .committeeMeeting {
            named.append((session.day, "the work programme in the papers for \(here.councilStyle)", session.committee))
        }
        for recommendation in records.recommendations {
            named.append((recommendation.meetingDay, "the recommendations tracker in the papers for \(here.councilStyle)", recommendation.committee))
        }
        var known = Set(records.meetings.map(\.id))
        for (day, source, owner) in named.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
            let meeting = Meeting(
                of: owner, on: LocalDateTime(day, TimeOfDay(hour: 0)!), venue: "", status: day < here ? .held(endedAt: nil) : .scheduled, knownFrom: source)
            guard known.insert(meeting.id).inserted else { continue }
            records.meetings.append(meeting)
        }
    }

    /// "Pack: text not recognised, kept as unparsed: "…"": the parser's notice of text that is kept as unparsed.
    static func isUnrecognisedNotice(_ message: String) -> Bool { message.contains(Diagnostics.unrecognisedNotice) }

    /// The line the parser found an unrecognised text on, from its notice.
    func unparsedLine(_ text: String) -> Int? { unparsedLines[text.excerpt] }

    /// Flags text that was not recognised, kept as published. Consecutive lines of it (at most two blank lines apart, on
    /// the same record) are one gap and one warning, which counts them: a page of guidance nobody parses is one problem,
    /// not one per line.
    mutating func flagUnrecognised(_ entity: String, _ id: String, in place: String?, _ text: String, _ line: Int?) {
        let message = "Not recognised\(place.map { " in \($0)" } ?? ""), kept as published: "
        // A line two records both kept (a report's heading and the work programme under it) is one problem.
        guard unrecognisedTexts.insert("\(line ?? 0) \(text)").inserted else { return }
        if let line, var run = unrecognisedRun, run.entity == entity, run.id == id, run.message == message,
            line > run.last, line <= run.last + 3, records.warnings.indices.contains(run.index)
        {
            run.count += 1
            run.last = line
            records.warnings[run.index].message = message + run.text + " (and \(run.count - 1) more line\(run.count == 2 ? "" : "s") to line \(line))"
            unrecognisedRun = run
            return
        }
        let before = records.warnings.count
        flag(entity, id, message + text, line)
        guard records.warnings.count > before, let line else { return }
        unrecognisedRun = UnrecognisedRun(index: before, entity: entity, id: id, message: message, text: text, count: 1, last: line)
    }

    /// The warning the latest unrecognised text went into, so the next line of it can join.
    struct UnrecognisedRun {
        var index: Int
        var entity: String
        var id: String
        var message: String
        var text: String
        var count: Int
        var last: Int
    }

    mutating func flag(_ entity: String, _ id: String, _ message: String, _ line: Int?) {
        let warning = RecordWarning(entity: entity, entityId: id, message: message, source: line.map { "\(pack.file):\($0)" } ?? pack.file)
        // The same text printed twice in one place is one problem.
        guard !records.warnings.contains(warning) else { return }
        records.warnings.append(warning)
    }
}
