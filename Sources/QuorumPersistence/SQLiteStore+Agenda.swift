public import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

/// Agendas built in Quorum: a working copy democratic services edit, and publication, which writes it into the public
/// record (the tables every page, feed and search reads through `Visibility`) as the agenda or a supplement.
extension SQLiteStore {
    public func agenda(of id: Meeting.ID) async throws -> Agenda? {
        try await pageReaders.read { db in
            guard let meeting = try MeetingRecord.fetchOne(db, key: id.rawValue)?.meeting() else { return nil }
            return try Self.workingAgenda(of: meeting, db)
        }
    }

    public func updateAgenda(
        _ id: Meeting.ID, by actor: String, at date: Date, _ change: @escaping @Sendable (inout Agenda) throws -> Void
    ) async throws -> Agenda {
        try await writer.write { db in try Self.changeAgenda(of: try Self.openMeeting(id, db), by: actor, at: date, db, change) }
    }

    /// Changes the working agenda of `meeting` inside the caller's transaction, audited; a published item made exempt is
    /// withheld from the public record at once.
    static func changeAgenda(
        of meeting: Meeting, by actor: String, at date: Date, _ db: Database, _ change: (inout Agenda) throws -> Void
    ) throws -> Agenda {
        let id = meeting.id
        let held = try Self.workingAgenda(of: meeting, db)
        var changed = held
        try change(&changed)
        guard changed.meeting == held.meeting else { throw StoreError.invalid("An agenda cannot be moved to another meeting.") }
        guard changed != held else { return held }
        try Self.writeDraft(changed, db)
        try Audit.record(.updated, "agenda", id.rawValue, before: held, after: changed, by: actor, at: date, in: db)
        try Self.movePapers(from: held, to: changed, by: actor, at: date, db)
        // Exempt at once: a published item made exempt is withheld from the public record now, not at the next
        // supplement, and its report with it.
        var withheld: Set<String> = []
        for item in changed.items where item.isExempt {
            guard let row = try AgendaItemRecord.fetchOne(db, key: item.id.rawValue), !(try row.access.isExempt) else { continue }
            let before = try row.agendaItem()
            var after = before
            after.access = item.access
            try AgendaItemRecord(after).update(db)
            try Audit.record(.updated, "agendaItem", item.id.rawValue, before: before, after: after, by: actor, at: date, in: db)
            for reportRow in try ReportRecord.filter(Column("agendaItemId") == item.id.rawValue).fetchAll(db) {
                let report = try reportRow.report()
                var closed = report
                closed.classification = item.access
                try ReportRecord(closed).update(db)
                try Audit.record(.updated, "report", report.id.rawValue, before: report, after: closed, by: actor, at: date, in: db)
            }
            withheld.insert(item.id.rawValue)
        }
        if !withheld.isEmpty { try SearchIndex.refresh(["agendaItem": withheld], in: db) }
        return changed
    }

    /// Unpublished papers follow their items when the agenda is renumbered before publication, and go with an item
    /// removed. Before publication an item's identifier is its number, so an item is followed by what it says: the same
    /// number and title; else the same title and description; else, when one item is left on each side, that one (an
    /// item edited). Each paper moved or dropped is audited.
    private static func movePapers(from held: Agenda, to changed: Agenda, by actor: String, at date: Date, _ db: Database) throws {
        var oldLeft = held.items
        var newLeft = changed.items
        var moved: [(from: String, to: String?)] = []
        func match(_ same: (AgendaItem, AgendaItem) -> Bool) {
            for old in oldLeft {
                guard let index = newLeft.firstIndex(where: { same(old, $0) }) else { continue }
                if newLeft[index].number != old.number { moved.append((old.number, newLeft[index].number)) }
                newLeft.remove(at: index)
                oldLeft.removeAll { $0.id == old.id }
            }
        }
        match { $0.number == $1.number && $0.title == $1.title }
        match { $0.title == $1.title && $0.description == $1.description }
        if oldLeft.count == 1, newLeft.count == 1 {
            if oldLeft[0].number != newLeft[0].number { moved.append((oldLeft[0].number, newLeft[0].number)) }
            oldLeft = []
        }
        moved += oldLeft.map { ($0.number, nil) }
        guard !moved.isEmpty else { return }
        let papers = try Self.papers(of: held.meeting, db).filter { $0.publication == nil }
        // Through a placeholder, so that two items that swap numbers do not take each other's papers.
        for paper in papers where moved.contains(where: { $0.from == paper.itemNumber }) {
            try db.execute(sql: "UPDATE paper SET itemNumber = ? WHERE id = ?", arguments: ["\u{0}" + paper.itemNumber, paper.id.rawValue])
        }
        for paper in papers {
            guard let move = moved.first(where: { $0.from == paper.itemNumber }) else { continue }
            if let to = move.to {
                try db.execute(sql: "UPDATE paper SET itemNumber = ? WHERE id = ?", arguments: [to, paper.id.rawValue])
                var after = paper
                after.itemNumber = to
                try Audit.record(.updated, "paper", paper.id.rawValue, before: paper, after: after, by: actor, at: date, in: db)
            } else {
                try db.execute(sql: "DELETE FROM paper WHERE id = ?", arguments: [paper.id.rawValue])
                try Audit.record(.deleted, "paper", paper.id.rawValue, before: paper, after: Paper?.none, by: actor, at: date, in: db)
            }
        }
    }

    public func publishAgenda(
        _ id: Meeting.ID, by actor: String, at date: Date, on local: LocalDateTime, check: @escaping @Sendable (Agenda) throws -> Void
    ) async throws -> AgendaPublication {
        try await writer.write { db in
            var meeting = try Self.openMeeting(id, db)
            var agenda = try Self.workingAgenda(of: meeting, db)
            try check(agenda)
            guard !agenda.items.isEmpty else { throw StoreError.invalid("The agenda has no items yet: add them before publishing it.") }
            let heldItems = try readable(MeetingRequests.agendaItems(id), db) { try $0.agendaItem() }
            let heldReports = try readable(MeetingRequests.reports(id), db) { try $0.report() }
            // What goes out: items added or changed, and items with papers uploaded since the last publication.
            let pending = Set(try String.fetchAll(db, sql: "SELECT itemNumber FROM paper WHERE meetingId = ? AND publication IS NULL", arguments: [id.rawValue]))
            let edited = Set(agenda.changes(fromPublished: heldItems, reports: heldReports).map(\.id))
            let changed = agenda.items.filter { edited.contains($0.id) || pending.contains($0.number) }
            if agenda.isPublished, changed.isEmpty {
                throw StoreError.invalid("Nothing on the agenda has changed since it was last published, so there is no supplement to publish.")
            }
            // Before the first publication the public record holds nothing of the agenda but what an import put there.
            let keptItems = Set(agenda.items.map(\.id))
            let keptReports = Set(agenda.reports.map(\.id))
            for report in heldReports where !keptReports.contains(report.id) {
                try ReportRecord(report).delete(db)
                try Audit.record(.deleted, "report", report.id.rawValue, before: report, after: Report?.none, by: actor, at: date, in: db)
            }
            for item in heldItems where !keptItems.contains(item.id) {
                try AgendaItemRecord(item).delete(db)
                try Audit.record(.deleted, "agendaItem", item.id.rawValue, before: item, after: AgendaItem?.none, by: actor, at: date, in: db)
            }
            let itemsBefore = Dictionary(heldItems.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for item in agenda.items where itemsBefore[item.id] != item {
                try AgendaItemRecord(item).save(db)
                try Audit.record(itemsBefore[item.id] == nil ? .created : .updated, "agendaItem", item.id.rawValue, before: itemsBefore[item.id], after: item, by: actor, at: date, in: db)
            }
            let reportsBefore = Dictionary(heldReports.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for report in agenda.reports where reportsBefore[report.id] != report {
                try ReportRecord(report).save(db)
                try Audit.record(reportsBefore[report.id] == nil ? .created : .updated, "report", report.id.rawValue, before: reportsBefore[report.id], after: report, by: actor, at: date, in: db)
            }
            let last = try Int.fetchOne(db, sql: "SELECT max(number) FROM agendaPublication WHERE meetingId = ?", arguments: [id.rawValue])
            let number = last.map { $0 + 1 } ?? (agenda.isPublished ? 1 : 0)
            let publication = AgendaPublication(meeting: id, number: number, at: local, items: changed.map(\.number), by: actor)
            try db.execute(
                sql: "INSERT INTO agendaPublication (meetingId, number, at, items, publishedBy) VALUES (?, ?, ?, ?, ?)",
                arguments: [id.rawValue, number, local.iso, try Self.json(publication.items), actor])
            try Audit.record(.created, "agendaPublication", "\(id.rawValue)/\(publication.label)", before: AgendaPublication?.none, after: publication, by: actor, at: date, in: db)
            for paper in try Self.papers(of: id, db) where paper.publication == nil && agenda.items.contains(where: { $0.number == paper.itemNumber }) {
                try db.execute(sql: "UPDATE paper SET publication = ? WHERE id = ?", arguments: [number, paper.id.rawValue])
                var published = paper
                published.publication = number
                try Audit.record(.updated, "paper", paper.id.rawValue, before: paper, after: published, by: actor, at: date, in: db)
            }
            if meeting.status == .scheduled {
                let before = meeting
                meeting.status = .agendaPublished
                try MeetingRecord(meeting).update(db)
                try Audit.record(.updated, "meeting", id.rawValue, before: before, after: meeting, by: actor, at: date, in: db)
            }
            agenda.markPublished()
            try Self.writeDraft(agenda, db)
            try SearchIndex.refresh(["meeting": [id.rawValue]], in: db)
            return publication
        }
    }

    public func publishQuestions(_ id: Meeting.ID, by actor: String, at date: Date, on local: LocalDateTime) async throws -> AgendaPublication {
        try await writer.write { db in
            guard let meeting = try MeetingRecord.fetchOne(db, key: id.rawValue)?.meeting() else { throw StoreError.notFound(entity: "meeting", id: id.rawValue) }
            guard Visibility.public.maySeePapers(of: meeting) else {
                throw StoreError.invalid("The agenda has not been published: publish it first, and the questions go out as a supplement to it.")
            }
            let questions = try readable(MeetingRequests.questions(id), db) { try $0.question() }
            guard !Visibility.public.questions(questions, of: meeting).isEmpty else {
                throw StoreError.invalid("No question to this meeting has been accepted, so there is nothing to publish.")
            }
            let published = Visibility.public.questions(questions, of: meeting)
            // The audit keeps what each questions supplement carried; one the same as the last is not published again.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            func canonical(_ value: Any?) -> Data? { value.flatMap { try? JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]) } }
            let now = canonical(try JSONSerialization.jsonObject(with: try encoder.encode(published)))
            let earlier = try String?.fetchAll(
                db, sql: "SELECT after FROM auditEntry WHERE entity = 'agendaPublication' AND substr(entityId, 1, ?) = ? ORDER BY id DESC",
                arguments: [id.rawValue.count + 1, id.rawValue + "/"])
            let lastCarried = earlier.lazy.compactMap { $0 }.compactMap { text in
                (try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["questions"]
            }.first
            if let lastCarried, canonical(lastCarried) == now {
                throw StoreError.invalid("No accepted question or answer has changed since the questions were last published, so there is no supplement to publish.")
            }
            let last = try Int.fetchOne(db, sql: "SELECT max(number) FROM agendaPublication WHERE meetingId = ?", arguments: [id.rawValue])
            let publication = AgendaPublication(meeting: id, number: max(1, (last ?? 0) + 1), at: local, items: [AgendaPublication.questions], by: actor)
            try db.execute(
                sql: "INSERT INTO agendaPublication (meetingId, number, at, items, publishedBy) VALUES (?, ?, ?, ?, ?)",
                arguments: [id.rawValue, publication.number, local.iso, try Self.json(publication.items), actor])
            try Audit.record(
                .created, "agendaPublication", "\(id.rawValue)/\(publication.label)", before: QuestionsSupplement?.none,
                after: QuestionsSupplement(publication: publication, questions: published), by: actor, at: date, in: db)
            return publication
        }
    }

    public func publications(of meeting: Meeting.ID) async throws -> [AgendaPublication] {
        try await pageReaders.read { db in try Self.publications(sql: "meetingId = ?", meeting.rawValue, db) }
    }

    public func publications(ofCommittee committee: Committee.ID) async throws -> [AgendaPublication] {
        try await pageReaders.read { db in
            try Self.publications(sql: "meetingId IN (SELECT id FROM meeting WHERE committeeId = ?)", committee.rawValue, db)
        }
    }

    public func standardAgendaItems(of authority: Authority.ID) async throws -> [StandardAgendaItem] {
        try await pageReaders.read { db in
            guard let text = try String.fetchOne(db, sql: "SELECT standardItems FROM authority WHERE id = ?", arguments: [authority.rawValue]) else {
                return StandardAgendaItem.standard
            }
            do {
                return try JSONDecoder().decode([StandardAgendaItem].self, from: Data(text.utf8))
            } catch {
                throw StoreError.corruptRow(table: "authority", id: authority.rawValue, reason: "its standard agenda items cannot be read")
            }
        }
    }

    public func updateRules(
        of authority: Authority.ID, by actor: String, at date: Date, _ change: @escaping @Sendable (inout DeadlineRules) throws -> Void
    ) async throws -> DeadlineRules {
        try await writer.write { db in
            guard var record = try AuthorityRecord.fetchOne(db, key: authority.rawValue) else { throw StoreError.notFound(entity: "council", id: authority.rawValue) }
            let before = record.rules
            try change(&record.rules)
            guard record.rules != before else { return before }
            try record.update(db)
            try Audit.record(.updated, "authority", authority.rawValue, before: ["rules": before], after: ["rules": record.rules], by: actor, at: date, in: db)
            try ChaseDates.refresh(recommendations: nil, in: db)
            return record.rules
        }
    }

    public func setStandardAgendaItems(_ items: [StandardAgendaItem], of authority: Authority.ID, by actor: String, at date: Date) async throws {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT standardItems FROM authority WHERE id = ?", arguments: [authority.rawValue]) else {
                throw StoreError.notFound(entity: "council", id: authority.rawValue)
            }
            let before = (row["standardItems"] as String?).flatMap { try? JSONDecoder().decode([StandardAgendaItem].self, from: Data($0.utf8)) }
                ?? StandardAgendaItem.standard
            guard before != items else { return }
            try db.execute(sql: "UPDATE authority SET standardItems = ? WHERE id = ?", arguments: [try Self.json(items), authority.rawValue])
            try Audit.record(.updated, "authority", authority.rawValue, before: ["standardItems": before], after: ["standardItems": items], by: actor, at: date, in: db)
        }
    }

    /// The meeting, if its agenda can still be worked on: not once it has been held or cancelled.
    static func openMeeting(_ id: Meeting.ID, _ db: Database) throws -> Meeting {
        guard let meeting = try MeetingRecord.fetchOne(db, key: id.rawValue)?.meeting() else { throw StoreError.notFound(entity: "meeting", id: id.rawValue) }
        switch meeting.status {
        case .scheduled, .agendaPublished: return meeting
        case .held, .minutesApproved: throw StoreError.invalid("This meeting has been held: its agenda is part of the record and can no longer be changed.")
        case .cancelled: throw StoreError.invalid("This meeting is cancelled, so its agenda can no longer be changed.")
        }
    }

    /// The working copy, or the agenda as the public record holds it.
    static func workingAgenda(of meeting: Meeting, _ db: Database) throws -> Agenda {
        if let text = try String.fetchOne(db, sql: "SELECT agenda FROM agendaDraft WHERE meetingId = ?", arguments: [meeting.id.rawValue]) {
            do {
                return try JSONDecoder().decode(Agenda.self, from: Data(text.utf8))
            } catch {
                throw StoreError.corruptRow(table: "agendaDraft", id: meeting.id.rawValue, reason: "the working agenda cannot be read")
            }
        }
        return Agenda(
            publishedFor: meeting, items: try readable(MeetingRequests.agendaItems(meeting.id), db) { try $0.agendaItem() },
            reports: try readable(MeetingRequests.reports(meeting.id), db) { try $0.report() })
    }

    private static func writeDraft(_ agenda: Agenda, _ db: Database) throws {
        try db.execute(
            sql: "INSERT INTO agendaDraft (meetingId, agenda) VALUES (?, ?) ON CONFLICT(meetingId) DO UPDATE SET agenda = excluded.agenda",
            arguments: [agenda.meeting.rawValue, try json(agenda)])
    }

    static func publications(sql condition: String, _ argument: String, _ db: Database) throws -> [AgendaPublication] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM agendaPublication WHERE \(condition) ORDER BY meetingId, number"), arguments: [argument]).map { row in
            let meeting: String = row["meetingId"]
            guard let at = LocalDateTime(iso: row["at"] as String) else {
                throw StoreError.corruptRow(table: "agendaPublication", id: meeting, reason: "its time is not a date and time")
            }
            let items = (try? JSONDecoder().decode([String].self, from: Data((row["items"] as String).utf8))) ?? []
            return AgendaPublication(meeting: .init(meeting), number: row["number"], at: at, items: items, by: row["publishedBy"])
        }
    }

    private static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

/// A questions supplement as the audit keeps it: the publication, and the questions and answers it carried.
private struct QuestionsSupplement: Encodable {
    let publication: AgendaPublication
    let questions: [Question]

    enum Keys: String, CodingKey { case questions }

    func encode(to encoder: any Encoder) throws {
        try publication.encode(to: encoder)
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(questions, forKey: .questions)
    }
}
