/// A report: the cover labels (Meeting, Meeting date, Report by), the standard sections
/// (Classification … Background papers) and every other heading with its text, in order.
enum ReportCover {
    /// The standard section headings of a report, lowercased, in the order councils print them.
    static let standardHeadings: [String] = [
        "classification", "decision type", "wards affected", "purpose", "recommendation(s)", "recommendations",
        "recommendation", "alternative options", "key considerations", "community impact", "environmental impact",
        "equality duty", "resource implications", "legal implications", "risk management", "consultees", "appendices",
        "background papers", "report reviewers used for appraising this report", "glossary of terms, abbreviations and acronyms used in this report",
    ]

    /// Whether a line starts a report cover: a "Meeting:" label followed closely by "Report by:".
    static func isCoverStart(_ lines: [SourceLine], at i: Int) -> Bool {
        let text = lines[i].text
        guard text.hasPrefixCI("meeting:"), !text.hasPrefixCI("meeting date") else { return false }
        for j in (i + 1)..<min(lines.count, i + 6) where lines[j].text.hasPrefixCI("report by") { return true }
        return false
    }

    /// The line where the report's title is, given the index of its "Meeting:" label.
    static func titleIndex(_ lines: [SourceLine], coverAt i: Int, notBefore floor: Int) -> Int {
        var j = i - 1
        while j >= max(floor, i - 4) {
            if lines[j].text.hasPrefixCI("title of report") || lines[j].isHeading || lines[j].isBold { return j }
            j -= 1
        }
        return max(floor, i - 1)
    }

    static func read(_ lines: ArraySlice<SourceLine>, diagnostics: inout Diagnostics) -> Report {
        guard let first = lines.first else { return Report(title: "") }
        var title = first.text
        if let rest = title.after(ci: "title of report") { title = rest.drop { $0 == ":" || $0 == " " }.trimmedSpaces }
        var report = Report(title: title, line: first.number)
        var sections: [ReportSection] = []
        var preamble: [SourceLine] = []
        for line in lines.dropFirst() {
            if sections.isEmpty {
                if let v = labelledValue(line, ["Meeting date", "Date of meeting"]) {
                    report.meetingDate = DateText.firstDate(in: v)
                    continue
                }
                if let v = labelledValue(line, ["Meeting"]) {
                    report.meeting = v
                    continue
                }
                if let v = labelledValue(line, ["Report by", "Report author"]) {
                    report.reportBy = v.trimmingTrailing([";", "."])
                    continue
                }
            }
            if let heading = heading(line) {
                sections.append(ReportSection(heading: heading, paragraphs: [], line: line.number))
                continue
            }
            if sections.isEmpty {
                preamble.append(line)
            } else {
                sections[sections.count - 1].paragraphs.append(paragraphText(line))
            }
        }
        diagnostics.unrecognised(preamble, into: &report.unparsed, context: "Report \"\(title.excerpt)\"")
        for section in sections {
            let key = section.heading.lowercased()
            let text = section.paragraphs.joined(separator: "\n")
            switch key {
            case "classification" where report.classificationText == nil:
                report.classificationText = section.paragraphs.first
                report.classification = AgendaItems.access(in: text)
            case "decision type" where report.decisionType == nil:
                report.decisionType = decisionType(section.paragraphs.first ?? "")
            case "wards affected" where report.wardsAffected.isEmpty:
                report.wardsAffected = text.split(whereSeparator: { $0 == ";" || $0 == "\n" }).map {
                    String($0.trimmedSpaces.trimmingTrailing([",", "."]).drop { $0 == "(" }).trimmingTrailing([")"]).trimmedSpaces
                }.filter { !$0.isEmpty }
            case "purpose" where report.purpose.isEmpty:
                report.purpose = text
            case "recommendation(s)", "recommendations", "recommendation":
                if report.recommendations.isEmpty { report.recommendations = lettered(section.paragraphs) }
            case "appendices" where report.appendices.isEmpty:
                report.appendices = section.paragraphs.filter { !$0.isEmpty && $0.lowercased() != "none" }
            default:
                break
            }
        }
        report.sections = sections
        return report
    }

    /// A section heading: a markdown heading, or a standard heading printed as a plain line.
    static func heading(_ line: SourceLine) -> String? {
        guard !line.isTableRow, line.listLevel == nil else { return nil }
        let text = line.text.trimmingTrailing([":"])
        if line.isHeading { return text }
        let key = text.lowercased()
        if standardHeadings.contains(key) { return text }
        return nil
    }

    static func paragraphText(_ line: SourceLine) -> String {
        if let cells = line.cells { return cells.map(\.text).joined(separator: "\t").trimmedSpaces }
        return line.text
    }

    static func decisionType(_ text: String) -> DecisionType? {
        let t = text.lowercased()
        if t.isEmpty { return nil }
        if t.contains("not an executive decision") { return .notAnExecutiveDecision }
        if t.hasPrefix("non-key") || t.hasPrefix("non key") { return .nonKey }
        if t.hasPrefix("key") { return .key }
        return .other(text)
    }

    /// "a) text", "b) text" → lettered entries; "That:" lead-ins are dropped; an unlettered
    /// recommendation becomes one entry with an empty label.
    static func lettered(_ paragraphs: [String]) -> [LetteredText] {
        var out: [LetteredText] = []
        for paragraph in paragraphs {
            let p = paragraph.trimmedSpaces
            if p.lowercased() == "that:" || p.lowercased() == "that" || p.isEmpty { continue }
            if out.isEmpty, p.hasSuffix(":"), p.words.count <= 8 { continue }
            if let (label, body) = listLabel(p) {
                out.append(LetteredText(label: label, text: body))
            } else if let last = out.indices.last {
                out[last].text += "\n" + p
            } else {
                out.append(LetteredText(label: "", text: p))
            }
        }
        return out
    }
}

/// "a) text" / "1. text" / "(b) text" / "ii. text" → (label, text).
func listLabel(_ text: String) -> (String, String)? {
    var s = Substring(text)
    var parenthesised = false
    if s.hasPrefix("(") {
        parenthesised = true
        s = s.dropFirst()
    }
    let label = s.prefix { $0.isLetter || $0.isNumber }
    guard !label.isEmpty, label.count <= 4 else { return nil }
    let isNumber = label.allSatisfy(\.isNumber)
    let isLetters = label.allSatisfy { $0.isLetter && $0.isLowercase }
    let roman = Set("ivxlIVXL")
    guard isNumber || (isLetters && (label.count == 1 || label.allSatisfy { roman.contains($0) })) || (label.count <= 4 && label.allSatisfy { roman.contains($0) } && label.count > 1) else {
        return nil
    }
    var rest = s.dropFirst(label.count)
    guard let mark = rest.first, mark == ")" || mark == "." else { return nil }
    if parenthesised, mark != ")" { return nil }
    rest = rest.dropFirst()
    guard rest.first == " " else { return nil }
    let body = rest.trimmedSpaces
    guard !body.isEmpty else { return nil }
    return (String(label), body)
}
