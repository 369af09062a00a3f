/// Someone named in the record: a councillor, a co-opted member, an officer, a cabinet member.
public struct Person: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = Identifier<Person>
    public let id: ID
    public var authority: Authority.ID
    /// The name without a title: "Toni Fagan".
    public var name: String
    /// "Councillor", "Superintendent", "Mr": how the record styles them.
    public var title: String?
    /// An officer's job title: "Statutory Scrutiny Officer".
    public var jobTitle: String?

    public init(id: ID, authority: Authority.ID, name: String, title: String? = nil, jobTitle: String? = nil) {
        self.id = id
        self.authority = authority
        self.name = name
        self.title = title
        self.jobTitle = jobTitle
    }

    /// A person whose identifier is made from the authority and their name, so the same name in two
    /// packs of one council is one person.
    public init(named name: String, of authority: Authority.ID, title: String? = nil, jobTitle: String? = nil) {
        self.init(id: ID(under: authority, slugged(name)), authority: authority, name: name, title: title, jobTitle: jobTitle)
    }

    /// "Councillor Toni Fagan".
    public var styledName: String { title.map { "\($0) \(name)" } ?? name }

    public var isCouncillor: Bool { title == "Councillor" }
}
