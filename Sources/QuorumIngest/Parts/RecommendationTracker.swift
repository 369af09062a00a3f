import QuorumDomain
/// The recommendations tracker: meeting-date rows, topic rows, a header row whose columns are found
/// by meaning ("Rec. No.", "Recommendation", "Date Sent", "Due Date", "Recd Date", "Response"; or
/// "Item | Recommendations | Executive responses"), then one row per recommendation.
enum RecommendationTracker {
    struct Columns {
        var number: Int?
        var topic: Int?
        var text: Int
        var sent: Int?
        var due: Int?
        var received: Int?
        var response: Int?
        /// The meeting that made each recommendation, in a column of its own ("Meeting", "Panel date").
        var meeting: Int?
    }

    static func header(_ line: SourceLine) -> Columns? {
        guard let cells = line.cells, line.text.containsCI("recommendation") else { return nil }
        let heads = cells.map { $0.text.lowercased().foldedSpaces }
        guard let text = heads.firstIndex(where: { $0.hasPrefix("recommendation") }) else { return nil }
        let number =
            heads.firstIndex { $0.contains("rec") && ($0.contains("no") || $0.contains("number")) && !$0.hasPrefix("recommendation") }
            ?? heads.firstIndex { ["minute", "min.", "minute no.", "ref", "ref.", "reference", "no.", "no"].contains($0) }
        let topic = heads.firstIndex { $0 == "item" || $0 == "topic" }
        guard number != nil || topic != nil else { return nil }
        let due = heads.firstIndex { $0.contains("due") }
        let received = heads.firstIndex { $0.contains("recd") || $0.contains("received") }
        return Columns(
            number: number, topic: topic, text: text,
            sent: heads.firstIndex { $0.contains("sent") },
            due: due, received: received,
            response: heads.indices.first { $0 != due && $0 != received && ($0 == heads.firstIndex { $0.contains("response") } || ["status", "comment", "comments", "update"].contains(heads[$0])) },
            meeting: heads.firstIndex { ["meeting", "meeting date", "panel date", "committee date", "date of meeting", "date made"].contains($0) }
        )
    }

    /// Reads every tracker table in the lines.
    static func read(_ lines: ArraySlice<SourceLine>, diagnostics: inout Diagnostics) -> [TrackedRecommendation] {
        var rows: [TrackedRecommendation] = []
        var columns: Columns?
        var meetingDate: CalendarDay?
        var meetingText: String?
        var topic = ""
        var index = lines.startIndex
        while index < lines.endIndex {
            let line = lines[index]
            defer { index += 1 }
            if let h = header(line) {
                columns = h
                continue
            }
            let filled = line.filledCells
            let single = line.isTableRow ? (filled.count == 1 ? filled[0] : nil) : line.text
            if let single, single.utf8.count <= 48, DateText.isOnlyDate(single) || single.hasSuffix(" cont.") {
                meetingDate = DateText.firstDate(in: single) ?? meetingDate
                meetingText = single
                topic = ""
                if columns == nil, !headerFollows(lines, after: index) { meetingDate = nil }
                continue
            }
            let firstCellOnly = !line.isTableRow || (line.cells?.first.map { !$0.text.isEmpty } ?? false)
            if let single, firstCellOnly, headerFollows(lines, after: index) {
                topic = single
                continue
            }
            guard let columns else { continue }
            guard let cells = line.cells else {
                // A recommendation's text broken out of its cell by the converter.
                if headerFollows(lines, after: index) || lines[index...].prefix(6).contains(where: { header($0) != nil || ($0.isTableRow && $0.filledCells.count == 1 && $0.text.utf8.count <= 48 && DateText.isOnlyDate($0.filledCells[0])) }) {
                    if let last = rows.indices.last {
                        rows[last].text += "\n" + line.text
                        diagnostics.warn(line.number, "Recommendations tracker: line outside the table joined to the row above: \"\(line.text.excerpt)\"")
                    }
                    continue
                }
                return rows
            }
            func cell(_ i: Int?) -> String { i.flatMap { $0 < cells.count ? cells[$0].text : nil } ?? "" }
            func paragraphs(_ i: Int?) -> [String] { i.flatMap { $0 < cells.count ? cells[$0].paragraphs : nil } ?? [] }
            let number = cell(columns.number)
            let rowTopic = cell(columns.topic)
            let startsRow = columns.number != nil ? !number.isEmpty : !rowTopic.isEmpty
            if startsRow {
                let rowMeeting = columns.meeting.flatMap { PublishedDate(cell: cell($0)) }
                var row = TrackedRecommendation(
                    meetingDate: rowMeeting?.date ?? meetingDate, meetingText: rowMeeting?.text ?? meetingText, topic: columns.topic != nil ? rowTopic : topic,
                    number: columns.number != nil ? number : nil,
                    text: columns.number != nil ? cell(columns.text) : paragraphs(columns.text).joined(separator: "\n"),
                    dateSent: PublishedDate(cell: cell(columns.sent)), dueDate: PublishedDate(cell: cell(columns.due)),
                    receivedDate: PublishedDate(cell: cell(columns.received)), response: cell(columns.response).nonEmpty, line: line.number
                )
                if row.meetingDate == nil { diagnostics.warn(line.number, "Recommendations tracker: row has no meeting date above it") }
                check(&row, diagnostics: &diagnostics)
                rows.append(row)
            } else if let last = rows.indices.last {
                // A row continued on the next page: its cells add to the row above.
                let more = columns.number != nil ? cell(columns.text) : paragraphs(columns.text).joined(separator: "\n")
                if !more.isEmpty { rows[last].text += "\n" + more }
                let response = cell(columns.response)
                if !response.isEmpty { rows[last].response = [rows[last].response, response].compactMap { $0 }.joined(separator: " ") }
            }
        }
        return rows
    }

    private static func headerFollows(_ lines: ArraySlice<SourceLine>, after index: Int) -> Bool {
        var j = index + 1
        while j < lines.endIndex, j <= index + 4 {
            if header(lines[j]) != nil { return true }
            j += 1
        }
        return false
    }

    /// Published contradictions are kept and reported. A due date before the date sent, and a response before it, are
    /// the recommendation's own inconsistencies (`Recommendation.inconsistencies`), reported once on its record.
    private static func check(_ row: inout TrackedRecommendation, diagnostics: inout Diagnostics) {
        let label = "Recommendations tracker: \(row.topic.excerpt) rec \(row.number ?? "?")"
        if let meeting = row.meetingDate, let sent = row.dateSent?.date, sent < meeting {
            diagnostics.warn(row.line, "\(label): sent \(sent) before the meeting that made it (\(meeting))")
        }
    }
}

/// The action tracker: "Action Number | Meeting Date | Action | Owner | Directorate | Progress Update |
/// Due date | Reported complete".
enum ActionTracker {
    static func read(_ lines: ArraySlice<SourceLine>, diagnostics: inout Diagnostics) -> (actions: [TrackedAction], used: Set<Int>) {
        var actions: [TrackedAction] = []
        var used = Set<Int>()
        var columns: [String: Int]?
        for line in lines {
            guard let cells = line.cells else {
                columns = nil
                continue
            }
            let heads = cells.map { $0.text.lowercased() }
            let ownerHeads = ["owner", "lead", "lead officer", "responsible officer", "responsible", "by whom"]
            if heads.contains(where: { $0.hasPrefix("action") }), heads.contains(where: { h in ownerHeads.contains { h.hasPrefix($0) } }) {
                var map: [String: Int] = [:]
                for (i, h) in heads.enumerated() {
                    if h.hasPrefix("action n") || ["no.", "number", "ref", "ref.", "reference"].contains(h) { map["number"] = i }
                    else if h.contains("meeting") { map["meeting"] = i }
                    else if h == "action" || h == "actions" { map["action"] = i }
                    else if ownerHeads.contains(where: { h.hasPrefix($0) }) { map["owner"] = i }
                    else if h.contains("directorate") { map["directorate"] = i }
                    else if h.contains("progress") || h.contains("update") || h == "status" { map["progress"] = i }
                    else if h.contains("due") { map["due"] = i }
                    else if h.contains("complete") { map["complete"] = i }
                }
                columns = map
                used.insert(line.number)
                continue
            }
            guard let columns else { continue }
            func cell(_ key: String) -> String { columns[key].flatMap { $0 < cells.count ? cells[$0].text : nil } ?? "" }
            let number = cell("number")
            guard !number.isEmpty else {
                if let last = actions.indices.last, !cell("progress").isEmpty {
                    actions[last].progress = [actions[last].progress, cell("progress")].compactMap { $0 }.joined(separator: " ")
                    used.insert(line.number)
                }
                continue
            }
            used.insert(line.number)
            // "Done – circulated 12/03/2025" in the status: the day it was reported complete.
            var complete = PublishedDate(cell: cell("complete"))
            let progress = cell("progress")
            if complete == nil, ["done", "complete", "circulated", "closed"].contains(where: { progress.lowercased().contains($0) }),
                let day = DateText.firstDate(in: progress)
            {
                complete = PublishedDate(text: progress, date: day)
            }
            actions.append(
                TrackedAction(
                    number: number, meetingDate: PublishedDate(cell: cell("meeting")), action: cell("action"),
                    owner: cell("owner").nonEmpty, directorate: cell("directorate").nonEmpty, progress: cell("progress").nonEmpty,
                    dueDate: PublishedDate(cell: cell("due")), reportedComplete: complete, line: line.number
                )
            )
        }
        return (actions, used)
    }
}

extension String {
    /// Runs of spaces folded to one.
    var foldedSpaces: String { words.joined(separator: " ") }
}
