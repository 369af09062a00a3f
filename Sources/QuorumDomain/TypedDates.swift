import Foundation

/// A date as people type one: 2026-06-02, 2/6/2026, 2-6-2026, 2 6 2026, 2 June 2026, Tuesday 2 June 2026, 2 Jun 2026.
public func typedDay(_ text: String) -> CalendarDay? {
    if let day = CalendarDay(iso: text) { return day }
    let words = text.lowercased().replacingOccurrences(of: ",", with: " ").split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "-" || $0 == "." })
        .map(String.init)
    let weekday = words.first.flatMap { word in word.count >= 3 ? Weekday.allCases.first { $0.name.lowercased().hasPrefix(word) } : nil }
    let parts = weekday != nil ? Array(words.dropFirst()) : words
    guard parts.count == 3, let day = Int(parts[0]), let year = Int(parts[2]), parts[2].count == 4 else { return nil }
    let month = Int(parts[1]) ?? CalendarDay.monthNames.firstIndex { $0.lowercased().hasPrefix(parts[1]) && parts[1].count >= 3 }.map { $0 + 1 }
    guard let month, (1...12).contains(month), day >= 1, day <= CalendarDay.daysIn(month: month, year: year) else { return nil }
    let result = CalendarDay(year, month, day)
    // "Monday 2 June 2026" names a day that is not: refused rather than guessed.
    if let weekday, weekday != result.weekday { return nil }
    return result
}

/// A time as people type one: 14:30, 14.30, 2.30pm, 2:30 p.m., 2pm, 10 am.
public func typedTime(_ text: String) -> TimeOfDay? {
    var rest = text.lowercased().replacingOccurrences(of: " ", with: "").replacingOccurrences(of: ".m.", with: "m")
    var shift: Int?
    if rest.hasSuffix("am") || rest.hasSuffix("pm") {
        shift = rest.hasSuffix("pm") ? 12 : 0
        rest = String(rest.dropLast(2))
    }
    let parts = rest.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
    guard (1...2).contains(parts.count), let hour = Int(parts[0]), parts.allSatisfy({ part in !part.isEmpty && part.allSatisfy { $0.isNumber } }) else { return nil }
    let minute = parts.count == 2 ? Int(parts[1]) : 0
    guard let minute, parts.count == 1 || parts[1].count == 2 else { return nil }
    if let shift {
        guard (1...12).contains(hour) else { return nil }
        return TimeOfDay(hour: hour % 12 + shift, minute: minute)
    }
    guard parts.count == 2 else { return nil }  // "14" alone is not a time; "2pm" and "14:00" are
    // "2.30" is surely the afternoon, not the small hours: without am or pm, an hour from 1 to 6 is not taken.
    guard hour == 0 || hour >= 7 || parts[0].hasPrefix("0") else { return nil }
    return TimeOfDay(hour: hour, minute: minute)
}
