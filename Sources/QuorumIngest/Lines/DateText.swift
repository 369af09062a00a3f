import QuorumDomain
/// Reading dates and times as councils print them: "Tuesday 18 March 2025", "28-Jan-25",
/// "07 September 2021", "2.00 pm", "16:56", "2pm".
enum DateText {
    private static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
        "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
        "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
    private static let weekdays: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Splits into tokens of letters or digits, remembering the separator before each.
    private static func tokens(_ text: String) -> [(token: String, isNumber: Bool, offset: Int)] {
        var out: [(String, Bool, Int)] = []
        var current = ""
        var isNumber = false
        var offset = 0
        var index = 0
        for s in text.unicodeScalars {
            let digit = ("0"..."9").contains(s)
            let letter = s.properties.isAlphabetic
            if (digit || letter), !current.isEmpty, digit == isNumber {
                current.unicodeScalars.append(s)
            } else {
                if !current.isEmpty { out.append((current, isNumber, offset)) }
                current = ""
                if digit || letter {
                    current.unicodeScalars.append(s)
                    isNumber = digit
                    offset = index
                }
            }
            index += 1
        }
        if !current.isEmpty { out.append((current, isNumber, offset)) }
        return out
    }

    /// Whether a slash comes just before each of two tokens ("11/03/25"), by their offsets in unicode scalars.
    private static func slashed(_ text: String, _ a: Int, _ b: Int) -> Bool {
        guard a > 0, b > 0 else { return false }
        let scalars = text.unicodeScalars
        func before(_ offset: Int) -> Unicode.Scalar? {
            scalars.index(scalars.startIndex, offsetBy: offset - 1, limitedBy: scalars.endIndex).flatMap { $0 < scalars.endIndex ? scalars[$0] : nil }
        }
        return before(a) == "/" && before(b) == "/"
    }

    /// The first full date (day, month name, year) in the text.
    static func firstDate(in text: String) -> CalendarDay? {
        allDates(in: text, limit: 1).first
    }

    /// Every full date in the text, in order.
    static func allDates(in text: String, limit: Int = .max) -> [CalendarDay] {
        let t = tokens(text)
        var found: [CalendarDay] = []
        var i = 0
        while i < t.count, found.count < limit {
            // day [st|nd|rd|th] month year
            if t[i].isNumber, let day = Int(t[i].token), day >= 1, day <= 31 {
                var j = i + 1
                if j < t.count, ["st", "nd", "rd", "th"].contains(t[j].token.lowercased()) { j += 1 }
                if j + 1 < t.count, let month = months[t[j].token.lowercased()], t[j + 1].isNumber,
                    let y = Int(t[j + 1].token), t[j + 1].token.count == 4 || t[j + 1].token.count == 2
                {
                    let year = t[j + 1].token.count == 2 ? 2000 + y : y
                    if let date = DateText.day(year, month, day) {
                        found.append(date)
                        i = j + 2
                        continue
                    }
                }
                // 26/11/2024, and 11/03/25 where slashes make it a date
                if j + 1 < t.count, t[j].isNumber, t[j + 1].isNumber, let m = Int(t[j].token), let y = Int(t[j + 1].token),
                    t[j + 1].token.count == 4 || t[j + 1].token.count == 2 && slashed(text, t[j].offset, t[j + 1].offset), j == i + 1
                {
                    if let date = DateText.day(y < 100 ? 2000 + y : y, m, day) {
                        found.append(date)
                        i = j + 2
                        continue
                    }
                }
            }
            i += 1
        }
        return found
    }

    /// Whether the text names a day of the week ("Wednesday, 2nd July 2025").
    static func hasWeekday(_ text: String) -> Bool {
        tokens(text).contains { weekdays.contains($0.token.lowercased()) }
    }

    /// Whether the text is nothing but a date, with an optional weekday ("Tuesday 07 May 2024").
    static func isOnlyDate(_ text: String) -> Bool {
        let t = tokens(text)
        guard firstDate(in: text) != nil else { return false }
        let rest = t.filter { tok in
            !(tok.isNumber || months[tok.token.lowercased()] != nil || weekdays.contains(tok.token.lowercased())
                || ["st", "nd", "rd", "th"].contains(tok.token.lowercased()))
        }
        return rest.isEmpty && t.count <= 5
    }

    /// The first time of day in the text: "2.00 pm", "2:30pm", "2pm", "16:56".
    static func firstTime(in text: String) -> TimeOfDay? {
        let b = Array(text.utf8)
        let n = b.count
        func digit(_ i: Int) -> Bool { i >= 0 && i < n && b[i].isDigitASCII }
        func letter(_ i: Int) -> Bool { i < n && b[i].lowerASCII >= 97 && b[i].lowerASCII <= 122 }
        var i = 0
        while i < n {
            guard digit(i), !digit(i - 1), i == 0 || (b[i - 1] != UInt8(ascii: ".") && b[i - 1] != UInt8(ascii: ":")) else {
                i += 1
                continue
            }
            var j = i
            var hour = 0
            while digit(j), j - i < 2 {
                hour = hour * 10 + Int(b[j] - 48)
                j += 1
            }
            if digit(j) {
                while digit(j) { j += 1 }
                i = j
                continue
            }
            var minute = 0
            var hasMinutes = false
            if j < n, b[j] == UInt8(ascii: ".") || b[j] == UInt8(ascii: ":"), digit(j + 1), digit(j + 2), !digit(j + 3) {
                minute = Int(b[j + 1] - 48) * 10 + Int(b[j + 2] - 48)
                hasMinutes = true
                j += 3
            }
            var k = j
            while k < n, b[k] == UInt8(ascii: " ") { k += 1 }
            var meridiem: UInt8?
            if k + 1 < n, b[k].lowerASCII == UInt8(ascii: "a") || b[k].lowerASCII == UInt8(ascii: "p") {
                if b[k + 1].lowerASCII == UInt8(ascii: "m"), !letter(k + 2) {
                    meridiem = b[k].lowerASCII
                } else if b[k + 1] == UInt8(ascii: "."), k + 2 < n, b[k + 2].lowerASCII == UInt8(ascii: "m") {
                    meridiem = b[k].lowerASCII
                }
            }
            if hasMinutes || meridiem != nil, hour <= 23, minute <= 59, meridiem == nil || hour <= 12 {
                var h = hour
                if meridiem == UInt8(ascii: "p"), h < 12 { h += 12 }
                if meridiem == UInt8(ascii: "a"), h == 12 { h = 0 }
                if let time = TimeOfDay(hour: h, minute: minute) { return time }
            }
            i = j
        }
        return nil
    }
}

extension DateText {
    /// "February 2025" → true: a month and year without a day.
    static func isMonthYear(_ text: String) -> Bool {
        let w = text.words
        guard w.count == 2, let m = monthNumber(String(w[0])), m > 0, w[1].count == 4, Int(w[1]) != nil else { return false }
        return true
    }

    /// The day, when it exists and its year is one a council paper could give (1900–2200).
    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDay? {
        (1900...2200).contains(year) ? CalendarDay(year: year, month: month, day: day) : nil
    }

    static func monthNumber(_ word: String) -> Int? {
        let names = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        let w = word.lowercased().trimmingTrailing([",", "."])
        if let i = names.firstIndex(of: w) { return i + 1 }
        if w.count >= 3, let i = names.firstIndex(where: { $0.hasPrefix(w) }) { return i + 1 }
        return nil
    }

    /// "28 July" (no year) read as the latest such day on or before `reference`.
    static func dayMonth(in text: String, before reference: CalendarDay) -> CalendarDay? {
        let w = text.words.map { String($0).trimmingTrailing([",", "."]) }
        for i in w.indices.dropLast() {
            guard let day = Int(w[i].prefix { $0.isNumber }), (1...31).contains(day), let month = monthNumber(w[i + 1]) else { continue }
            guard let date = DateText.day(reference.year, month, day) else { return nil }
            return date > reference ? DateText.day(reference.year - 1, month, day) : date
        }
        return nil
    }
}
