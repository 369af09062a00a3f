/// A person's place on a committee for a period.
public struct Membership: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Membership>
    public let id: ID
    public var committee: Committee.ID
    public var person: Person.ID
    public var role: Role
    /// The first day known (the first meeting it was published for), if known.
    public var from: CalendarDay?
    /// The last day, once the membership has ended.
    public var until: CalendarDay?

    /// What a member is on the committee. Older packs say "Chairman" for chairperson.
    public enum Role: Hashable, Sendable {
        case chairperson
        case viceChairperson
        case councillor
        /// A co-opted member, who represents a body: "Hereford Diocese", "Parent Governor Secondary".
        case coOpted(represents: String)
        /// A councillor named to attend in place of a member.
        case namedSubstitute

        /// Whether this member votes: co-opted members of education scrutiny may, others depend on the scheme;
        /// substitutes only when attending in someone's place.
        public var isCouncillorRole: Bool {
            switch self {
            case .chairperson, .viceChairperson, .councillor, .namedSubstitute: true
            case .coOpted: false
            }
        }

        /// "Chairperson", "Co-opted member (Hereford Diocese)".
        public var label: String {
            switch self {
            case .chairperson: "Chairperson"
            case .viceChairperson: "Vice-chairperson"
            case .councillor: "Councillor"
            case .coOpted(let body): "Co-opted member (\(body))"
            case .namedSubstitute: "Named substitute"
            }
        }
    }

    public init(id: ID, committee: Committee.ID, person: Person.ID, role: Role, from: CalendarDay? = nil, until: CalendarDay? = nil) {
        self.id = id
        self.committee = committee
        self.person = person
        self.role = role
        self.from = from
        self.until = until
    }

    /// A membership identified by its committee and person: one person has one place on a committee.
    public init(of person: Person.ID, on committee: Committee.ID, role: Role, from: CalendarDay? = nil, until: CalendarDay? = nil) {
        let personPart = person.rawValue.split(separator: "/").last.map(String.init) ?? person.rawValue
        self.init(id: ID(under: committee, "members/" + personPart), committee: committee, person: person, role: role, from: from, until: until)
    }

    /// Whether the membership covered `day`.
    public func isCurrent(on day: CalendarDay) -> Bool {
        (from.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true)
    }
}
