import QuorumDomain

/// The front sheet: committee, meeting date, time, place and the clerk's contact details.
///
/// Councils lay it out in many ways, and each is read from its shape, not its wording: labels with the value on the
/// same line or the next ("Date:  Monday 16 June 2025", "Date and time" / "Wednesday, 2nd July 2025 at 7pm"), a
/// one-line heading ("Corporate Scrutiny Panel - Thursday 4th September 2025 7.00 p.m."), a summons letter ("You are
/// summoned to attend a meeting of the … to be held in … on …"), or a committee named above its date.
struct FrontSheet {
    var committee: String
    var date: CalendarDay
    var dateLine: Int
    var time: TimeOfDay?
    /// What the start depends on, as printed: "or on the rising of the Planning Committee if later".
    var timeCondition: String?
    var venue: String?
    var clerk: Contact?
    /// The council, when a line of the front sheet is nothing but its name ("Vale of Amberlow District Council").
    var authority: String?
    /// Notes to the reader on the sheet, as printed.
    var notes: [String]
    /// Indices of the lines the front sheet used.
    var used: Set<Int>

    /// Reads the front sheet from the lines before the membership list or agenda.
    static func read(_ lines: [SourceLine], in range: Range<Int>, file: String) throws(IngestError) -> FrontSheet {
        var sheet = Reading(lines: lines, range: range)
        sheet.readLabels()
        sheet.readHeadingsAndLetters()
        guard let date = sheet.dates.max(by: { $0.rank < $1.rank }) else {
            if let unread = sheet.unreadDate {
                throw IngestError(
                    file: file, line: lines[unread.index].number,
                    kind: .notAnAgendaPack(reason: "the meeting date \"\(unread.value.excerpt)\" is not a date, and no other meeting date was found")
                )
            }
            throw IngestError(
                file: file, line: lines[range].first?.number ?? 1,
                kind: .notAnAgendaPack(reason: "no meeting date was found near the start (looked for a date labelled \"Date\", a heading with the committee and date, or a summons to a meeting)")
            )
        }
        sheet.used.insert(date.index)
        if sheet.committee == nil { sheet.committeeAbove(date.index) }
        // The committee's name printed again on the sheet is the same fact.
        if let name = sheet.committee?.value {
            for i in range where lines[i].text.lowercased() == name.lowercased() { sheet.used.insert(i) }
        }
        guard let committee = sheet.committee.map(\.value).map(committeeName), !committee.isEmpty else {
            throw IngestError(
                file: file, line: lines[date.index].number,
                kind: .notAnAgendaPack(reason: "no committee was found near the start (looked for a \"Meeting\" label, a heading, a summons, or a name above the date)")
            )
        }
        let timeText = sheet.time ?? (DateText.firstTime(in: date.text) != nil ? date.text : nil)
        let time = timeText.flatMap(DateText.firstTime(in:))
        let condition = timeText.flatMap(startCondition) ?? sheet.note.flatMap(startCondition)
        return FrontSheet(
            committee: committee, date: date.date, dateLine: lines[date.index].number, time: time, timeCondition: condition,
            venue: sheet.venue.map(venueName), clerk: sheet.clerk, authority: sheet.authority, notes: sheet.notes, used: sheet.used
        )
    }

    /// "7pm, or on the rising of the Planning Committee if later" → "or on the rising of the Planning Committee if later".
    static func startCondition(_ text: String) -> String? {
        let afterWords = ["rise", "rising", "conclusion", "close", "end of", "following", "after", "later"]
        for range in text.rangesCI(of: " or ") {
            let rest = String(text[range.upperBound...])
            guard afterWords.contains(where: { rest.lowercased().contains($0) }) else { continue }
            let sentence = rest.prefix { $0 != "." && $0 != ";" }
            return ("or " + sentence).trimmedSpaces.trimmingTrailing([","])
        }
        return nil
    }

    /// A committee's name as a heading gives it: capitals made title case, and no trailing "Meeting" or "Minutes".
    static func committeeName(_ raw: String) -> String {
        var words = raw.trimmedSpaces.trimmingTrailing([":", ",", ".", "-", "–"]).words.map(String.init)
        if words.first?.lowercased() == "the", words.count > 2 { words.removeFirst() }
        while let last = words.last?.lowercased(), words.count > 1, ["meeting", "minutes", "agenda", "-", "–"].contains(last) {
            words.removeLast()
        }
        let name = words.joined(separator: " ")
        return name.isUppercaseTitle ? titleCased(name) : name
    }

    /// A venue without the link text a web page puts after it ("View directions", "Map").
    static func venueName(_ raw: String) -> String {
        var venue = raw.trimmedSpaces
        for tail in ["view directions", "get directions", "directions", "view map", "map"] {
            if venue.lowercased().hasSuffix(tail), venue.count > tail.count + 3 {
                venue = String(venue.dropLast(tail.count)).trimmedSpaces.trimmingTrailing([",", "-", "–", "|"]).trimmedSpaces
            }
        }
        return venue
    }

    /// "OVERVIEW AND SCRUTINY COMMITTEE" → "Overview and Scrutiny Committee".
    static func titleCased(_ text: String) -> String {
        let small: Set<String> = ["and", "of", "the", "for", "in", "on", "to", "with", "a", "an", "at", "by"]
        return text.words.enumerated().map { index, word in
            word.split(separator: "-", omittingEmptySubsequences: false).map { part -> String in
                let lower = part.lowercased()
                if index > 0, small.contains(lower) { return lower }
                return lower.prefix(1).uppercased() + lower.dropFirst()
            }.joined(separator: "-")
        }.joined(separator: " ")
    }
}

/// The front sheet being read: every candidate value, with where it came from.
private struct Reading {
    struct Found {
        var value: String
        var index: Int
    }

    struct DateFound {
        var date: CalendarDay
        var text: String
        var index: Int
        /// Higher is more trustworthy: a summons or a "Date and time" label over a bare date.
        var source: Int
        var hasWeekday: Bool
        var rank: (Int, Int, Int) { (source, hasWeekday ? 1 : 0, -index) }
    }

    let lines: [SourceLine]
    let range: Range<Int>
    var dates: [DateFound] = []
    /// A value labelled as the date that is not one ("Date: next Tuesday").
    var unreadDate: Found?
    var committee: Found?
    var time: String?
    var note: String?
    var venue: String?
    var clerk: Contact?
    var authority: String?
    /// Notes to the reader: "Notes: Please note the time, date and venue of the meeting."
    var notes: [String] = []
    var used = Set<Int>()

    init(lines: [SourceLine], range: Range<Int>) {
        self.lines = lines
        self.range = range
    }

    enum Label: CaseIterable {
        case dateAndTime, date, time, venue, meeting, contact, phone, email, notes

        var names: [String] {
            switch self {
            case .dateAndTime: ["date and time", "meeting date and time", "date & time", "date and time of meeting", "when"]
            case .date: ["date", "meeting date", "date of meeting"]
            case .time: ["time", "start time", "time of meeting"]
            case .venue: ["venue", "place", "location", "where", "meeting venue"]
            case .meeting: ["meeting", "committee", "meeting of", "name of meeting"]
            case .contact: [
                    "contact", "contact officer", "enquiries to", "enquiries", "for enquiries", "democratic services officer",
                    "committee officer", "committee clerk", "clerk", "scrutiny officer", "governance officer",
                    "for any further information please contact",
                ]
            case .phone: ["tel", "telephone", "phone", "direct line", "direct dial", "tel no"]
            case .email: ["email", "e-mail"]
            case .notes: ["notes", "note", "please note"]
            }
        }
    }

    /// The parts of a line a wide gap separates ("Enquiries to:  Mark Ollerenshaw      Date: 3rd June 2025"), and a
    /// table row's cells.
    func segments(_ i: Int) -> [String] {
        let line = lines[i]
        if line.isTableRow { return [line.filledCells.joined(separator: ": ")] }
        let parts = line.raw.columns
        // "Contact: A Name, Officer  Tel: 01632 960351  Email: …": labels further along a line start parts too.
        return parts.flatMap { Reading.splitAtLabels(Markup.plain($0)) }.filter { !$0.isEmpty }
    }

    static func splitAtLabels(_ text: String) -> [String] {
        var cuts: [String.Index] = []
        for label in ["Tel:", "Telephone:", "Email:", "E-mail:", "Direct line:", "Phone:"] {
            for r in text.rangesCI(of: " " + label) { cuts.append(text.index(after: r.lowerBound)) }
        }
        guard !cuts.isEmpty else { return [text.trimmedSpaces] }
        var out: [String] = []
        var start = text.startIndex
        for cut in cuts.sorted() {
            out.append(String(text[start..<cut]).trimmedSpaces)
            start = cut
        }
        out.append(String(text[start...]).trimmedSpaces)
        return out
    }

    /// "Label: value" or a label alone (the value is then the next line that is not blank).
    func labelled(_ segment: String) -> (Label, String?)? {
        // A label is a few words at the start: a segment that starts with no letter is none.
        guard let first = segment.utf8.first, (65...90).contains(first) || (97...122).contains(first) else { return nil }
        let lower = segment.prefix(64).lowercased()
        for (label, name) in Self.labelNames {
            guard lower.hasPrefix(name) else { continue }
            let rest = lower.dropFirst(name.count)
            if rest.isEmpty || rest == ":" { return (label, nil) }
            if rest.hasPrefix(":") { return (label, String(segment.dropFirst(name.count + 1)).trimmedSpaces) }
        }
        return nil
    }

    /// Every label's names, longest first within each label, so "date and time" is tried before "date".
    static let labelNames: [(Label, String)] = Label.allCases.flatMap { label in
        label.names.sorted { $0.count > $1.count }.map { (label, $0) }
    }

    func nextValue(after i: Int) -> (String, Int)? {
        var j = i + 1
        while j < range.upperBound, j <= i + 2 {
            let text = lines[j].text
            if !text.isEmpty {
                if labelled(text) != nil { return nil }
                return (text, j)
            }
            j += 1
        }
        return nil
    }

    mutating func readLabels() {
        for i in range {
            let parts = segments(i)
            var k = 0
            while k < parts.count {
                defer { k += 1 }
                guard let (label, sameLine) = labelled(parts[k]) else { continue }
                var value = sameLine
                var at = i
                // "Time:          2pm": the value is the next part of the same line.
                if value == nil || value!.isEmpty, k + 1 < parts.count, labelled(parts[k + 1]) == nil {
                    value = parts[k + 1]
                    k += 1
                }
                if value == nil || value!.isEmpty, let (next, j) = nextValue(after: i) {
                    value = next
                    at = j
                }
                guard let value, !value.isEmpty else { continue }
                take(label, value, at: i, valueAt: at)
            }
            if authority == nil, let name = FrontSheet.councilName(lines[i].text) {
                authority = name
                used.insert(i)
            }
            // The document's own labels are read, not unread text.
            if ["agenda", "public pack", "notice of meeting", "agenda pack", "public document pack", "supplement"].contains(lines[i].text.lowercased()) {
                used.insert(i)
            }
        }
    }

    mutating func take(_ label: Label, _ value: String, at i: Int, valueAt j: Int) {
        switch label {
        case .dateAndTime, .date:
            guard let date = DateText.firstDate(in: value) else {
                if unreadDate == nil { unreadDate = Found(value: value, index: j) }
                return
            }
            let source = label == .dateAndTime ? 3 : 2
            dates.append(DateFound(date: date, text: value, index: j, source: source, hasWeekday: DateText.hasWeekday(value)))
            used.formUnion([i, j])
        case .time:
            guard time == nil, DateText.firstTime(in: value) != nil else { return }
            time = value
            used.formUnion([i, j])
        case .venue:
            guard venue == nil else { return }
            venue = value
            used.formUnion([i, j])
        case .meeting:
            guard committee == nil, DateText.firstDate(in: value) == nil, value.words.count <= 14 else { return }
            committee = Found(value: value, index: j)
            used.formUnion([i, j])
        case .contact:
            guard clerk?.name.isEmpty ?? true else { return }
            let parts = splitOutsideParentheses(value, on: [", "])
            let name = parts[0].containsPhoneOrEmail ? "" : parts[0]
            let role = parts.count > 1 ? parts.dropFirst().joined(separator: ", ") : (labelledRole(lines[i].text) ?? nil)
            var contact = clerk ?? Contact(name: "")
            contact.name = name
            contact.role = role
            // The telephone and email often follow on the next lines without labels.
            for k in j..<min(range.upperBound, j + 4) {
                for token in lines[k].text.split(whereSeparator: { $0 == " " || $0 == "|" }) where contact.email == nil && token.contains("@") {
                    contact.email = String(token).trimmingTrailing([",", ".", ";", ")"])
                }
                if contact.phone == nil, let phone = phoneNumber(in: lines[k].text) { contact.phone = phone }
            }
            clerk = contact
            used.formUnion([i, j])
        case .phone:
            guard let phone = phoneNumber(in: value) else { return }
            used.insert(i)
            guard clerk?.phone == nil else { return }
            var contact = clerk ?? Contact(name: "")
            contact.phone = phone
            clerk = contact
        case .email:
            guard let email = value.words.first(where: { $0.contains("@") }) else { return }
            used.insert(i)
            guard clerk?.email == nil else { return }
            var contact = clerk ?? Contact(name: "")
            contact.email = String(email).trimmingTrailing([",", ".", ";", ")"])
            clerk = contact
        case .notes:
            notes.append(value)
            used.formUnion([i, j])
        }
    }

    /// The contact label itself names the role: "Democratic Services Officer".
    func labelledRole(_ text: String) -> String? {
        let label = text.trimmingTrailing([":"]).trimmedSpaces
        return label.lowercased().hasSuffix("officer") || label.lowercased().hasSuffix("clerk") ? label : nil
    }

    /// Headings with committee and date on one line, summons letters, start-time notes and dates with a weekday.
    mutating func readHeadingsAndLetters() {
        var i = range.lowerBound
        while i < range.upperBound {
            let text = lines[i].text
            // A summons or notice runs over a few lines: read the paragraph as one sentence.
            if text.containsCI("meeting of ") {
                var paragraph = [text]
                var j = i + 1
                while j < range.upperBound, !lines[j].text.isEmpty, !lines[j].startsBlock, paragraph.count < 5 {
                    paragraph.append(lines[j].text)
                    j += 1
                }
                summons(paragraph.joined(separator: " "), at: i)
            }
            if text.containsCI(" or at the rise") || text.containsCI(" or on the rising") || text.containsCI("whichever is the later") {
                note = note ?? text
            }
            if let date = DateText.firstDate(in: text) {
                if let heading = headingCommittee(text) {
                    dates.append(DateFound(date: date, text: text, index: i, source: 3, hasWeekday: DateText.hasWeekday(text)))
                    if committee == nil || committee!.value.isEmpty { committee = Found(value: heading, index: i) }
                    used.insert(i)
                } else if DateText.hasWeekday(text), !dates.contains(where: { $0.index == i }) {
                    dates.append(DateFound(date: date, text: text, index: i, source: 1, hasWeekday: true))
                }
            }
            i += 1
        }
    }

    /// "You are summoned to attend a meeting of the OVERVIEW AND SCRUTINY COMMITTEE to be held in the Council Chamber,
    /// … on Thursday 12th June 2025 at 7.00 p.m."
    mutating func summons(_ sentence: String, at i: Int) {
        guard let afterOf = sentence.after(ci: "meeting of ") else { return }
        let stops = [" to be held", " will be held", " which will be held", " on ", " at ", " in ", ",", "."]
        var name = afterOf
        for stop in stops { if let before = name.before(ci: stop) { name = before } }
        if name.hasPrefixCI("the ") { name = String(name.dropFirst(4)) }
        if committee == nil, !name.isEmpty, name.words.count <= 12, name.words.last.map({ $0.first?.isUppercase ?? false }) == true {
            committee = Found(value: name, index: i)
            used.insert(i)
        }
        if let date = DateText.firstDate(in: sentence) {
            dates.append(DateFound(date: date, text: sentence.after(ci: " on ") ?? sentence, index: i, source: 4, hasWeekday: DateText.hasWeekday(sentence)))
        }
        if venue == nil, let held = sentence.after(ci: "held in ") ?? sentence.after(ci: "held at ") {
            let place = held.before(ci: " on ") ?? held.before(ci: " at ") ?? ""
            if !place.isEmpty, DateText.firstDate(in: place) == nil, place.words.count <= 16 {
                venue = place.hasPrefixCI("the ") ? String(place.dropFirst(4)) : place
            }
        }
    }

    /// "Adult Social Care and Health Scrutiny Commission - Wednesday, 11th June, 2025 5.30 pm" → the committee.
    func headingCommittee(_ text: String) -> String? {
        for dash in [" - ", " – ", " — "] {
            guard let before = text.before(ci: dash), let after = text.after(ci: dash) else { continue }
            guard DateText.firstDate(in: after) != nil, DateText.firstDate(in: before) == nil else { continue }
            let name = FrontSheet.committeeName(before)
            let words = name.words
            guard (2...12).contains(words.count), isCommitteeWord(words.last.map(String.init) ?? "") else { continue }
            return name
        }
        return nil
    }

    /// When nothing named the committee: the nearest line above the date that reads like a committee's name.
    mutating func committeeAbove(_ dateIndex: Int) {
        let generic: Set<String> = ["agenda", "public pack", "notice of meeting", "supplement", "agenda pack", "public document pack"]
        let candidates = (range.lowerBound..<dateIndex).reversed().filter {
            let text = lines[$0].text
            return !text.isEmpty && !generic.contains(text.lowercased()) && !lines[$0].isTableRow && FrontSheet.councilName(text) == nil
                && labelled(text) == nil && text.words.count <= 14
        }
        let named = candidates.first { isCommitteeWord(String(lines[$0].text.words.last ?? "")) }
        if let i = named ?? candidates.first {
            committee = Found(value: lines[i].text, index: i)
            used.insert(i)
        }
    }

    func isCommitteeWord(_ word: String) -> Bool {
        let w = word.lowercased().trimmingTrailing([",", ".", ":"])
        return ["committee", "sub-committee", "panel", "commission", "board", "forum", "group", "cabinet", "council", "scrutiny", "executive"].contains(w)
    }

}

extension FrontSheet {
    /// "Vale of Amberlow District Council", "CRESSINGFOLD DISTRICT COUNCIL": a line that is only a council's name.
    static func councilName(_ text: String) -> String? {
        let words = text.words
        guard (2...8).contains(words.count), words.last?.lowercased() == "council" else { return nil }
        guard words.allSatisfy({ $0.first?.isUppercase == true || ["of", "and", "upon", "on", "the"].contains($0.lowercased()) }) else { return nil }
        guard !["venue", "place", "location"].contains(where: { text.lowercased().hasPrefix($0) }), !text.contains(":") else { return nil }
        return text.isUppercaseTitle ? FrontSheet.titleCased(text) : text
    }
}

/// "01632 960146", "(01432) 260667", "+44 1632 960146": the first telephone number in the text.
func phoneNumber(in text: String) -> String? {
    let scalars = Array(text)
    var i = 0
    while i < scalars.count {
        guard scalars[i].isNumber || scalars[i] == "+" || scalars[i] == "(" else {
            i += 1
            continue
        }
        var j = i
        var digits = 0
        var end = i
        while j < scalars.count, scalars[j].isNumber || " ()+-".contains(scalars[j]) {
            if scalars[j].isNumber {
                digits += 1
                end = j + 1
            }
            j += 1
        }
        if (10...13).contains(digits), scalars[i...].first(where: \.isNumber) == "0" || scalars[i] == "+" {
            return String(scalars[i..<end]).trimmedSpaces
        }
        i = max(j, i + 1)
    }
    return nil
}

extension String {
    fileprivate var containsPhoneOrEmail: Bool { contains("@") || phoneNumber(in: self) != nil }
}
