/// A council: everything in Quorum belongs to one. A deployment may host several.
public struct Authority: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<Authority>
    public let id: ID
    /// "Herefordshire Council".
    public var name: String
    /// The council's web address, if known ("herefordshire.gov.uk").
    public var website: String?
    /// The deadlines its constitution sets.
    public var rules: DeadlineRules

    public init(id: ID, name: String, website: String? = nil, rules: DeadlineRules = .standard) {
        self.id = id
        self.name = name
        self.website = website
        self.rules = rules
    }

    /// An authority whose identifier is made from its name.
    public init(named name: String, website: String? = nil, rules: DeadlineRules = .standard) {
        self.init(id: ID(slugged(name)), name: name, website: website, rules: rules)
    }
}

/// How to reach someone about a meeting: the clerk on a front sheet.
public struct Contact: Hashable, Sendable, Codable {
    public var name: String
    /// "Democratic Services Officer".
    public var role: String?
    public var phone: String?
    public var email: String?

    public init(name: String, role: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.role = role
        self.phone = phone
        self.email = email
    }
}
