import Foundation
import Hummingbird
import QuorumDomain

/// Splits published text into paragraphs at blank lines (or line breaks), for `<p>` elements: breaks as
/// `Character.isNewline` has them, spaces trimmed as `CharacterSet.whitespaces` has them.
/// Read as UTF-8 bytes, decoding a scalar only where a byte could begin a break or a space: a page splits and trims
/// every paragraph it shows, and stepping through the text by scalar was most of the cost of doing so.
func paragraphs(_ text: String) -> [String] {
    var text = text
    return text.withUTF8 { bytes in
        var found: [String] = []
        func take(_ start: Int, _ end: Int) {
            var first = start
            var last = end
            while first < last, let width = spaceWidth(bytes, at: first) { first += width }
            while first < last {
                var lead = last - 1
                while lead > first, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard spaceWidth(bytes, at: lead) != nil else { break }
                last = lead
            }
            if first < last { found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self)) }
        }
        var start = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let breakWidth: Int =
                switch byte {
                case 0x0A...0x0D: 1
                case 0xC2, 0xE2: isLineBreak(scalar(bytes, at: index)) ? (byte == 0xC2 ? 2 : 3) : 0
                default: 0
                }
            if breakWidth > 0 {
                take(start, index)
                index += breakWidth
                start = index
            } else {
                index += 1
            }
        }
        take(start, bytes.count)
        return found
    }
}

/// The number of bytes of the space at `index`, or nil when what is there is not a space.
private func spaceWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
    let byte = bytes[index]
    if byte == 0x20 || byte == 0x09 { return 1 }
    guard byte >= 0xC0 else { return nil }
    let found = scalar(bytes, at: index)
    return isSpace(found) ? UTF8.width(found) : nil
}

/// The scalar whose encoding begins at `index` of valid UTF-8.
private func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar {
    let lead = UInt32(bytes[index])
    let (width, value): (Int, UInt32) =
        switch lead {
        case 0..<0x80: (1, lead)
        case 0xC0..<0xE0: (2, lead & 0x1F)
        case 0xE0..<0xF0: (3, lead & 0x0F)
        default: (4, lead & 0x07)
        }
    var decoded = value
    for offset in 1..<width where index + offset < bytes.count { decoded = decoded << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return Unicode.Scalar(decoded) ?? "\u{FFFD}"
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
