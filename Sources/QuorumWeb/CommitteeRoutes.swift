import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// The committees: the list, each committee's page, its meetings and their papers.
struct CommitteeRoutes {
    let store: any QuorumStore
    let templates: Templates
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/committees", use: list)
        router.page("/committees/:committee", use: show)
        router.page("/committees/:committee/meetings/:date", use: meeting)
        router.page("/committees/:committee/meetings/:date/items/:item", use: report)
    }

    func list(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let committees = try await store.committees()
        var rows: [CommitteesPage.Row] = []
        for committee in committees {
            let next = try await store.meetings(MeetingFilter(committee: committee.id, from: todayInLondon(today).day, limit: 1)).first
            rows.append(.init(name: committee.name, href: Paths.committee(committee.id), nextMeeting: next?.start.councilStyle ?? "None scheduled"))
        }
        return try templates.render(CommitteesPage(title: "Committees", committees: rows, hasCommittees: !rows.isEmpty), with: "committees")
    }

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let committee = try await requireCommittee(context)
        async let meetings = store.meetings(of: committee.id)
        async let memberships = store.memberships(of: committee.id)
        async let sessions = store.workProgrammeSessions(of: committee.id)
        async let items = store.workProgrammeItems(of: committee.id)
        let people = try await store.people(try await memberships.map(\.person))
        let today = todayInLondon(today).day
        let page = CommitteePage(
            committee: committee, memberships: try await memberships.filter { $0.isCurrent(on: today) }, people: people,
            meetings: try await meetings,
            workProgramme: WorkProgrammeView(sessions: try await sessions, items: try await items))
        return try templates.render(page, with: "committee")
    }

    func meeting(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let committee = try await requireCommittee(context)
        let date = try context.parameters.require("date")
        guard CalendarDay(iso: date) != nil else { throw HTTPError(.notFound) }
        guard let meeting = try await store.meeting(Paths.meetingID(committee.id, date: date)) else { throw HTTPError(.notFound) }
        async let items = store.agendaItems(of: meeting.id)
        async let reports = store.reports(of: meeting.id)
        async let questions = store.questions(at: meeting.id)
        async let minutes = store.minuteItems(of: meeting.id)
        async let attendance = store.attendance(at: meeting.id)
        async let declarations = store.declarations(at: meeting.id)
        async let previous = store.meetings(MeetingFilter(committee: committee.id, to: meeting.start.day.adding(days: -1), newestFirst: true, limit: 1))
        async let next = store.meetings(MeetingFilter(committee: committee.id, from: meeting.start.day.adding(days: 1), limit: 1))
        async let made = store.recommendations(RecommendationFilter(committee: committee.id, meetingDay: meeting.start.day))
        let attendanceRows = try await attendance
        let declarationRows = try await declarations
        let questionRows = try await questions
        var personIDs = attendanceRows.map(\.person) + declarationRows.map(\.person)
        for row in attendanceRows { if case .substitute(let member) = row.kind { personIDs.append(member) } }
        for question in questionRows { if case .councillor(let id) = question.asker { personIDs.append(id) } }
        let people = Dictionary(try await store.people(personIDs).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let authority = try await store.authority(committee.authority)
        let page = MeetingPage(
            committee: committee, meeting: meeting, rules: authority?.rules ?? .standard,
            agenda: Visibility.public.agenda(try await items, reports: try await reports, of: meeting), questions: questionRows,
            minutes: Visibility.public.minutes(try await minutes, of: meeting),
            attendance: attendanceRows,
            declarations: Visibility.public.declarations(declarationRows, items: try await items, minutes: try await minutes), people: people,
            previous: try await previous.first, next: try await next.first,
            recommendations: try await made.sorted { ($0.topic, $0.number) < ($1.topic, $1.number) })
        return try templates.render(page, with: "meeting")
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
        return try templates.render(ReportPage(committee: committee, meeting: meeting, item: entry.item, report: report), with: "report")
    }

    private func requireCommittee(_ context: QuorumRequestContext) async throws -> Committee {
        let slug = try context.parameters.require("committee")
        guard let committee = try await store.committee(slug: slug) else { throw HTTPError(.notFound) }
        return committee
    }
}

/// Now, on the council's wall clock.
func todayInLondon(_ today: @Sendable () -> Date) -> LocalDateTime { LocalDateTime(today(), in: .london) }
