import Foundation
import Hummingbird
import QuorumDomain

/// Splits published text into paragraphs at blank lines (or line breaks), for `<p>` elements.
/// Read by Unicode scalar, not by character: a page splits and trims every paragraph it shows.
func paragraphs(_ text: String) -> [String] {
    let scalars = text.unicodeScalars
    var found: [String] = []
    var start = scalars.startIndex
    func take(_ end: String.UnicodeScalarView.Index) {
        var slice = scalars[start..<end]
        while let first = slice.first, isSpace(first) { slice = slice.dropFirst() }
        while let last = slice.last, isSpace(last) { slice = slice.dropLast() }
        if !slice.isEmpty { found.append(String(slice)) }
    }
    var index = start
    while index < scalars.endIndex {
        if isLineBreak(scalars[index]) {
            take(index)
            start = scalars.index(after: index)
        }
        index = scalars.index(after: index)
    }
    take(scalars.endIndex)
    return found
}

/// A line break as `Character.isNewline` has it: LF, VT, FF, CR, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR.
private func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
    default: false
    }
}

/// A space or tab, as `CharacterSet.whitespaces` has them.
private func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\t" || (scalar.value >= 0x80 && scalar.properties.generalCategory == .spaceSeparator)
}

/// The municipal year a day falls in, by the standard rule (from 1 May), for pages that list several councils' years:
/// 18 March 2025 is in "2024/25".
func municipalYearStart(of day: CalendarDay) -> CalendarDay { DeadlineRules.standard.municipalYearStart(of: day) }

func municipalYear(of day: CalendarDay) -> String { DeadlineRules.standard.municipalYear(of: day) }

/// The start of the municipal year a page asks for by `?year=2025` (the year starting in the spring of 2025), by the
/// council's rules; this municipal year when it asks for none. A year that is not one is a 400 that says so.
func requestedMunicipalYear(_ query: [String: String], rules: DeadlineRules, today: CalendarDay) throws -> CalendarDay {
    guard let number = try requestedYear(query) else { return rules.municipalYearStart(of: today) }
    return rules.municipalYearStart(beginningIn: number)
}

/// `?year=2025`, the year a municipal year starts in, or nil when none is asked for. One that is not a plausible year
/// is a 400 that says so.
func requestedYear(_ query: [String: String]) throws -> Int? {
    guard let year = query["year"], !year.isEmpty else { return nil }
    guard let number = Int(year), (1990...2100).contains(number) else {
        throw HTTPError(.badRequest, message: "year must be the year a municipal year starts in, such as 2025 for 2025/26, not ‘\(year)’.")
    }
    return number
}

/// "5.00 pm on Wednesday 12 March 2025".
/// A count with its thousands separated as councils print them: 15396 → "15,396".
func grouped(_ number: Int) -> String {
    var digits = String(number)
    var index = digits.count - 3
    while index > (number < 0 ? 1 : 0) {
        digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
        index -= 3
    }
    return digits
}

func deadlineStyle(_ moment: LocalDateTime) -> String { "\(moment.time.councilStyle) on \(moment.day.councilStyle)" }

/// A link with its text, for views.
struct Link: Sendable, Hashable {
    let text: String
    let href: String
}

/// The query string as a dictionary; the first of repeated keys wins.
func queryDictionary(_ request: Request) -> [String: String] {
    var result: [String: String] = [:]
    // A form sent by GET writes each space as "+" (application/x-www-form-urlencoded), which percent-decoding alone
    // leaves as it is: "budget+housing" is "budget housing", and a "+" typed is sent as "%2B".
    func decoded(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
    for pair in (request.uri.query ?? "").split(separator: "&") {
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        let key = decoded(parts[0])
        guard result[key] == nil else { continue }
        result[key] = parts.count > 1 ? decoded(parts[1]) : ""
    }
    return result
}

/// The query string for a link that keeps `query` but changes `changes` (a nil value removes the key).
func queryString(_ query: [String: String], _ changes: [String: String?] = [:]) -> String {
    var merged = query
    for (key, value) in changes { merged[key] = value }
    let pairs = merged.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { key, value in
        "\(key)=\(value.addingPercentEncoding(withAllowedCharacters: .urlQueryValueAllowed) ?? "")"
    }
    return pairs.isEmpty ? "" : "?" + pairs.joined(separator: "&")
}

extension CharacterSet {
    static let urlQueryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+#;")
        return set
    }()
}


extension String {
    /// "SAFEGUARDING REPORT" → "Safeguarding report": a minute's heading in capitals, as a tracker's topic. Text
    /// already in mixed case is kept.
    var capitalizedAsTitle: String {
        guard self == uppercased(), let first = first else { return self }
        return String(first) + dropFirst().lowercased()
    }
}

extension Meeting {
    /// When it is, as councils write it: the day and time, or only the day of a meeting known from other papers (whose
    /// time Quorum does not hold).
    var when: String { knownFrom == nil ? start.councilStyle : start.day.councilStyle }
}
