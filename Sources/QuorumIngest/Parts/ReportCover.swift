import QuorumDomain

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
    /// The label may be on a line of its own, with the value on the next ("Meeting" / "Housing … Committee").
    static func isCoverStart(_ lines: [SourceLine], at i: Int) -> Bool {
        let text = lines[i].text
        guard text.hasPrefixCI("meeting:") || text.lowercased() == "meeting", !text.hasPrefixCI("meeting date") else { return false }
        for j in (i + 1)..<min(lines.count, i + 8) where lines[j].text.hasPrefixCI("report by") || lines[j].text.hasPrefixCI("report author") {
            return true
        }
        return false
    }

    /// Cover labels whose value may be printed on the next line.
    static let coverLabels = [
        "report title", "title of report", "meeting", "meeting date and time", "meeting date", "date of meeting", "report by",
        "report author", "cabinet portfolio", "portfolio", "cabinet member", "portfolio holder",
    ]

    /// "Report by" / "Director of Housing" → one line "Report by: Director of Housing", so a cover laid out with values
    /// under their labels reads as one with them beside.
    static func joiningLabels(_ lines: ArraySlice<SourceLine>) -> [SourceLine] {
        var out: [SourceLine] = []
        var skip = false
        let array = Array(lines)
        for (k, line) in array.enumerated() {
            if skip {
                skip = false
                continue
            }
            let label = line.text.utf8.count <= 32 ? line.text.lowercased().trimmingTrailing([":"]) : ""
            if coverLabels.contains(label), k + 1 < array.count, !coverLabels.contains(array[k + 1].text.lowercased().trimmingTrailing([":"])),
                heading(array[k + 1]) == nil
            {
                out.append(line.rewritten(line.text.trimmingTrailing([":"]) + ": " + array[k + 1].text))
                skip = true
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// The line where the report's title is, given the index of its "Meeting:" label.
    static func titleIndex(_ lines: [SourceLine], coverAt i: Int, notBefore floor: Int) -> Int {
        var j = i - 1
        while j >= max(floor, i - 4) {
            if lines[j].text.hasPrefixCI("title of report") || lines[j].text.hasPrefixCI("report title") || lines[j].isHeading || lines[j].isBold { return j }
            j -= 1
        }
        return max(floor, i - 1)
    }

    static func read(_ slice: ArraySlice<SourceLine>, diagnostics: inout Diagnostics) -> Report {
        let lines = joiningLabels(slice)
        guard let first = lines.first else { return Report(title: "") }
        var title = first.text
        for label in ["title of report", "report title"] {
            if let rest = title.after(ci: label) { title = rest.drop { $0 == ":" || $0 == " " }.trimmedSpaces }
        }
        var report = Report(title: title, line: first.number)
        var sections: [ReportSection] = []
        var preamble: [SourceLine] = []
        /// Inside the "Contact officer" block at the end: its labelled lines are the author's details.
        var inContact = false
        for line in lines.dropFirst() {
            if line.text.utf8.count <= 16, ["contact officer", "contact officer:", "report author", "report author:", "contact", "contact:"].contains(line.text.lowercased()) {
                inContact = true
                report.author = report.author ?? Contact(name: "")
                continue
            }
            if inContact, readContact(line, into: &report) { continue }
            if line.text.hasPrefixCI("democratic services:"), let value = line.text.after(ci: "democratic services:") {
                report.democraticServices = contact(from: value)
                continue
            }
            if sections.isEmpty {
                if let v = labelledValue(line, ["Cabinet portfolio", "Portfolio", "Cabinet member", "Portfolio holder"]) {
                    report.cabinetPortfolio = v
                    continue
                }
                if let v = labelledValue(line, ["Meeting date and time", "Meeting date", "Date of meeting"]) {
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
            // An appendix printed after the cover starts with its label, bold or on a line of its own; what follows is
            // the appendix's, not the background papers'.
            if let last = sections.last, last.heading.lowercased() != "appendices", isAppendixStart(line) {
                sections.append(ReportSection(heading: line.text.trimmingTrailing([":"]), paragraphs: [], line: line.number))
                continue
            }
            if sections.isEmpty {
                preamble.append(line)
            } else if line.indent > 0, !line.startsBlock, !line.isTableRow, listLabel(line.text) == nil, !line.text.hasPrefixCI("appendix "),
                let previous = sections[sections.count - 1].paragraphs.indices.last
            {
                // Laid-out text wraps a paragraph over several lines: they are one paragraph.
                sections[sections.count - 1].paragraphs[previous] += " " + line.text
            } else {
                sections[sections.count - 1].paragraphs.append(paragraphText(line))
            }
        }
        report.requestedAt = requestedAt(in: sections.flatMap(\.paragraphs))
        diagnostics.unrecognised(preamble, into: &report.unparsed, context: "Report \"\(title.excerpt)\"")
        for section in sections {
            let key = section.heading.lowercased()
            let text = section.paragraphs.joined(separator: "\n")
            switch key {
            case "classification" where report.classificationText == nil:
                report.classificationText = section.paragraphs.first { !$0.isEmpty }
                let marking = ExemptMarking(text, reading: .classification)
                if let doubt = marking.doubt {
                    report.classification = .exempt(paragraph: marking.exemptParagraph)
                    diagnostics.warn(section.line, "Report \"\(title.excerpt)\": the classification \"\(text.excerpt)\" — \(doubt); it is held as exempt until an officer checks it")
                } else if let access = ExemptMarking.access(marking.whole) {
                    report.classification = access
                } else {
                    // A classification nobody can read as open is not open.
                    report.classification = .exempt(paragraph: nil)
                    diagnostics.warn(
                        section.line,
                        "Report \"\(title.excerpt)\": the classification \"\(text.excerpt)\" is neither open nor exempt as Quorum reads it; it is held as exempt until an officer checks it")
                }
                for (label, verdict) in marking.appendices {
                    report.appendixAccess[label] = ExemptMarking.access(verdict, fallback: marking.exemptParagraph)
                }
                // "Open report with exempt appendix. Appendix C is not for publication": the one exempt appendix is C.
                let named = report.appendixAccess.filter { !$0.key.isEmpty && $0.value.isExempt }
                if named.count == 1, report.appendixAccess[""] != nil, !text.lowercased().contains("appendices") {
                    report.appendixAccess[""] = nil
                }
            case "decision type" where report.decisionType == nil && report.decisionTypeText == nil:
                let text = section.paragraphs.first ?? ""
                report.decisionType = decisionType(text)
                if report.decisionType == nil && !text.isEmpty { report.decisionTypeText = text }
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
        report.sections = sections.compactMap { section in
            var section = section
            section.paragraphs = TemplateText.cleaned(section.paragraphs)
            // A section that held nothing but the template's prompts ("Report Reviewers Used …") is not the report's.
            if section.paragraphs.isEmpty, TemplateText.isTemplateHeading(section.heading) { return nil }
            return section
        }
        markExemption(&report, title: first, preamble: preamble, diagnostics: &diagnostics)
        return report
    }

    /// Markings outside the classification field: on the title ("EXEMPT – …") or the page ("NOT FOR PUBLICATION"),
    /// in the list of appendices ("Appendix 2 – Costs (exempt, paragraph 3)"), and on an appendix printed in the body.
    /// Sections printed inside an appendix are labelled with it, so an exempt appendix's text is withheld with it.
    private static func markExemption(_ report: inout Report, title: SourceLine, preamble: [SourceLine], diagnostics: inout Diagnostics) {
        // Sections from an "Appendix N" heading on belong to that appendix; a marking at its head marks it.
        var current: String?
        for index in report.sections.indices {
            let heading = report.sections[index].heading
            if isAppendixHeading(heading) {
                let key = QuorumDomain.Report.Appendix.key(heading)
                current = "Appendix \(key.uppercased())"
                var marking = ExemptMarking.exemptOnly(heading)
                for paragraph in report.sections[index].paragraphs.prefix(3) { marking = marking.adding(ExemptMarking.exemptOnly(paragraph)) }
                if let access = ExemptMarking.access(marking.whole ?? marking.appendices[key] ?? marking.appendices[""]), access.isExempt {
                    report.appendixAccess[key] = access
                }
                if !report.appendices.contains(where: { QuorumDomain.Report.Appendix.key($0) == key }) {
                    report.appendices.append(heading)
                }
            }
            report.sections[index].appendix = current
        }
        // Only what marks exempt counts here: an appendix is open unless something says otherwise.
        var cover = ExemptMarking.exemptOnly(title.text)
        for line in preamble { cover = cover.adding(ExemptMarking.exemptOnly(line.text)) }
        // A banner or page header anywhere in the report itself ("NOT FOR PUBLICATION", "CONFIDENTIAL"): a short line
        // of its own that is nothing but a marking. Table rows are data, not banners.
        for section in report.sections where section.appendix == nil && !isAppendixHeading(section.heading) {
            for text in [section.heading] + section.paragraphs where !text.contains("\t") && text.words.count <= 6 {
                let banner = ExemptMarking.exemptOnly(text)
                if case .exempt = banner.whole { cover = cover.adding(banner) }
            }
        }
        if case .exempt(let paragraph) = cover.whole, !(report.classification?.isExempt ?? false) {
            if report.classification == .open { diagnostics.warn(title.number, "Report \"\(report.title.excerpt)\" is classified open but marked exempt; it is held as exempt") }
            report.classification = .exempt(paragraph: paragraph ?? report.classification?.paragraph)
        }
        for (label, verdict) in cover.appendices { report.appendixAccess[label] = ExemptMarking.access(verdict) }
        // An entry in the list can only mark its appendix exempt: "Appendix A – Open market valuation" says nothing.
        for entry in report.appendices {
            let key = QuorumDomain.Report.Appendix.key(entry)
            let marking = ExemptMarking.exemptOnly(entry)
            if let access = ExemptMarking.access(marking.whole ?? marking.appendices[key] ?? marking.appendices[""]), access.isExempt {
                report.appendixAccess[key] = access
            }
        }
    }

    /// A heading that opens an appendix: "Appendix 2 – Site valuations", "Annex A", "Exempt Appendix 3".
    static func isAppendixHeading(_ heading: String) -> Bool {
        let lower = heading.lowercased()
        return (lower.hasPrefix("appendix") || lower.hasPrefix("annex") || lower.hasPrefix("exempt appendix")) && !QuorumDomain.Report.Appendix.key(heading).isEmpty
    }

    /// A line that starts an appendix: "Appendix 1 Recommendations made …", bold or short, not a sentence.
    static func isAppendixStart(_ line: SourceLine) -> Bool {
        let lower = line.text.lowercased()
        guard !line.isTableRow, line.listLevel == nil, lower.hasPrefix("appendix ") || lower.hasPrefix("annex "),
            !QuorumDomain.Report.Appendix.key(line.text).isEmpty
        else { return false }
        return line.isBold || (line.text.words.count <= 16 && !line.text.hasSuffix("."))
    }


    /// A section heading: a markdown heading, or a standard heading printed as a plain line.
    static func heading(_ line: SourceLine) -> String? {
        guard !line.isTableRow, line.listLevel == nil else { return nil }
        let text = line.text.trimmingTrailing([":"])
        if line.isHeading { return text }
        let key = text.lowercased()
        if standardHeadings.contains(key) { return text }
        // "1.   Purpose of the report", "11.  Appendices": a numbered heading that names a standard section.
        if let (number, rest) = AgendaItems.itemNumber(text), Int(number) != nil, rest.words.count <= 6, canonicalHeading(rest) != nil {
            return rest
        }
        return nil
    }

    /// The standard section a heading names, in any wording: "Purpose of the report" → "purpose".
    static func canonicalHeading(_ heading: String) -> String? {
        let key = heading.lowercased().trimmingTrailing([":"])
        if standardHeadings.contains(key) { return key }
        let starts: [(String, String)] = [
            ("purpose", "purpose"), ("recommendation", "recommendations"), ("key consideration", "key considerations"),
            ("alternative option", "alternative options"), ("financial implication", "resource implications"),
            ("resource implication", "resource implications"), ("legal implication", "legal implications"),
            ("equalit", "equality duty"), ("risk", "risk management"), ("climate", "environmental impact"),
            ("environmental", "environmental impact"), ("consultation", "consultees"), ("appendices", "appendices"),
            ("background paper", "background papers"),
        ]
        return starts.first { key.hasPrefix($0.0) }?.1
    }

    /// A labelled line of the contact block: "Name:", "Job title:", "Tel:", "Email:". False when the block has ended.
    private static func readContact(_ line: SourceLine, into report: inout Report) -> Bool {
        var contact = report.author ?? Contact(name: "")
        defer { report.author = contact }
        if let v = labelledValue(line, ["Name"]) {
            contact.name = v
        } else if let v = labelledValue(line, ["Job title", "Title", "Position"]) {
            contact.role = v
        } else if let v = labelledValue(line, ["Tel", "Telephone", "Phone"]) {
            contact.phone = phoneNumber(in: v) ?? v
        } else if let v = labelledValue(line, ["Email", "E-mail"]) {
            contact.email = v
        } else {
            return false
        }
        return true
    }

    /// "Harriet Quayle, Scrutiny Officer, 01632 960800" → a contact.
    static func contact(from text: String) -> Contact {
        let parts = splitOutsideParentheses(text, on: [", "]).map(\.trimmedSpaces)
        var contact = Contact(name: parts.first ?? "")
        for part in parts.dropFirst() {
            if let phone = phoneNumber(in: part) {
                contact.phone = phone
            } else if part.contains("@") {
                contact.email = part
            } else {
                contact.role = contact.role.map { $0 + ", " + part } ?? part
            }
        }
        return contact
    }

    /// "… at its meeting on 14 January 2025 (Minute 45 refers)": the minute that asked for the report, and its meeting.
    static func requestedAt(in paragraphs: [String]) -> QuorumDomain.Report.Request? {
        for paragraph in paragraphs {
            guard let open = paragraph.rangesCI(of: "(minute ").first, let close = paragraph[open.upperBound...].firstIndex(of: ")") else { continue }
            let inside = String(paragraph[paragraph.index(after: open.lowerBound)..<close])
            let minute = inside.before(ci: " refers") ?? inside
            guard minute.words.count <= 3 else { continue }
            let before = String(paragraph[..<open.lowerBound])
            return .init(minute: minute.trimmedSpaces, meetingDay: DateText.allDates(in: before).last)
        }
        return nil
    }

    static func paragraphText(_ line: SourceLine) -> String {
        if let cells = line.cells { return cells.map(\.text).joined(separator: "\t").trimmedSpaces }
        return line.text
    }

    /// "Key decision", "Non-key", "This is not an executive decision"; nil for anything else.
    static func decisionType(_ text: String) -> QuorumDomain.Report.DecisionType? {
        let t = text.lowercased()
        if t.contains("not an executive decision") { return .notAnExecutiveDecision }
        if t.hasPrefix("non-key") || t.hasPrefix("non key") { return .nonKey }
        if t.hasPrefix("key") { return .key }
        return nil
    }

    /// "a) text", "b) text" → lettered entries; "That:" lead-ins are dropped; an unlettered
    /// recommendation becomes one entry with an empty label.
    static func lettered(_ paragraphs: [String]) -> [QuorumDomain.Report.LetteredRecommendation] {
        var out: [QuorumDomain.Report.LetteredRecommendation] = []
        for paragraph in paragraphs {
            let p = paragraph.trimmedSpaces
            if p.lowercased() == "that:" || p.lowercased() == "that" || p.isEmpty { continue }
            if out.isEmpty, p.hasSuffix(":"), p.words.count <= 8 { continue }
            if let (label, body) = listLabel(p) {
                out.append(.init(letter: label, text: body))
            } else if let last = out.indices.last {
                out[last].text += "\n" + p
            } else {
                out.append(.init(letter: "", text: p))
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

/// What a council's report template leaves in the text that is not the report: Word's content-control prompts
/// ("Click or tap here to enter text."), notes to the author ("Please note this section must be completed before the
/// report can be published"), the contact footer printed on every page ("Further information on the subject of this
/// report is available from …") and horizontal rules; and paragraphs a page break split in two.
enum TemplateText {
    static func isPrompt(_ text: String) -> Bool {
        (text.containsCI("click") && (text.containsCI("click or tap here to enter") || text.containsCI("click or tap to enter") || text.containsCI("click here to enter")))
            || text.containsCI("this section must be completed before the report can be published")
    }

    static func isTemplateHeading(_ heading: String) -> Bool {
        heading.lowercased().hasPrefix("report reviewers used for appraising this report")
    }

    static func cleaned(_ paragraphs: [String]) -> [String] {
        var result: [String] = []
        var skipContact = false
        for paragraph in paragraphs {
            let text = paragraph.trimmedSpaces
            if skipContact {
                skipContact = false
                if text.utf8.contains(UInt8(ascii: "@")) || text.containsCI("tel") { continue }
            }
            if text.hasPrefixCI("further information on the subject of this report is available from") {
                // The footer names the author on the same line or the next.
                skipContact = !text.utf8.contains(UInt8(ascii: "@"))
                continue
            }
            if text.isEmpty || isPrompt(text) || text.utf8.allSatisfy({ $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }) { continue }
            if let last = result.last, continuesAfterBreak(last, text) {
                result[result.count - 1].append(" ")
                result[result.count - 1].append(text)
            } else {
                result.append(text)
            }
        }
        return result
    }

    /// Whether `next` carries on the sentence `previous` left unfinished at a page break.
    static func continuesAfterBreak(_ previous: String, _ next: String) -> Bool {
        guard let end = previous.last, let start = next.first, start.isLowercase, end.isLetter || end == "," else { return false }
        return !previous.utf8.contains(9) && !next.utf8.contains(9)
    }
}
