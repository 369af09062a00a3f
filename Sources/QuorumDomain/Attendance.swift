/// Who was at a meeting, and in what capacity, as the minutes record it.
public struct Attendance: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = Identifier<Attendance>
    public let id: ID
    public var meeting: Meeting.ID
    public var person: Person.ID
    public var kind: Kind
    /// Where the minutes list them, from 1: attendance is shown as minuted.
    public var position: Int?

    public enum Kind: Hashable, Sendable, Codable {
        /// Present, perhaps in a role ("chairperson").
        case present(role: String?)
        /// Attended virtually, so did not vote.
        case virtual
        /// Sent apologies.
        case apologies
        /// A named substitute, attending in place of a member.
        case substitute(for: Person.ID)
        /// In attendance but not a member: a cabinet member, another councillor. The capacity as recorded.
        case inAttendance(capacity: String?)
        /// An officer, by job title.
        case officer(jobTitle: String)

        public var label: String {
            switch self {
            case .present(let role): role.map { "Present (\($0))" } ?? "Present"
            case .virtual: "Attended virtually (did not vote)"
            case .apologies: "Apologies"
            case .substitute: "Named substitute"
            case .inAttendance(let capacity): capacity.map { "In attendance (\($0))" } ?? "In attendance"
            case .officer(let jobTitle): "Officer: \(jobTitle)"
            }
        }

        /// Whether they were there as a member: present, virtually, or as a named substitute.
        public var isAttended: Bool {
            switch self {
            case .present, .virtual, .substitute: true
            case .apologies, .inAttendance, .officer: false
            }
        }

        /// Whether they were expected as a member: attended, or sent apologies. Someone in attendance by invitation,
        /// or an officer, was not.
        public var isExpected: Bool { isAttended || self == .apologies }
    }

    public init(id: ID, meeting: Meeting.ID, person: Person.ID, kind: Kind, position: Int? = nil) {
        self.id = id
        self.meeting = meeting
        self.person = person
        self.kind = kind
        self.position = position
    }

    /// One attendance line per person per meeting.
    public init(of person: Person.ID, at meeting: Meeting.ID, kind: Kind, position: Int? = nil) {
        let personPart = person.rawValue.split(separator: "/").last.map(String.init) ?? person.rawValue
        self.init(id: ID(under: meeting, "attendance/" + personPart), meeting: meeting, person: person, kind: kind, position: position)
    }
}

/// How a person's attendance adds up in one municipal year.
public struct AttendanceYear: Hashable, Sendable {
    /// The year's first day (its annual meeting, or 1 May).
    public var start: CalendarDay
    /// "2025/26".
    public var name: String
    /// The meetings whose minutes record them, in any capacity.
    public var recorded = 0
    /// Of those, the ones they were expected at as a member…
    public var expected = 0
    /// …and the ones they attended.
    public var attended = 0

    public init(start: CalendarDay, name: String, recorded: Int = 0, expected: Int = 0, attended: Int = 0) {
        self.start = start
        self.name = name
        self.recorded = recorded
        self.expected = expected
        self.attended = attended
    }

    /// The municipal years `lines` fall in, newest first, with each one's counts: a line is a meeting's day and the
    /// capacity the person was recorded in.
    public static func tally(_ lines: [(day: CalendarDay, kind: Attendance.Kind)], rules: DeadlineRules) -> [AttendanceYear] {
        var years: [CalendarDay: AttendanceYear] = [:]
        // The spring each calendar year's municipal year begins, found once per year rather than for every line.
        var springs: [Int: CalendarDay] = [:]
        func spring(_ year: Int) -> CalendarDay {
            if let known = springs[year] { return known }
            let start = rules.municipalYearStart(beginningIn: year)
            springs[year] = start
            return start
        }
        for line in lines {
            let start = rules.municipalYearStart(of: line.day, startingIn: spring)
            years[start, default: AttendanceYear(start: start, name: rules.municipalYear(of: start))].count(line.kind)
        }
        return years.values.sorted { $0.start > $1.start }
    }

    mutating func count(_ kind: Attendance.Kind) {
        recorded += 1
        if kind.isExpected { expected += 1 }
        if kind.isAttended { attended += 1 }
    }
}

/// A member's declaration of an interest in an item.
public struct DeclarationOfInterest: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = Identifier<DeclarationOfInterest>
    public let id: ID
    public var meeting: Meeting.ID
    public var person: Person.ID
    /// The agenda item number it concerns, as recorded ("7"), if any.
    public var agendaItemNumber: String?
    /// The kind, in the words of the code of conduct in force: "Other Interest", "non-pecuniary".
    public var kind: String
    /// Why: "a governor of a school in the county".
    public var reason: String

    public init(id: ID, meeting: Meeting.ID, person: Person.ID, agendaItemNumber: String?, kind: String, reason: String) {
        self.id = id
        self.meeting = meeting
        self.person = person
        self.agendaItemNumber = agendaItemNumber
        self.kind = kind
        self.reason = reason
    }
}
