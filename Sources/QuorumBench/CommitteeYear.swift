import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage

/// Builds one committee's records for one municipal year (May to April): its meetings with their
/// papers, attendance, minutes and recommendations, and its work programme.
struct CommitteeYear {
    let cast: ArchiveCast.CommitteeCast
    let authority: Authority
    /// The municipal year starting in May of this year.
    let year: Int
    /// Meetings up to this day have been held; later ones are upcoming.
    let asOf: CalendarDay
    var random: SeededRandom
    var text: CouncilText
    var batch = RecordBatch()
    /// Minute numbers run on through the municipal year.
    var nextMinute = 1
    /// Action numbers run on through the committee's life; carried from year to year.
    var nextAction: Int

    /// Styled names ("Councillor Toni Fagan") for the minutes.
    let names: [Person.ID: String]

    var committee: Committee { cast.committee }

    init(
        cast: ArchiveCast.CommitteeCast, authority: Authority, names: [Person.ID: String], year: Int, asOf: CalendarDay, seed: UInt64, nextAction: Int
    ) {
        self.cast = cast
        self.names = names
        self.authority = authority
        self.year = year
        self.asOf = asOf
        self.nextAction = nextAction
        random = SeededRandom(seed: seed, stream: "\(cast.committee.id.rawValue)/\(year)")
        text = CouncilText(random: SeededRandom(seed: seed, stream: "\(cast.committee.id.rawValue)/\(year)/text"), topics: cast.theme.topics)
    }

    /// The days of this year's meetings: spread evenly from May, on the committee's usual weekday,
    /// moved off bank holidays.
    func meetingDays(count: Int, offset: Int) -> [CalendarDay] {
        let may = CalendarDay(year, 5, 1)
        var days: [CalendarDay] = []
        for index in 0..<count {
            var day = may.adding(days: index * 364 / count + offset)
            while day.weekday.rawValue - 1 != cast.weekday || !WorkingCalendar.englandAndWales.isWorkingDay(day) || (days.last.map { $0 >= day } ?? false) {
                day = day.adding(days: 1)
            }
            days.append(day)
        }
        return days
    }

    mutating func build(meetingsPerYear: Int, committeeIndex: Int) -> RecordBatch {
        let days = meetingDays(count: meetingsPerYear, offset: committeeIndex * 3 % 17)
        for (index, day) in days.enumerated() {
            let next = index + 1 < days.count ? days[index + 1] : day.adding(days: 364 / meetingsPerYear)
            addMeeting(on: day, nextMeeting: next)
        }
        addBriefingsAndPotentialTopics()
        if committeeIndex == 0 { addForwardPlan() }
        return batch
    }

    private mutating func addMeeting(on day: CalendarDay, nextMeeting: CalendarDay) {
        let start = LocalDateTime(day, cast.startTime)
        let topics = random.sample(cast.theme.topics, random.weighted([(3, 2), (4, 5), (5, 2)]))
        let titles = topics.map { "\($0) \(random.pick(CouncilVocabulary.reportKinds))" }
        let isCancelled = random.chance(0.02)
        let status: Meeting.Status
        if isCancelled {
            status = .cancelled(reason: random.pick(["Not quorate", "Insufficient business", "Adverse weather", nil]))
        } else if day > asOf {
            status = asOf.days(until: day) <= 14 ? .agendaPublished : .scheduled
        } else {
            let ended = TimeOfDay(hour: min(23, cast.startTime.hour + random.int(1...3)), minute: random.pick([0, 5, 15, 20, 30, 35, 45, 50]))
            status = nextMeeting > asOf ? .held(endedAt: ended) : .minutesApproved(endedAt: random.chance(0.9) ? ended : nil)
        }
        let meeting = Meeting(of: committee.id, on: start, venue: cast.venue, status: status, clerk: committee.clerk)
        batch.meetings.append(meeting)

        let session = WorkProgrammeSession(
            of: committee.id, on: day, kind: .committeeMeeting, reportDeadline: day.adding(days: -12),
            planning: day > asOf && random.chance(0.4) ? .toBeConfirmed : .on(day.adding(days: -21)))
        batch.workProgrammeSessions.append(session)
        for title in titles {
            addWorkProgrammeItem(title: title, day: day, state: day <= asOf && !isCancelled ? .delivered(session.id) : .scheduled(session.id))
        }
        if case .scheduled = status { return }
        if isCancelled { return }

        let items = addAgenda(for: meeting, substantive: titles)
        addQuestions(at: meeting)
        guard day <= asOf else { return }
        let present = addAttendance(at: meeting)
        addDeclaration(at: meeting, people: present, items: items)
        addMinutes(of: meeting, items: items, present: present)
    }

    mutating func addWorkProgrammeItem(title: String, day: CalendarDay, state: WorkProgrammeItem.State) {
        let officer = random.pick(cast.officers)
        batch.workProgrammeItems.append(WorkProgrammeItem(
            id: .init(under: committee.id, "work-programme/items/\(day.iso)-\(slugged(title))"), committee: committee.id, title: capitalised(title),
            scrutinyType: random.pick(WorkProgrammeItem.ScrutinyType.allCases),
            objectives: "To " + random.pick(["review", "understand", "challenge", "assess"]) + " " + text.nounPhrase() + " for " + title + ". " + text.sentence(),
            evidenceRequired: text.sentence(),
            attendees: [.init(name: officer.jobTitle ?? officer.name, isReportWriter: true), .init(name: "Cabinet Member \(cast.theme.portfolio)")],
            origin: random.pick(["Forward plan", "Recommendation of the committee", "Member suggestion", "Annual work programme workshop"]),
            leadOfficer: officer.name, state: state))
    }

    private mutating func addBriefingsAndPotentialTopics() {
        for month in [7, 1] {
            let day = CalendarDay(month == 1 ? year + 1 : year, month, 10 + random.int(0...10))
            batch.workProgrammeSessions.append(WorkProgrammeSession(of: committee.id, on: day, kind: .briefing, planning: .none))
        }
        for index in 0..<4 {
            let title = "\(random.pick(cast.theme.topics)) \(random.pick(CouncilVocabulary.reportKinds))"
            let state: WorkProgrammeItem.State = index == 3 ? .deferred(reason: random.pick(["Awaiting the national strategy", "Officer capacity", nil])) : .potential
            batch.workProgrammeItems.append(WorkProgrammeItem(
                id: .init(under: committee.id, "work-programme/items/\(year)-potential-\(index + 1)"), committee: committee.id, title: capitalised(title),
                objectives: text.sentence(), origin: "Member suggestion", state: state))
        }
    }

    private mutating func addForwardPlan() {
        for index in 0..<24 {
            let theme = random.pick(CouncilVocabulary.themes)
            let title = capitalised("\(random.pick(theme.topics)) \(random.pick(["decision", "strategy approval", "contract award", "policy adoption", "budget allocation"]))")
            let due = CalendarDay(year, 5, 1).adding(days: index * 15 + random.int(0...10))
            let type = random.weighted([(Report.DecisionType.key, 2), (.nonKey, 3)])
            batch.forwardPlan.append(ForwardPlanEntry(
                id: .init(under: authority.id, "forward-plan/\(year)-\(index + 1)-\(slugged(title).prefix(40))"), authority: authority.id, title: title,
                purpose: text.sentence(), decisionMaker: random.chance(0.5) ? "Cabinet" : "Cabinet Member \(theme.portfolio)", dueDate: due,
                leadCabinetMember: "Cabinet Member \(theme.portfolio)", officerContacts: random.pick(CouncilVocabulary.officerTitles),
                directorate: theme.directorate, uploadedOn: due.adding(days: -random.int(20...90)), decisionType: type,
                exemptionsAndUrgency: random.chance(0.1) ? "Part exempt: paragraph 3" : "Open"))
        }
    }
}
