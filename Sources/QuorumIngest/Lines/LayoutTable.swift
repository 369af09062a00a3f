/// Tables laid out with spaces, as `pdftotext -layout` prints them: a header row whose words start the columns, then
/// rows whose text falls under them, a cell wrapping onto the lines below. Turned into rows of cells, so the readers of
/// tab- and pipe-separated tables read them too.
enum LayoutTable {
    /// A run of text and the column it starts at.
    struct Token {
        var start: Int
        var text: String
    }

    /// The runs of a line separated by two spaces or more, with where each starts as laid out.
    static func tokens(_ line: SourceLine) -> [Token] {
        var out: [Token] = []
        var current = ""
        var start = 0
        var gap = 2
        var column = line.indent
        for c in line.raw {
            defer { column += 1 }
            if c == " " {
                gap += 1
                continue
            }
            if gap >= 2 {
                if !current.isEmpty { out.append(Token(start: start, text: current)) }
                current = ""
                start = column
            } else if gap == 1 {
                current.append(" ")
            }
            gap = 0
            current.append(c)
        }
        if !current.isEmpty { out.append(Token(start: start, text: current)) }
        return out
    }

    /// Whether two spaces come together in the text.
    private static func hasWideGap(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == 32, previous == 32 { return true }
            previous = byte
        }
        return false
    }

    /// The lines with every laid-out table turned into table rows; other lines are unchanged.
    static func converted(_ lines: [SourceLine]) -> [SourceLine] {
        var out: [SourceLine] = []
        var i = 0
        while i < lines.count {
            guard let (table, next) = table(in: lines, at: i) else {
                out.append(lines[i])
                i += 1
                continue
            }
            out += table
            i = next
        }
        return out
    }

    /// A header of four columns or more at `i`, with the rows under it: the rows as table lines, and the index after.
    private static func table(in lines: [SourceLine], at i: Int) -> ([SourceLine], Int)? {
        let header = lines[i]
        // A header is a short line with wide gaps; most lines are neither, and are passed over without being split.
        guard !header.isTableRow, header.raw.utf8.count <= 240, hasWideGap(header.raw) else { return nil }
        let headerTokens = tokens(header)
        let starts = headerTokens.map(\.start)
        guard starts.count >= 4, headerTokens.allSatisfy({ $0.text.words.count <= 4 && $0.text.first?.isLetter == true }) else { return nil }
        var heads = headerTokens.map(\.text)
        var j = i + 1
        // A second header line ("due", "received") under the first adds to its columns' names.
        if j < lines.count, !lines[j].startsBlock, !lines[j].isTableRow {
            let more = tokens(lines[j])
            if !more.isEmpty, more.allSatisfy({ t in t.text.words.count <= 2 && t.text.first?.isLowercase == true && starts.contains { abs($0 - t.start) <= 2 } }) {
                for t in more { if let k = starts.firstIndex(where: { abs($0 - t.start) <= 2 }) { heads[k] += " " + t.text } }
                j += 1
            }
        }
        var rows: [(number: Int, startsBlock: Bool, cells: [String])] = []
        while j < lines.count, !lines[j].isTableRow {
            let row = tokens(lines[j])
            guard !row.isEmpty, row.allSatisfy({ t in t.start >= (starts.first ?? 0) - 2 }) else { break }
            var cells = Array(repeating: "", count: starts.count)
            for t in row {
                // The column a run falls in: the last that starts at or before it (a little slack either side).
                let k = starts.lastIndex { $0 <= t.start + 2 } ?? 0
                cells[k] += (cells[k].isEmpty ? "" : " ") + t.text
            }
            if cells[0].isEmpty, let last = rows.indices.last {
                // A cell wrapping onto the next line.
                for k in cells.indices where !cells[k].isEmpty {
                    rows[last].cells[k] += (rows[last].cells[k].isEmpty ? "" : " ") + cells[k]
                }
            } else if row.count >= 2 || rows.isEmpty {
                guard row.count >= 2 else { break }
                rows.append((lines[j].number, lines[j].startsBlock, cells))
            } else {
                break
            }
            j += 1
        }
        guard rows.count >= 1, rows.contains(where: { $0.cells.filter { !$0.isEmpty }.count >= 3 }) else { return nil }
        func line(_ number: Int, _ cells: [String], startsBlock: Bool) -> SourceLine {
            let parsed = cells.map { Cell(raw: $0, text: $0) }
            return SourceLine(
                number: number, raw: cells.joined(separator: "\t"), text: cells.filter { !$0.isEmpty }.joined(separator: " "), headingLevel: 0,
                isBold: false, listLevel: nil, cells: parsed, startsBlock: startsBlock)
        }
        return ([line(header.number, heads, startsBlock: header.startsBlock)] + rows.map { line($0.number, $0.cells, startsBlock: $0.startsBlock) }, j)
    }
}
