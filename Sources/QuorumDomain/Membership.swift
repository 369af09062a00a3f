/// A person's place on a committee for a period.
public struct Membership: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<Membership>
    public let id: ID
    public var committee: Committee.ID
    public var person: Person.ID
    public var role: Role
    /// The first day known (the first meeting it was published for), if known.
    public var from: CalendarDay?
    /// The last day, when a paper says when the membership ended. Quorum never invents one.
    public var until: CalendarDay?
    /// The first day known in the current role: the first meeting whose papers show it.
    public var roleFrom: CalendarDay?
    /// The last meeting whose published membership listed this member.
    public var lastListed: CalendarDay?
    /// Whether the newest published membership still lists them. When it does not, the membership ended some time
    /// after `lastListed`; the papers do not say when.
    public var isListed: Bool
    /// Where the newest published membership lists them, from 1: members are shown in the council's order.
    public var position: Int?

    /// What a member is on the committee. Older packs say "Chairman" for chairperson.
    public enum Role: Hashable, Sendable, Encodable {
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

    public init(
        id: ID, committee: Committee.ID, person: Person.ID, role: Role, from: CalendarDay? = nil, until: CalendarDay? = nil,
        roleFrom: CalendarDay? = nil, lastListed: CalendarDay? = nil, isListed: Bool = true, position: Int? = nil
    ) {
        self.position = position
        self.id = id
        self.committee = committee
        self.person = person
        self.role = role
        self.from = from
        self.until = until
        self.roleFrom = roleFrom ?? from
        self.lastListed = lastListed ?? from
        self.isListed = isListed
    }

    /// A membership identified by its committee and person: one person has one place on a committee.
    public init(
        of person: Person.ID, on committee: Committee.ID, role: Role, from: CalendarDay? = nil, until: CalendarDay? = nil, roleFrom: CalendarDay? = nil,
        lastListed: CalendarDay? = nil, isListed: Bool = true, position: Int? = nil
    ) {
        let personPart = person.rawValue.split(separator: "/").last.map(String.init) ?? person.rawValue
        self.init(
            id: ID(under: committee, "members/" + personPart), committee: committee, person: person, role: role, from: from, until: until,
            roleFrom: roleFrom, lastListed: lastListed, isListed: isListed, position: position)
    }

    /// When the membership ended, in words as far as the papers say: "until 19 May 2025", "not listed after
    /// September 2024", or `nil` while it is current.
    public var endText: String? {
        if let until { return "until \(until.shortCouncilStyle)" }
        guard !isListed else { return nil }
        return lastListed.map { "not listed after \($0.monthStyle)" } ?? "no longer listed"
    }

    /// The council's order: the chair, then the vice-chair, then as the front sheet lists the rest.
    public static func inPublishedOrder(_ a: Membership, _ b: Membership) -> Bool {
        func rank(_ m: Membership) -> Int {
            switch m.role {
            case .chairperson: 0
            case .viceChairperson: 1
            default: 2
            }
        }
        return (rank(a), a.position ?? Int.max, a.id) < (rank(b), b.position ?? Int.max, b.id)
    }

    /// Whether the membership is current on `day`: begun, not ended by a published date, and still listed.
    public func isCurrent(on day: CalendarDay) -> Bool {
        isListed && (from.map { $0 <= day } ?? true) && (until.map { day <= $0 } ?? true)
    }
}
