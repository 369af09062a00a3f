/// A committee of the council, such as the Children and Young People Scrutiny Committee.
public struct Committee: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<Committee>
    public let id: ID
    public var authority: Authority.ID
    /// "Children and Young People Scrutiny Committee".
    public var name: String
    /// What the committee is for, as its terms of reference put it.
    public var remit: String
    /// The Democratic Services Officer who clerks it.
    public var clerk: Contact?

    public init(id: ID, authority: Authority.ID, name: String, remit: String = "", clerk: Contact? = nil) {
        self.id = id
        self.authority = authority
        self.name = name
        self.remit = remit
        self.clerk = clerk
    }

    /// A committee whose identifier is made from its authority and name.
    public init(named name: String, of authority: Authority.ID, remit: String = "", clerk: Contact? = nil) {
        self.init(id: ID(under: authority, slugged(name)), authority: authority, name: name, remit: remit, clerk: clerk)
    }

    /// The last part of the identifier, used in the committee's web address.
    public var slug: String {
        let id = id.rawValue
        guard let slash = id.utf8.lastIndex(of: UInt8(ascii: "/")) else { return id }
        return String(id[id.utf8.index(after: slash)...])
    }
}
