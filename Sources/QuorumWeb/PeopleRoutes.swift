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
        // One read: the person, their record in the year asked for (their latest by default), and what decides which
        // of their declarations are public.
        let year = try requestedYear(queryDictionary(request))
        guard let papers = try await store.personPapers(slug: try context.parameters.require("person"), yearStarting: year) else {
            throw HTTPError(.notFound)
        }
        let committees = Dictionary(papers.committees.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let meetings = Dictionary(papers.meetings.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let items = Dictionary(grouping: papers.agendaItems, by: \.meeting)
        let minutes = Dictionary(grouping: papers.minuteItems, by: \.meeting)
        var visible: [DeclarationOfInterest] = []
        for (meeting, made) in Dictionary(grouping: papers.declarations, by: \.meeting).sorted(by: { $0.key < $1.key }) {
            visible += Visibility.public.declarations(made, items: items[meeting] ?? [], minutes: minutes[meeting] ?? [])
        }
        let page = PersonPage(
            person: papers.person, memberships: papers.memberships, years: papers.years, shownYear: papers.shownYear, rules: papers.rules,
            attendance: papers.attendance, declarations: visible, committees: committees, meetings: meetings)
        return HTML(page)
    }
}

/// Everything the person page shows.
struct PersonPage: Sendable {
    let title: String
    let jobTitle: String?
    let memberships: [Row]
    /// "Attended 310 of 327 meetings where they were expected.", over the whole record.
    let attendanceSummary: String
    let years: [Year]
    /// "2025/26", the municipal year whose meetings are listed; nil when none is recorded or asked for.
    let shownYear: String?
    let attendance: [Row]
    let declarations: [Row]

    /// A line in one of the person's lists: a link and what it says about them.
    struct Row: Sendable {
        let text: String
        let href: String
        let detail: String
    }

    /// A row of the attendance table: one municipal year, linked to its meetings unless it is the year shown.
    struct Year: Sendable {
        let name: String
        let href: String?
        let attended: Int
        let expected: Int
        let recorded: Int
    }

    init(
        person: Person, memberships: [Membership], years: [AttendanceYear], shownYear: CalendarDay?, rules: DeadlineRules, attendance: [Attendance],
        declarations: [DeclarationOfInterest], committees: [Committee.ID: Committee], meetings: [Meeting.ID: Meeting]
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
        let attended = years.reduce(0) { $0 + $1.attended }
        let expected = years.reduce(0) { $0 + $1.expected }
        attendanceSummary = expected > 0 ? "Attended \(attended) of \(expected) meeting\(expected == 1 ? "" : "s") where they were expected." : ""
        let path = Paths.person(person.id)
        self.years = years.map { year in
            Year(
                name: year.name, href: year.start == shownYear ? nil : "\(path)?year=\(year.start.year)#meetings", attended: year.attended, expected: year.expected,
                recorded: year.recorded)
        }
        self.shownYear = shownYear.map { rules.municipalYear(of: $0) }
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
        self.declarations = newestFirst(declarations, \.meeting) { "\($0.agendaItemNumber.map { "Item \($0): " } ?? "")\($0.kind). \($0.reason)" }
    }
}
