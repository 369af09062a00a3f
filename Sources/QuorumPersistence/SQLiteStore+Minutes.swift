public import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

/// Minutes written in Quorum: a working copy democratic services edit, and publication, which writes it into the public
/// record (the tables every page, feed and search reads through `Visibility`) as the meeting's draft minutes.
extension SQLiteStore {
    public func minutes(of id: Meeting.ID) async throws -> Minutes? {
        try await pageReaders.read { db in
            guard let meeting = try MeetingRecord.fetchOne(db, key: id.rawValue)?.meeting() else { return nil }
            return try Self.workingMinutes(of: meeting, db)
        }
    }

    public func firstMinuteNumber(of id: Meeting.ID) async throws -> Int? {
        try await pageReaders.read { db in
            guard let meeting = try MeetingRecord.fetchOne(db, key: id.rawValue)?.meeting() else { return nil }
            return try Self.firstMinuteNumber(of: meeting, db)
        }
    }

    public func minutesApproval(of id: Meeting.ID) async throws -> Meeting.ID? {
        try await pageReaders.read { db in
            try String.fetchOne(db, sql: "SELECT approvedAtMeetingId FROM minutesApproval WHERE meetingId = ?", arguments: [id.rawValue]).map { .init($0) }
        }
    }

    public func updateMinutes(
        _ id: Meeting.ID, by actor: String, at date: Date, _ change: @escaping @Sendable (inout Minutes) throws -> Void
    ) async throws -> Minutes {
        try await writer.write { db in
            let meeting = try Self.minutableMeeting(id, db)
            let held = try Self.workingMinutes(of: meeting, db)
            var changed = held
            try change(&changed)
            guard changed.meeting == held.meeting else { throw StoreError.invalid("Minutes cannot be moved to another meeting.") }
            guard changed != held else { return held }
            try Self.writeDraft(changed, db)
            try Audit.record(.updated, "minutes", id.rawValue, before: held, after: changed, by: actor, at: date, in: db)
            // Exempt at once: a published minute made exempt is withheld from the public record now.
            var withheld: Set<String> = []
            for item in changed.items where item.access.isExempt {
                guard let row = try MinuteItemRecord.fetchOne(db, key: item.id.rawValue), !(try row.access.isExempt) else { continue }
                let before = try row.minuteItem()
                var after = before
                after.access = item.access
                try MinuteItemRecord(after).update(db)
                try Audit.record(.updated, "minuteItem", item.id.rawValue, before: before, after: after, by: actor, at: date, in: db)
                withheld.insert(item.id.rawValue)
                // Recommendations it put in the public tracker go with it; one already answered cannot be taken back.
                for resolution in before.resolutions.indices {
                    let marked = Minutes.MarkedRecommendation(minute: before.number, resolution: resolution, addressee: .unspecified, responseRule: .standard)
                    guard let made = held.recommendation(marked, committee: meeting.committee, meetingDay: meeting.start.day),
                        let record = try RecommendationRecord.fetchOne(db, key: made.id.rawValue)
                    else { continue }
                    let recommendation = try record.recommendation()
                    guard case .awaiting = recommendation.response, recommendation.sentOn == nil else {
                        throw StoreError.invalid(
                            "Minute \(before.number)'s resolution is in the tracker as recommendation \(recommendation.number) and has been sent or answered: it cannot be withdrawn by making the minute exempt.")
                    }
                    try record.delete(db)
                    try Audit.record(.deleted, "recommendation", made.id.rawValue, before: recommendation, after: Recommendation?.none, by: actor, at: date, in: db)
                    try SearchIndex.forget(["recommendation": [made.id.rawValue]], in: db)
                }
            }
            if !withheld.isEmpty { try SearchIndex.refresh(["minuteItem": withheld], in: db) }
            return changed
        }
    }

    public func publishMinutes(
        _ id: Meeting.ID, by actor: String, at date: Date, today: CalendarDay, check: @escaping @Sendable (Minutes) throws -> Void
    ) async throws -> Minutes {
        try await writer.write { db in
            var meeting = try Self.minutableMeeting(id, db)
            var minutes = try Self.workingMinutes(of: meeting, db)
            try check(minutes)
            guard meeting.start.day <= today else {
                throw StoreError.invalid("The meeting is on \(meeting.start.day.councilStyle): its minutes can be published once it has been held.")
            }
            guard !minutes.items.isEmpty else { throw StoreError.invalid("The minutes have no minutes in them yet: add them before publishing.") }
            var exemption = ExemptionGuard(db: db)
            // The people the minutes name for the first time.
            for person in minutes.newPeople where try PersonRecord.fetchOne(db, key: person.id.rawValue) == nil {
                try PersonRecord(person).insert(db)
                try Audit.record(.created, "person", person.id.rawValue, before: Person?.none, after: person, by: actor, at: date, in: db)
            }
            try Self.replace(
                minutes.attendance, held: try readable(MeetingRequests.attendance(id), db) { try $0.attendance() }, entity: "attendance",
                write: { try AttendanceRecord($0).save(db) }, delete: { try AttendanceRecord($0).delete(db) }, by: actor, at: date, db)
            try Self.replace(
                minutes.declarations, held: try readable(MeetingRequests.declarations(id), db) { $0.declaration() }, entity: "declarationOfInterest",
                write: { try DeclarationRecord($0).save(db) }, delete: { try DeclarationRecord($0).delete(db) }, by: actor, at: date, db)
            // A minute held as exempt stays exempt unless it was released, whatever the working copy says (fail closed).
            let items = try minutes.items.map { try exemption.guarded($0) }
            let heldItems = try readable(MeetingRequests.minuteItems(id), db) { try $0.minuteItem() }
            try Self.replace(
                items, held: heldItems, entity: "minuteItem", write: { try MinuteItemRecord($0).save(db) }, delete: { try MinuteItemRecord($0).delete(db) },
                by: actor, at: date, db)
            var exempt = Set(items.filter(\.access.isExempt).map(\.number))
            for minute in try exemption.minutesOfExemptItems(in: [id.rawValue]) {
                let before = try MinuteItemRecord.fetchOne(db, key: minute.id.rawValue)?.minuteItem()
                try MinuteItemRecord(minute).update(db)
                try Audit.record(.updated, "minuteItem", minute.id.rawValue, before: before, after: minute, by: actor, at: date, in: db)
                exempt.insert(minute.number)
            }
            // The public tracker never carries a resolution of an exempt minute (one held exempt, or one that records an
            // exempt item of the meeting): the clerk unmarks it, and nothing is published until then.
            if let marked = minutes.recommendations.first(where: { exempt.contains($0.minute) }) {
                throw StoreError.invalid(
                    "Minute \(marked.minute) is exempt, so its resolution cannot go into the public tracker as a recommendation: unmark it, then publish.")
            }
            for warning in exemption.warnings {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO recordWarning (entity, entityId, message, source) VALUES (?, ?, ?, ?)",
                    arguments: [warning.entity, warning.entityId, warning.message, "minutes published by \(actor)"])
            }
            // Marked resolutions enter the tracker; one already there (made earlier, or imported) is left as it is.
            var added: Set<String> = []
            for marked in minutes.recommendations {
                guard let recommendation = minutes.recommendation(marked, committee: meeting.committee, meetingDay: meeting.start.day),
                    try RecommendationRecord.fetchOne(db, key: recommendation.id.rawValue) == nil
                else { continue }
                try RecommendationRecord(recommendation).insert(db)
                try Audit.record(.created, "recommendation", recommendation.id.rawValue, before: Recommendation?.none, after: recommendation, by: actor, at: date, in: db)
                added.insert(recommendation.id.rawValue)
            }
            if !added.isEmpty { try ChaseDates.refresh(recommendations: added, in: db) }
            // The minutes these confirm become approved, and which meeting approved them is kept.
            if let approved = minutes.approves, var previous = try MeetingRecord.fetchOne(db, key: approved.rawValue)?.meeting() {
                switch previous.status {
                case .held(let end):
                    let before = previous
                    previous.status = .minutesApproved(endedAt: end)
                    try MeetingRecord(previous).update(db)
                    try Audit.record(.updated, "meeting", previous.id.rawValue, before: before, after: previous, by: actor, at: date, in: db)
                case .minutesApproved: break
                default:
                    throw StoreError.invalid("The minutes of \(previous.start.day.councilStyle) have not been published, so this meeting cannot approve them.")
                }
                try db.execute(
                    sql: "INSERT INTO minutesApproval (meetingId, approvedAtMeetingId) VALUES (?, ?) ON CONFLICT(meetingId) DO UPDATE SET approvedAtMeetingId = excluded.approvedAtMeetingId",
                    arguments: [approved.rawValue, id.rawValue])
            }
            let before = meeting
            meeting.status = .held(endedAt: minutes.endedAt)
            if meeting != before {
                try MeetingRecord(meeting).update(db)
                try Audit.record(.updated, "meeting", id.rawValue, before: before, after: meeting, by: actor, at: date, in: db)
            }
            try SearchIndex.refresh(
                ["meeting": [id.rawValue], "minuteItem": Set(heldItems.map(\.id.rawValue) + items.map(\.id.rawValue)), "recommendation": added], in: db)
            minutes.markPublished(as: try Self.workingMinutes(of: meeting, db, ignoringDraft: true))
            try Self.writeDraft(minutes, db)
            return minutes
        }
    }

    /// Writes `records` over `held`: new and changed ones saved, those no longer there deleted, each audited.
    private static func replace<Value: Identifiable & Encodable & Equatable>(
        _ records: [Value], held: [Value], entity: String, write: (Value) throws -> Void, delete: (Value) throws -> Void, by actor: String, at date: Date,
        _ db: Database
    ) throws where Value.ID: RawRepresentable, Value.ID.RawValue == String {
        let before = Dictionary(held.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let kept = Set(records.map(\.id))
        for old in held where !kept.contains(old.id) {
            try delete(old)
            try Audit.record(.deleted, entity, old.id.rawValue, before: old, after: Value?.none, by: actor, at: date, in: db)
        }
        for record in records where before[record.id] != record {
            try write(record)
            try Audit.record(before[record.id] == nil ? .created : .updated, entity, record.id.rawValue, before: before[record.id], after: record, by: actor, at: date, in: db)
        }
    }

    /// The meeting, if its minutes can still be written: not once it is cancelled, nor once its minutes are approved.
    private static func minutableMeeting(_ id: Meeting.ID, _ db: Database) throws -> Meeting {
        guard let meeting = try MeetingRecord.fetchOne(db, key: id.rawValue)?.meeting() else { throw StoreError.notFound(entity: "meeting", id: id.rawValue) }
        switch meeting.status {
        case .cancelled: throw StoreError.invalid("This meeting was cancelled, so it has no minutes.")
        case .minutesApproved: throw StoreError.invalid("These minutes have been approved as a correct record and signed: they can no longer be changed.")
        default: return meeting
        }
    }

    /// The working copy, or the minutes as the public record holds them. A minute released from exemption since the
    /// working copy was written is open in it too.
    static func workingMinutes(of meeting: Meeting, _ db: Database, ignoringDraft: Bool = false) throws -> Minutes {
        if !ignoringDraft, let text = try String.fetchOne(db, sql: "SELECT minutes FROM minutesDraft WHERE meetingId = ?", arguments: [meeting.id.rawValue]) {
            var minutes: Minutes
            do {
                minutes = try JSONDecoder().decode(Minutes.self, from: Data(text.utf8))
            } catch {
                throw StoreError.corruptRow(table: "minutesDraft", id: meeting.id.rawValue, reason: "the working minutes cannot be read")
            }
            for id in minutes.publishedExempt {
                if let row = try MinuteItemRecord.fetchOne(db, key: id.rawValue), !(try row.access.isExempt) { minutes.released(id) }
            }
            return minutes
        }
        return Minutes(
            publishedFor: meeting, attendance: try readable(MeetingRequests.attendance(meeting.id), db) { try $0.attendance() },
            declarations: try readable(MeetingRequests.declarations(meeting.id), db) { $0.declaration() },
            items: try readable(MeetingRequests.minuteItems(meeting.id), db) { try $0.minuteItem() })
    }

    /// One after the highest minute number of the committee's meetings earlier in the meeting's municipal year.
    static func firstMinuteNumber(of meeting: Meeting, _ db: Database) throws -> Int {
        let rules = try Row.fetchOne(
            db, sql: "SELECT authority.* FROM authority JOIN committee ON committee.authorityId = authority.id WHERE committee.id = ?",
            arguments: [meeting.committee.rawValue]
        ).flatMap { try? AuthorityRecord(row: $0).rules } ?? .standard
        let start = rules.municipalYearStart(of: meeting.start.day)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT meeting.startDay AS day, max(minuteItem.number) AS number FROM minuteItem JOIN meeting ON meeting.id = minuteItem.meetingId
                WHERE meeting.committeeId = ? AND meeting.startDay >= ? AND meeting.startDay < ? GROUP BY meeting.id
                """, arguments: [meeting.committee.rawValue, start.iso, meeting.start.day.iso])
        let earlier = rows.compactMap { row -> (day: CalendarDay, number: Int)? in
            guard let day = CalendarDay(iso: row["day"] as String), let number = row["number"] as Int? else { return nil }
            return (day, number)
        }
        return QuorumDomain.firstMinuteNumber(for: meeting, earlier: earlier, rules: rules)
    }

    private static func writeDraft(_ minutes: Minutes, _ db: Database) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try db.execute(
            sql: "INSERT INTO minutesDraft (meetingId, minutes) VALUES (?, ?) ON CONFLICT(meetingId) DO UPDATE SET minutes = excluded.minutes",
            arguments: [minutes.meeting.rawValue, String(decoding: try encoder.encode(minutes), as: UTF8.self)])
    }
}

extension SQLiteStore {
    public func scorecardPapers(of id: Committee.ID, from: CalendarDay, to: CalendarDay) async throws -> ScorecardPapers? {
        try await pageReaders.read { db in
            guard let committee = try CommitteeRecord.fetchOne(db, key: id.rawValue)?.committee() else { return nil }
            let rules = try AuthorityRecord.fetchOne(db, key: committee.authority.rawValue)?.rules ?? .standard
            // The period's meetings and the first after it, whose meeting may approve the period's last minutes.
            let after = try String.fetchOne(
                db, sql: "SELECT min(startDay) FROM meeting WHERE committeeId = ? AND startDay > ? AND status <> 'cancelled'", arguments: [id.rawValue, to.iso])
            let meetings = try readable(
                MeetingRecord.filter(Column("committeeId") == id.rawValue && Column("startDay") >= from.iso && Column("startDay") <= (after ?? to.iso))
                    .order(Column("startDay"), Column("startTime")), db
            ) { try $0.meeting() }
            let ids = meetings.map(\.id.rawValue)
            let publications = try Self.publications(sql: "meetingId IN (SELECT id FROM meeting WHERE committeeId = ?)", id.rawValue, db)
                .filter { ids.contains($0.meeting.rawValue) }
            let questions = try readable(QuestionRecord.filter(ids.contains(Column("meetingId"))).order(Column("meetingId"), Column("id")), db) { try $0.question() }
            var approvals: [Meeting.ID: Meeting.ID] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT meetingId, approvedAtMeetingId FROM minutesApproval WHERE meetingId IN (SELECT id FROM meeting WHERE committeeId = ?)",
                arguments: [id.rawValue])
            {
                approvals[.init(row["meetingId"] as String)] = .init(row["approvedAtMeetingId"] as String)
            }
            let recommendations = try readable(
                RecommendationRecord.filter(Column("committeeId") == id.rawValue && Column("meetingDay") >= from.iso && Column("meetingDay") <= to.iso)
                    .order(Column("meetingDay"), Column("id")), db
            ) { try $0.recommendation() }
            return ScorecardPapers(
                committee: committee, rules: rules, meetings: meetings, publications: publications, questions: questions, approvals: approvals,
                recommendations: recommendations)
        }
    }
}
