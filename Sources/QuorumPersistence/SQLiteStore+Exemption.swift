public import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

/// Keeps exempt information exempt inside a save (fail closed): a later paper that marks an exempt item, report,
/// appendix or minute open does not publish it, and a minute that records an exempt item of its meeting is exempt
/// too, whichever pack brought the item and whichever the minute. Only `release` publishes exempt information.
struct ExemptionGuard {
    let db: Database
    /// What was kept exempt against what a paper said, for an officer.
    var warnings: [RecordWarning] = []

    mutating func guarded(_ item: AgendaItem) throws -> AgendaItem {
        guard let held = try AgendaItemRecord.fetchOne(db, key: item.id.rawValue) else { return item }
        var copy = item
        copy.access = try kept(try held.access, against: item.access, "agendaItem", item.id.rawValue, what: "Item \(item.number)")
        return copy
    }

    mutating func guarded(_ report: Report) throws -> Report {
        guard let held = try ReportRecord.fetchOne(db, key: report.id.rawValue) else { return report }
        var copy = report
        copy.classification = try kept(try held.classification, against: report.classification, "report", report.id.rawValue, what: "The report")
        for index in copy.appendices.indices {
            let appendix = copy.appendices[index]
            guard let was = held.appendices.first(where: { $0.key == appendix.key }) else { continue }
            copy.appendices[index].access = try kept(
                was.access, against: appendix.access, "report", report.id.rawValue, appendix: appendix.key, what: appendix.label)
        }
        // An exempt appendix that a later version no longer lists stays on the record as exempt, and a section printed
        // in it before stays in it, even if a later reading no longer sees where the appendix starts.
        for was in held.appendices where was.access.isExempt && !copy.appendices.contains(where: { $0.key == was.key }) {
            copy.appendices.append(was)
        }
        let exemptKeys = Set(copy.appendices.filter(\.access.isExempt).map(\.key))
        var heldIn: [String: String] = [:]
        for section in held.sections {
            if let label = section.appendix, exemptKeys.contains(Report.Appendix.key(label)) { heldIn[section.heading] = label }
        }
        for index in copy.sections.indices where copy.sections[index].appendix == nil {
            if let label = heldIn[copy.sections[index].heading] { copy.sections[index].appendix = label }
        }
        return copy
    }

    mutating func guarded(_ minute: MinuteItem) throws -> MinuteItem {
        guard let held = try MinuteItemRecord.fetchOne(db, key: minute.id.rawValue) else { return minute }
        var copy = minute
        copy.access = try kept(try held.access, against: minute.access, "minuteItem", minute.id.rawValue, what: "Minute \(minute.number)")
        return copy
    }

    /// The open minutes of these meetings that record one of their exempt items, made exempt under the item's paragraph.
    mutating func minutesOfExemptItems(in meetings: Set<String>) throws -> [MinuteItem] {
        var result: [MinuteItem] = []
        for meeting in meetings.sorted() {
            let items = try AgendaItemRecord.filter(Column("meetingId") == meeting && Column("isExempt") == true).fetchAll(db).map { try $0.agendaItem() }
            guard !items.isEmpty else { continue }
            let all = try MinuteItemRecord.filter(Column("meetingId") == meeting).fetchAll(db).map { try $0.minuteItem() }
            for item in items where !all.isEmpty && !all.contains(where: { $0.records(item) }) {
                warnings.append(
                    RecordWarning(
                        entity: "agendaItem", entityId: item.id.rawValue,
                        message: "Item \(item.number) is exempt, and no minute of the meeting could be matched to it by title: check that its minute is held as exempt."))
            }
            let minutes = try MinuteItemRecord.filter(Column("meetingId") == meeting && Column("isExempt") == false).order(Column("number")).fetchAll(db)
            for row in minutes {
                let minute = try row.minuteItem()
                guard let item = items.first(where: minute.records), try !isReleased("minuteItem", minute.id.rawValue) else { continue }
                var copy = minute
                copy.access = item.access
                result.append(copy)
                warnings.append(
                    RecordWarning(
                        entity: "minuteItem", entityId: minute.id.rawValue,
                        message: "Minute \(minute.number) records the exempt item \(item.number), so it is held as exempt (\(item.access.label))."))
            }
        }
        return result
    }

    func isReleased(_ entity: String, _ id: String, appendix: String? = nil) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT EXISTS (SELECT 1 FROM exemptRelease WHERE entity = ? AND entityId = ? AND appendix IS ?)", arguments: [entity, id, appendix])
            ?? false
    }

    private mutating func kept(
        _ held: Access, against incoming: Access, _ entity: String, _ id: String, appendix: String? = nil, what: String
    ) throws -> Access {
        guard held != incoming else { return held }
        let (access, warning) = held.merged(with: incoming, released: try isReleased(entity, id, appendix: appendix))
        if let warning { warnings.append(RecordWarning(entity: entity, entityId: id, message: "\(what): \(warning)")) }
        return access
    }
}

extension SQLiteStore {
    public func release(_ target: ReleaseTarget, reason: String, by actor: String, at date: Date) async throws -> [String] {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw StoreError.invalid("Say why the information may now be published: a release needs a reason.") }
        return try await writer.write { db in
            var writer = BatchWriter(db: db, actor: actor, at: date)
            var released: [String] = []
            func record(_ entity: String, _ id: String, appendix: String? = nil, was access: Access, what: String) throws {
                try db.execute(
                    sql: "INSERT INTO exemptRelease (entity, entityId, appendix, paragraph, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    arguments: [entity, id, appendix, access.paragraph?.rawValue, reason, actor, date])
                try writer.audit(.updated, entity, id, "access: \(access.label) → Open (released\(appendix.map { " appendix \($0)" } ?? ""): \(reason))")
                writer.touched[entity, default: []].insert(id)
                released.append("\(what) (was \(access.label))")
            }
            switch target {
            case .agendaItem(let id):
                guard var item = try AgendaItemRecord.fetchOne(db, key: id.rawValue) else { throw StoreError.notFound(entity: "agenda item", id: id.rawValue) }
                var report = try ReportRecord.filter(Column("agendaItemId") == id.rawValue).fetchOne(db)
                guard item.isExempt || report?.isExempt == true else { throw StoreError.notExempt(entity: "agenda item", id: id.rawValue) }
                if item.isExempt {
                    let was = try item.access
                    (item.isExempt, item.exemptParagraph) = (false, nil)
                    try item.update(db)
                    try record("agendaItem", item.id, was: was, what: "Item \(item.number) “\(item.title)”")
                }
                if var held = report, held.isExempt {
                    let was = try held.classification
                    (held.isExempt, held.exemptParagraph) = (false, nil)
                    try held.update(db)
                    try record("report", held.id, was: was, what: "Its report “\(held.title)”")
                    report = held
                }
            case .appendix(let id, let label):
                guard var report = try ReportRecord.filter(Column("agendaItemId") == id.rawValue).fetchOne(db) else {
                    throw StoreError.notFound(entity: "report of agenda item", id: id.rawValue)
                }
                let key = Report.Appendix.key(label)
                guard let index = report.appendices.firstIndex(where: { $0.key == key }) else {
                    throw StoreError.notFound(entity: "appendix", id: "\(label) of \(id.rawValue)")
                }
                let was = report.appendices[index].access
                guard was.isExempt else { throw StoreError.notExempt(entity: "appendix", id: "\(label) of \(id.rawValue)") }
                report.appendices[index].access = .open
                try report.update(db)
                try record("report", report.id, appendix: key, was: was, what: "\(report.appendices[index].label) of “\(report.title)”")
            case .minute(let id):
                guard var minute = try MinuteItemRecord.fetchOne(db, key: id.rawValue) else { throw StoreError.notFound(entity: "minute", id: id.rawValue) }
                guard minute.isExempt else { throw StoreError.notExempt(entity: "minute", id: id.rawValue) }
                let was = try minute.access
                (minute.isExempt, minute.exemptParagraph) = (false, nil)
                try minute.update(db)
                try record("minuteItem", minute.id, was: was, what: "Minute \(minute.number) “\(minute.title)”")
            }
            try SearchIndex.refresh(writer.touched, in: db)
            return released
        }
    }

    public func withheld() async throws -> [WithheldRecord] {
        try await pageReaders.read { db in
            var result: [WithheldRecord] = []
            for row in try AgendaItemRecord.filter(Column("isExempt") == true).order(Column("meetingId"), Column("position")).fetchAll(db) {
                result.append(WithheldRecord(target: .agendaItem(.init(row.id)), meeting: .init(row.meetingId), title: "Item \(row.number): \(row.title)", access: try row.access))
            }
            for row in try ReportRecord.order(Column("meetingId"), Column("id")).fetchAll(db) {
                if row.isExempt {
                    result.append(
                        WithheldRecord(target: .agendaItem(.init(row.agendaItemId)), meeting: .init(row.meetingId), title: "Report: \(row.title)", access: try row.classification))
                }
                for appendix in row.appendices where appendix.access.isExempt {
                    result.append(
                        WithheldRecord(
                            target: .appendix(.init(row.agendaItemId), label: appendix.label), meeting: .init(row.meetingId),
                            title: "\(appendix.label) of “\(row.title)”: \(appendix.title)", access: appendix.access))
                }
            }
            for row in try MinuteItemRecord.filter(Column("isExempt") == true).order(Column("meetingId"), Column("number")).fetchAll(db) {
                result.append(WithheldRecord(target: .minute(.init(row.id)), meeting: .init(row.meetingId), title: "Minute \(row.number): \(row.title)", access: try row.access))
            }
            return result
        }
    }
}
