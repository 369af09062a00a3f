import QuorumDomain

/// The minutes of the previous meeting: "Minutes of the meeting of … held at … on … at …",
/// attendance, numbered minute items with their resolutions, questions appended to the minutes and
/// "The meeting ended at …".
enum MinutesReader {
    /// Whether a line is the minutes' opening heading.
    static func isHeading(_ line: SourceLine) -> Bool {
        line.text.hasPrefixCI("minutes of the meeting") || line.text.hasPrefixCI("minutes of a meeting")
    }

    /// Reads minutes from their heading to (at most) the end of the slice; returns where they end.
    static func read(_ lines: ArraySlice<SourceLine>, diagnostics: inout Diagnostics) -> (minutes: Minutes, end: Int) {
        guard let heading = lines.first else { return (Minutes(), lines.startIndex) }
        var minutes = Minutes(line: heading.number)
        readHeading(heading.text, into: &minutes)
        if minutes.meetingDate == nil { diagnostics.warn(heading.number, "Minutes: the heading gives no meeting date") }

        // Attendance runs up to the first numbered minute.
        var index = lines.index(after: lines.startIndex)
        var attendance: [SourceLine] = []
        while index < lines.endIndex, minuteHeading(lines[index], previous: nil) == nil {
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
                minutes.endTime = DateText.firstTime(in: line.text)
                if minutes.endTime == nil { diagnostics.warn(line.number, "Minutes: the closing line gives no time: \"\(line.text.excerpt)\"") }
                end = index + 1
                // The chairperson's signature line closes the minutes.
                if end < lines.endIndex, ["chairperson", "chairman", "chair"].contains(lines[end].text.lowercased()) { end += 1 }
                break
            }
            if let (number, title) = minuteHeading(line, previous: current?.number ?? minutes.items.last?.number) {
                close()
                current = MinuteItem(number: number, title: title, line: line.number)
            } else {
                itemLines.append(line)
            }
            index += 1
        }
        if index >= lines.endIndex { close() }
        ExemptMarking.mark(&minutes.items, diagnostics: &diagnostics)
        for item in minutes.items {
            let title = item.title.lowercased()
            if title.contains("apolog") { MinutesAttendance.readApologies(item.text, into: &minutes) }
            if title.contains("substitut") { MinutesAttendance.readSubstitutes(item.text, into: &minutes) }
            if title.contains("declaration") { MinutesAttendance.readDeclarations(item.text, line: item.line, into: &minutes) }
        }
        return (minutes, end)
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
    static func read(_ lines: [SourceLine], into item: inout MinuteItem) {
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let text = line.text
            if let inline = resolvedLead(text) {
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

    /// The text after "Resolved:" / "it was resolved that", or nil when the line does not resolve.
    private static func resolvedLead(_ text: String) -> String? {
        if text.hasPrefixCI("resolved") {
            var rest = Substring(text.dropFirst("resolved".count))
            rest = rest.drop { $0 == ":" || $0 == " " || $0 == "-" || $0 == "–" }
            if rest.lowercased() == "that:" || rest.lowercased() == "that" { return "" }
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
