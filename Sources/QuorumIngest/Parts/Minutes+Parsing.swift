import QuorumDomain

/// The minutes of the previous meeting: "Minutes of the meeting of … held at … on … at …",
/// attendance, numbered minute items with their resolutions, questions appended to the minutes and
/// "The meeting ended at …".
enum MinutesReader {
    /// Whether a line is the minutes' opening heading.
    /// "Minutes of the meeting …", "MINUTES of a meeting of the …", "MINUTES OF THE … PANEL HELD ON …"; not an agenda's
    /// "Minutes of the previous meeting".
    static func isHeading(_ line: SourceLine) -> Bool {
        let text = line.text
        guard text.hasPrefixCI("minutes of "), !line.isTableRow else { return false }
        let rest = String(text.dropFirst("minutes of ".count))
        if rest.containsCI("previous") || rest.containsCI("last meeting") { return false }
        if rest.hasPrefixCI("the meeting") || rest.hasPrefixCI("a meeting") { return true }
        // "MINUTES of a SPECIAL meeting of the …", "Minutes of an extraordinary meeting of …".
        if (rest.hasPrefixCI("a ") || rest.hasPrefixCI("an ")), rest.containsCI(" meeting of ") { return true }
        guard rest.hasPrefixCI("the ") else { return false }
        let named = String(rest.dropFirst(4))
        return named.isUppercaseTitle || named.containsCI(" held ")
    }

    /// A second set of minutes in one pack (a special meeting's, after the ordinary one's) must say whose they are, so
    /// that a report's "minutes of the meeting held on …" is not read as minutes.
    static func isFurtherHeading(_ line: SourceLine) -> Bool {
        isHeading(line) && (line.text.hasPrefix("MINUTES") || line.text.containsCI(" meeting of "))
    }

    /// Reads minutes from their heading to (at most) the end of the slice; returns where they end.
    static func read(_ lines: ArraySlice<SourceLine>, diagnostics: inout Diagnostics) -> (minutes: Minutes, end: Int) {
        guard let heading = lines.first else { return (Minutes(), lines.startIndex) }
        var minutes = Minutes(line: heading.number)
        // A heading laid out over two or three lines ("… held on" / "Monday 24 March 2025 at 2.00 pm").
        var headingText = heading.text
        var index = lines.index(after: lines.startIndex)
        while DateText.firstDate(in: headingText) == nil, index < lines.endIndex, !lines[index].startsBlock, index - lines.startIndex < 3 {
            headingText += " " + lines[index].text
            index += 1
        }
        if DateText.firstDate(in: headingText) == nil { index = lines.index(after: lines.startIndex) }
        readHeading(headingText, into: &minutes)
        if minutes.meetingDate == nil { diagnostics.warn(heading.number, "Minutes: the heading gives no meeting date") }

        // Attendance runs up to the first numbered minute.
        var attendance: [SourceLine] = []
        while index < lines.endIndex, minuteHeading(lines[index], previous: nil) == nil, runInMinute(lines[index], previous: nil) == nil {
            attendance.append(lines[index])
            index += 1
        }
        MinutesAttendance.read(attendance, into: &minutes, diagnostics: &diagnostics)

        var end = lines.endIndex
        var itemLines: [SourceLine] = []
        var current: MinuteItem?
        func close() {
            guard var item = current else { return }
            let consumed = Questions.read(itemLines, diagnostics: &diagnostics)
            minutes.questions += consumed.questions
            let rest = itemLines.filter { !consumed.used.contains($0.number) }
            Resolutions.read(rest, into: &item)
            minutes.items.append(item)
            current = nil
            itemLines = []
        }
        while index < lines.endIndex {
            let line = lines[index]
            if line.text.hasPrefixCI("the meeting ended") || line.text.hasPrefixCI("the meeting closed") {
                close()
                minutes.endedText = line.text
                minutes.endedLine = line.number
                minutes.endTime = DateText.firstTime(in: line.text)
                end = index + 1
                // The chairperson's signature line closes the minutes.
                if end < lines.endIndex, ["chairperson", "chairman", "chair"].contains(lines[end].text.lowercased()) { end += 1 }
                break
            }
            if let (number, title) = minuteHeading(line, previous: current?.number ?? minutes.items.last?.number) {
                close()
                current = MinuteItem(number: number, title: title, line: line.number)
            } else if let run = runInMinute(line, previous: current?.number ?? minutes.items.last?.number) {
                close()
                current = MinuteItem(number: run.number, title: run.title, line: line.number)
                current?.reference = run.reference
                if !run.rest.isEmpty {
                    itemLines.append(line.rewritten(run.rest, startsBlock: true))
                }
            } else {
                itemLines.append(line)
            }
            index += 1
        }
        if index >= lines.endIndex { close() }
        finish(&minutes, diagnostics: &diagnostics)
        return (minutes, end)
    }

    /// What every set of minutes needs once its items are read: each minute's access, and the apologies, substitutes
    /// and declarations their items record.
    static func finish(_ minutes: inout Minutes, diagnostics: inout Diagnostics) {
        ExemptMarking.mark(&minutes.items, diagnostics: &diagnostics)
        for item in minutes.items {
            let title = item.title.lowercased()
            if title.contains("apolog") { MinutesAttendance.readApologies(item.text, into: &minutes) }
            if title.contains("substitut") || title.contains("apolog") { MinutesAttendance.readSubstitutes(item.text, into: &minutes) }
            if title.contains("declaration") { MinutesAttendance.readDeclarations(item.text, line: item.line, into: &minutes) }
        }
    }

    /// The minutes a meeting's web page prints under each item ("Minutes:"), with the attendance above the items.
    static func fromItems(
        _ items: [PrintedItem], minuteLines: [Int: [SourceLine]], attendance: [SourceLine], of pack: AgendaPack, diagnostics: inout Diagnostics
    ) -> Minutes {
        var minutes = Minutes(
            committee: pack.committee, meetingDate: pack.meetingDate, startTime: pack.startTime, venue: pack.venue,
            line: attendance.first?.number ?? minuteLines.values.first?.first?.number ?? 0)
        MinutesAttendance.read(attendance, into: &minutes, diagnostics: &diagnostics)
        for (index, item) in items.enumerated() {
            guard let lines = minuteLines[index] else { continue }
            var minute = MinuteItem(number: Int(item.number.prefix { $0.isNumber }) ?? item.position, title: item.title, line: item.line)
            if Int(item.number) == nil { minute.reference = item.number }
            let consumed = Questions.read(lines, diagnostics: &diagnostics)
            minutes.questions += consumed.questions
            Resolutions.read(lines.filter { !consumed.used.contains($0.number) }, into: &minute)
            // The item's own marking ("Exempt" under its title) holds for its minute.
            if item.access.isExempt { minute.access = item.access }
            minutes.items.append(minute)
        }
        finish(&minutes, diagnostics: &diagnostics)
        for index in minutes.items.indices {
            if let item = items.first(where: { $0.line == minutes.items[index].line }), item.access.isExempt, !minutes.items[index].access.isExempt {
                minutes.items[index].access = item.access
            }
        }
        return minutes
    }

    /// "… of <committee> held at <venue> on <weekday> <date> at <time>".
    static func readHeading(_ text: String, into minutes: inout Minutes) {
        var rest = text.after(ci: "meeting of ") ?? text
        if let held = rest.before(ci: " held ") {
            minutes.committee = held.trimmedSpaces
            rest = rest.after(ci: " held ") ?? ""
        }
        let ons = rest.rangesCI(of: " on ")
        var when = rest
        if rest.hasPrefixCI("at "), let on = ons.last {
            minutes.venue = String(rest[rest.index(rest.startIndex, offsetBy: 3)..<on.lowerBound]).trimmedSpaces
            when = String(rest[on.upperBound...])
        } else if rest.hasPrefixCI("on ") {
            when = String(rest.dropFirst(3))
            if let at = when.after(ci: " at "), DateText.firstTime(in: at) == nil { minutes.venue = at.trimmedSpaces }
        }
        minutes.meetingDate = DateText.firstDate(in: when)
        if let at = when.rangesCI(of: " at ").last { minutes.startTime = DateText.firstTime(in: String(when[at.upperBound...])) }
    }

    /// A minute whose number is printed in the council's own form, with the text run in or below:
    /// "24/25 LEISURE CENTRE CHARGES – The Assistant Director …", "LLC 5/25     SEND PROGRESS", "CYP 12/24 Budget",
    /// "Minute 114 – Minutes. RESOLVED – That …". The number as printed is kept as the reference.
    static func runInMinute(_ line: SourceLine, previous: Int?) -> (number: Int, reference: String, title: String, rest: String)? {
        guard !line.isTableRow else { return nil }
        var words = line.text.words.map(String.init)[...]
        var prefix: [String] = []
        if let first = words.first, first.lowercased() == "minute" || first.lowercased() == "min." || first.lowercased() == "min" {
            prefix.append(first)
            words = words.dropFirst()
        } else if let first = words.first, (2...4).contains(first.count), first.allSatisfy({ $0.isUppercase && $0.isLetter }) {
            prefix.append(first)
            words = words.dropFirst()
        }
        guard let token = words.first else { return nil }
        let cleaned = token.trimmingTrailing([".", ")", ":"])
        let pieces = cleaned.split(separator: "/", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), pieces.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isNumber) }),
            let number = Int(pieces[0]), number > 0
        else { return nil }
        // A bare number is the ordinary "42. TITLE" form, read elsewhere, unless it says "Minute".
        guard pieces.count == 2 || !prefix.isEmpty else { return nil }
        if let previous, number <= previous || number > previous + 3 { return nil }
        var rest = Array(words.dropFirst())
        if let dash = rest.first, dash == "–" || dash == "-" || dash == "—" { rest.removeFirst() }
        guard let firstWord = rest.first, firstWord.first?.isUppercase == true else { return nil }
        let reference = (prefix + [cleaned]).joined(separator: " ")
        // The title: the capitals at the start, or the words up to the first full stop or dash.
        var titleWords: [String] = []
        var k = 0
        if rest[0].isUppercaseTitle {
            while k < rest.count, rest[k].isUppercaseTitle || rest[k].allSatisfy({ !$0.isLetter }) && !["–", "-", "—"].contains(rest[k]) {
                titleWords.append(rest[k])
                k += 1
            }
        } else {
            while k < rest.count, !["–", "-", "—"].contains(rest[k]) {
                titleWords.append(rest[k])
                k += 1
                if titleWords.last!.hasSuffix(".") { break }
            }
        }
        if k < rest.count, ["–", "-", "—"].contains(rest[k]) { k += 1 }
        let title = titleWords.joined(separator: " ").trimmingTrailing(["."])
        guard !title.isEmpty, title.count >= 3 else { return nil }
        return (number, reference, title, rest[k...].joined(separator: " "))
    }

    /// "42. APOLOGIES FOR ABSENCE" → (42, "APOLOGIES FOR ABSENCE"). Minute numbers run on, so after
    /// the first the next must follow closely.
    static func minuteHeading(_ line: SourceLine, previous: Int?) -> (Int, String)? {
        guard !line.isTableRow, let (number, title) = AgendaItems.itemNumber(line.text), let n = Int(number),
            title.isUppercaseTitle, title.count >= 3
        else { return nil }
        if let previous, n <= previous || n > previous + 3 { return nil }
        return (n, title)
    }
}

/// Resolutions in a minute: "Resolved: That …", "Resolved that:" followed by a numbered or lettered
/// list, "it was resolved that …", or a bold lettered list of recommendations carried by the committee.
enum Resolutions {
    static func read(_ raw: [SourceLine], into item: inout MinuteItem) {
        let lines = sentencesOfLaidOutText(raw)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let text = line.text
            if var inline = resolvedLead(text) {
                // A resolution laid out over several lines of text runs on until a blank line or a list.
                while !inline.isEmpty, i + 1 < lines.count, !lines[i + 1].startsBlock, !lines[i + 1].isTableRow, listLabel(lines[i + 1].text) == nil {
                    i += 1
                    inline += " " + lines[i].text
                }
                // "RESOLVED: (1) That … " starts a numbered list: its first entry loses its label as the others do.
                if let (_, body) = listLabel(inline) { inline = body }
                if !inline.isEmpty { item.resolutions.append(inline) }
                if inline.isEmpty, text.lowercased().hasSuffix("that:") || text.lowercased().hasSuffix("that") { item.resolutionLeadIn = "That:" }
                i = collect(lines, from: i + 1, into: &item.resolutions, leadIn: &item.resolutionLeadIn, allowSingleParagraph: inline.isEmpty)
                continue
            }
            if listLabel(text) != nil, line.raw.contains("**") || line.raw.contains("<b>") {
                i = collect(lines, from: i, into: &item.resolutions, leadIn: &item.resolutionLeadIn, allowSingleParagraph: false)
                continue
            }
            if text.trimmingTrailing([":"]).lowercased() == "actions arising" {
                i += 1
                while i < lines.count, lines[i].listLevel != nil {
                    item.actions.append(lines[i].text)
                    i += 1
                }
                continue
            }
            item.text.append(ReportCover.paragraphText(line))
            i += 1
        }
    }

    /// Laid-out text wraps a paragraph over lines and runs a resolution on after the discussion ("… in October. AGREED
    /// that the Head …"): the lines of a paragraph are joined, then split where a sentence resolves.
    static func sentencesOfLaidOutText(_ lines: [SourceLine]) -> [SourceLine] {
        let laidOut = lines.contains(where: { $0.indent > 0 })
        var joined: [SourceLine] = []
        for line in lines {
            if laidOut, let last = joined.last, !line.startsBlock, !line.isTableRow, !last.isTableRow, listLabel(line.text) == nil {
                joined[joined.count - 1] = last.rewritten(last.text + " " + line.text)
            } else {
                joined.append(line)
            }
        }
        return joined.flatMap { line -> [SourceLine] in
            guard !line.isTableRow else { return [line] }
            for marker in [". AGREED that", ". RESOLVED", ". Resolved:", ". Resolved that", ". It was resolved that", ". It was agreed that"] {
                guard let r = line.text.rangesCI(of: marker).first, line.text[r].contains(where: \.isUppercase) || marker.hasPrefix(". It") else { continue }
                let before = String(line.text[..<line.text.index(after: r.lowerBound)])
                let after = String(line.text[line.text.index(r.lowerBound, offsetBy: 2)...])
                return [line.rewritten(before), line.rewritten(after, startsBlock: true)]
            }
            return [line]
        }
    }

    /// The text after "Resolved:" / "it was resolved that", or nil when the line does not resolve.
    private static func resolvedLead(_ text: String) -> String? {
        if text.hasPrefixCI("resolved") {
            var rest = Substring(text.dropFirst("resolved".count))
            rest = rest.drop { $0 == ":" || $0 == " " || $0 == "-" || $0 == "–" }
            if rest.lowercased() == "that:" || rest.lowercased() == "that" { return "" }
            return String(rest)
        }
        if text.hasPrefixCI("agreed that ") { return "That " + String(text.dropFirst("agreed that ".count)).trimmedSpaces }
        if text.hasPrefixCI("agreed:") || text.hasPrefixCI("agreed –") || text.hasPrefixCI("agreed -") {
            let rest = text.dropFirst("agreed".count).drop { $0 == ":" || $0 == " " || $0 == "-" || $0 == "–" }
            return String(rest)
        }
        if let rest = text.after(ci: "resolved that ") { return "That " + rest.trimmedSpaces }
        if let rest = text.after(ci: "resolved: ") { return rest.trimmedSpaces }
        return nil
    }

    /// Collects the list after a resolution lead-in. Sub-points (i., ii.) join their resolution.
    private static func collect(
        _ lines: [SourceLine], from start: Int, into resolutions: inout [String], leadIn: inout String?, allowSingleParagraph: Bool
    ) -> Int {
        var i = start
        var lastMain: String?
        var collected = 0
        while i < lines.count {
            let line = lines[i]
            let lower = line.text.lowercased()
            if lower == "that:" || lower == "that" {
                // "Resolved: That: 1. … 2. …": the lead-in is kept, as printed.
                if resolutions.isEmpty || collected == 0 { leadIn = "That:" }
                i += 1
                continue
            }
            if let (label, body) = listLabel(line.text) {
                if isSubPoint(label, after: lastMain), !resolutions.isEmpty, collected > 0 {
                    resolutions[resolutions.count - 1] += "\n\(label). \(body)"
                } else {
                    resolutions.append(body)
                    lastMain = label
                    collected += 1
                }
                i += 1
                continue
            }
            if allowSingleParagraph, collected == 0, !line.isHeading {
                resolutions.append(line.text)
                collected += 1
                i += 1
                continue
            }
            break
        }
        return i
    }

    private static func isSubPoint(_ label: String, after main: String?) -> Bool {
        let romans: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"]
        guard romans.contains(label.lowercased()), let main else { return false }
        if label.count == 1, main.count == 1, let m = main.unicodeScalars.first, let l = label.unicodeScalars.first,
            m.isASCII, m.properties.isLowercase, l.value == m.value + 1
        {
            return false
        }
        return true
    }
}
