public import Foundation
import QuorumDomain

// The importer is a pipeline, one folder a stage:
// - Lines/    text to numbered lines: markup, tables (tab, pipe, HTML and laid out with spaces), running headers and
//             page numbers, dates and times as councils write them;
// - Parts/    the parts of a paper found by shape: front sheet, membership, agenda, exempt markings, report covers,
//             minutes and attendance, questions, trackers, work programmes, truncation;
// - Pack/     the parsed pack (`AgendaPack`) and `parseAgendaPack`, which finds where each part is and reads it;
// - Records/  the pack mapped to the domain's records (`AgendaPack.records()`), with its warnings.

/// Reads an agenda pack from the bytes of a text file, rejecting empty, binary and non-UTF-8 input
/// before parsing. Reading the file and running `pdftotext` are the caller's job.
public func parseAgendaPack(data: Data, file: String) throws(IngestError) -> AgendaPack {
    var bytes = [UInt8](data)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    guard !bytes.isEmpty else { throw IngestError(file: file, line: 0, kind: .empty) }
    if let nul = bytes.firstIndex(of: 0) {
        throw IngestError(file: file, line: lineNumber(of: nul, in: bytes), kind: .binary)
    }
    let sample = bytes.prefix(8192)
    let control = sample.filter { $0 < 32 && $0 != 9 && $0 != 10 && $0 != 13 && $0 != 12 }.count
    if control * 10 > sample.count { throw IngestError(file: file, line: 1, kind: .binary) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        var line = 1
        for piece in bytes.split(separator: 10, omittingEmptySubsequences: false) {
            if String(validating: piece, as: UTF8.self) == nil { break }
            line += 1
        }
        throw IngestError(file: file, line: line, kind: .notUTF8(line: line))
    }
    return try parseAgendaPack(text, file: file)
}

private func lineNumber(of offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<offset].reduce(1) { $0 + ($1 == 10 ? 1 : 0) }
}

/// Reads an agenda pack from its text (markdown or plain text as converted from the PDF).
///
/// Throws `IngestError` when the text is empty, has no front sheet naming a committee and meeting
/// date (`.notAnAgendaPack`). A pack that stops part-way imports what it holds, with `truncation` saying where it
/// stops. Everything else that is not
/// recognised is kept as text on the nearest record and reported in `warnings`.
public func parseAgendaPack(_ text: String, file: String) throws(IngestError) -> AgendaPack {
    guard text.unicodeScalars.contains(where: { !$0.isSpaceLike }) else { throw IngestError(file: file, line: 0, kind: .empty) }
    if text.unicodeScalars.contains("\u{0}") { throw IngestError(file: file, line: 1, kind: .binary) }
    let source = normalise(text)
    let lines = source.lines
    var diagnostics = Diagnostics()
    let layout = PackLayout(lines)

    let front: FrontSheet
    do {
        front = try FrontSheet.read(lines, in: 0..<layout.frontSheetEnd, file: file)
    } catch {
        // A report on its own has no front sheet: its cover names the meeting.
        let wider = 0..<min(lines.count, max(layout.frontSheetEnd, 60))
        guard wider.count > layout.frontSheetEnd else { throw error }
        front = try FrontSheet.read(lines, in: wider, file: file)
    }
    var pack = AgendaPack(
        file: file, committee: front.committee, meetingDate: front.date, startTime: front.time, venue: front.venue, clerk: front.clerk
    )
    pack.startCondition = front.timeCondition
    pack.authority = front.authority ?? source.runningHeaders.lazy.compactMap(FrontSheet.councilName).first ?? authority(lines, clerkEmail: pack.clerk?.email)
    if pack.authority == nil { diagnostics.warn(front.dateLine, "Front sheet: the publishing council could not be identified") }
    var leftovers: [SourceLine] = (0..<layout.frontSheetEnd).filter { !front.used.contains($0) }.map { lines[$0] }
    if let membership = layout.membership {
        let read = MembershipList.read(lines[membership], diagnostics: &diagnostics)
        pack.members = read.members
        pack.unparsed += read.unparsed
    }
    let agenda = AgendaItems.read(lines, from: layout.agendaStart, to: layout.firstPaper, meeting: pack.meetingID, diagnostics: &diagnostics)
    pack.agendaItems = agenda.items
    pack.questionDeadline = agenda.questionDeadline
    if let minutesItem = agenda.items.first(where: { $0.title.containsCI("minutes") }) {
        pack.previousMeetingDate = DateText.allDates(in: minutesItem.title + " " + minutesItem.description).filter { $0 < front.date }.first
    }
    pack.nextMeetingDate = agenda.nextMeetingDate
    if agenda.items.isEmpty { diagnostics.warn(lines[min(layout.agendaStart, lines.count - 1)].number, "Agenda: no numbered items found") }
    leftovers += agenda.unparsed + lines[max(agenda.end, layout.agendaStart)..<layout.firstPaper]

    var reportRanges: [Range<Int>] = []
    var minutesEnded = false
    for paper in layout.papers {
        switch paper.kind {
        case .minutes:
            let read = MinutesReader.read(lines[paper.range], diagnostics: &diagnostics)
            if pack.previousMinutes == nil { pack.previousMinutes = read.minutes } else { pack.furtherMinutes.append(read.minutes) }
            minutesEnded = read.minutes.endedText != nil
            let tail = lines[read.end..<paper.range.upperBound]
            let actions = ActionTracker.read(LayoutTable.converted(Array(tail))[...], diagnostics: &diagnostics)
            pack.actionTracker += actions.actions
            leftovers += tail.filter { !actions.used.contains($0.number) }
        case .report:
            var report = ReportCover.read(lines[paper.range], diagnostics: &diagnostics)
            if let number = paper.item, let item = pack.agendaItems.first(where: { $0.number == number }) {
                report.agendaItemNumber = number
                // A paper whose first line is the letterhead or the committee takes its item's title.
                if report.title.contentWords.intersection(item.title.contentWords).isEmpty { report.title = item.title }
            }
            // A banner just above the title ("NOT FOR PUBLICATION") belongs to this report, not the paper before.
            for line in lines[max(0, paper.range.lowerBound - 3)..<paper.range.lowerBound] where !line.isTableRow && line.text.words.count <= 8 {
                if case .exempt(let paragraph) = ExemptMarking.exemptOnly(line.text).whole, report.classification?.isExempt != true {
                    report.classification = .exempt(paragraph: paragraph ?? report.classification?.paragraph)
                }
            }
            if report.title.isEmpty { report.title = "Untitled report" }
            pack.reports.append(report)
            reportRanges.append(paper.range)
        }
    }
    // Only open papers are read for a plan: an exempt report, or one of an exempt item, gives nothing (fail closed).
    let exemptItems = Set(pack.agendaItems.filter(\.access.isExempt).map(\.number))
    let openPapers = zip(reportRanges, pack.reports).filter { range, report in
        report.classification?.isExempt != true && !(report.agendaItemNumber.map(exemptItems.contains) ?? false)
    }.map { ($0.0, $0.1.agendaItemNumber) }
    pack.improvementPlans = ImprovementPlanReader.read(lines, papers: openPapers)
    // A plan printed as an appendix belongs to the item that presents an improvement plan.
    for index in pack.improvementPlans.indices where pack.improvementPlans[index].itemNumber == nil {
        pack.improvementPlans[index].itemNumber = pack.agendaItems.first { $0.title.lowercased().contains("improvement plan") }?.number
    }
    // A meeting's web page prints its own minutes under the items, and the attendance above them.
    if pack.previousMinutes == nil, !agenda.minuteLines.isEmpty {
        let attendance = attendanceBlock(lines, before: agenda.items.first.map { item in lines.firstIndex { $0.number == item.line } ?? 0 } ?? 0)
        let used = Set(attendance.map(\.number))
        leftovers.removeAll { used.contains($0.number) }
        pack.previousMinutes = MinutesReader.fromItems(agenda.items, minuteLines: agenda.minuteLines, attendance: attendance, of: pack, diagnostics: &diagnostics)
        minutesEnded = true
    }
    // A report published on its own ("Agenda Item 7" above its cover) is the agenda's item for itself.
    if pack.agendaItems.isEmpty, pack.reports.count == 1, let report = pack.reports.first,
        let label = lines.prefix(5).firstIndex(where: { $0.text.hasPrefixCI("agenda item ") && AgendaItems.itemNumber(String($0.text.dropFirst(12))) != nil })
    {
        let number = AgendaItems.itemNumber(String(lines[label].text.dropFirst(12)))!.number
        pack.agendaItems = [
            PrintedItem(AgendaItem(number: number, of: pack.meetingID, position: 1, title: report.title, access: report.classification ?? .open), line: lines[label].number)
        ]
        leftovers.removeAll { $0.number == lines[label].number }
        diagnostics.warnings.removeAll { $0.message == "Agenda: no numbered items found" }
    }
    let notes = PublicNotes.split(leftovers)
    pack.publicNotes = front.notes + notes.notes.map(\.text)
    diagnostics.unrecognised(notes.rest, into: &pack.unparsed, context: "Pack")
    linkReports(&pack, diagnostics: &diagnostics)
    // Trackers and work programmes are read once every report knows its item: one printed in an exempt report, an
    // exempt item's report or an exempt appendix is exempt too, and is not read.
    for (report, range) in zip(pack.reports, reportRanges) {
        let item = report.agendaItemNumber.flatMap { number in pack.agendaItems.first { $0.number == number } }
        if item?.access.isExempt == true { continue }
        let readable = LayoutTable.converted(publicLines(of: report, in: range, lines: lines))
        pack.recommendationTracker += RecommendationTracker.read(readable[...], diagnostics: &diagnostics)
        pack.actionTracker += ActionTracker.read(readable[...], diagnostics: &diagnostics).actions
        let appendixStart = readable.firstIndex { $0.text.lowercased().trimmingTrailing([":"]) == "background papers" } ?? min(3, readable.count)
        if pack.workProgramme == nil, let start = readable[appendixStart...].firstIndex(where: { WorkProgrammeReader.isStart($0) }) {
            let programme = WorkProgrammeReader.read(readable[(start + 1)...], diagnostics: &diagnostics)
            if !programme.sessions.isEmpty || !programme.potentialTopics.isEmpty { pack.workProgramme = programme }
        }
    }
    if let reason = Truncation.check(pack, lines: lines, layout: layout, minutesEnded: minutesEnded, diagnostics: &diagnostics) {
        pack.truncation = "stops at line \(lines.last?.number ?? 0): \(reason)"
        diagnostics.warn(lines.last?.number ?? 0, "The pack looks cut short, and what it holds was imported: \(reason)")
    }
    pack.warnings = diagnostics.warnings.sorted { $0.line < $1.line }
    return pack
}

/// Where the parts of a pack start and end: front sheet, membership, agenda, then the papers
/// (the previous minutes and each report), each running to the start of the next.
struct PackLayout {
    enum PaperKind { case minutes, report }
    struct Paper {
        var kind: PaperKind
        var range: Range<Int>
        /// The agenda item the paper says it is for ("Agenda Item 8" at the top of its first page).
        var item: String?
    }

    /// "Agenda Item 8": the number, when the line is nothing but that label.
    static func itemMarker(_ line: SourceLine) -> String? {
        guard !line.isTableRow, line.text.hasPrefixCI("agenda item "), let n = AgendaItems.itemNumber(String(line.text.dropFirst(12))),
            n.rest.isEmpty
        else { return nil }
        return n.number
    }

    var frontSheetEnd: Int
    var membership: Range<Int>?
    var agendaStart: Int
    var firstPaper: Int
    var papers: [Paper]

    init(_ lines: [SourceLine]) {
        var starts: [(PaperKind, Int, String?)] = []
        var floor = 0
        var markedItem: (number: String, at: Int)?
        for i in lines.indices {
            if MinutesReader.isHeading(lines[i]), !starts.contains(where: { $0.0 == .minutes }) || MinutesReader.isFurtherHeading(lines[i]) {
                // The minutes' own "Agenda Item 3" label is theirs, not a report's.
                if let marked = markedItem, marked.at == starts.last?.1, starts.last?.0 == .report { starts.removeLast() }
                starts.append((.minutes, i, nil))
                floor = i + 1
                markedItem = nil
            } else if ReportCover.isCoverStart(lines, at: i) {
                let title = ReportCover.titleIndex(lines, coverAt: i, notBefore: floor)
                if let marked = markedItem, marked.at == starts.last?.1, title >= marked.at {
                    starts[starts.count - 1].2 = marked.number
                } else {
                    starts.append((.report, title, nil))
                }
                floor = i + 1
                markedItem = nil
            } else if let number = Self.itemMarker(lines[i]), i + 1 < lines.count, i > 0 {
                // A paper headed "Agenda Item 8": it runs from the next line, and belongs to item 8.
                starts.append((.report, i + 1, number))
                markedItem = (number, i + 1)
                floor = i + 1
            }
        }
        firstPaper = starts.first.map { start in start.2 != nil ? start.1 - 1 : start.1 } ?? lines.count
        papers = starts.indices.map { k in
            let end = k + 1 < starts.count ? (starts[k + 1].2 != nil ? starts[k + 1].1 - 1 : starts[k + 1].1) : lines.count
            return Paper(kind: starts[k].0, range: starts[k].1..<max(starts[k].1, end), item: starts[k].2)
        }
        let head = lines[..<firstPaper]
        let membershipIndex = head.firstIndex { !$0.isTableRow && $0.text.lowercased().trimmingTrailing([":"]) == "membership" }
        // "MEMBERSHIP: Councillors Alder (Chair), …": the list starts on the label's own line.
        let runInMembership = membershipIndex == nil ? head.firstIndex { !$0.isTableRow && $0.text.lowercased().hasPrefix("membership:") } : nil
        let searchFrom = membershipIndex.map { $0 + 1 } ?? head.startIndex
        let agendaHeading = head[searchFrom...].firstIndex {
            ($0.text.isAgendaHeading && (membershipIndex != nil || $0.number > 1 && ($0.isHeading || $0.text.count > 6)))
                || ($0.isTableRow && $0.filledCells.map { $0.lowercased() } == ["pages"])
        }
        // Without an "Agenda" heading, the agenda starts at its first item ("1.", "1)", "Item 1").
        let agendaIndex = agendaHeading ?? head[searchFrom...].firstIndex {
            AgendaItems.plainListing($0, after: nil)?.number == "1"
        }.map { $0 - 1 }
        if let membershipIndex = membershipIndex ?? runInMembership {
            frontSheetEnd = membershipIndex
            let first = runInMembership == nil ? membershipIndex + 1 : membershipIndex
            // Without an agenda to end it, the list runs until the reader meets the next part of the page.
            membership = first..<max(first, agendaIndex ?? min(firstPaper, first + 40))
        } else {
            frontSheetEnd = agendaIndex ?? min(firstPaper, 60)
        }
        agendaStart = agendaIndex.map { $0 + 1 } ?? frontSheetEnd
        if frontSheetEnd == 0 { frontSheetEnd = min(lines.count, 40) }
    }
}

/// The information for the public that packs print around the agenda: sections headed "The Public's Rights to
/// Information and Attendance at Meetings", "Recording of meetings", "The Seven Principles of Public Life", "Public
/// transport links", "Fire and emergency evacuation" and the like, each to the next part the parser read.
enum PublicNotes {
    static let headings = [
        "public's rights", "publics rights", "rights to information", "principles of public life", "recording of meeting",
        "filming", "webcast", "public transport", "evacuation", "access to information", "guide to", "help to understand",
        "would like help", "alternative format", "another format",
    ]

    static func isHeading(_ line: SourceLine) -> Bool {
        let lower = line.text.lowercased()
        if lower.contains("would like help to understand") || lower.contains("in another format") { return true }
        return (line.isHeading || line.isBold || line.text.words.count <= 12) && headings.contains { lower.contains($0) }
    }

    /// The notes among the lines, and the rest. A note runs from its heading over the lines that follow it directly.
    static func split(_ lines: [SourceLine]) -> (notes: [SourceLine], rest: [SourceLine]) {
        var notes: [SourceLine] = []
        var rest: [SourceLine] = []
        var inNote = false
        var last = -10
        for line in lines.sorted(by: { $0.number < $1.number }) {
            // A gap means the parser read something in between: the note has ended.
            if line.number > last + 12 { inNote = false }
            if isHeading(line) { inNote = true }
            if inNote { notes.append(line) } else { rest.append(line) }
            last = line.number
        }
        return (notes, rest)
    }
}

/// A web page's "Attendance" block: from that heading to the documents or items after it.
private func attendanceBlock(_ lines: [SourceLine], before end: Int) -> [SourceLine] {
    guard let start = lines[..<end].firstIndex(where: { ["attendance", "attendance:"].contains($0.text.lowercased()) }) else { return [] }
    var block: [SourceLine] = []
    for line in lines[(start + 1)..<end] {
        if ["documents", "items", "media"].contains(line.text.lowercased()) { break }
        block.append(line)
    }
    return block
}

/// The lines of a report paper that are not exempt: none of an exempt report, and none of an exempt appendix.
private func publicLines(of report: Report, in range: Range<Int>, lines: [SourceLine]) -> [SourceLine] {
    if report.classification?.isExempt == true { return [] }
    let exemptKeys = Set(report.appendixAccess.filter { $0.value.isExempt }.map(\.key))
    guard !exemptKeys.isEmpty else { return Array(lines[range]) }
    var withheld: [ClosedRange<Int>] = []
    for (index, section) in report.sections.enumerated() {
        guard let label = section.appendix else { continue }
        let key = QuorumDomain.Report.Appendix.key(label)
        guard exemptKeys.contains(key) || exemptKeys.contains("") else { continue }
        let end = index + 1 < report.sections.count ? report.sections[index + 1].line - 1 : Int.max
        withheld.append(section.line...max(section.line, end))
    }
    return lines[range].filter { line in !withheld.contains { $0.contains(line.number) } }
}

/// Links each report to its agenda item by title (reports follow the agenda's order).
private func linkReports(_ pack: inout AgendaPack, diagnostics: inout Diagnostics) {
    var nextItem = 0
    for r in pack.reports.indices {
        if let number = pack.reports[r].agendaItemNumber, let index = pack.agendaItems.firstIndex(where: { $0.number == number }) {
            // The paper said which item it is for.
            nextItem = index + 1
            if let classification = pack.reports[r].classification, classification.isExempt, !pack.agendaItems[index].access.isExempt {
                pack.agendaItems[index].access = classification
            }
            for (key, access) in pack.agendaItems[index].appendixAccess where access.isExempt { pack.reports[r].appendixAccess[key] = access }
            continue
        }
        let words = pack.reports[r].title.contentWords
        var best: (index: Int, score: Double)?
        for i in pack.agendaItems.indices.dropFirst(nextItem) {
            let itemWords = pack.agendaItems[i].title.contentWords
            guard !itemWords.isEmpty, !words.isEmpty else { continue }
            let shared = Double(itemWords.intersection(words).count)
            let score = max(shared / Double(itemWords.count), shared / Double(words.count))
            if score >= 0.5, score > (best?.score ?? 0) { best = (i, score) }
        }
        let isExempt = pack.reports[r].classification?.isExempt ?? false
        if best == nil, isExempt {
            // An exempt report is attached only to its own item: published under another, it would leak.
            diagnostics.warn(pack.reports[r].line, "Exempt report \"\(pack.reports[r].title.excerpt)\" matches no agenda item by title, so it was not attached to any")
            continue
        }
        if best == nil {
            // Fall back on order: the next item with papers, but never past an exempt item, whose report this may be.
            if let i = pack.agendaItems.indices.dropFirst(nextItem).first(where: { pack.agendaItems[$0].pages != nil && !pack.agendaItems[$0].title.containsCI("minutes") }),
                !pack.agendaItems[nextItem..<i].contains(where: { $0.access.isExempt })
            {
                best = (i, 0)
                diagnostics.warn(pack.reports[r].line, "Report \"\(pack.reports[r].title.excerpt)\" linked to item \(pack.agendaItems[i].number) by order, not title")
            }
        }
        guard let best else {
            diagnostics.warn(pack.reports[r].line, "Report \"\(pack.reports[r].title.excerpt)\" matches no agenda item")
            continue
        }
        pack.reports[r].agendaItemNumber = pack.agendaItems[best.index].number
        nextItem = best.index + 1
        // An exempt report makes its item exempt, whatever the agenda says; what the agenda says of its appendices
        // ("open report, exempt appendix B") holds for the report.
        if let classification = pack.reports[r].classification, classification.isExempt, !pack.agendaItems[best.index].access.isExempt {
            pack.agendaItems[best.index].access = classification
        }
        for (key, access) in pack.agendaItems[best.index].appendixAccess where access.isExempt {
            pack.reports[r].appendixAccess[key] = access
        }
    }
}

/// The council that published the pack: the "<Name> Council" phrase in the pack that matches the
/// clerk's email domain, or else the one named most often near the front.
func authority(_ lines: [SourceLine], clerkEmail: String?) -> String? {
    var counts: [String: Int] = [:]
    for line in lines.prefix(400) where line.text.contains("Council") {
        let words = line.text.words.map { String($0).trimmingTrailing([",", ".", ";", ":", "'", "’", ")"]) }
        for (i, w) in words.enumerated() where w == "Council" && i > 0 {
            var name: [String] = []
            var j = i - 1
            while j >= 0, name.count < 3, let f = words[j].first, f.isUppercase, !["The", "A", "Of", "This", "To"].contains(words[j]) {
                name.insert(words[j], at: 0)
                j -= 1
            }
            if name.isEmpty || name == ["County"] || name == ["City"] { continue }
            counts[(name + ["Council"]).joined(separator: " "), default: 0] += 1
        }
    }
    if let email = clerkEmail, let at = email.firstIndex(of: "@") {
        let host = email[email.index(after: at)...].lowercased()
        let label = host.split(separator: ".").first.map(String.init) ?? ""
        let matches = counts.filter { label.count >= 3 && $0.key.foldedKey.hasPrefix(label) || label.hasPrefix($0.key.foldedKey.replacingCouncil) }
        if let best = matches.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) { return best.key }
    }
    return counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key
}

extension String {
    /// "Agenda" or "A G E N D A".
    fileprivate var isAgendaHeading: Bool {
        let lower = lowercased()
        return lower == "agenda" || (count <= 11 && lower.replacingOccurrences(of: " ", with: "") == "agenda")
    }

    fileprivate var replacingCouncil: String { hasSuffix("council") ? String(dropLast(7)) : self }
}
