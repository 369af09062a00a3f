public import QuorumDomain

/// A date cell as published: the text, and the day when the text is a date ("28-Jan-25"); "N/A" or
/// "TBC" keep only their text.
public struct PublishedDate: Codable, Hashable, Sendable {
    public var text: String
    public var date: CalendarDay?

    public init(text: String, date: CalendarDay? = nil) {
        self.text = text
        self.date = date
    }

    /// Reads a cell; nil when the cell is empty.
    init?(cell: String) {
        let trimmed = cell.trimmedSpaces
        guard !trimmed.isEmpty else { return nil }
        self.text = trimmed
        self.date = DateText.firstDate(in: trimmed)
    }
}
