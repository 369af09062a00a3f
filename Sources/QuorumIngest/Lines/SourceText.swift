/// One line of a pack after normalisation: markup stripped, tables split into cells, with the line
/// number it had in the pack so warnings and errors can point at it.
struct SourceLine: Sendable {
    /// 1-based line number in the pack text.
    let number: Int
    /// The line as published, without heading or list markers.
    let raw: String
    /// Plain text, whitespace collapsed. For a table row, the non-empty cells joined by spaces.
    let text: String
    /// Markdown heading level (1 for `#`), 0 when not a heading.
    let headingLevel: Int
    /// Whether the line starts in bold (`**`, `<b>`).
    let isBold: Bool
    /// List nesting (0 for `- item`, 1 for `  - item`), nil when not a list item.
    let listLevel: Int?
    /// Table cells, when the line is a table row (tab-separated, `|`-separated or an HTML `<tr>`).
    let cells: [Cell]?
    /// Whether a blank line (or a rule) came before this one.
    let startsBlock: Bool

    var isTableRow: Bool { cells != nil }

    /// A plain line a reader made from this one (a paragraph joined, half of one split), on this line's number.
    func rewritten(_ text: String, startsBlock: Bool? = nil) -> SourceLine {
        SourceLine(
            number: number, raw: text, text: text, headingLevel: 0, isBold: false, listLevel: nil, cells: nil,
            startsBlock: startsBlock ?? self.startsBlock, indent: indent)
    }
    /// Spaces before the text as laid out, which tells an item's description from the next item.
    var indent = 0
    var isHeading: Bool { headingLevel > 0 }
    /// Non-empty cells' plain text.
    var filledCells: [String] { (cells ?? []).map(\.text).filter { !$0.isEmpty } }
}

/// A table cell: as published (with inline HTML lists and bold) and as plain text.
struct Cell: Sendable {
    let raw: String
    let text: String
    var paragraphs: [String] { Markup.paragraphs(raw) }
    var boldRuns: [String] { Markup.boldRuns(raw) }
}

/// The normalised pack: lines plus what was dropped as page furniture.
struct SourceText: Sendable {
    var lines: [SourceLine]
    /// Page numbers printed on their own line, by pack line.
    var pageNumbers: [Int]
    /// The headers and footers repeated on the pages, which were taken out of the text: they may name the council.
    var runningHeaders: [String] = []
}

/// Normalises pack text: splits lines, strips running headers/footers and page numbers, joins bold
/// spans broken across lines, turns tab, pipe and HTML tables into rows of cells, and strips markup.
extension String {
    /// The columns of a line laid out with spaces: parts separated by three spaces or more, or a tab.
    var columns: [String] {
        var parts: [String] = []
        var current = ""
        var gap = 0
        for c in self {
            if c == " " || c == "\t" {
                gap += c == "\t" ? 3 : 1
                continue
            }
            if gap >= 3, !current.isEmpty {
                parts.append(current)
                current = ""
            } else if gap > 0, !current.isEmpty {
                current.append(" ")
            }
            gap = 0
            current.append(c)
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}

/// A committee system's template token on a line of its own: Modern.gov's "<AI3>", "</PI1>", "<TRAILER_SECTION>".
/// It separates items as a blank line does, and is not text.
func isTemplateMarker(_ trimmed: String) -> Bool {
    guard trimmed.utf8.first == UInt8(ascii: "<"), trimmed.utf8.count <= 40 else { return false }
    let u = Array(trimmed.utf8)
    guard u.count >= 3, u.count <= 40, u.first == UInt8(ascii: "<"), u.last == UInt8(ascii: ">") else { return false }
    let inner = u.dropFirst(u[1] == UInt8(ascii: "/") ? 2 : 1).dropLast()
    guard let first = inner.first, first >= 65, first <= 90 else { return false }
    return inner.allSatisfy { ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: "_") }
}

func normalise(_ text: String) -> SourceText {
    var rawLines: [(number: Int, text: String)] = []
    var number = 0
    for piece in text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
        number += 1
        var line = String(Substring(piece))
        if line.utf8.last == 13 { line.removeLast() }
        rawLines.append((number, line))
    }
    var runningHeaders: [String] = []
    if text.utf8.contains(12) { (rawLines, runningHeaders) = removingRunningHeaders(rawLines) }

    var lines: [SourceLine] = []
    lines.reserveCapacity(rawLines.count)
    var pageNumbers: [Int] = []
    var blankBefore = true
    var i = 0
    while i < rawLines.count {
        let number = rawLines[i].number
        var raw = rawLines[i].text
        i += 1
        let trimmed = raw.trimmedSpaces
        if trimmed.isEmpty || isRule(trimmed) || isTemplateMarker(trimmed) {
            blankBefore = true
            continue
        }
        // An HTML table: gather it whole, then one line per row.
        if trimmed.utf8.contains(UInt8(ascii: "<")), trimmed.containsCI("<table") {
            var html = raw
            while !html.containsCI("</table"), i < rawLines.count {
                html += " " + rawLines[i].text
                i += 1
            }
            for row in htmlRows(html) {
                lines.append(tableLine(number: number, raw: row.joined(separator: "\t"), cells: row, startsBlock: blankBefore))
                blankBefore = false
            }
            blankBefore = true
            continue
        }
        if raw.utf8.contains(9) {
            let cells = raw.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            if cells.allSatisfy({ $0.trimmedSpaces.allSatisfy { $0 == "-" || $0 == "=" || $0 == "_" } }) {
                blankBefore = true
                continue
            }
            lines.append(tableLine(number: number, raw: raw, cells: cells, startsBlock: blankBefore))
            blankBefore = false
            continue
        }
        if trimmed.hasPrefix("|"), trimmed.hasSuffix("|"), trimmed.count > 1 {
            let inner = trimmed.dropFirst().dropLast()
            let cells = inner.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            if cells.allSatisfy({ $0.trimmedSpaces.allSatisfy { "-: ".contains($0) } }) {
                continue
            }
            lines.append(tableLine(number: number, raw: trimmed, cells: cells, startsBlock: blankBefore))
            blankBefore = false
            continue
        }
        // A bold span opened on this line and closed on a later one: join them.
        var joined = 0
        while joined < 3, opensBoldSpan(raw), i < rawLines.count, rawLines[i].text.contains("**"),
            !rawLines[i].text.contains("\t"), !rawLines[i].text.trimmedSpaces.isEmpty
        {
            raw = raw.trimmedSpaces + " " + rawLines[i].text.trimmedSpaces
            i += 1
            joined += 1
        }
        let line = textLine(number: number, raw: raw, startsBlock: blankBefore)
        if !line.isHeading, isPageNumber(line.text) {
            if let page = Int(line.text.words.last ?? "") { pageNumbers.append(page) }
            continue
        }
        if line.text.isEmpty {
            continue
        }
        lines.append(line)
        blankBefore = false
    }
    return SourceText(lines: lines, pageNumbers: pageNumbers, runningHeaders: runningHeaders)
}

private func isRule(_ s: String) -> Bool {
    guard s.utf8.count >= 3, let first = s.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_") || first == UInt8(ascii: "=")
    else { return false }
    let set = Set(s)
    return set.count == 1 && (set.contains("-") || set.contains("*") || set.contains("_") || set.contains("="))
}

private func isPageNumber(_ s: String) -> Bool {
    guard s.utf8.count <= 16 else { return false }
    if !s.isEmpty, s.count <= 4, s.utf8.allSatisfy(\.isDigitASCII) { return true }
    let w = s.words
    if w.count == 2 || w.count == 4, w[0].lowercased() == "page", w[1].utf8.allSatisfy(\.isDigitASCII) {
        return w.count == 2 || (w[2].lowercased() == "of" && w[3].utf8.allSatisfy(\.isDigitASCII))
    }
    return false
}

private func opensBoldSpan(_ raw: String) -> Bool {
    guard raw.utf8.contains(UInt8(ascii: "*")) else { return false }
    let marks = raw.rangesCI(of: "**")
    guard marks.count % 2 == 1, let last = marks.last else { return false }
    return !raw[last.upperBound...].trimmedSpaces.isEmpty
}

private func tableLine(number: Int, raw: String, cells rawCells: [String], startsBlock: Bool) -> SourceLine {
    let cells = rawCells.map { Cell(raw: $0, text: Markup.plain($0)) }
    let text = cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " ")
    let first = rawCells.first { !$0.trimmedSpaces.isEmpty }?.trimmedSpaces ?? ""
    let bold = first.hasPrefix("**") || first.hasPrefix("<b>") || first.hasPrefix("<p><b>") || first.hasPrefix("<strong>")
    return SourceLine(number: number, raw: raw, text: text, headingLevel: 0, isBold: bold, listLevel: nil, cells: cells, startsBlock: startsBlock)
}

private func textLine(number: Int, raw: String, startsBlock: Bool) -> SourceLine {
    var indent = 0
    for c in raw.unicodeScalars {
        if c == " " { indent += 1 } else { break }
    }
    var body = Substring(raw.trimmedSpaces)
    var heading = 0
    while body.hasPrefix("#") {
        heading += 1
        body = body.dropFirst()
    }
    if heading > 0, heading <= 6, body.hasPrefix(" ") {
        body = body.drop { $0 == " " }
        while body.hasSuffix("#") { body = body.dropLast() }
    } else if heading > 0 {
        body = Substring(raw.trimmedSpaces)
        heading = 0
    }
    var listLevel: Int?
    if heading == 0, body.hasPrefix("- ") || body.hasPrefix("+ ") || (body.hasPrefix("* ") && !body.hasPrefix("**")) {
        listLevel = indent / 2
        body = body.dropFirst(2).drop { $0 == " " }
    }
    let bold = body.hasPrefix("**") || body.hasPrefix("<b>") || body.hasPrefix("<p><b>") || body.hasPrefix("<strong>")
    return SourceLine(
        number: number, raw: String(body), text: Markup.plain(body), headingLevel: heading, isBold: bold, listLevel: listLevel,
        cells: nil, startsBlock: startsBlock, indent: indent
    )
}

/// Rows of cells from an HTML table.
private func htmlRows(_ html: String) -> [[String]] {
    var rows: [[String]] = []
    for rowPart in html.components(ci: "<tr").dropFirst() {
        guard let start = rowPart.firstIndex(of: ">") else { continue }
        let row = String(rowPart[rowPart.index(after: start)...]).before(ci: "</tr") ?? String(rowPart[rowPart.index(after: start)...])
        var cells: [String] = []
        for cellPart in row.components(ci: "<t").dropFirst() {
            guard cellPart.hasPrefixCI("d") || cellPart.hasPrefixCI("h"), let s = cellPart.firstIndex(of: ">") else { continue }
            let inner = String(cellPart[cellPart.index(after: s)...])
            cells.append(inner.before(ci: "</td") ?? inner.before(ci: "</th") ?? inner)
        }
        if !cells.isEmpty { rows.append(cells) }
    }
    return rows
}

/// Removes the lines that repeat at the top or bottom of most pages (running headers and footers).
/// The lines without the running headers and footers, and those headers ("CRESSINGFOLD DISTRICT COUNCIL"), once each.
private func removingRunningHeaders(_ lines: [(number: Int, text: String)]) -> (lines: [(number: Int, text: String)], headers: [String]) {
    var pages: [[Int]] = [[]]
    for (index, line) in lines.enumerated() {
        let pieces = line.text.split(separator: "\u{0C}", omittingEmptySubsequences: false)
        if pieces.count > 1 { for _ in 1..<pieces.count { pages.append([]) } }
        pages[pages.count - 1].append(index)
    }
    guard pages.count >= 3 else { return (lines.map { ($0.number, $0.text.replacingFormFeeds) }, []) }
    func key(_ s: String) -> String {
        String(String.UnicodeScalarView(s.replacingFormFeeds.trimmedSpaces.unicodeScalars.map { ("0"..."9").contains($0) ? "#" : $0 }))
    }
    var counts: [String: Int] = [:]
    var edges: [(Int, String)] = []
    for page in pages {
        let filled = page.filter { lines[$0].text.utf8.contains { $0 != 32 && $0 != 9 && $0 != 12 && $0 != 13 } }
        for index in Set([filled.first, filled.last].compactMap { $0 }) {
            let k = key(lines[index].text)
            counts[k, default: 0] += 1
            edges.append((index, k))
        }
    }
    let threshold = max(3, pages.count / 2)
    let drop = Set(edges.filter { counts[$0.1, default: 0] >= threshold }.map(\.0))
    let headers = drop.sorted().map { lines[$0].text.replacingFormFeeds.trimmedSpaces }
    var seen = Set<String>()
    // A running header that ends with the item its pages are for ("… – 8 July 2025     Item 7") starts that item's
    // papers where the item changes: it is kept as the label "Agenda Item 7".
    var lastItem: String?
    let kept = lines.enumerated().map { index, line -> (Int, String) in
        guard drop.contains(index) else { return (line.number, line.text.replacingFormFeeds) }
        let words = line.text.replacingFormFeeds.trimmedSpaces.words
        if words.count >= 3, words[words.count - 2].lowercased() == "item", let last = words.last, last.first?.isNumber == true, last.count <= 4 {
            defer { lastItem = String(last) }
            if lastItem != String(last) { return (line.number, "Agenda Item \(last)") }
        }
        return (line.number, "")
    }
    return (kept, headers.filter { seen.insert($0).inserted })
}

extension String {
    fileprivate var replacingFormFeeds: String {
        guard utf8.contains(12) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{0C}" ? " " : $0 }))
    }

    /// Pieces between case-insensitive occurrences of `separator`; the first piece precedes the first occurrence.
    func components(ci separator: String) -> [String] {
        var parts: [String] = []
        var start = startIndex
        for r in rangesCI(of: separator) {
            parts.append(String(self[start..<r.lowerBound]))
            start = r.upperBound
        }
        parts.append(String(self[start...]))
        return parts
    }
}
