/// A numbered item in the minutes. Minute numbers run on through the municipal year.
public struct MinuteItem: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = Identifier<MinuteItem>
    public let id: ID
    public var meeting: Meeting.ID
    /// The printed minute number: 42.
    public var number: Int
    /// "APOLOGIES FOR ABSENCE".
    public var title: String
    /// The discussion, as minuted.
    public var text: String
    /// What the committee resolved, in order.
    public var resolutions: [Resolution]
    /// The minute of an exempt item is exempt too.
    public var access: Access
    /// The words that lead into the resolutions, as printed: "That:".
    public var resolutionLeadIn: String?
    /// The number as the council prints it, where that says more than the number: "LLC 5/25", "Minute 114".
    public var reference: String?

    public init(
        id: ID, meeting: Meeting.ID, number: Int, title: String, text: String, resolutions: [Resolution] = [], access: Access = .open,
        resolutionLeadIn: String? = nil, reference: String? = nil
    ) {
        self.resolutionLeadIn = resolutionLeadIn
        self.reference = reference
        self.id = id
        self.meeting = meeting
        self.number = number
        self.title = title
        self.text = text
        self.resolutions = resolutions
        self.access = access
    }

    /// A minute identified by its meeting and number.
    public init(
        number: Int, of meeting: Meeting.ID, title: String, text: String, resolutions: [Resolution] = [], access: Access = .open,
        resolutionLeadIn: String? = nil, reference: String? = nil
    ) {
        self.init(
            id: ID(under: meeting, "minutes/\(number)"), meeting: meeting, number: number, title: title, text: text, resolutions: resolutions,
            access: access, resolutionLeadIn: resolutionLeadIn, reference: reference)
    }

    /// Whether this minute records `item`: the same meeting, and a title that says the same thing. Used to carry an
    /// item's exemption to its minute when the minutes come from another pack.
    public func records(_ item: AgendaItem) -> Bool {
        guard item.meeting == meeting else { return false }
        let mine = titleWords(title)
        let theirs = titleWords(item.title)
        guard !mine.isEmpty, !theirs.isEmpty else { return false }
        let shared = Double(mine.intersection(theirs).count)
        return shared / Double(min(mine.count, theirs.count)) >= 0.6
    }
}

/// "Resolved: That …": a decision of the committee, numbered when there are several.
public struct Resolution: Hashable, Sendable, Codable {
    /// "1", "2", or `nil` for a lone resolution.
    public var number: String?
    public var text: String
    public init(number: String? = nil, text: String) {
        self.number = number
        self.text = text
    }
}

/// The words of a title that carry its meaning, lower-cased, without the small words councils put in every title.
func titleWords(_ title: String) -> Set<String> {
    let small: Set = ["the", "and", "of", "to", "for", "a", "an", "in", "on", "at", "by", "with", "from", "item", "report", "exempt", "update"]
    return Set(title.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count > 1 && !small.contains($0) })
}
