import GRDB
import QuorumDomain
public import QuorumStorage

/// Keeps the full-text index of public text in step with the record, inside the saving transaction. What goes in is
/// decided by `Visibility.public`, the same rule every page uses: exempt items, reports, appendices and minutes, and
/// the papers of a meeting whose agenda is not yet published, are never indexed.
enum SearchIndex {
    /// Re-derives the index entries of the rows a batch touched.
    static func refresh(_ touched: [String: Set<String>], in db: Database) throws {
        var reports = touched["report", default: []]
        var minutes = touched["minuteItem", default: []]
        var questions = touched["question", default: []]
        for id in touched["agendaItem", default: []] {
            reports.formUnion(try String.fetchAll(db, sql: "SELECT id FROM report WHERE agendaItemId = ?", arguments: [id]))
        }
        // A meeting whose agenda is published makes its papers public; one moved back to scheduled withdraws them.
        for id in touched["meeting", default: []] {
            reports.formUnion(try String.fetchAll(db, sql: "SELECT id FROM report WHERE meetingId = ?", arguments: [id]))
            minutes.formUnion(try String.fetchAll(db, sql: "SELECT id FROM minuteItem WHERE meetingId = ?", arguments: [id]))
            questions.formUnion(try String.fetchAll(db, sql: "SELECT id FROM question WHERE meetingId = ?", arguments: [id]))
        }
        for id in reports.sorted() { try indexReport(id, db) }
        for id in minutes.sorted() {
            guard let row = try MinuteItemRecord.fetchOne(db, key: id), let meeting = try MeetingRecord.fetchOne(db, key: row.meetingId)?.meeting(),
                Visibility.public.maySeePapers(of: meeting), Visibility.public.mayRead(try row.access)
            else {
                try remove(id, db)
                continue
            }
            let body = ([row.text] + row.resolutions.map(\.text)).joined(separator: "\n")
            try replace(id, kind: "minute", title: "\(row.number). \(row.title)", body: body, meetingId: row.meetingId, db)
        }
        for id in questions.sorted() {
            // Through the one rule: a question received and not yet accepted, or rejected, is not public.
            guard let row = try QuestionRecord.fetchOne(db, key: id), let meeting = try MeetingRecord.fetchOne(db, key: row.meetingId)?.meeting(),
                !Visibility.public.questions([try row.question()], of: meeting).isEmpty
            else {
                try remove(id, db)
                continue
            }
            let body = [row.text, row.statusText ?? "", row.supplementary?.text ?? "", row.supplementary?.response ?? ""].joined(separator: "\n")
            try replace(id, kind: "question", title: "Question \(row.number) to \(row.addressee)", body: body, meetingId: row.meetingId, db)
        }
        for id in touched["recommendation", default: []].sorted() {
            guard let row = try RecommendationRecord.fetchOne(db, key: id) else { continue }
            try replace(
                id, kind: "recommendation", title: row.topic, body: [row.text, row.responseText ?? ""].joined(separator: "\n"),
                committeeId: row.committeeId, day: row.meetingDay, db)
        }
        for id in touched["workProgrammeItem", default: []].sorted() {
            guard let row = try WorkProgrammeItemRecord.fetchOne(db, key: id) else { continue }
            let day = try row.sessionId.flatMap { try String.fetchOne(db, sql: "SELECT day FROM workProgrammeSession WHERE id = ?", arguments: [$0]) }
            try replace(
                id, kind: "workProgramme", title: row.title, body: [row.objectives, row.evidenceRequired].joined(separator: "\n"),
                committeeId: row.committeeId, day: day, db)
        }
    }

    /// Takes deleted rows out of the index.
    static func forget(_ deleted: [String: Set<String>], in db: Database) throws {
        for id in deleted.values.flatMap({ $0 }).sorted() { try remove(id, db) }
    }

    private static func indexReport(_ id: String, _ db: Database) throws {
        guard let row = try ReportRecord.fetchOne(db, key: id), let item = try AgendaItemRecord.fetchOne(db, key: row.agendaItemId)?.agendaItem(),
            let meeting = try MeetingRecord.fetchOne(db, key: row.meetingId)?.meeting(),
            let report = Visibility.public.report(try row.report(), of: item, in: meeting)
        else {
            try remove(id, db)
            return
        }
        let body =
            ([report.purpose] + report.recommendations.map(\.text) + report.sections.flatMap { [$0.heading, $0.text] }
            + report.appendices.filter { $0.access == .open }.map(\.title)).joined(separator: "\n")
        try replace(id, kind: "report", title: report.title, body: body, meetingId: row.meetingId, db)
    }

    private static func replace(
        _ id: String, kind: String, title: String, body: String, committeeId: String? = nil, meetingId: String? = nil, day: String? = nil,
        _ db: Database
    ) throws {
        var committeeId = committeeId
        var day = day
        if let meetingId, let meeting = try Row.fetchOne(db, sql: "SELECT committeeId, startDay FROM meeting WHERE id = ?", arguments: [meetingId]) {
            committeeId = meeting["committeeId"]
            day = meeting["startDay"]
        }
        // The key row also holds what ranking and filters read, so that a search reads no entry's text to rank.
        try db.execute(
            sql: """
                INSERT INTO searchKey (entityId, kind, day, committeeId) VALUES (?, ?, ?, ?)
                ON CONFLICT (entityId) DO UPDATE SET kind = excluded.kind, day = excluded.day, committeeId = excluded.committeeId
                """, arguments: [id, kind, day, committeeId])
        let key = try Int64.fetchOne(db, sql: "SELECT id FROM searchKey WHERE entityId = ?", arguments: [id])
        try db.execute(sql: "DELETE FROM searchEntry WHERE rowid = ?", arguments: [key])
        try db.execute(
            sql: "INSERT INTO searchEntry (rowid, title, body, kind, entityId, committeeId, meetingId, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [key, title, body, kind, id, committeeId, meetingId, day])
    }

    private static func remove(_ id: String, _ db: Database) throws {
        guard let key = try Int64.fetchOne(db, sql: "SELECT id FROM searchKey WHERE entityId = ?", arguments: [id]) else { return }
        try db.execute(sql: "DELETE FROM searchEntry WHERE rowid = ?", arguments: [key])
        try db.execute(sql: "DELETE FROM searchKey WHERE id = ?", arguments: [key])
    }
}
