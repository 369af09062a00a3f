import QuorumDomain

/// The work programme appendix, in its two printed forms: "Committee Meeting / date, report deadline,
/// planning date / Topic and Objectives | Evidence required | Attendees" (2024 on), and "Agenda items /
/// date, deadlines / Item [type of scrutiny] | Origin | Lead officer(s) | Current position" with
/// potential items, task and finish groups and briefing notes (2021).
enum WorkProgrammeReader {
    private enum Mode { case sessions, potential, briefingNotes, taskAndFinish, other }

    private struct Columns {
        var title: Int
        var objectives: Int?
        var evidence: Int?
        var attendees: Int?
        var origin: Int?
        var position: Int?
        var target: Int?
    }

    /// Whether a line opens a work programme ("SCRUTINY WORK PROGRAMME 2025", "**Work programme**").
    static func isStart(_ line: SourceLine) -> Bool {
        !line.isTableRow && line.text.containsCI("work programme") && line.text.words.count <= 8
            && (line.isHeading || line.isBold || line.text.isUppercaseTitle)
    }

    static func read(_ lines: ArraySlice<SourceLine>, diagnostics: inout Diagnostics) -> WorkProgramme {
        var programme = WorkProgramme()
        var mode = Mode.sessions
        var pendingKind: QuorumDomain.WorkProgrammeSession.Kind?
        var committee: String?
        var columns: Columns?
        var headerSinceSession = false
        func unrecognised(_ line: SourceLine) {
            diagnostics.unrecognised([line], into: &programme.unparsed, context: "Work programme")
        }
        for line in lines {
            let text = line.text
            let lower = text.lowercased().trimmingTrailing([":"])
            if line.text.containsCI("forward plan"), line.text.isUppercaseTitle { break }
            if let kind = sessionKind(lower) {
                pendingKind = kind
                mode = .sessions
                columns = nil
                continue
            }
            // "Working Group Meeting November 2024": the kind and its date (perhaps a month only) under one heading.
            if !line.isTableRow, let (kind, when) = sessionHeading(text) {
                programme.sessions.append(
                    WorkProgrammeSession(committee: committee, kind: kind, date: PublishedDate(cell: when) ?? PublishedDate(text: when), line: line.number))
                pendingKind = nil
                mode = .sessions
                columns = nil
                headerSinceSession = false
                continue
            }
            if !line.isTableRow, line.isHeading || line.text.isUppercaseTitle || lower.hasPrefix("to be scheduled") || lower.hasPrefix("briefing notes") {
                columns = nil
                if lower.hasPrefix("to be scheduled") || lower.hasPrefix("potential") { mode = .potential; continue }
                if lower.hasPrefix("briefing notes") { mode = .briefingNotes; continue }
                if lower.hasPrefix("task and finish") { mode = .taskAndFinish; continue }
                if lower.contains("work programme"), programme.sessions.isEmpty { mode = .sessions; continue }
                if line.isHeading { mode = .other }
            }
            if !line.isTableRow, isCommitteeName(text) {
                committee = text
                continue
            }
            if let header = header(line) {
                columns = header
                headerSinceSession = true
                continue
            }
            let first = line.isTableRow ? (line.filledCells.first ?? "") : text
            if mode == .sessions, first.utf8.first.map({ $0.isDigitASCII || ($0 >= 65 && $0 <= 90) }) == true, startsWithDate(first) {
                let rest = line.isTableRow ? line.filledCells.dropFirst().joined(separator: " ") : ""
                let date = PublishedDate(cell: datePart(first)) ?? PublishedDate(text: first)
                let isContinued = first.containsCI("cont")
                if isContinued, let last = programme.sessions.indices.last {
                    pendingKind = nil
                    if programme.sessions[last].reportDeadline == nil { readDeadlines(first + " " + rest, into: &programme.sessions[last]) }
                    continue
                }
                if let kind = pendingKind {
                    var session = WorkProgrammeSession(committee: committee, kind: kind, date: date, line: line.number)
                    readDeadlines(first + " " + rest, into: &session)
                    programme.sessions.append(session)
                    pendingKind = nil
                    headerSinceSession = false
                    columns = nil
                    continue
                }
            }
            if mode == .sessions, let last = programme.sessions.indices.last, !line.isTableRow,
                lower.contains("deadline") || lower.contains("planning") || lower.contains("publication date")
            {
                readDeadlines(text, into: &programme.sessions[last])
                continue
            }
            if let columns, line.isTableRow {
                if line.filledCells.count == 1, line.filledCells[0].lowercased().hasPrefix("potential") { continue }
                topicRow(line, columns: columns, mode: mode, programme: &programme)
                continue
            }
            if mode == .sessions, !headerSinceSession, let last = programme.sessions.indices.last,
                programme.sessions[last].kind == .briefing, !line.isTableRow, !line.isHeading
            {
                programme.sessions[last].topics.append(WorkProgrammeTopic(title: text, line: line.number))
                continue
            }
            if mode == .other || programme.sessions.isEmpty || true { unrecognised(line) }
        }
        for i in programme.sessions.indices {
            guard let date = programme.sessions[i].date?.date else { continue }
            for keyPath in [\WorkProgrammeSession.reportDeadline, \WorkProgrammeSession.planningDate] {
                if var d = programme.sessions[i][keyPath: keyPath], d.date == nil {
                    d.date = DateText.dayMonth(in: d.text, before: date)
                    programme.sessions[i][keyPath: keyPath] = d
                }
            }
        }
        return programme
    }

    /// The items of a list whose separators were lost in the PDF's text: "The 2023-24 budget outturnPreparations for
    /// the 2025-26 budget" is two items, split where a word runs straight into a capitalised one.
    static func listItems(_ text: String) -> [String] {
        var items: [String] = []
        var current = ""
        var previous: Character = " "
        var wordLength = 0
        for c in text {
            if c.isUppercase, previous.isLowercase, wordLength >= 4 {
                items.append(current.trimmedSpaces)
                current = ""
            }
            wordLength = c.isLetter ? wordLength + 1 : 0
            current.append(c)
            previous = c
        }
        items.append(current.trimmedSpaces)
        return items.filter { !$0.isEmpty }
    }

    /// A heading that names the body a part of a combined work programme belongs to: "… Scrutiny Committee",
    /// "Scrutiny Management Board", "… Panel", "… Commission".
    static func isCommitteeName(_ text: String) -> Bool {
        guard text.words.count <= 10, !text.contains(":"), let last = text.words.last else { return false }
        return ["Committee", "Sub-Committee", "Board", "Panel", "Commission"].contains(String(last)) && text.first?.isUppercase == true
    }

    private static func sessionKind(_ lower: String) -> QuorumDomain.WorkProgrammeSession.Kind? {
        switch lower {
        case "committee meeting", "agenda items", "meeting": return .committeeMeeting
        case "briefing", "briefing session", "member briefing": return .briefing
        case "working group meeting", "working group": return .workingGroup
        default: return nil
        }
    }

    /// "Working Group Meeting November 2024", "Committee Meeting – 16 December 2024": a session's kind followed by a
    /// date or a month and year, and nothing else.
    private static func sessionHeading(_ text: String) -> (QuorumDomain.WorkProgrammeSession.Kind, String)? {
        let words = text.words.map(String.init)
        for count in (1...min(3, max(1, words.count - 2))).reversed() where words.count > count {
            guard let kind = sessionKind(words.prefix(count).joined(separator: " ").lowercased()) else { continue }
            var rest = Substring(words.dropFirst(count).joined(separator: " "))
            while let first = rest.first, " –-:,".contains(first) { rest = rest.dropFirst() }
            let parts = String(rest).words
            let isMonthYear = parts.count == 2 && DateText.monthNumber(String(parts[0])) != nil && parts[1].count == 4 && Int(parts[1]) != nil
            if isMonthYear || DateText.isOnlyDate(String(rest)) { return (kind, String(rest)) }
        }
        return nil
    }

    private static func startsWithDate(_ text: String) -> Bool {
        guard let first = text.words.first else { return false }
        let w = String(first).lowercased()
        let startsRight = first.first?.isNumber == true || ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(w.trimmingTrailing([","]))
            || DateText.isMonthYear(text.words.prefix(2).joined(separator: " "))
        return startsRight && (DateText.firstDate(in: String(text.prefix(40))) != nil || DateText.isMonthYear(text.words.prefix(2).joined(separator: " ")) || text.containsCI("cont"))
    }

    /// The date at the start of a session line, without the deadlines that follow it.
    private static func datePart(_ text: String) -> String {
        var cut = text
        for label in ["report", "publication", "pre meeting", "questions", ","] {
            if let before = cut.before(ci: label), !before.trimmedSpaces.isEmpty { cut = before }
        }
        return cut.trimmedSpaces
    }

    private static let deadlineLabels = [
        "report deadline", "report publication date", "publication deadline", "lines of enquiry planning", "questions deadline",
    ]

    private static func readDeadlines(_ text: String, into session: inout WorkProgrammeSession) {
        for label in deadlineLabels {
            guard var value = text.after(ci: label) else { continue }
            for other in deadlineLabels + ["pre meeting"] where other != label {
                if let before = value.before(ci: other) { value = before }
            }
            value = value.drop { $0 == ":" || $0 == " " || $0 == "-" }.trimmedSpaces
            guard let published = PublishedDate(cell: value) else { continue }
            if label.contains("planning") {
                session.planningDate = published
            } else if !label.contains("questions") {
                session.reportDeadline = published
            }
        }
    }

    private static func header(_ line: SourceLine) -> Columns? {
        guard let cells = line.cells, line.text.utf8.count < 300 else { return nil }
        let heads = cells.map { $0.text.lowercased() }
        guard let title = heads.firstIndex(where: { $0.hasPrefix("topic") || $0.hasPrefix("item") }) else { return nil }
        let others = heads.contains { $0.contains("evidence") || $0.contains("attendees") || $0.contains("origin") || $0.contains("lead officer") || $0.contains("target date") }
        guard others else { return nil }
        return Columns(
            title: title, objectives: heads.firstIndex { $0.contains("objectives") },
            evidence: heads.firstIndex { $0.contains("evidence") },
            attendees: heads.firstIndex { $0.contains("attendees") || $0.contains("lead officer") },
            origin: heads.firstIndex { $0.contains("origin") }, position: heads.firstIndex { $0.contains("current position") },
            target: heads.firstIndex { $0.contains("target date") }
        )
    }

    private static func topicRow(_ line: SourceLine, columns: Columns, mode: Mode, programme: inout WorkProgramme) {
        guard let cells = line.cells else { return }
        func cell(_ i: Int?) -> Cell? { i.flatMap { $0 < cells.count ? cells[$0] : nil } }
        let titleCell = cell(columns.title)
        let titleRaw = titleCell?.raw.trimmedSpaces ?? ""
        var paragraphs = titleCell?.paragraphs ?? []
        let isContinuation = titleRaw.isEmpty || titleRaw.hasPrefix("<ul") || titleRaw.hasPrefix("<li")
        var topic = WorkProgrammeTopic(title: "", line: line.number)
        if !isContinuation, !paragraphs.isEmpty {
            var title = paragraphs.removeFirst()
            if let bold = titleCell?.boldRuns.first, title.hasPrefix(bold), title.count > bold.count {
                paragraphs.insert(String(title.dropFirst(bold.count)).trimmedSpaces, at: 0)
                title = bold
            }
            if let open = title.firstIndex(of: "["), let close = title[open...].firstIndex(of: "]") {
                topic.scrutinyType = String(title[title.index(after: open)..<close]).trimmedSpaces
                let after = String(title[title.index(after: close)...]).trimmedSpaces
                if !after.isEmpty { paragraphs.insert(after, at: 0) }
                title = String(title[..<open]).trimmedSpaces
            }
            topic.title = title.trimmingTrailing([":"])
        }
        if columns.objectives == nil || columns.objectives == columns.title {
            topic.objectives = paragraphs
        } else {
            topic.objectives = paragraphs + (cell(columns.objectives)?.paragraphs ?? [])
        }
        topic.objectives = topic.objectives.flatMap(listItems)
        topic.evidence = (cell(columns.evidence)?.paragraphs ?? []).flatMap(listItems)
        if let attendees = cell(columns.attendees) {
            let bold = Set(attendees.boldRuns)
            topic.attendees = attendees.paragraphs.map { WorkProgrammeItem.Attendee(name: $0, isReportWriter: bold.contains($0)) }
        }
        topic.origin = cell(columns.origin).map { $0.paragraphs.joined(separator: "\n") }?.nonEmpty
        topic.currentPosition = cell(columns.position).map { $0.paragraphs.joined(separator: "\n") }?.nonEmpty
        topic.targetDate = cell(columns.target).flatMap { PublishedDate(cell: $0.text) }

        func merge(into list: inout [WorkProgrammeTopic]) {
            if isContinuation, let last = list.indices.last {
                list[last].objectives += topic.objectives
                list[last].evidence += topic.evidence
                list[last].attendees += topic.attendees
                if let o = topic.origin { list[last].origin = [list[last].origin, o].compactMap { $0 }.joined(separator: "\n") }
                if let p = topic.currentPosition { list[last].currentPosition = [list[last].currentPosition, p].compactMap { $0 }.joined(separator: "\n") }
            } else if !topic.title.isEmpty {
                list.append(topic)
            }
        }
        switch mode {
        case .potential, .other: merge(into: &programme.potentialTopics)
        case .briefingNotes: merge(into: &programme.briefingNotes)
        case .taskAndFinish: merge(into: &programme.taskAndFinishGroups)
        case .sessions:
            if let last = programme.sessions.indices.last { merge(into: &programme.sessions[last].topics) } else { merge(into: &programme.potentialTopics) }
        }
    }
}
