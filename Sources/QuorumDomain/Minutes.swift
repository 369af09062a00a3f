import Foundation

/// A meeting's minutes as democratic services write them: who attended and in what capacity, the declarations of
/// interest, and the numbered minutes with their resolutions.
///
/// The minutes a clerk edits are a working copy. Publishing them puts them in the public record as draft minutes (the
/// meeting is then held); they become approved when a later meeting of the committee resolves that they are a correct
/// record, which that meeting's own minutes say. Approved minutes are the signed record and are not changed again.
/// Minute numbers run on through the municipal year: the first minute of a meeting follows the last of the committee's
/// previous meeting in the same year.
public struct Minutes: Hashable, Sendable, Codable {
    public let meeting: Meeting.ID
    /// Who attended, in the order the minutes list them.
    public private(set) var attendance: [Attendance]
    /// People the minutes name who are not yet in the record (an officer attending for the first time).
    public private(set) var newPeople: [Person]
    public private(set) var declarations: [DeclarationOfInterest]
    /// In number order.
    public private(set) var items: [MinuteItem]
    /// When the meeting ended, as minuted.
    public var endedAt: TimeOfDay?
    /// Resolutions marked as recommendations to the executive or a partner: they enter the tracker when the minutes
    /// are published.
    public private(set) var recommendations: [MarkedRecommendation]
    /// The earlier meeting whose minutes this meeting confirmed as a correct record, if it did.
    public private(set) var approves: Meeting.ID?
    /// Whether the minutes have been published (as draft, or imported).
    public private(set) var isPublished: Bool
    /// The minutes the public has seen, and of those the ones published as exempt: a published minute keeps its number,
    /// and one published as exempt is made public only by a release.
    @InOrder public private(set) var published: Set<MinuteItem.ID>
    @InOrder public private(set) var publishedExempt: Set<MinuteItem.ID>

    public init(
        meeting: Meeting.ID, attendance: [Attendance] = [], newPeople: [Person] = [], declarations: [DeclarationOfInterest] = [], items: [MinuteItem] = [],
        endedAt: TimeOfDay? = nil, recommendations: [MarkedRecommendation] = [], approves: Meeting.ID? = nil, isPublished: Bool = false
    ) {
        self.published = isPublished ? Set(items.map(\.id)) : []
        self.publishedExempt = isPublished ? Set(items.filter(\.access.isExempt).map(\.id)) : []
        self.meeting = meeting
        self.attendance = attendance.sorted { ($0.position ?? .max) < ($1.position ?? .max) }
        self.newPeople = newPeople
        self.declarations = declarations
        self.items = items.sorted { $0.number < $1.number }
        self.endedAt = endedAt
        self.recommendations = recommendations
        self.approves = approves
        self.isPublished = isPublished
    }

    /// The minutes as the public record holds them (imported, or published from Quorum).
    public init(publishedFor meeting: Meeting, attendance: [Attendance], declarations: [DeclarationOfInterest], items: [MinuteItem]) {
        let published: Bool
        switch meeting.status {
        case .held, .minutesApproved: published = !items.isEmpty || !attendance.isEmpty
        default: published = false
        }
        self.init(
            meeting: meeting.id, attendance: attendance, declarations: declarations, items: items, endedAt: meeting.status.endedAt, isPublished: published)
    }

    /// A resolution marked as a recommendation: which minute and resolution, whom it asks, and which clock runs for the
    /// answer.
    public struct MarkedRecommendation: Hashable, Sendable, Codable {
        public var minute: Int
        /// The resolution's place in its minute, from 0.
        public var resolution: Int
        public var addressee: Recommendation.Addressee
        public var responseRule: ResponseRule
        public init(minute: Int, resolution: Int, addressee: Recommendation.Addressee, responseRule: ResponseRule) {
            self.minute = minute
            self.resolution = resolution
            self.addressee = addressee
            self.responseRule = responseRule
        }
    }

    public typealias Refusal = ChangeRefusal

    public func item(numbered number: Int) -> MinuteItem? { items.first { $0.number == number } }

    /// The number the next minute takes.
    public func nextNumber(startingAt first: Int) -> Int { (items.map(\.number).max() ?? (first - 1)) + 1 }

    // MARK: Attendance

    /// Records `person` as attending in `kind`, in place of what was recorded for them; `newPerson` is added to the
    /// record when they are not yet in it.
    public mutating func record(_ kind: Attendance.Kind, for person: Person.ID, newPerson: Person? = nil) throws(Refusal) {
        if case .substitute(let member) = kind {
            guard member != person else { throw Refusal("substitute_for", "A member cannot substitute for themselves") }
            if attendance.contains(where: { if case .substitute(member) = $0.kind { $0.person != person } else { false } }) {
                throw Refusal("substitute_for", "Someone is already recorded as substituting for that member")
            }
        }
        if let newPerson, !newPeople.contains(where: { $0.id == newPerson.id }) { newPeople.append(newPerson) }
        let line = Attendance(of: person, at: meeting, kind: kind)
        if let index = attendance.firstIndex(where: { $0.person == person }) {
            attendance[index] = Attendance(id: attendance[index].id, meeting: meeting, person: person, kind: kind, position: attendance[index].position)
        } else {
            attendance.append(line)
        }
        renumberAttendance()
    }

    /// Takes `person` off the attendance (a member who did not attend and sent no apologies is simply not listed).
    public mutating func removeAttendance(of person: Person.ID) {
        attendance.removeAll { $0.person == person }
        newPeople.removeAll { person == $0.id && !declarations.contains { $0.person == person } }
        renumberAttendance()
    }

    private mutating func renumberAttendance() {
        // Members first, in the order of the kinds councils minute them, each kind in the order recorded.
        func rank(_ kind: Attendance.Kind) -> Int {
            switch kind {
            case .present: 0
            case .virtual: 1
            case .substitute: 2
            case .apologies: 3
            case .inAttendance: 4
            case .officer: 5
            }
        }
        attendance = attendance.enumerated().sorted { (rank($0.element.kind), $0.offset) < (rank($1.element.kind), $1.offset) }.map(\.element)
        for index in attendance.indices { attendance[index].position = index + 1 }
    }

    // MARK: Declarations

    public mutating func declare(_ person: Person.ID, item: String?, kind: String, reason: String) throws(Refusal) {
        if kind.isEmpty { throw Refusal("declaration_kind", "Enter the kind of interest, in the words of the code of conduct") }
        if kind.count > 200 { throw Refusal("declaration_kind", "The kind of interest must be 200 characters or fewer") }
        if reason.isEmpty { throw Refusal("reason", "Enter the reason the member gave") }
        if reason.count > 2_000 { throw Refusal("reason", "The reason must be 2,000 characters or fewer") }
        let key = "declarations/\(declarations.count + 1)-" + (person.rawValue.split(separator: "/").last.map(String.init) ?? "")
        var id = DeclarationOfInterest.ID(under: meeting, key)
        var n = declarations.count + 1
        while declarations.contains(where: { $0.id == id }) {
            n += 1
            id = DeclarationOfInterest.ID(under: meeting, "declarations/\(n)-" + (person.rawValue.split(separator: "/").last.map(String.init) ?? ""))
        }
        declarations.append(DeclarationOfInterest(id: id, meeting: meeting, person: person, agendaItemNumber: item, kind: kind, reason: reason))
    }

    public mutating func withdrawDeclaration(_ id: DeclarationOfInterest.ID) throws(Refusal) {
        guard declarations.contains(where: { $0.id == id }) else { throw Refusal("declaration", "That declaration is not in the minutes") }
        declarations.removeAll { $0.id == id }
    }

    // MARK: Minute items

    /// A minute for each agenda item not yet minuted, in agenda order, numbered on from `first` (the number after the
    /// committee's last minute in the municipal year). The minute of an exempt item is exempt.
    public mutating func addItems(from agenda: [AgendaItem], startingAt first: Int) throws(Refusal) {
        let wanted = agenda.sorted { $0.position < $1.position }.filter { item in !items.contains { $0.title.matchesTitle(item.title) } }
        guard !wanted.isEmpty else { throw Refusal("minutes", agenda.isEmpty ? "The meeting has no agenda to minute" : "Every agenda item already has a minute") }
        var number = nextNumber(startingAt: first)
        for item in wanted {
            items.append(MinuteItem(number: number, of: meeting, title: item.title, text: "", access: item.access))
            number += 1
        }
    }

    /// Adds a minute after the others.
    @discardableResult
    public mutating func add(title: String, access: Access, startingAt first: Int) throws(Refusal) -> Int {
        try Self.check(title: title, text: "")
        let number = nextNumber(startingAt: first)
        items.append(MinuteItem(number: number, of: meeting, title: title, text: "", access: access))
        return number
    }

    /// Changes a minute: its title, the discussion, the resolutions (in order; numbered 1., 2. … when there are
    /// several), the words leading into them, and whether it is exempt. A published minute may be made exempt (the
    /// store withholds it at once) but not made open here: that is a release, recorded with its reason.
    public mutating func edit(_ number: Int, title: String, text: String, resolutions: [String], leadIn: String?, access: Access) throws(Refusal) {
        guard let index = items.firstIndex(where: { $0.number == number }) else { throw Refusal("minute", "There is no minute \(number)") }
        try Self.check(title: title, text: text)
        if resolutions.contains(where: { $0.count > 10_000 }) { throw Refusal("resolutions", "Each resolution must be 10,000 characters or fewer") }
        if publishedExempt.contains(items[index].id), !access.isExempt {
            throw Refusal("access", "Minute \(number) was published as exempt: release it from the exempt information page, giving the reason")
        }
        items[index].title = title
        items[index].text = text
        items[index].resolutions =
            resolutions.count == 1
            ? [Resolution(text: resolutions[0])] : resolutions.enumerated().map { Resolution(number: String($0.offset + 1), text: $0.element) }
        // The minutes print "Resolved:" themselves: a lead-in typed as printed ("RESOLVED: That:") keeps only its own words.
        let words = (leadIn ?? "").replacing(/^\s*resolved\s*[:\-–—]?\s*/.ignoresCase(), with: "").trimmingCharacters(in: .whitespaces)
        items[index].resolutionLeadIn = words.isEmpty ? nil : words
        items[index].access = access
        // A marked recommendation whose resolution has gone is unmarked, and so is every one of a minute made exempt: the
        // public tracker cannot carry a resolution the public may not read.
        recommendations.removeAll { $0.minute == number && ($0.resolution >= resolutions.count || access.isExempt) }
    }

    /// Removes a minute the public has not seen; those after it are numbered down.
    public mutating func remove(_ number: Int) throws(Refusal) {
        guard let index = items.firstIndex(where: { $0.number == number }) else { throw Refusal("minute", "There is no minute \(number)") }
        guard !published.contains(items[index].id) else {
            throw Refusal("minute", "Minute \(number) has been published: correct it instead, and the corrected draft goes out when published again")
        }
        items.remove(at: index)
        recommendations.removeAll { $0.minute == number }
        for later in items.indices where items[later].number > number {
            guard !published.contains(items[later].id) else { continue }
            let old = items[later].number
            let item = items[later]
            items[later] = MinuteItem(
                number: old - 1, of: meeting, title: item.title, text: item.text, resolutions: item.resolutions, access: item.access,
                resolutionLeadIn: item.resolutionLeadIn, reference: item.reference)
            for r in recommendations.indices where recommendations[r].minute == old { recommendations[r].minute = old - 1 }
        }
    }

    /// Numbers the minutes on from `first`: for when the committee's earlier minutes in the year are not all in Quorum.
    public mutating func renumber(from first: Int) throws(Refusal) {
        guard first >= 1, first <= 100_000 else { throw Refusal("first_number", "The first minute number must be a whole number from 1") }
        guard items.allSatisfy({ !published.contains($0.id) }) else {
            throw Refusal("first_number", "The minutes have been published, so their numbers stand")
        }
        var moved: [Int: Int] = [:]
        items = items.enumerated().map { offset, item in
            moved[item.number] = first + offset
            return MinuteItem(
                number: first + offset, of: meeting, title: item.title, text: item.text, resolutions: item.resolutions, access: item.access,
                resolutionLeadIn: item.resolutionLeadIn, reference: item.reference)
        }
        for r in recommendations.indices { recommendations[r].minute = moved[recommendations[r].minute] ?? recommendations[r].minute }
    }

    // MARK: Recommendations and approval

    /// Marks a resolution as a recommendation: when the minutes are published it enters the tracker.
    public mutating func mark(_ marked: MarkedRecommendation) throws(Refusal) {
        guard let item = item(numbered: marked.minute), item.resolutions.indices.contains(marked.resolution) else {
            throw Refusal("resolution", "There is no such resolution in the minutes")
        }
        guard !item.access.isExempt else { throw Refusal("resolution", "Minute \(marked.minute) is exempt: a recommendation in the public tracker cannot come from it") }
        recommendations.removeAll { $0.minute == marked.minute && $0.resolution == marked.resolution }
        recommendations.append(marked)
    }

    public mutating func unmark(minute: Int, resolution: Int) {
        recommendations.removeAll { $0.minute == minute && $0.resolution == resolution }
    }

    /// The recommendation a marked resolution becomes: numbered by its minute and resolution ("48.2"), under the
    /// minute's title as its topic.
    public func recommendation(_ marked: MarkedRecommendation, committee: Committee.ID, meetingDay: CalendarDay) -> Recommendation? {
        guard let item = item(numbered: marked.minute), item.resolutions.indices.contains(marked.resolution) else { return nil }
        let resolution = item.resolutions[marked.resolution]
        let number = resolution.number.map { "\(marked.minute).\($0)" } ?? String(marked.minute)
        return Recommendation(
            number: number, of: committee, madeOn: meetingDay, topic: item.title, text: resolution.text, addressee: marked.addressee,
            responseRule: marked.responseRule)
    }

    /// Records, in the minute that considers them, that the committee confirmed the minutes of `previous` as a correct
    /// record: when these minutes are published, those become approved.
    public mutating func approveMinutes(of previous: Meeting, inMinute number: Int) throws(Refusal) {
        guard let index = items.firstIndex(where: { $0.number == number }) else { throw Refusal("approve_minute", "Choose the minute that considers them") }
        guard previous.id != meeting else { throw Refusal("approve_minute", "A meeting cannot approve its own minutes") }
        switch previous.status {
        case .held: break
        case .minutesApproved: throw Refusal("approve_minute", "The minutes of \(previous.start.day.councilStyle) are already approved")
        default: throw Refusal("approve_minute", "The minutes of \(previous.start.day.councilStyle) have not been published, so they cannot be approved")
        }
        let text = "That the minutes of the meeting held on \(previous.start.day.councilStyle) be confirmed as a correct record and be signed by the chairperson."
        if !items[index].resolutions.contains(where: { $0.text == text }) {
            let count = items[index].resolutions.count
            if count == 1, items[index].resolutions[0].number == nil { items[index].resolutions[0].number = "1" }
            items[index].resolutions.append(Resolution(number: count == 0 ? nil : String(count + 1), text: text))
        }
        approves = previous.id
    }

    /// After publication the minutes, as the public record now holds them (`held`), are the public's draft; the
    /// resolutions marked as recommendations and the approval stay marked.
    public mutating func markPublished(as held: Minutes) {
        attendance = held.attendance
        declarations = held.declarations
        items = held.items
        newPeople = []
        isPublished = true
        published = Set(items.map(\.id))
        publishedExempt = Set(items.filter(\.access.isExempt).map(\.id))
    }

    /// A minute published as exempt has been released by an officer: it is open here too.
    public mutating func released(_ id: MinuteItem.ID) {
        publishedExempt.remove(id)
        if let index = items.firstIndex(where: { $0.id == id }) { items[index].access = .open }
    }

    private static func check(title: String, text: String) throws(Refusal) {
        if title.isEmpty { throw Refusal("title", "Enter the minute's title") }
        if title.count > 300 { throw Refusal("title", "The title must be 300 characters or fewer") }
        if text.count > 100_000 { throw Refusal("text", "The minute must be 100,000 characters or fewer") }
    }
}

/// What a change to a working record (an agenda, minutes, a work programme) cannot do, and which field it concerns.
public struct ChangeRefusal: Error, Hashable, Sendable {
    public let field: String
    public let message: String
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}

/// The number a meeting's first minute takes: one after the highest of the committee's minutes earlier in the same
/// municipal year, or 1 for the year's first meeting.
public func firstMinuteNumber(for meeting: Meeting, earlier minutes: [(day: CalendarDay, number: Int)], rules: DeadlineRules) -> Int {
    let start = rules.municipalYearStart(of: meeting.start.day)
    return (minutes.filter { $0.day >= start && $0.day < meeting.start.day }.map(\.number).max() ?? 0) + 1
}
