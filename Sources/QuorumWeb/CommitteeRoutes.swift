import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// The committees: the list, each committee's page, its meetings and their papers.
struct CommitteeRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/committees", use: list)
        router.page("/committees/:committee", use: show)
        router.page("/committees/:committee/meetings/:date", use: meeting)
        router.page("/committees/:committee/meetings/:date/items/:item", use: report)
        router.page("/committees/:committee/meetings/:date/front-sheet", use: frontSheet)
    }

    func list(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let committees = try await store.committees()
        var rows: [CommitteesPage.Row] = []
        for committee in committees {
            let next = try await store.meetings(MeetingFilter(committee: committee.id, from: todayInLondon(today).day, limit: 1)).first
            rows.append(.init(name: committee.name, href: Paths.committee(committee.id), nextMeeting: next?.when ?? "None scheduled"))
        }
        return HTML(CommitteesPage(title: "Committees", committees: rows, hasCommittees: !rows.isEmpty))
    }

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let today = todayInLondon(today).day
        let from = municipalYearStart(of: today)
        // One read. The work programme shown is this municipal year's and what is planned after it; the whole
        // history is on the work programme page.
        guard let papers = try await store.committeePapers(slug: try context.parameters.require("committee"), workProgrammeFrom: from)
        else { throw HTTPError(.notFound) }
        let page = CommitteePage(
            committee: papers.committee, memberships: papers.memberships.filter { $0.isCurrent(on: today) }, people: papers.people,
            meetings: papers.meetings,
            workProgramme: WorkProgrammeView(sessions: papers.workProgrammeSessions, items: papers.workProgrammeItems), workProgrammeFrom: from)
        return HTML(page)
    }

    func meeting(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        // One read: the committee, the meeting, its papers, its people and its neighbours.
        guard let papers = try await meetingPapers(context), let committee = papers.committee else { throw HTTPError(.notFound) }
        let meeting = papers.meeting
        let people = Dictionary(papers.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let page = MeetingPage(
            committee: committee, meeting: meeting, rules: papers.authority?.rules ?? .standard,
            agenda: Visibility.public.agenda(papers.agendaItems, reports: papers.reports, of: meeting), questions: Visibility.public.questions(papers.questions, of: meeting),
            minutes: Visibility.public.minutes(papers.minuteItems, of: meeting),
            attendance: papers.attendance,
            declarations: Visibility.public.declarations(papers.declarations, items: papers.agendaItems, minutes: papers.minuteItems), people: people,
            previous: papers.previous, next: papers.next,
            recommendations: papers.recommendations.sorted { ($0.topic, $0.number) < ($1.topic, $1.number) }, viewer: context.session?.user,
            now: todayInLondon(today), reportDeadline: papers.reportDeadline, publications: papers.publications)
        return HTML(page)
    }

    func report(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let committee = try await requireCommittee(context)
        let date = try context.parameters.require("date")
        let number = try context.parameters.require("item")
        let meetingID = Paths.meetingID(committee.id, date: date)
        guard let meeting = try await store.meeting(meetingID) else { throw HTTPError(.notFound) }
        let itemID = Paths.agendaItemID(meetingID, number: number)
        let agenda = Visibility.public.agenda(try await store.agendaItems(of: meetingID), reports: try await store.reports(of: meetingID), of: meeting)
        guard let entry = agenda.first(where: { $0.item.id == itemID }), let report = entry.report else { throw HTTPError(.notFound) }
        let papers = Paper.latest(Visibility.public.papers(try await store.papers(of: meetingID), for: entry))
        var page = ReportPage(committee: committee, meeting: meeting, item: entry.item, report: report, papers: papers)
        if let plan = try await store.plans().first(where: { plan in plan.versions.contains { $0.meeting == meetingID && $0.itemNumber == number } }),
            let version = plan.versions.last(where: { $0.meeting == meetingID && $0.itemNumber == number })
        {
            page.plan = Link(text: "\(plan.title), \(version.label)", href: PlanRoutes.path(plan) + "?version=\(version.number)")
        }
        return HTML(page)
    }

    /// The agenda's front sheet, to print: only once the agenda is published, and through the one rule for what the
    /// public sees.
    func frontSheet(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        guard let papers = try await meetingPapers(context), let committee = papers.committee else { throw HTTPError(.notFound) }
        let meeting = papers.meeting
        let agenda = Visibility.public.agenda(papers.agendaItems, reports: papers.reports, of: meeting)
        guard !agenda.isEmpty else { throw HTTPError(.notFound, message: "This meeting's agenda has not been published.") }
        let memberships = try await store.memberships(of: committee.id).filter { $0.isCurrent(on: meeting.start.day) || $0.lastListed == meeting.start.day }
            .sorted(by: Membership.inPublishedOrder)
        let people = Dictionary(try await store.people(memberships.map(\.person)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let page = FrontSheetPage(
            council: papers.authority?.name ?? "", committee: committee, meeting: meeting, agenda: agenda,
            members: memberships.compactMap { m in people[m.person].map { (m, $0) } }, publications: papers.publications,
            rules: papers.authority?.rules ?? .standard)
        return HTML(page)
    }

    /// The papers of the meeting the address names by its committee's slug and its day.
    private func meetingPapers(_ context: QuorumRequestContext) async throws -> MeetingPapers? {
        guard let day = CalendarDay(iso: try context.parameters.require("date")) else { return nil }
        return try await store.meetingPapers(committeeSlug: try context.parameters.require("committee"), day: day)
    }

    private func requireCommittee(_ context: QuorumRequestContext) async throws -> Committee {
        let slug = try context.parameters.require("committee")
        guard let committee = try await store.committee(slug: slug) else { throw HTTPError(.notFound) }
        return committee
    }
}

/// Now, on the council's wall clock.
func todayInLondon(_ today: @Sendable () -> Date) -> LocalDateTime { LocalDateTime(today(), in: .london) }
