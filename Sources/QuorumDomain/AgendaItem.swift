/// One numbered item on a meeting's agenda.
public struct AgendaItem: Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<AgendaItem>
    public let id: ID
    public var meeting: Meeting.ID
    /// The printed number: "4", "7a".
    public var number: String
    /// Where it comes in the agenda, from 1; items are taken in this order unless the minutes say otherwise.
    public var position: Int
    /// "APOLOGIES FOR ABSENCE", as printed.
    public var title: String
    /// "To receive apologies for absence."
    public var description: String
    /// The pages of the agenda pack its papers occupy ("9 - 24").
    public var pages: PageRange?
    /// Whether it is taken in public.
    public var access: Access

    public init(
        id: ID, meeting: Meeting.ID, number: String, position: Int, title: String, description: String = "",
        pages: PageRange? = nil, access: Access = .open
    ) {
        self.id = id
        self.meeting = meeting
        self.number = number
        self.position = position
        self.title = title
        self.description = description
        self.pages = pages
        self.access = access
    }

    /// An item identified by its meeting and printed number.
    public init(
        number: String, of meeting: Meeting.ID, position: Int, title: String, description: String = "", pages: PageRange? = nil,
        access: Access = .open
    ) {
        self.init(
            id: ID(under: meeting, "items/" + slugged(number)), meeting: meeting, number: number, position: position, title: title,
            description: description, pages: pages, access: access)
    }

    public var isExempt: Bool { access != .open }
}

/// The pages of an agenda pack that an item's papers run over.
public struct PageRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public let first: Int
    public let last: Int

    /// `nil` unless 1 ≤ first ≤ last.
    public init?(first: Int, last: Int) {
        guard first >= 1, first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// "9 - 24", or "9" for a single page.
    public var description: String { first == last ? "\(first)" : "\(first) - \(last)" }
}

/// Whether the public may see an item and its papers.
public enum Access: Hashable, Sendable {
    case open
    /// Exempt information: taken in private and never published.
    case exempt(Schedule12A)

    public var label: String {
        switch self {
        case .open: "Open"
        case .exempt(let paragraph): "Exempt: \(paragraph.label)"
        }
    }
}

/// The paragraphs of Schedule 12A to the Local Government Act 1972 under which information is exempt.
public enum Schedule12A: Int, Hashable, Sendable, Codable, CaseIterable {
    case individual = 1
    case identifiesIndividual = 2
    case financialOrBusinessAffairs = 3
    case labourRelations = 4
    case legalPrivilege = 5
    case statutoryNoticeOrOrder = 6
    case crimePrevention = 7

    public var paragraph: Int { rawValue }

    /// "Paragraph 3 of Schedule 12A".
    public var label: String { "Paragraph \(rawValue) of Schedule 12A" }

    /// What the paragraph covers, in the Act's words.
    public var summary: String {
        switch self {
        case .individual: "Information relating to any individual."
        case .identifiesIndividual: "Information which is likely to reveal the identity of an individual."
        case .financialOrBusinessAffairs:
            "Information relating to the financial or business affairs of any particular person (including the authority holding that information)."
        case .labourRelations: "Information relating to any consultations or negotiations in connection with any labour relations matter."
        case .legalPrivilege: "Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings."
        case .statutoryNoticeOrOrder: "Information which reveals that the authority proposes to give a notice or make an order or direction."
        case .crimePrevention: "Information relating to any action taken in connection with the prevention, investigation or prosecution of crime."
        }
    }
}
