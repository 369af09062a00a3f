import QuorumDomain

/// The numbered agenda: "4. MINUTES To receive the minutes … 9 - 20", in a tab or HTML table or as
/// bold markdown lines, with the descriptions, page ranges and exempt markings.
enum AgendaItems {
    struct Result {
        var items: [PrintedItem] = []
        var questionDeadline: CalendarDay?
        var nextMeetingDate: CalendarDay?
        /// Lines among the items that belong to none of them.
        var unparsed: [SourceLine] = []
        /// A meeting's web page prints each item's minutes under it ("Minutes:"): those lines, by item index.
        var minuteLines: [Int: [SourceLine]] = [:]
        /// The index after the last agenda line.
        var end: Int
    }

    static func read(_ lines: [SourceLine], from start: Int, to limit: Int, meeting: Meeting.ID, diagnostics: inout Diagnostics) -> Result {
        var result = Result(end: start)
        var i = start
        var lastWasItemLine = false
        /// The index of the first item of the agenda's private part ("PART II"), if it has one.
        var privateFrom: Int?
        /// The Schedule 12A paragraph the private part is under, when the lines that open it give one.
        var privateParagraph: Schedule12A?
        /// The lines after the private part's heading and before its first item, which may say under which paragraph.
        var privateText: [String] = []
        /// How far the current item's number is indented: lines indented further belong to it.
        var itemIndent = 0
        /// Past a "Supplementary agenda" line, items repeat numbers already held and add their papers.
        var inSupplement = false
        /// Lines between indented items that belong to none, kept until another item shows the agenda goes on.
        var skipped: [SourceLine] = []
        /// Whether the lines being read are an item's minutes on a meeting's web page.
        var inMinutes = false
        while i < limit {
            let line = lines[i]
            let previous = inSupplement ? nil : result.items.last?.number
            // A meeting's web page: "12." on its own line, the title on the next.
            if !line.isTableRow, let n = itemNumber(line.text), n.rest.isEmpty, follows(n.number, after: previous), i + 1 < limit,
                let title = Optional(lines[i + 1].text), title.first?.isUppercase == true, itemNumber(title) == nil, title.words.count <= 24
            {
                result.items.append(PrintedItem(AgendaItem(number: n.number, of: meeting, position: result.items.count + 1, title: title), line: line.number))
                inMinutes = false
                lastWasItemLine = true
                result.end = i + 2
                i += 2
                continue
            }
            // "Minutes:" under an item: what follows, to the next item, is that item's minute.
            if !result.items.isEmpty, line.text.lowercased() == "minutes:" {
                inMinutes = true
                result.end = i + 1
                i += 1
                continue
            }
            if inMinutes, !result.items.isEmpty, itemNumber(line.text)?.rest.isEmpty != true,
                !(line.text.hasPrefixCI("date of next meeting") || line.text.hasPrefixCI("next meeting"))
            {
                result.minuteLines[result.items.count - 1, default: []].append(line)
                result.end = i + 1
                i += 1
                continue
            }
            // A web page's links to the papers ("PDF 162 KB", "Additional documents:") are not text.
            if !result.items.isEmpty, isDocumentLink(line.text) {
                result.end = i + 1
                i += 1
                continue
            }
            // Laid-out text ("   6a   SEND Progress Report") is read as plain; capitals there are an acronym, not a title.
            let found =
                line.indent > 0
                ? plainItem(from: line, position: result.items.count + 1, after: previous, meeting: meeting) ?? item(from: line, position: result.items.count + 1, meeting: meeting)
                : item(from: line, position: result.items.count + 1, meeting: meeting) ?? plainItem(from: line, position: result.items.count + 1, after: previous, meeting: meeting)
            if var item = found {
                inMinutes = false
                result.unparsed += skipped
                skipped = []
                if inSupplement, let held = result.items.firstIndex(where: { $0.number == item.number }) {
                    // The supplement's papers for an item the agenda already lists.
                    if result.items[held].pages == nil { result.items[held].pages = item.pages }
                } else {
                    item.position = result.items.count + 1
                    result.items.append(item)
                }
                itemIndent = line.indent
                lastWasItemLine = true
                result.end = i + 1
                i += 1
                continue
            }
            if !result.items.isEmpty, line.text.words.count <= 6, line.text.lowercased().hasPrefix("supplement") {
                inSupplement = true
                result.end = i + 1
                i += 1
                continue
            }
            // "Pages 25 - 36" on a line of its own, under the item it belongs to.
            if let last = result.items.indices.last, result.items[last].pages == nil, let pages = pagesLine(line.text) {
                result.items[last].pages = pages
                result.end = i + 1
                i += 1
                continue
            }
            if line.isTableRow, line.filledCells.count == 1, line.filledCells[0].lowercased() == "pages" {
                i += 1
                continue
            }
            // A line between items that opens the private part ("PART II – EXEMPT ITEMS", "The following items are
            // exempt"), even where it could be read as the last item's description. Not before the first item.
            // Where items are laid out indented, a line under an item belongs to it only when indented further.
            let indented = !line.isTableRow && itemIndent > 0 && line.indent >= itemIndent + 2
            let underItem = itemIndent == 0 || indented
            let isDescription = lastWasItemLine && result.items.last?.description.isEmpty == true && underItem
            let continues = !line.startsBlock && !result.items.isEmpty && underItem
            let standsAlone = line.isHeading || line.isBold || line.text.isUppercaseTitle || line.text.lowercased().hasPrefix("part ")
            if privateFrom == nil, !result.items.isEmpty, !indented, ExemptMarking.opensPrivatePart(line.text),
                (ExemptMarking.speaksOfWhatFollows(line.text) && !continues) || (standsAlone && !isDescription)
            {
                privateFrom = result.items.count
                let marking = ExemptMarking(line.text)
                privateParagraph = marking.exclusion?.paragraph ?? marking.exemptParagraph
                i += 1
                continue
            }
            guard !result.items.isEmpty else {
                i += 1
                continue
            }
            if line.isHeading { break }
            // "Date of next meeting: Wednesday, 10th September 2025 at 7pm" printed under the items.
            if line.text.hasPrefixCI("date of next meeting") || line.text.hasPrefixCI("next meeting") {
                // The date on the same line, or on the next ("Date of next meeting" / "Tuesday 16 September 2025").
                let sameLine = DateText.firstDate(in: line.text)
                let nextLine = i + 1 < limit ? DateText.firstDate(in: lines[i + 1].text) : nil
                if let date = sameLine ?? nextLine {
                    result.nextMeetingDate = date
                    let used = sameLine == nil ? 2 : 1
                    result.end = i + used
                    i += used
                    continue
                }
            }
            let index = result.items.count - 1
            if line.isTableRow || continues || isDescription || indented {
                if result.items[index].description.isEmpty, !line.isTableRow {
                    result.items[index].description = line.text
                } else if !line.startsBlock || line.isTableRow || indented {
                    if isNote(line.text) {
                        diagnostics.unrecognised([line], into: &result.items[index].unparsed, context: "Agenda: note under item \(result.items[index].number)")
                    } else {
                        result.items[index].description += (result.items[index].description.isEmpty ? "" : " ") + line.text
                    }
                } else if itemIndent > 0 {
                    if privateFrom == result.items.count { privateText.append(line.text) }
                    skipped.append(line)
                    i += 1
                    continue
                } else {
                    break
                }
                if line.text.containsCI("deadline"), line.text.containsCI("question"), result.questionDeadline == nil {
                    result.questionDeadline = DateText.firstDate(in: line.text)
                }
                lastWasItemLine = false
                result.end = i + 1
                i += 1
                continue
            }
            if itemIndent > 0 {
                if privateFrom == result.items.count { privateText.append(line.text) }
                skipped.append(line)
                i += 1
                continue
            }
            break
        }
        if privateParagraph == nil, !privateText.isEmpty {
            // "… the public be excluded for the following item … paragraph 3 of Part 1 of Schedule 12A": an exclusion.
            let marking = ExemptMarking(privateText.joined(separator: " "))
            privateParagraph = marking.exclusion?.paragraph ?? marking.exemptParagraph
        }
        ExemptMarking.mark(&result.items, privateFrom: privateFrom, paragraph: privateParagraph, diagnostics: &diagnostics)
        for index in result.items.indices {
            let item = result.items[index]
            if result.questionDeadline == nil, item.description.containsCI("deadline"), item.description.containsCI("question") {
                result.questionDeadline = DateText.firstDate(in: item.description)
            }
            if item.title.containsCI("next meeting") { result.nextMeetingDate = DateText.firstDate(in: item.description) ?? result.nextMeetingDate }
        }
        return result
    }

    /// "PDF 162 KB", "Appendix 1 - Practice list sizes, PDF 88 KB", "Additional documents:": a web page's links.
    static func isDocumentLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower == "additional documents:" || lower == "documents" { return true }
        let words = lower.words
        guard words.count >= 3, let unit = words.last, ["kb", "mb"].contains(unit) else { return false }
        return words[words.count - 3].hasSuffix("pdf") || words[words.count - 3].hasSuffix("doc") || words[words.count - 3].hasSuffix("docx")
    }

    /// Notes printed among the items but belonging to none ("HOW TO SUBMIT QUESTIONS" boxes).
    private static func isNote(_ text: String) -> Bool { text.isUppercaseTitle || text.containsCI("question") || text.containsCI("http") || text.containsCI("www.") }

    /// An agenda line, when it starts with an item number and an upper-case title.
    static func item(from line: SourceLine, position: Int, meeting: Meeting.ID) -> PrintedItem? {
        var raw: String
        var pages: PageRange?
        var number: String?
        if let cells = line.cells {
            var filled = cells.filter { !$0.text.isEmpty }
            if let last = filled.last, filled.count >= 2, let range = pageRange(last.text) {
                pages = range
                filled.removeLast()
            }
            guard !filled.isEmpty else { return nil }
            if filled.count >= 2, let n = itemNumber(filled[0].text), n.rest.isEmpty {
                number = n.number
                raw = filled.dropFirst().map(\.raw).joined(separator: " ")
            } else {
                raw = filled.map(\.raw).joined(separator: " ")
            }
        } else {
            raw = line.raw
        }
        var body = raw.trimmedSpaces
        if number == nil {
            // Strip leading markup so "<b>1. APOLOGIES" and "**11. DATE" read as "1. …".
            var plainStart = Markup.plain(body)
            guard let n = itemNumber(plainStart) else { return nil }
            number = n.number
            plainStart = n.rest
            // Remove the number from the raw text too, keeping the bold markers around the title.
            if let r = body.firstRange(of: n.number) {
                var after = body[r.upperBound...]
                if after.hasPrefix(".") || after.hasPrefix(")") { after = after.dropFirst() }
                body = String(body[..<r.lowerBound]) + String(after)
            }
        }
        guard let number else { return nil }
        let bold = Markup.boldRuns(body).first.map { $0.trimmingTrailing([":"]) }
        let plain = Markup.plain(body)
        var title: String
        var description: String
        if let bold, !bold.isEmpty, plain.hasPrefix(bold) || plain.hasPrefix(bold + ":") {
            title = bold
            description = String(plain.dropFirst(bold.count)).trimmedSpaces
            if description.hasPrefix(":") { description = String(description.dropFirst()).trimmedSpaces }
        } else {
            // The title is the upper-case words before the description.
            var titleWords: [Substring] = []
            var rest = plain.words[...]
            while let w = rest.first, String(w).isUppercaseTitle || (w.allSatisfy { !$0.isLetter } && !titleWords.isEmpty) {
                titleWords.append(w)
                rest = rest.dropFirst()
            }
            title = titleWords.joined(separator: " ")
            description = rest.joined(separator: " ")
        }
        guard title.isUppercaseTitle || (line.isBold && !title.isEmpty) else { return nil }
        return PrintedItem(
            AgendaItem(number: number, of: meeting, position: position, title: title.trimmedSpaces, description: description, pages: pages),
            line: line.number)
    }

    /// An agenda line in plain text, with its title in any case: "1.  Apologies for absence", "3)  Minutes (Pages 3 - 8)",
    /// "Item 6      Special Educational Needs", "6a  SEND Progress Report", a page range in a right-hand column.
    /// Its number must follow the item before (4 after 3, 5a after 5), so that numbered paragraphs are not read as items.
    static func plainItem(from line: SourceLine, position: Int, after previous: String?, meeting: Meeting.ID) -> PrintedItem? {
        guard let listing = plainListing(line, after: previous) else { return nil }
        return PrintedItem(
            AgendaItem(number: listing.number, of: meeting, position: position, title: listing.title, pages: listing.pages), line: line.number)
    }

    /// The number, title and pages of a plain agenda line (see `plainItem`), or nil when the line is not one.
    static func plainListing(_ line: SourceLine, after previous: String?) -> (number: String, title: String, pages: PageRange?)? {
        guard !line.isTableRow else { return nil }
        var parts = line.raw.columns
        var pages: PageRange?
        if parts.count >= 2, let range = pageRange(parts.last!) ?? pagesLine(parts.last!) {
            pages = range
            parts.removeLast()
        }
        guard var first = parts.first else { return nil }
        if first.hasPrefixCI("item "), let digit = first.dropFirst(5).first, digit.isNumber { first = String(first.dropFirst(5)) }
        parts[0] = first
        var text = parts.joined(separator: "   ")
        guard let n = itemNumber(Markup.plain(text)), follows(n.number, after: previous) else { return nil }
        text = n.rest.words.joined(separator: " ")
        if let open = text.rangesCI(of: "(page").last, text.hasSuffix(")") {
            let inside = String(text[open.lowerBound...].dropFirst().dropLast())
            if let range = pagesLine(inside) {
                pages = range
                text = String(text[..<open.lowerBound]).trimmedSpaces
            }
        }
        guard let initial = text.first, initial.isUppercase || initial.isNumber, text.words.count <= 24, !text.hasSuffix(",") else { return nil }
        return (n.number, text, pages)
    }

    /// Whether an item number comes next after the previous one: the first item, the next number, or a sub-item.
    static func follows(_ number: String, after previous: String?) -> Bool {
        func split(_ n: String) -> (Int, Character?)? {
            let digits = n.prefix { $0.isNumber }
            guard let main = Int(digits) else { return nil }
            return (main, n.dropFirst(digits.count).first)
        }
        guard let (main, letter) = split(number) else { return false }
        guard let previous, let (before, beforeLetter) = split(previous) else { return letter == nil && main <= 200 }
        if letter == nil { return main == before + 1 }
        if main == before { return beforeLetter.map { $0.asciiValue.map { $0 + 1 } == letter!.asciiValue } ?? (letter == "a") }
        return main == before + 1 && letter == "a"
    }

    /// "Pages 25 - 36", "Page 7", "pp. 9-20" or a bare "9 - 20".
    static func pagesLine(_ text: String) -> PageRange? {
        var t = text.trimmedSpaces
        for prefix in ["pages", "page nos.", "page no.", "page", "pp.", "pp"] where t.lowercased().hasPrefix(prefix) {
            t = String(t.dropFirst(prefix.count)).trimmedSpaces
            break
        }
        return t.first?.isNumber == true ? pageRange(t) : nil
    }

    /// "7a. TITLE" → ("7a", "TITLE"); nil when the text does not start with an item number.
    static func itemNumber(_ text: String) -> (number: String, rest: String)? {
        var digits = ""
        var index = text.startIndex
        while index < text.endIndex, text[index].isASCII, text[index].isNumber {
            digits.append(text[index])
            index = text.index(after: index)
        }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        if index < text.endIndex, text[index].isLowercase, text[index].isASCII {
            let next = text.index(after: index)
            if next == text.endIndex || text[next] == "." || text[next] == ")" || text[next] == " " {
                digits.append(text[index])
                index = next
            }
        }
        if index < text.endIndex, text[index] == "." || text[index] == ")" { index = text.index(after: index) }
        let rest = text[index...]
        guard rest.isEmpty || rest.hasPrefix(" ") else { return nil }
        return (digits, rest.trimmedSpaces)
    }

    /// "9 - 20" → 9…20; "7" → 7…7.
    static func pageRange(_ text: String) -> PageRange? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmedSpaces }
        guard (1...2).contains(parts.count), let first = Int(parts[0]), let last = Int(parts.last!), first <= last else { return nil }
        return PageRange(first: first, last: last)
    }

}
