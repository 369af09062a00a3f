public import Foundation

/// A day in the council's calendar, with no time or time zone: "Tuesday 18 March 2025".
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or `nil` if there is no such date (30 February).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Creates a day known to exist; traps on an impossible date, so use it only for literals.
    public init(_ year: Int, _ month: Int, _ day: Int) {
        guard let value = CalendarDay(year: year, month: month, day: day) else {
            preconditionFailure("\(year)-\(month)-\(day) is not a date")
        }
        self = value
    }

    /// Parses an ISO 8601 date, `2025-03-18`. Every stored day is read through here, so it reads the bytes directly,
    /// and is inlinable so that the store's reads get it specialised for `String` rather than through `StringProtocol`.
    @inlinable
    public init?(iso text: some StringProtocol) {
        var bytes = text.utf8.makeIterator()
        func number(_ width: Int) -> Int? {
            var value = 0
            for _ in 0..<width {
                guard let b = bytes.next(), b >= 48, b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard let y = number(4), bytes.next() == 45, let m = number(2), bytes.next() == 45, let d = number(2), bytes.next() == nil else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// The ISO 8601 form, `2025-03-18`.
    public var iso: String { padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2) }
    public var description: String { iso }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1 January 1970 (negative before), for arithmetic without a calendar object.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day with the given day number (see `dayNumber`).
    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay { CalendarDay(dayNumber: dayNumber + count) }

    /// The same day of the month `count` months later, or the last day of that month if it is shorter
    /// (31 December plus two months is 28 or 29 February).
    public func adding(months count: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + count
        let y = index / 12
        let m = index % 12 + 1
        return CalendarDay(year: y, month: m, day: min(day, CalendarDay.daysIn(month: m, year: y)))!
    }

    /// Days from this day to `other` (positive when `other` is later).
    public func days(until other: CalendarDay) -> Int { other.dayNumber - dayNumber }

    public var weekday: Weekday {
        // 1 January 1970 was a Thursday.
        let index = ((dayNumber % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday.allCases[index]
    }

    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }
}

/// A day of the week, Monday first as in the UK.
public enum Weekday: Int, CaseIterable, Sendable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var name: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }
}

/// A time on the clock in the council's local time: "2.00 pm".
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `14:00`; inlinable, as a day's parser is.
    @inlinable
    public init?(iso text: some StringProtocol) {
        // Read byte by byte, as a day is: "9:30" or "14:00", one or two digits of hour and two of minute.
        var hour = 0, minute = 0, hourDigits = 0, minuteDigits = 0, seenColon = false
        for byte in text.utf8 {
            if byte == 58, !seenColon {
                seenColon = true
            } else if byte >= 48, byte <= 57 {
                if seenColon {
                    guard minuteDigits < 2 else { return nil }
                    minute = minute * 10 + Int(byte - 48)
                    minuteDigits += 1
                } else {
                    guard hourDigits < 2 else { return nil }
                    hour = hour * 10 + Int(byte - 48)
                    hourDigits += 1
                }
            } else {
                return nil
            }
        }
        guard seenColon, (1...2).contains(hourDigits), minuteDigits == 2 else { return nil }
        self.init(hour: hour, minute: minute)
    }

    /// `14:00`.
    public var iso: String { padded(hour, 2) + ":" + padded(minute, 2) }
    public var description: String { iso }
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.minutesSinceMidnight < rhs.minutesSinceMidnight }
}

/// A wall-clock moment in the council's own time zone: the day and the time, as a notice prints it.
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var day: CalendarDay
    public var time: TimeOfDay

    public init(_ day: CalendarDay, _ time: TimeOfDay) {
        self.day = day
        self.time = time
    }

    /// Parses `2025-03-18T14:00`; inlinable, as a day's parser is.
    @inlinable
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CalendarDay(iso: parts[0]), let time = TimeOfDay(iso: parts[1]) else { return nil }
        self.init(day, time)
    }

    /// `2025-03-18T14:00`.
    public var iso: String { day.iso + "T" + time.iso }
    public var description: String { iso }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.day, lhs.time) < (rhs.day, rhs.time) }

    /// The instant this wall-clock time names in `timeZone` (Europe/London for English councils).
    public func instant(in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: time.hour, minute: time.minute)
        return calendar.date(from: components)!
    }

    /// The wall-clock time of `instant` in `timeZone`: the zone's offset at that instant, then arithmetic. Every page
    /// asks for the time now, and building a calendar for it cost more than the rest of the reading.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400  // rounded down, before 1970 too
        let secondOfDay = seconds - days * 86_400
        self.init(CalendarDay(dayNumber: days), TimeOfDay(hour: secondOfDay / 3_600, minute: secondOfDay % 3_600 / 60)!)
    }
}

/// Days, times and date-times are written as ISO 8601 text ("2025-03-18", "14:00", "2025-03-18T14:00"), so stored
/// JSON, the dry run and the API print them alike. The keyed form (`{"year":2025,"month":3,"day":18}`) that earlier
/// versions stored still reads.
extension CalendarDay: Codable {
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            guard let day = CalendarDay(iso: text) else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "‘\(text)’ is not a date")) }
            self = day
            return
        }
        let keyed = try decoder.container(keyedBy: Keys.self)
        let (y, m, d) = (try keyed.decode(Int.self, forKey: .year), try keyed.decode(Int.self, forKey: .month), try keyed.decode(Int.self, forKey: .day))
        guard let day = CalendarDay(year: y, month: m, day: d) else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(y)-\(m)-\(d) is not a date")) }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    private enum Keys: String, CodingKey { case year, month, day }
}

extension TimeOfDay: Codable {
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            guard let time = TimeOfDay(iso: text) else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "‘\(text)’ is not a time")) }
            self = time
            return
        }
        let keyed = try decoder.container(keyedBy: Keys.self)
        let (h, m) = (try keyed.decode(Int.self, forKey: .hour), try keyed.decode(Int.self, forKey: .minute))
        guard let time = TimeOfDay(hour: h, minute: m) else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\(h):\(m) is not a time")) }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    private enum Keys: String, CodingKey { case hour, minute }
}

extension LocalDateTime: Codable {
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            guard let moment = LocalDateTime(iso: text) else { throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "‘\(text)’ is not a date and time")) }
            self = moment
            return
        }
        let keyed = try decoder.container(keyedBy: Keys.self)
        self.init(try keyed.decode(CalendarDay.self, forKey: .day), try keyed.decode(TimeOfDay.self, forKey: .time))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    private enum Keys: String, CodingKey { case day, time }
}

/// `value` in decimal with leading zeros to `width` digits: padded(7, 2) is "07".
func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension TimeZone {
    /// English councils keep UK time.
    public static let london = TimeZone(identifier: "Europe/London")!
}
