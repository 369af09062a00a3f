import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// A person's page: their committees, attendance record and declarations of interest.
struct PeopleRoutes {
    let store: any QuorumStore

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/people/:person", use: show)
    }

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        // One read: the person, their record, and what decides which of their declarations are public.
        guard let papers = try await store.personPapers(slug: try context.parameters.require("person")) else { throw HTTPError(.notFound) }
        let committees = Dictionary(papers.committees.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let meetings = Dictionary(papers.meetings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = Dictionary(grouping: papers.agendaItems, by: \.meeting)
        let minutes = Dictionary(grouping: papers.minuteItems, by: \.meeting)
        var visible: [DeclarationOfInterest] = []
        for (meeting, made) in Dictionary(grouping: papers.declarations, by: \.meeting).sorted(by: { $0.key < $1.key }) {
            visible += Visibility.public.declarations(made, items: items[meeting] ?? [], minutes: minutes[meeting] ?? [])
        }
        let page = PersonPage(
            person: papers.person, memberships: papers.memberships, attendance: papers.attendance, declarations: visible,
            committees: committees, meetings: meetings)
        return HTML(page)
    }
}

/// Everything the person page shows.
struct PersonPage: Sendable {
    let title: String
    let jobTitle: String?
    let memberships: [Row]
    let hasMemberships: Bool
    let attendance: [Row]
    let hasAttendance: Bool
    let attendanceSummary: String
    let declarations: [Row]
    let hasDeclarations: Bool

    /// A line in one of the person's lists: a link and what it says about them.
    struct Row: Sendable {
        let text: String
        let href: String
        let detail: String
    }

    init(
        person: Person, memberships: [Membership], attendance: [Attendance], declarations: [DeclarationOfInterest], committees: [Committee.ID: Committee],
        meetings: [Meeting.ID: Meeting]
    ) {
        title = person.styledName
        jobTitle = person.jobTitle
        self.memberships = memberships.map { membership in
            var detail = membership.role.label
            if let since = membership.roleFrom ?? membership.from { detail += ", from \(since.shortCouncilStyle)" }
            if let from = membership.from, let since = membership.roleFrom, from < since { detail += " (a member from \(from.shortCouncilStyle))" }
            if let end = membership.endText { detail += (membership.until == nil ? ", " : " ") + end }
            return Row(text: committees[membership.committee]?.name ?? "A committee", href: Paths.committee(membership.committee), detail: detail)
        }
        hasMemberships = !memberships.isEmpty
        // Newest meeting first; one not held (a row left out as unreadable) last. Each line is written once and sorted
        // by its meeting's start, so no meeting is looked up or copied at each comparison.
        func newestFirst<Record>(_ records: [Record], _ meeting: (Record) -> Meeting.ID, detail: (Record) -> String) -> [Row] {
            records.map { record -> (start: LocalDateTime?, row: Row) in
                let id = meeting(record)
                guard let held = meetings[id] else { return (nil, Row(text: "A meeting", href: Paths.meeting(id), detail: detail(record))) }
                let text = "\(committees[held.committee]?.name ?? "Committee"), \(held.start.day.councilStyle)"
                return (held.start, Row(text: text, href: Paths.meeting(id), detail: detail(record)))
            }.sorted { a, b in
                switch (a.start, b.start) {
                case (let x?, let y?): x > y
                case (_?, nil): true
                default: false
                }
            }.map(\.row)
        }
        self.attendance = newestFirst(attendance, \.meeting, detail: \.kind.label)
        hasAttendance = !attendance.isEmpty
        let present = attendance.filter {
            switch $0.kind {
            case .present, .virtual, .substitute: true
            default: false
            }
        }.count
        let apologies = attendance.filter { $0.kind == .apologies }.count
        attendanceSummary = present + apologies > 0 ? "Attended \(present) of \(present + apologies) meetings where they were expected." : ""
        self.declarations = newestFirst(declarations, \.meeting) { "\($0.agendaItemNumber.map { "Item \($0): " } ?? "")\($0.kind). \($0.reason)" }
        hasDeclarations = !declarations.isEmpty
    }
}
