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

/// An item as the agenda prints it: the domain's record, with the line it is listed on, what the agenda says of its
/// appendices, and the text under it nobody recognised. The record's fields read through (`item.title`).
@dynamicMemberLookup
public struct PrintedItem: Sendable, Hashable {
    public var record: QuorumDomain.AgendaItem
    /// What the agenda says of the item's appendices ("open, with exempt appendix B"), by appendix key.
    public var appendixAccess: [String: Access] = [:]
    /// The line of the pack where the item is listed.
    public var line: Int
    public var unparsed: [String]

    public init(_ record: QuorumDomain.AgendaItem, line: Int = 0, unparsed: [String] = []) {
        self.record = record
        self.line = line
        self.unparsed = unparsed
    }

    public subscript<Value>(dynamicMember path: WritableKeyPath<QuorumDomain.AgendaItem, Value>) -> Value {
        get { record[keyPath: path] }
        set { record[keyPath: path] = newValue }
    }

    public subscript<Value>(dynamicMember path: KeyPath<QuorumDomain.AgendaItem, Value>) -> Value { record[keyPath: path] }
}
