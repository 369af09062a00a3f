public import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

extension SQLiteStore {
    public func importPack(_ incoming: RecordBatch, publishedFor packDay: CalendarDay, by actor: String, at date: Date) async throws -> SaveSummary {
        try await writer.write { db in
            let merge = try PackMerge(db: db, incoming: incoming, packDay: packDay)
            return try SQLiteStore.write(try merge.batch(), in: db, by: actor, at: date, deleting: try merge.deletions())
        }
    }
}

/// How a pack's records join what is held, read inside the import's own transaction so that two imports cannot
/// interleave. A later stage of a meeting is never undone, and a pack older than the newest one held for its
/// committee does not undo what the newer one said about the committee, its members, its work programme or its
/// recommendations: it only adds what is new.
private struct PackMerge {
    let db: Database
    let incoming: RecordBatch
    let packDay: CalendarDay
    /// Whether the pack is for the newest meeting with papers held for its committee (or a later one).
    let isLatest: Bool
    /// The day of the newest meeting with papers held for the committee.
    let newestHeld: CalendarDay?

    init(db: Database, incoming: RecordBatch, packDay: CalendarDay) throws {
        self.db = db
        self.incoming = incoming
        self.packDay = packDay
        var newestHeld: CalendarDay?
        if let committee = incoming.committees.first?.id,
            let newest = try String.fetchOne(
                db, sql: "SELECT max(startDay) FROM meeting WHERE committeeId = ? AND status <> 'scheduled'", arguments: [committee.rawValue])
        {
            newestHeld = CalendarDay(iso: newest)
        }
        self.newestHeld = newestHeld
        isLatest = newestHeld.map { packDay >= $0 } ?? true
    }

    func batch() throws -> RecordBatch {
        var batch = incoming
        batch.authorities = try incoming.authorities.map { try AuthorityRecord.fetchOne(db, key: $0.id.rawValue)?.authority() ?? $0 }
        batch.committees = try incoming.committees.map { new in
            guard let held = try CommitteeRecord.fetchOne(db, key: new.id.rawValue)?.committee() else { return new }
            return isLatest ? held.updated(with: new) : held
        }
        batch.people = try incoming.people.map { new in
            guard let held = try PersonRecord.fetchOne(db, key: new.id.rawValue)?.person() else { return new }
            return isLatest ? held.updated(with: new) : held
        }
        var memberships: [Membership.ID: Membership] = [:]
        for committee in Set(incoming.memberships.map(\.committee.rawValue)) {
            for row in try MembershipRecord.filter(Column("committeeId") == committee).fetchAll(db) {
                let membership = try row.membership()
                memberships[membership.id] = membership
            }
        }
        batch.memberships = incoming.memberships.map { new in memberships[new.id].map { $0.merged(with: new) } ?? new }
        // The newest pack's front sheet is the current membership: anyone it leaves out has left the committee, some
        // time after the last papers that listed them.
        if isLatest, !incoming.memberships.isEmpty {
            let listed = Set(incoming.memberships.map(\.id))
            batch.memberships += memberships.values.filter { !listed.contains($0.id) && $0.isListed && ($0.lastListed.map { $0 < packDay } ?? true) }
                .sorted { $0.id < $1.id }.map { $0.notListed() }
        }
        batch.meetings = try incoming.meetings.map { new in
            try MeetingRecord.fetchOne(db, key: new.id.rawValue)?.meeting().updated(with: new) ?? new
        }
        batch.workProgrammeSessions = try incoming.workProgrammeSessions.map { new in
            isLatest ? new : try WorkProgrammeSessionRecord.fetchOne(db, key: new.id.rawValue)?.session() ?? new
        }
        // An older pack's plans for meetings the newest pack governs are not added back: the newer plan stands.
        let sessionDays = Dictionary(incoming.workProgrammeSessions.map { ($0.id, $0.day) }, uniquingKeysWith: { a, _ in a })
        batch.workProgrammeItems = try incoming.workProgrammeItems.compactMap { new in
            let held = try WorkProgrammeItemRecord.fetchOne(db, key: new.id.rawValue)?.workProgrammeItem()
            if isLatest {
                // What only Quorum records, the forward plan decision a topic scrutinises, stays.
                var merged = new
                merged.forwardPlanEntry = new.forwardPlanEntry ?? held?.forwardPlanEntry
                return merged
            }
            if let held { return held }
            if let session = new.session, let day = sessionDays[session], let newestHeld, day >= newestHeld { return nil }
            return new
        }
        batch.recommendations = try incoming.recommendations.map { new in
            guard let held = try RecommendationRecord.fetchOne(db, key: new.id.rawValue)?.recommendation() else { return new }
            guard isLatest else { return held }
            // An answer, once held (recorded in Quorum or by an earlier paper), is not undone by a paper that
            // still lists the recommendation as awaiting one.
            // What only Quorum records (an extension, implementation) and a date sent the paper leaves out stay.
            var merged = new
            if case .awaiting = new.response { merged.response = held.response }
            if merged.sentOn == nil { (merged.sentOn, merged.dueOn) = (held.sentOn, merged.dueOn ?? held.dueOn) }
            merged.extensionGranted = held.extensionGranted
            merged.implementation = held.implementation
            return merged
        }
        return batch
    }

    /// What the pack replaces: the newest pack's work programme is the plan for the meetings it lists from its own
    /// meeting on, so a topic an older pack planned for one of them, and this one does not, has moved or gone.
    func deletions() throws -> [String: [String]] {
        guard isLatest else { return [:] }
        let planned = incoming.workProgrammeSessions.filter { $0.day >= packDay }.map(\.id.rawValue)
        guard !planned.isEmpty else { return [:] }
        let kept = Set(incoming.workProgrammeItems.map(\.id.rawValue))
        var gone: [String] = []
        for session in planned {
            for id in try String.fetchAll(db, sql: "SELECT id FROM workProgrammeItem WHERE sessionId = ?", arguments: [session]) where !kept.contains(id) {
                gone.append(id)
            }
        }
        return gone.isEmpty ? [:] : ["workProgrammeItem": gone]
    }
}
