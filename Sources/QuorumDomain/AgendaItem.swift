/// One numbered item on a meeting's agenda.
public struct AgendaItem: Hashable, Sendable, Identifiable, Codable {
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

    public var isExempt: Bool { access.isExempt }
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

/// Whether the public may see an item, a report, an appendix or a minute. One type for all four, so one
/// rule (`Visibility`) decides for each of them.
public enum Access: Hashable, Sendable {
    case open
    /// Exempt information: taken in private and never published. The paragraph of Schedule 12A is kept
    /// where the paper gives it; `nil` when it is marked exempt (or held as exempt in doubt) without one.
    case exempt(paragraph: Schedule12A?)

    public var isExempt: Bool { self != .open }

    /// The paragraph, when exempt under a stated one.
    public var paragraph: Schedule12A? {
        if case .exempt(let paragraph) = self { paragraph } else { nil }
    }

    public var label: String {
        switch self {
        case .open: "Open"
        case .exempt(let paragraph?): "Exempt: \(paragraph.label)"
        case .exempt(nil): "Exempt under Schedule 12A"
        }
    }

    /// Why the public cannot read it: "Minute exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972."
    public func withheldNotice(_ what: String) -> String {
        switch self {
        case .open: ""
        case .exempt(let paragraph?): "\(what) exempt under paragraph \(paragraph.rawValue) of Schedule 12A to the Local Government Act 1972."
        case .exempt(nil): "\(what) exempt under Schedule 12A to the Local Government Act 1972."
        }
    }

    /// The access after a later paper about the same thing says `incoming`. Fail closed: exempt information
    /// stays exempt whatever a later paper says, until an officer releases it (`released`), and a stated
    /// paragraph is never forgotten. The message, when there is one, is for an officer.
    public func merged(with incoming: Access, released: Bool) -> (access: Access, warning: String?) {
        switch (self, incoming) {
        case (.open, .open):
            return (.open, nil)
        case (.open, .exempt):
            if released { return (.open, "A later paper marks this exempt; it was released by an officer and stays public.") }
            return (incoming, nil)
        case (.exempt, .open):
            return (self, "A later paper marks this open; it stays exempt until an officer releases it.")
        case (.exempt(let held), .exempt(let new)):
            return (.exempt(paragraph: new ?? held), nil)
        }
    }
}

/// Written as one string, "open", "exempt" or "exempt: paragraph 3", which reads the same in stored JSON, the
/// import's dry run and anything else that prints it. Also reads the keyed form earlier versions stored
/// (`{"exempt":{"paragraph":3}}`).
extension Access: Codable {
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            guard let access = Access(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "‘\(text)’ is not open or exempt"))
            }
            self = access
            return
        }
        let keyed = try decoder.container(keyedBy: Form.self)
        if keyed.contains(.open) {
            self = .open
        } else {
            // A paragraph outside 1–7 is read as exempt without one: never as open, and never as an error that
            // takes a page down.
            let paragraph = try keyed.nestedContainer(keyedBy: Form.self, forKey: .exempt).decodeIfPresent(Int.self, forKey: .paragraph)
            self = .exempt(paragraph: paragraph.flatMap(Schedule12A.init(rawValue:)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }

    private enum Form: String, CodingKey { case open, exempt, paragraph }

    /// "open", "exempt", "exempt: paragraph 3".
    public var code: String {
        switch self {
        case .open: "open"
        case .exempt(nil): "exempt"
        case .exempt(let paragraph?): "exempt: paragraph \(paragraph.rawValue)"
        }
    }

    /// Reads `code`.
    public init?(_ code: String) {
        if code == "open" {
            self = .open
        } else if code == "exempt" {
            self = .exempt(paragraph: nil)
        } else if code.hasPrefix("exempt: paragraph ") {
            self = .exempt(paragraph: Int(code.dropFirst("exempt: paragraph ".count)).flatMap(Schedule12A.init(rawValue:)))
        } else {
            return nil
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
