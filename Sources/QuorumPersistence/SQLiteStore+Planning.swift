public import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

/// The work programme and the forward plan, changed by officers: written at once, each change audited.
extension SQLiteStore {
    public func workProgramme(of committee: Committee.ID) async throws -> WorkProgramme? {
        try await pageReaders.read { db in try Self.workProgramme(of: committee, db) }
    }

    static func workProgramme(of committee: Committee.ID, _ db: Database) throws -> WorkProgramme? {
        guard try CommitteeRecord.fetchOne(db, key: committee.rawValue) != nil else { return nil }
        return WorkProgramme(
            committee: committee,
            sessions: try readable(WorkProgrammeSessionRecord.filter(Column("committeeId") == committee.rawValue).order(Column("day")), db) { try $0.session() },
            items: try readable(WorkProgrammeItemRecord.filter(Column("committeeId") == committee.rawValue).order(Column("rowid")), db) { try $0.workProgrammeItem() })
    }

    public func updateWorkProgramme(
        _ committee: Committee.ID, by actor: String, at date: Date, _ change: @escaping @Sendable (inout WorkProgramme) throws -> Void
    ) async throws -> WorkProgramme {
        try await writer.write { db in
            guard let held = try Self.workProgramme(of: committee, db) else { throw StoreError.notFound(entity: "committee", id: committee.rawValue) }
            var changed = held
            try change(&changed)
            guard changed.committee == committee else { throw StoreError.invalid("A work programme cannot be moved to another committee.") }
            guard changed != held else { return held }
            // Sessions first (topics refer to them), removed sessions last.
            let sessionsBefore = Dictionary(held.sessions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            for session in changed.sessions where sessionsBefore[session.id] != session {
                try WorkProgrammeSessionRecord(session).save(db)
                try Audit.record(
                    sessionsBefore[session.id] == nil ? .created : .updated, "workProgrammeSession", session.id.rawValue, before: sessionsBefore[session.id],
                    after: session, by: actor, at: date, in: db)
            }
            let itemsBefore = Dictionary(held.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let kept = Set(changed.items.map(\.id))
            var gone: Set<String> = []
            for item in held.items where !kept.contains(item.id) {
                try WorkProgrammeItemRecord(item).delete(db)
                try Audit.record(.deleted, "workProgrammeItem", item.id.rawValue, before: item, after: WorkProgrammeItem?.none, by: actor, at: date, in: db)
                gone.insert(item.id.rawValue)
            }
            var touched: Set<String> = []
            for item in changed.items where itemsBefore[item.id] != item {
                try WorkProgrammeItemRecord(item).save(db)
                try Audit.record(
                    itemsBefore[item.id] == nil ? .created : .updated, "workProgrammeItem", item.id.rawValue, before: itemsBefore[item.id], after: item, by: actor,
                    at: date, in: db)
                touched.insert(item.id.rawValue)
            }
            let keptSessions = Set(changed.sessions.map(\.id))
            for session in held.sessions where !keptSessions.contains(session.id) {
                try WorkProgrammeSessionRecord(session).delete(db)
                try Audit.record(.deleted, "workProgrammeSession", session.id.rawValue, before: session, after: WorkProgrammeSession?.none, by: actor, at: date, in: db)
            }
            try SearchIndex.refresh(["workProgrammeItem": touched], in: db)
            try SearchIndex.forget(["workProgrammeItem": gone], in: db)
            return changed
        }
    }

    public func updateForwardPlan(
        of authority: Authority.ID, by actor: String, at date: Date, _ change: @escaping @Sendable (inout [ForwardPlanEntry]) throws -> Void
    ) async throws -> [ForwardPlanEntry] {
        try await writer.write { db in
            guard try AuthorityRecord.fetchOne(db, key: authority.rawValue) != nil else { throw StoreError.notFound(entity: "council", id: authority.rawValue) }
            let held = try readable(ForwardPlanEntryRecord.filter(Column("authorityId") == authority.rawValue).order(Column("dueDate"), Column("id")), db) {
                try $0.entry()
            }
            var changed = held
            try change(&changed)
            guard changed.allSatisfy({ $0.authority == authority }) else { throw StoreError.invalid("A forward plan holds only its own council's decisions.") }
            guard Set(changed.map(\.id)).count == changed.count else { throw StoreError.invalid("Two entries of the forward plan have the same identifier.") }
            let before = Dictionary(held.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let kept = Set(changed.map(\.id))
            for entry in held where !kept.contains(entry.id) {
                // A topic that named it no longer does, audited on the topic.
                for row in try WorkProgrammeItemRecord.filter(Column("forwardPlanEntryId") == entry.id.rawValue).fetchAll(db) {
                    let before = try row.workProgrammeItem()
                    var after = before
                    after.forwardPlanEntry = nil
                    try WorkProgrammeItemRecord(after).update(db)
                    try Audit.record(.updated, "workProgrammeItem", before.id.rawValue, before: before, after: after, by: actor, at: date, in: db)
                }
                try ForwardPlanEntryRecord(entry).delete(db)
                try Audit.record(.deleted, "forwardPlanEntry", entry.id.rawValue, before: entry, after: ForwardPlanEntry?.none, by: actor, at: date, in: db)
            }
            for entry in changed where before[entry.id] != entry {
                try ForwardPlanEntryRecord(entry).save(db)
                try Audit.record(before[entry.id] == nil ? .created : .updated, "forwardPlanEntry", entry.id.rawValue, before: before[entry.id], after: entry, by: actor, at: date, in: db)
            }
            return changed.sorted { ($0.dueDate ?? CalendarDay(9999, 12, 31), $0.id) < ($1.dueDate ?? CalendarDay(9999, 12, 31), $1.id) }
        }
    }
}
