public import QuorumDomain

/// A person on the committee as listed on the front sheet.
public struct CommitteeMember: Sendable, Hashable, Codable {
    /// The name without any title, e.g. "Toni Fagan".
    public var name: String
    /// The title printed before the name ("Councillor"), if any.
    public var title: String?
    public var role: MemberRole
    /// The role label as published, e.g. "Chairman" or "Co-opted members".
    public var roleAsPublished: String?
    /// For a co-opted member, the body represented, e.g. "Families' Representative".
    public var represents: String?

    public init(name: String, title: String? = nil, role: MemberRole, roleAsPublished: String? = nil, represents: String? = nil) {
        self.name = name
        self.title = title
        self.role = role
        self.roleAsPublished = roleAsPublished
        self.represents = represents
    }
}

/// A member's role on a committee. Older packs say "Chairman"; it is the same role.
public enum MemberRole: String, Sendable, Hashable, Codable, CaseIterable {
    case chairperson
    case viceChairperson
    case councillor
    case coOpted
}

/// A numbered item on the agenda.
public struct AgendaItem: Sendable, Hashable, Codable {
    /// The printed number, e.g. "4" or "7a".
    public var number: String
    /// The 1-based position on the agenda.
    public var position: Int
    public var title: String
    public var description: String
    /// The pages of the pack the item's papers occupy, when the agenda gives them.
    public var pages: PageRange?
    public var access: Access
    /// What the agenda says of the item's appendices ("open, with exempt appendix B"), by appendix key.
    public var appendixAccess: [String: Access] = [:]
    /// The line of the pack where the item is listed.
    public var line: Int
    public var unparsed: [String]

    public init(
        number: String, position: Int, title: String, description: String = "", pages: PageRange? = nil,
        access: Access = .open, line: Int = 0, unparsed: [String] = []
    ) {
        self.number = number
        self.position = position
        self.title = title
        self.description = description
        self.pages = pages
        self.access = access
        self.line = line
        self.unparsed = unparsed
    }
}

