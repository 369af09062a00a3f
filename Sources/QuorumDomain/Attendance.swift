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
