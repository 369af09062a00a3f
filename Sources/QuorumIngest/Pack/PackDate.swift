/// A calendar day as printed in a pack. No time zone is involved: it is the day the council wrote.
public struct PackDate: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: PackDate, rhs: PackDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// ISO 8601, e.g. "2025-03-18".
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }

    /// Written as ISO 8601 ("2025-06-16"); the keyed form earlier dry runs printed still reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)")) }
            self.init(year: parts[0], month: parts[1], day: parts[2])
            return
        }
        let keyed = try decoder.container(keyedBy: Keys.self)
        self.init(year: try keyed.decode(Int.self, forKey: .year), month: try keyed.decode(Int.self, forKey: .month), day: try keyed.decode(Int.self, forKey: .day))
    }

    private enum Keys: String, CodingKey { case year, month, day }

    /// Whether the day exists in the Gregorian calendar.
    var isValid: Bool {
        guard (1...12).contains(month), day >= 1, year >= 1900, year <= 2200 else { return false }
        let lengths = [31, isLeapYear ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= lengths[month - 1]
    }

    private var isLeapYear: Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }
}

/// A time of day as printed in a pack ("2.00 pm", "16:56"), on the 24-hour clock.
public struct PackTime: Codable, Hashable, Sendable, Comparable, CustomStringConvertible {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    public static func < (lhs: PackTime, rhs: PackTime) -> Bool { (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute) }

    /// "14:00".
    public var description: String {
        (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
    }

    /// Written as "HH:MM"; the keyed form earlier dry runs printed still reads.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            let parts = text.split(separator: ":").compactMap { Int($0) }
            guard parts.count == 2 else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a time: \(text)")) }
            self.init(hour: parts[0], minute: parts[1])
            return
        }
        let keyed = try decoder.container(keyedBy: Keys.self)
        self.init(hour: try keyed.decode(Int.self, forKey: .hour), minute: try keyed.decode(Int.self, forKey: .minute))
    }

    private enum Keys: String, CodingKey { case hour, minute }
}

/// A date cell as published: the text, and the day when the text is a date ("28-Jan-25"); "N/A" or
/// "TBC" keep only their text.
public struct PublishedDate: Codable, Hashable, Sendable {
    public var text: String
    public var date: PackDate?

    public init(text: String, date: PackDate? = nil) {
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
