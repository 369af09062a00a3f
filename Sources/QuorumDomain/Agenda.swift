/// A meeting's agenda as democratic services build it: its items in order, each substantive one with its report.
///
/// The agenda a clerk edits is a working copy; the public sees an agenda only as it was last published. Before the
/// first publication items can be added, changed, reordered and removed, and they are numbered 1, 2, 3… in order.
/// Once the public has seen an item its number and place are fixed and it cannot be removed (published papers are
/// kept for inspection); it can still be changed, and the change goes out in the next supplement. An item added
/// after publication takes the number of the item before it with a letter ("7a").
public struct Agenda: Hashable, Sendable, Codable {
    public let meeting: Meeting.ID
    /// In order.
    public private(set) var items: [AgendaItem]
    public private(set) var reports: [Report]
    /// The items the public has seen in a published agenda or supplement.
    @InOrder public private(set) var published: Set<AgendaItem.ID>
    /// Whether the agenda has been published (an imported one has, whether or not Quorum holds the date).
    public private(set) var isPublished: Bool

    public init(meeting: Meeting.ID, items: [AgendaItem], reports: [Report], published: Set<AgendaItem.ID>, isPublished: Bool) {
        self.meeting = meeting
        self.items = items.sorted { $0.position < $1.position }
        self.reports = reports
        self.published = published
        self.isPublished = isPublished
    }

    /// The agenda as it stands in the published record (`items` and `reports` as the public's tables hold them).
    public init(publishedFor meeting: Meeting, items: [AgendaItem], reports: [Report]) {
        self.init(
            meeting: meeting.id, items: items, reports: reports, published: Set(items.map(\.id)),
            isPublished: Visibility.public.maySeePapers(of: meeting))
    }

    public func report(of item: AgendaItem.ID) -> Report? { reports.first { $0.agendaItem == item } }
    public func item(_ id: AgendaItem.ID) -> AgendaItem? { items.first { $0.id == id } }

    /// The council's standard items the agenda does not yet carry.
    public func missing(_ standard: [StandardAgendaItem]) -> [StandardAgendaItem] {
        standard.filter { wanted in !items.contains { $0.title.matchesTitle(wanted.title) } }
    }

    /// Whether the public has seen this item: then its number and place are fixed.
    public func isFixed(_ id: AgendaItem.ID) -> Bool { published.contains(id) }

    public typealias Refusal = ChangeRefusal

    /// What a new item is: its title, what it is for, whether it is exempt, and, for a substantive item, its report's
    /// lead officer (the role the report is by) and author.
    public struct NewItem: Hashable, Sendable {
        public var title: String
        public var description: String
        public var access: Access
        public var report: ReportCover?
        public init(title: String, description: String, access: Access, report: ReportCover?) {
            self.title = title
            self.description = description
            self.access = access
            self.report = report
        }
    }

    /// The cover of a report as a clerk sets it up: who it is by and who wrote it. The rest (purpose, recommendations,
    /// the fixed sections) the report's writer fills in.
    public struct ReportCover: Hashable, Sendable {
        public var leadOfficer: String
        public var author: Contact?
        public init(leadOfficer: String, author: Contact?) {
            self.leadOfficer = leadOfficer
            self.author = author
        }
    }

    /// Adds the council's standard items that are not yet on the agenda, the opening ones first and the closing ones
    /// last, each in the council's order. `previousMeeting` dates the minutes item.
    public mutating func addStandardItems(_ standard: [StandardAgendaItem], previousMeeting: CalendarDay?) throws(Refusal) {
        guard !isPublished else { throw Refusal("standard", "The agenda has been published: add any item that is still needed on its own, and it goes out in a supplement") }
        let missing = missing(standard)
        guard !missing.isEmpty else { throw Refusal("standard", "The agenda already has all the standard items") }
        var opening = items.prefix { item in standard.contains { $0.place == .opening && item.title.matchesTitle($0.title) } }.map { $0 }
        var middle = Array(items.dropFirst(opening.count))
        var closing: [AgendaItem] = []
        while let last = middle.last, standard.contains(where: { $0.place == .closing && last.title.matchesTitle($0.title) }) {
            closing.insert(middle.removeLast(), at: 0)
        }
        func made(_ wanted: StandardAgendaItem) -> AgendaItem {
            var description = wanted.description
            if wanted.isMinutes, let previousMeeting { description = "To receive the minutes of the meeting held on \(previousMeeting.day) \(CalendarDay.monthNames[previousMeeting.month - 1]) \(previousMeeting.year)." }
            return AgendaItem(id: .init(under: meeting, "items/new"), meeting: meeting, number: "", position: 0, title: wanted.title, description: description)
        }
        for wanted in missing {
            let item = made(wanted)
            switch wanted.place {
            case .opening:
                let order = standard.firstIndex(of: wanted) ?? 0
                let at = opening.firstIndex { existing in (standard.firstIndex { existing.title.matchesTitle($0.title) } ?? 0) > order } ?? opening.count
                opening.insert(item, at: at)
            case .closing:
                let order = standard.firstIndex(of: wanted) ?? 0
                let at = closing.firstIndex { existing in (standard.firstIndex { existing.title.matchesTitle($0.title) } ?? 0) > order } ?? closing.count
                closing.insert(item, at: at)
            }
        }
        items = opening + middle + closing
        renumber()
    }

    /// Adds an item after the substantive items, before the closing standard ones (work programme, date of the next
    /// meeting). Returns its identifier.
    @discardableResult
    public mutating func add(_ new: NewItem, standard: [StandardAgendaItem]) throws(Refusal) -> AgendaItem.ID {
        try Self.check(title: new.title, description: new.description)
        if let cover = new.report { try Self.check(cover) }
        var at = items.count
        while at > 0, standard.contains(where: { $0.place == .closing && items[at - 1].title.matchesTitle($0.title) }) { at -= 1 }
        var item = AgendaItem(id: .init(under: meeting, "items/new"), meeting: meeting, number: "", position: 0, title: new.title, description: new.description, access: new.access)
        if isPublished {
            // Among published items, a new one takes the number of the one before it with the next free letter.
            let before = items[..<at].last?.number ?? "0"
            let base = before.prefix { $0.isNumber }
            let taken = Set(items.map(\.number))
            let letter = "abcdefghijklmnopqrstuvwxyz".map(String.init).first { !taken.contains(base + $0) }
            guard let letter else { throw Refusal("title", "Too many items have been added after item \(base)") }
            item = AgendaItem(number: base + letter, of: meeting, position: 0, title: new.title, description: new.description, access: new.access)
        }
        items.insert(item, at: at)
        if let cover = new.report {
            var report = Report(for: item, title: new.title)
            report.reportBy = cover.leadOfficer
            report.author = cover.author
            report.sections = Report.SectionKind.allCases.filter { $0 != .other }.map { Report.Section(kind: $0, heading: $0.heading, text: "") }
            reports.append(report)
        }
        renumber()
        return items[at].id
    }

    /// Moves a not-yet-published item one place up (`by: -1`) or down (`by: 1`).
    public mutating func move(_ id: AgendaItem.ID, by step: Int) throws(Refusal) {
        guard let index = items.firstIndex(where: { $0.id == id }) else { throw Refusal("item", "That item is not on the agenda") }
        guard !isPublished else { throw Refusal("item", "The agenda has been published, so its items keep their numbers and order") }
        let target = index + step
        guard items.indices.contains(target) else { throw Refusal("item", step < 0 ? "That item is already first" : "That item is already last") }
        items.swapAt(index, target)
        renumber()
    }

    /// Removes an item the public has not seen, with its report.
    public mutating func remove(_ id: AgendaItem.ID) throws(Refusal) {
        guard let item = item(id) else { throw Refusal("item", "That item is not on the agenda") }
        guard !isFixed(id) else { throw Refusal("item", "Item \(item.number) has been published, and published papers are kept: it cannot be removed") }
        items.removeAll { $0.id == id }
        reports.removeAll { $0.agendaItem == id }
        renumber()
    }

    /// Changes an item's title, description and access, and its report's lead officer and author. A published item
    /// may be made exempt at once (the store withholds it from that moment), but not made open here: that is a
    /// release, which an officer records with its reason.
    public mutating func edit(_ id: AgendaItem.ID, title: String, description: String, access: Access, cover: ReportCover?) throws(Refusal) {
        guard let index = items.firstIndex(where: { $0.id == id }) else { throw Refusal("item", "That item is not on the agenda") }
        try Self.check(title: title, description: description)
        if isFixed(id), items[index].isExempt, !access.isExempt {
            throw Refusal("access", "Item \(items[index].number) was published as exempt: release it from the exempt information page, giving the reason")
        }
        items[index].title = title
        items[index].description = description
        items[index].access = access
        if let r = reports.firstIndex(where: { $0.agendaItem == id }) {
            reports[r].title = title
            reports[r].classification = access
            if let cover {
                try Self.check(cover)
                reports[r].reportBy = cover.leadOfficer
                reports[r].author = cover.author
            }
        }
    }

    /// Replaces an item's report (its writer's text), keeping it on the item and with the item's access.
    public mutating func updateReport(_ report: Report) throws(Refusal) {
        guard let r = reports.firstIndex(where: { $0.id == report.id }), let item = item(report.agendaItem) else {
            throw Refusal("report", "That report is not on the agenda")
        }
        var report = report
        report.classification = item.access
        report.title = item.title
        reports[r] = report
    }

    /// The items, with reports, that differ from the published record: what the next publication contains.
    public func changes(fromPublished items: [AgendaItem], reports: [Report]) -> [AgendaItem] {
        let held = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let heldReports = Dictionary(reports.map { ($0.agendaItem, $0) }, uniquingKeysWith: { a, _ in a })
        // An item moved down by one added before it has not changed: only what it says, and its report, count.
        func same(_ a: AgendaItem?, _ b: AgendaItem) -> Bool {
            guard var a else { return false }
            a.position = b.position
            return a == b
        }
        return self.items.filter { item in !same(held[item.id], item) || heldReports[item.id] != report(of: item.id) }
    }

    /// After publication, everything on the agenda has been seen by the public.
    public mutating func markPublished() {
        published = Set(items.map(\.id))
        isPublished = true
    }

    /// Before the first publication items are numbered 1, 2, 3… in order, and identified by their number, as an
    /// imported agenda's are. After it, numbers stand and only the order is written down.
    private mutating func renumber() {
        // Reports follow their item (`Report(for:)` names the report after the item), matched before any is renamed.
        var reportOf: [Int: Int] = [:]
        for (r, report) in reports.enumerated() { if let index = items.firstIndex(where: { $0.id == report.agendaItem }) { reportOf[index] = r } }
        for index in items.indices {
            items[index].position = index + 1
            guard !isPublished else { continue }
            let renumbered = AgendaItem(
                number: String(index + 1), of: meeting, position: index + 1, title: items[index].title, description: items[index].description,
                pages: items[index].pages, access: items[index].access)
            items[index] = renumbered
            if let r = reportOf[index] { reports[r] = reports[r].moved(to: renumbered) }
        }
    }

    private static func check(title: String, description: String) throws(Refusal) {
        if title.isEmpty { throw Refusal("title", "Enter the item's title") }
        if title.count > 300 { throw Refusal("title", "The title must be 300 characters or fewer") }
        if description.count > 5_000 { throw Refusal("description", "The description must be 5,000 characters or fewer") }
    }

    private static func check(_ cover: ReportCover) throws(Refusal) {
        if cover.leadOfficer.isEmpty { throw Refusal("lead_officer", "Enter the lead officer: the role the report is by, such as Director of Children's Services") }
        if cover.leadOfficer.count > 300 { throw Refusal("lead_officer", "The lead officer must be 300 characters or fewer") }
        if let author = cover.author, author.name.count > 200 { throw Refusal("author_name", "The author's name must be 200 characters or fewer") }
    }
}

extension Report {
    /// The same report under `item`'s identifier.
    func moved(to item: AgendaItem) -> Report {
        Report(
            id: ID(item.id.rawValue + "/report"), agendaItem: item.id, meeting: meeting, title: title, reportBy: reportBy, classification: classification,
            decisionType: decisionType, wardsAffected: wardsAffected, purpose: purpose, recommendations: recommendations, sections: sections,
            appendices: appendices, clearance: clearance, classificationText: classificationText, cabinetPortfolio: cabinetPortfolio, author: author,
            democraticServices: democraticServices, requestedAt: requestedAt)
    }
}

/// One of the items every agenda of a council's committees carries, in the council's order: apologies, substitutes
/// and declarations first; the work programme and the date of the next meeting last. A per-council setting.
public struct StandardAgendaItem: Hashable, Sendable, Codable {
    public enum Place: String, Hashable, Sendable, Codable { case opening, closing }
    public var title: String
    public var description: String
    public var place: Place

    public init(_ title: String, _ description: String, _ place: Place = .opening) {
        self.title = title
        self.description = description
        self.place = place
    }

    /// The minutes of the previous meeting: its description names that meeting.
    var isMinutes: Bool { isMinutesTitle(title) }

    /// The order in Herefordshire Council's constitution, which Quorum uses unless a council sets its own.
    public static let standard: [StandardAgendaItem] = [
        .init("APOLOGIES FOR ABSENCE", "To receive apologies for absence."),
        .init("NAMED SUBSTITUTES", "To receive details of members nominated to attend the meeting in place of a member of the committee."),
        .init("DECLARATIONS OF INTEREST", "To receive declarations of interests from members of the committee in respect of items on the agenda."),
        .init("MINUTES", "To receive the minutes of the previous meeting."),
        .init("QUESTIONS FROM MEMBERS OF THE PUBLIC", "To receive any written questions from members of the public."),
        .init("QUESTIONS FROM MEMBERS OF THE COUNCIL", "To receive any written questions from members of the council."),
        .init("WORK PROGRAMME", "To consider the committee's work programme.", .closing),
        .init("DATE OF THE NEXT MEETING", "To note the date of the next meeting.", .closing),
    ]
}

/// One publication of a meeting's papers: the agenda itself (number 0), or a dated supplement (1, 2, …) with the
/// items it added or changed.
public struct AgendaPublication: Hashable, Sendable, Codable {
    public var meeting: Meeting.ID
    public var number: Int
    /// When it was published, in the council's local time.
    public var at: LocalDateTime
    /// The numbers of the items it published or changed, in agenda order.
    public var items: [String]
    /// Who published it.
    public var by: String

    public init(meeting: Meeting.ID, number: Int, at: LocalDateTime, items: [String], by: String) {
        self.meeting = meeting
        self.number = number
        self.at = at
        self.items = items
        self.by = by
    }

    /// What a supplement of the public's questions and their answers lists as its items.
    public static let questions = "questions"

    /// Whether this is the supplement of the questions accepted for the meeting and their written answers.
    public var isQuestions: Bool { items == [Self.questions] }

    /// "Agenda", "Supplement 1".
    public var label: String { number == 0 ? "Agenda" : "Supplement \(number)" }

    /// "Supplement 1 published Monday 1 December 2025, 10.15 am, with items 7, 8a".
    public var summary: String {
        if isQuestions { return "\(label) published \(at.councilStyle), with the questions and their answers" }
        return "\(label) published \(at.councilStyle)" + (number > 0 && !items.isEmpty ? ", with item\(items.count == 1 ? "" : "s") \(items.joined(separator: ", "))" : "")
    }
}

extension String {
    /// Whether two printed titles name the same item: "Apologies for absence" is "APOLOGIES FOR ABSENCE", and
    /// "Date of next meeting" is "DATE OF THE NEXT MEETING".
    public func matchesTitle(_ other: String) -> Bool {
        func words(_ text: String) -> [Substring] { text.lowercased().split { !$0.isLetter }.filter { $0 != "the" && $0 != "of" } }
        return words(self) == words(other)
    }
}

/// When a meeting's report writers must deliver: the report deadline (the work programme's, where it sets one for
/// the meeting; otherwise two working days before the agenda must be published, as Herefordshire's Thursday-before
/// rule gives), and clearance, the last working day before publication, by which every reviewer has signed it off.
public struct ReportDeadlines: Hashable, Sendable {
    public let report: CalendarDay
    /// Whether `report` is the one the work programme sets.
    public let reportFromWorkProgramme: Bool
    public let clearance: CalendarDay
    public let publication: CalendarDay

    public init(meetingDay: CalendarDay, workProgramme: CalendarDay?, rules: DeadlineRules, calendar: WorkingCalendar) {
        publication = agendaPublicationDeadline(meetingDay: meetingDay, rules: rules, calendar: calendar)
        clearance = calendar.workingDay(1, before: publication)
        report = workProgramme ?? calendar.workingDay(2, before: publication)
        reportFromWorkProgramme = workProgramme != nil
    }
}

/// Whether an agenda item's or a minute's title is that of the previous meeting's minutes: it says "minutes", in any
/// case ("Minutes", "MINUTES OF THE LAST MEETING"). Read as bytes: lowercasing the title and searching it character by
/// character cost a meeting page several microseconds a title.
public func isMinutesTitle(_ title: String) -> Bool {
    var title = title
    return title.withUTF8 { bytes in
        let word: StaticString = "minutes"
        let count = word.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let letters = UnsafeBufferPointer(start: word.utf8Start, count: count)
        // An ASCII capital letter differs from its small letter only in the bit 0x20; no other byte folds onto these.
        return (0...(bytes.count - count)).contains { start in
            (0..<count).allSatisfy { bytes[start + $0] | 0x20 == letters[$0] }
        }
    }
}
