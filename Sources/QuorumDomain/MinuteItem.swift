/// A numbered item in the minutes. Minute numbers run on through the municipal year.
public struct MinuteItem: Hashable, Sendable, Identifiable {
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

    public init(id: ID, meeting: Meeting.ID, number: Int, title: String, text: String, resolutions: [Resolution] = []) {
        self.id = id
        self.meeting = meeting
        self.number = number
        self.title = title
        self.text = text
        self.resolutions = resolutions
    }

    /// A minute identified by its meeting and number.
    public init(number: Int, of meeting: Meeting.ID, title: String, text: String, resolutions: [Resolution] = []) {
        self.init(id: ID(under: meeting, "minutes/\(number)"), meeting: meeting, number: number, title: title, text: text, resolutions: resolutions)
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
