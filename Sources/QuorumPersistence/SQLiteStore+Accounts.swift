public import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

struct AccountRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "account"
    var id: String
    var email: String
    var name: String
    var role: String
    var answersFor: [String]
    var isDisabled: Bool
    var passwordHash: String

    init(_ user: User, passwordHash: String) {
        id = user.id.rawValue
        email = user.email
        name = user.name
        role = user.role.rawValue
        answersFor = user.answersFor
        isDisabled = user.isDisabled
        self.passwordHash = passwordHash
    }

    func user() throws -> User {
        guard let role = User.Role(rawValue: role) else {
            throw StoreError.corruptRow(table: Self.databaseTableName, id: id, reason: "role ‘\(role)’ is not one Quorum knows")
        }
        return User(email: email, name: name, role: role, answersFor: answersFor, isDisabled: isDisabled)
    }
}

extension SQLiteStore {
    public func users() async throws -> [User] {
        try await pageReaders.read { db in try readable(AccountRecord.order(Column("name"), Column("id")), db) { try $0.user() } }
    }

    public func user(_ id: User.ID) async throws -> User? {
        try await pageReaders.read { db in try AccountRecord.fetchOne(db, key: id.rawValue)?.user() }
    }

    public func credentials(email: String) async throws -> Credentials? {
        try await pageReaders.read { db in
            try AccountRecord.fetchOne(db, key: User.id(forEmail: email).rawValue).map { Credentials(user: try $0.user(), passwordHash: $0.passwordHash) }
        }
    }

    public func addUser(_ user: User, passwordHash: String, by actor: String, at date: Date) async throws {
        try await writer.write { db in
            guard try AccountRecord.fetchOne(db, key: user.id.rawValue) == nil else {
                throw StoreError.invalid("There is already an account for \(user.email).")
            }
            try AccountRecord(user, passwordHash: passwordHash).insert(db)
            try Audit.record(.created, "account", user.id.rawValue, before: User?.none, after: user, by: actor, at: date, in: db)
        }
    }

    public func updateUser(_ user: User, by actor: String, at date: Date) async throws {
        try await writer.write { db in
            guard let held = try AccountRecord.fetchOne(db, key: user.id.rawValue) else { throw StoreError.notFound(entity: "account", id: user.email) }
            let before = try held.user()
            guard before != user else { return }
            try AccountRecord(user, passwordHash: held.passwordHash).update(db)
            if user.isDisabled { try db.execute(sql: "DELETE FROM accountSession WHERE accountId = ?", arguments: [user.id.rawValue]) }
            try Audit.record(.updated, "account", user.id.rawValue, before: before, after: user, by: actor, at: date, in: db)
        }
    }

    public func setPassword(of id: User.ID, passwordHash: String, by actor: String, at date: Date) async throws {
        try await writer.write { db in
            guard var held = try AccountRecord.fetchOne(db, key: id.rawValue) else { throw StoreError.notFound(entity: "account", id: id.rawValue) }
            held.passwordHash = passwordHash
            try held.update(db)
            try db.execute(sql: "DELETE FROM accountSession WHERE accountId = ?", arguments: [id.rawValue])
            // The hash itself is never written to the log.
            try Audit.record(.updated, "account", id.rawValue, changes: "password", by: actor, at: date, in: db)
        }
    }

    public func startSession(_ session: UserSession) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO accountSession (tokenHash, accountId, csrfToken, startedAt, lastSeenAt) VALUES (?, ?, ?, ?, ?)",
                arguments: [session.tokenHash, session.user.id.rawValue, session.csrfToken, session.startedAt, session.lastSeenAt])
        }
    }

    public func session(tokenHash: String, now: Date, idle: TimeInterval) async throws -> UserSession? {
        // Most requests of a session only read: it is written when it has expired (deleted) or, at most once a
        // minute, to record that it was used.
        let found = try await pageReaders.read { db -> (session: UserSession, lastSeen: Date, usable: Bool)? in
            // Statements prepared once per connection: every signed-in request runs them.
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM accountSession WHERE tokenHash = ?"), arguments: [tokenHash]),
                let account = try byID(AccountRecord.self, row["accountId"], db)
            else { return nil }
            let lastSeen: Date = row["lastSeenAt"]
            let session = UserSession(tokenHash: tokenHash, user: try account.user(), csrfToken: row["csrfToken"], startedAt: row["startedAt"], lastSeenAt: now)
            return (session, lastSeen, now.timeIntervalSince(lastSeen) <= idle && !account.isDisabled)
        }
        guard let found else { return nil }
        guard found.usable else {
            try await endSession(tokenHash: tokenHash)
            return nil
        }
        if now.timeIntervalSince(found.lastSeen) > 60 {
            try await writer.write { db in
                try db.execute(sql: "UPDATE accountSession SET lastSeenAt = ? WHERE tokenHash = ?", arguments: [now, tokenHash])
            }
        }
        return found.session
    }

    public func endSession(tokenHash: String) async throws {
        try await writer.write { db in try db.execute(sql: "DELETE FROM accountSession WHERE tokenHash = ?", arguments: [tokenHash]) }
    }

    public func addApiToken(for user: User.ID, name: String, tokenHash: String, by actor: String, at date: Date) async throws -> ApiToken {
        try await writer.write { db in
            guard try AccountRecord.fetchOne(db, key: user.rawValue) != nil else { throw StoreError.notFound(entity: "account", id: user.rawValue) }
            try db.execute(
                sql: "INSERT INTO apiToken (accountId, name, tokenHash, createdAt) VALUES (?, ?, ?, ?)",
                arguments: [user.rawValue, name, tokenHash, date])
            let token = ApiToken(id: db.lastInsertedRowID, user: user, name: name, createdAt: date)
            try Audit.record(.created, "apiToken", String(token.id), before: ApiToken?.none, after: token, by: actor, at: date, in: db)
            return token
        }
    }

    public func apiTokens() async throws -> [ApiToken] {
        try await pageReaders.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM apiToken ORDER BY createdAt DESC, id DESC").map(Self.apiToken)
        }
    }

    public func revokeApiToken(_ id: Int64, by actor: String, at date: Date) async throws {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM apiToken WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(entity: "apiToken", id: String(id))
            }
            let before = Self.apiToken(row)
            guard before.revokedAt == nil else { return }
            var after = before
            after.revokedAt = date
            try db.execute(sql: "UPDATE apiToken SET revokedAt = ? WHERE id = ?", arguments: [date, id])
            try Audit.record(.updated, "apiToken", String(id), before: before, after: after, by: actor, at: date, in: db)
        }
    }

    public func apiTokenUser(tokenHash: String, now: Date) async throws -> User? {
        let found = try await pageReaders.read { db -> (user: User, id: Int64, lastUsed: Date?)? in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM apiToken WHERE tokenHash = ? AND revokedAt IS NULL"), arguments: [tokenHash]),
                let account = try byID(AccountRecord.self, row["accountId"], db), !account.isDisabled
            else { return nil }
            return (try account.user(), row["id"], row["lastUsedAt"])
        }
        guard let found else { return nil }
        if found.lastUsed.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            try await writer.write { db in try db.execute(sql: "UPDATE apiToken SET lastUsedAt = ? WHERE id = ?", arguments: [now, found.id]) }
        }
        return found.user
    }

    private static func apiToken(_ row: Row) -> ApiToken {
        ApiToken(
            id: row["id"], user: .init(row["accountId"] as String), name: row["name"], createdAt: row["createdAt"], lastUsedAt: row["lastUsedAt"],
            revokedAt: row["revokedAt"])
    }

    public func recordSignInAttempt(email: String, address: String, succeeded: Bool, at date: Date) async throws {
        try await writer.write { db in
            try db.execute(
                sql: "INSERT INTO signInAttempt (email, address, succeeded, at) VALUES (?, ?, ?, ?)",
                arguments: [email.lowercased(), address, succeeded, date])
            // Attempts older than a day count for nothing.
            try db.execute(sql: "DELETE FROM signInAttempt WHERE at < ?", arguments: [date.addingTimeInterval(-86_400)])
        }
    }

    public func failedSignIns(email: String, address: String, since: Date) async throws -> FailedSignIns {
        try await pageReaders.read { db in
            func failures(_ column: String, _ value: String) throws -> Int {
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM signInAttempt WHERE \(column) = ? AND NOT succeeded AND at >= ?
                        AND at > coalesce((SELECT max(at) FROM signInAttempt WHERE \(column) = ? AND succeeded), '')
                        """, arguments: [value, since, value]) ?? 0
            }
            return FailedSignIns(account: try failures("email", email.lowercased()), address: try failures("address", address))
        }
    }

    @discardableResult
    public func updateRecommendation(
        _ id: Recommendation.ID, by actor: String, at date: Date, _ change: @escaping @Sendable (inout Recommendation) throws -> Void
    ) async throws -> Recommendation {
        try await writer.write { db in
            guard let held = try RecommendationRecord.fetchOne(db, key: id.rawValue)?.recommendation() else {
                throw StoreError.notFound(entity: "recommendation", id: id.rawValue)
            }
            var changed = held
            try change(&changed)
            guard changed.id == held.id else { throw StoreError.invalid("A recommendation's identity cannot be changed.") }
            guard changed != held else { return held }
            try RecommendationRecord(changed).update(db)
            try ChaseDates.refresh(recommendations: [id.rawValue], in: db)
            try SearchIndex.refresh(["recommendation": [id.rawValue]], in: db)
            try Audit.record(.updated, "recommendation", id.rawValue, before: held, after: changed, by: actor, at: date, in: db)
            return changed
        }
    }

    public func addRecommendation(_ recommendation: Recommendation, by actor: String, at date: Date) async throws {
        try await writer.write { db in
            guard try CommitteeRecord.fetchOne(db, key: recommendation.committee.rawValue) != nil else {
                throw StoreError.notFound(entity: "committee", id: recommendation.committee.rawValue)
            }
            guard try RecommendationRecord.fetchOne(db, key: recommendation.id.rawValue) == nil else {
                throw StoreError.invalid("There is already a recommendation \(recommendation.number) on “\(recommendation.topic)” from that meeting.")
            }
            try RecommendationRecord(recommendation).insert(db)
            try ChaseDates.refresh(recommendations: [recommendation.id.rawValue], in: db)
            try SearchIndex.refresh(["recommendation": [recommendation.id.rawValue]], in: db)
            try Audit.record(.created, "recommendation", recommendation.id.rawValue, before: Recommendation?.none, after: recommendation, by: actor, at: date, in: db)
        }
    }

    public func addMeetings(_ meetings: [Meeting], by actor: String, at date: Date) async throws {
        try await writer.write { db in
            for meeting in meetings {
                guard try CommitteeRecord.fetchOne(db, key: meeting.committee.rawValue) != nil else {
                    throw StoreError.notFound(entity: "committee", id: meeting.committee.rawValue)
                }
                // Its address is its first day: a meeting first set for that day and since moved still holds it.
                if let held = try MeetingRecord.fetchOne(db, key: meeting.id.rawValue)?.meeting() {
                    throw StoreError.invalid(
                        held.start.day == meeting.start.day
                            ? "The committee already meets on \(meeting.start.day.councilStyle)."
                            : "The committee's meeting first set for \(meeting.start.day.councilStyle) was moved to \(held.start.day.councilStyle); move it back rather than add another.")
                }
                try Self.refuseSecondMeeting(of: meeting, in: db)
                try MeetingRecord(meeting).insert(db)
                try Audit.record(.created, "meeting", meeting.id.rawValue, before: Meeting?.none, after: meeting, by: actor, at: date, in: db)
            }
        }
    }

    @discardableResult
    public func updateMeeting(
        _ id: Meeting.ID, by actor: String, at date: Date, _ change: @escaping @Sendable (inout Meeting) throws -> Void
    ) async throws -> Meeting {
        try await writer.write { db in
            guard let held = try MeetingRecord.fetchOne(db, key: id.rawValue)?.meeting() else { throw StoreError.notFound(entity: "meeting", id: id.rawValue) }
            var changed = held
            try change(&changed)
            guard changed.id == held.id, changed.committee == held.committee else { throw StoreError.invalid("A meeting's identity cannot be changed.") }
            guard changed != held else { return held }
            if changed.start.day != held.start.day { try Self.refuseSecondMeeting(of: changed, in: db) }
            if changed.start != held.start || changed.venue != held.venue || changed.status != held.status {
                changed.scheduleRevision = held.scheduleRevision + 1
            }
            try MeetingRecord(changed).update(db)
            // Its papers are indexed under its day: a moved meeting's move with it.
            try SearchIndex.refresh(["meeting": [id.rawValue]], in: db)
            try Audit.record(.updated, "meeting", id.rawValue, before: held, after: changed, by: actor, at: date, in: db)
            return changed
        }
    }

    /// A committee meets at most once a day.
    private static func refuseSecondMeeting(of meeting: Meeting, in db: Database) throws {
        let other = try String.fetchOne(
            db, sql: "SELECT id FROM meeting WHERE committeeId = ? AND startDay = ? AND id <> ?",
            arguments: [meeting.committee.rawValue, meeting.start.day.iso, meeting.id.rawValue])
        if other != nil {
            throw StoreError.invalid("The committee already meets on \(meeting.start.day.councilStyle).")
        }
    }

    public func warningsToCheck(limit: Int) async throws -> (unchecked: [StoredWarning], checked: Int) {
        try await pageReaders.read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, entity, entityId, message, source FROM recordWarning WHERE checkedAt IS NULL ORDER BY id DESC LIMIT ?", arguments: [limit])
            let checked = try Int.fetchOne(db, sql: "SELECT count(*) FROM recordWarning WHERE checkedAt IS NOT NULL") ?? 0
            return (
                rows.map {
                    StoredWarning(id: $0["id"], warning: RecordWarning(entity: $0["entity"], entityId: $0["entityId"], message: $0["message"], source: $0["source"]))
                }, checked
            )
        }
    }

    public func markWarningChecked(_ id: Int64, by actor: String, at date: Date) async throws {
        try await writer.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT entityId, message, checkedAt FROM recordWarning WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(entity: "warning", id: String(id))
            }
            guard (row["checkedAt"] as Date?) == nil else { return }
            try db.execute(sql: "UPDATE recordWarning SET checkedBy = ?, checkedAt = ? WHERE id = ?", arguments: [actor, date, id])
            try Audit.record(.updated, "recordWarning", row["entityId"], changes: "checked: " + (row["message"] as String), by: actor, at: date, in: db)
        }
    }

    public func history(of entityId: String) async throws -> [AuditEntry] {
        try await auditEntries(entityId: entityId, since: nil)
    }

    public func auditEntries(entityId: String?, since: Date?) async throws -> [AuditEntry] {
        try await pageReaders.read { db in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let entityId {
                conditions.append("entityId = ?")
                arguments += [entityId]
            }
            if let since {
                conditions.append("at >= ?")
                arguments += [since]
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            return try Row.fetchAll(db, sql: "SELECT * FROM auditEntry \(filter) ORDER BY id", arguments: arguments).map(Audit.entry)
        }
    }
}

/// The audit log: appended to, never edited.
enum Audit {
    /// A change made through the web or the command line, with the record before and after as JSON.
    static func record(
        _ action: AuditEntry.Action, _ entity: String, _ id: String, before: (some Encodable)?, after: (some Encodable)?, by actor: String,
        at date: Date, in db: Database
    ) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = { (value: (any Encodable)?) throws -> String? in try value.map { String(decoding: try encoder.encode($0), as: UTF8.self) } }
        let beforeJSON = try json(before)
        let afterJSON = try json(after)
        try db.execute(
            sql: "INSERT INTO auditEntry (at, actor, action, entity, entityId, changes, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [date, actor, action.rawValue, entity, id, changedKeys(beforeJSON, afterJSON), beforeJSON, afterJSON])
    }

    /// A change whose values are not written down (a password).
    static func record(_ action: AuditEntry.Action, _ entity: String, _ id: String, changes: String, by actor: String, at date: Date, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO auditEntry (at, actor, action, entity, entityId, changes) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [date, actor, action.rawValue, entity, id, changes])
    }

    /// The top-level fields that differ, comma-separated.
    private static func changedKeys(_ before: String?, _ after: String?) -> String {
        func object(_ json: String?) -> [String: Any] {
            json.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] } ?? [:]
        }
        func canonical(_ value: Any) -> Data? { try? JSONSerialization.data(withJSONObject: [value], options: [.sortedKeys]) }
        let (a, b) = (object(before), object(after))
        return (a.keys.map { $0 } + b.keys.filter { a[$0] == nil }).sorted().filter { key in
            switch (a[key], b[key]) {
            case (nil, nil): false
            case (let x?, let y?): canonical(x) != canonical(y)
            default: true
            }
        }.joined(separator: ", ")
    }

    static func entry(_ row: Row) -> AuditEntry {
        AuditEntry(
            at: row["at"], actor: row["actor"], action: AuditEntry.Action(rawValue: row["action"]) ?? .updated, entity: row["entity"],
            entityId: row["entityId"], changes: row["changes"], before: row["before"], after: row["after"])
    }
}
