public import Foundation
import GRDB
import GRDBSQLite
import Synchronization
public import QuorumDomain
public import QuorumStorage

/// The council record in one SQLite file: WAL mode so the website reads while an import writes,
/// foreign keys on, and one migration history.
public struct SQLiteStore: QuorumStore {
    /// Read-only connections for a page's reads, run on the thread that asks (see `PageReaders`). Declared before the
    /// pool so that they close first: the pool's writer, closing last, folds the journal into the file and removes it.
    let pageReaders: PageReaders
    let writer: any DatabaseWriter
    /// The tracker's summaries, kept until the record changes.
    let summaries = SummaryMemo()
    /// The file the store lives in.
    public let path: String

    /// Opens (creating if need be) the database at `path` and brings its schema up to date.
    /// A database written by a newer Quorum is refused before anything in it is touched. `onStatement`, when given,
    /// hears the SQL of every statement run (tests count them).
    public init(path: String, onStatement: (@Sendable (String) -> Void)? = nil) throws {
        self.path = path
        if FileManager.default.fileExists(atPath: path) {
            try SQLiteStore.refuseNewerSchema(at: path)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        configuration.prepareDatabase { db in
            // 8 MB of pages per connection rather than SQLite's 2 MB: a page's reads mostly stay in memory.
            try db.execute(sql: "PRAGMA cache_size = -8000")
            // Pages are read from the file mapped into memory rather than copied into each connection's cache.
            try db.execute(sql: "PRAGMA mmap_size = 268435456")
            if let onStatement { db.trace(options: .statement) { onStatement($0.description) } }
        }
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StoreError.cannotOpen(path: path, reason: SQLiteStore.explain(error))
        }
        try Schema.migrator.migrate(writer)
        var readOnly = configuration
        readOnly.readonly = true
        // A reader waits for a lock only while another process recovers the journal after a crash: briefly, since it
        // waits on one of the server's few threads.
        readOnly.busyMode = .timeout(0.25)
        // A request's reads may share one transaction, left open between them (`PageReaders.holdingOneRead`).
        readOnly.allowsUnsafeTransactions = true
        pageReaders = PageReaders(path: path, configuration: readOnly)
    }

    /// The migrations this version of Quorum knows, oldest first.
    public static var knownMigrations: [String] { Schema.migrator.migrations }

    /// The migrations applied to this database, oldest first.
    public func appliedMigrations() throws -> [String] {
        try writer.read { db in try Schema.migrator.appliedMigrations(db) }
    }

    private static func refuseNewerSchema(at path: String) throws {
        var configuration = Configuration()
        configuration.readonly = true
        let unknown: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            unknown = try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                let applied = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
                let known = Set(Schema.migrator.migrations)
                return applied.filter { !known.contains($0) }
            }
            try queue.close()
        } catch {
            throw StoreError.cannotOpen(path: path, reason: explain(error))
        }
        if !unknown.isEmpty { throw StoreError.newerSchema(path: path, unknownMigrations: unknown) }
    }

    private static func explain(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "\(error)" }
        return "\(error)"
    }
}

extension SQLiteStore {
    @discardableResult
    public func save(_ batch: RecordBatch, by actor: String, at date: Date) async throws -> SaveSummary {
        try await writer.write { db in try SQLiteStore.write(batch, in: db, by: actor, at: date) }
    }

    /// Writes `batch` inside the caller's transaction.
    static func write(_ batch: RecordBatch, in db: Database, by actor: String, at date: Date, deleting deletions: [String: [String]] = [:]) throws -> SaveSummary {
        var writer = BatchWriter(db: db, actor: actor, at: date)
        // Exempt information stays exempt whatever a later paper says (fail closed); what was kept is flagged.
        var exemption = ExemptionGuard(db: db)
        let agendaItems = try batch.agendaItems.map { try exemption.guarded($0) }
        let reports = try batch.reports.map { try exemption.guarded($0) }
        let minuteItems = try batch.minuteItems.map { try exemption.guarded($0) }
        try writer.upsert(batch.authorities.map(AuthorityRecord.init))
        try writer.upsert(batch.people.map(PersonRecord.init))
        try writer.upsert(batch.committees.map(CommitteeRecord.init))
        try writer.upsert(batch.memberships.map(MembershipRecord.init))
        try writer.upsert(batch.meetings.map(MeetingRecord.init))
        try writer.upsert(agendaItems.map(AgendaItemRecord.init))
        try writer.upsert(reports.map(ReportRecord.init))
        try writer.upsert(batch.attendance.map(AttendanceRecord.init))
        try writer.upsert(batch.declarations.map(DeclarationRecord.init))
        try writer.upsert(batch.questions.map(QuestionRecord.init))
        try writer.upsert(minuteItems.map(MinuteItemRecord.init))
        try writer.upsert(batch.recommendations.map(RecommendationRecord.init))
        try writer.upsert(batch.workProgrammeSessions.map(WorkProgrammeSessionRecord.init))
        try writer.upsert(batch.workProgrammeItems.map(WorkProgrammeItemRecord.init))
        try writer.upsert(batch.forwardPlan.map(ForwardPlanEntryRecord.init))
        try writer.upsert(batch.actions.map(CommitteeActionRecord.init))
        try mergePlans(batch.improvementPlans, by: actor, at: date, db, summary: &writer.summary)
        for (table, ids) in deletions.sorted(by: { $0.key < $1.key }) { try writer.delete(ids, from: table) }
        let meetings = Set(agendaItems.map(\.meeting.rawValue) + minuteItems.map(\.meeting.rawValue))
        try writer.upsert(try exemption.minutesOfExemptItems(in: meetings).map(MinuteItemRecord.init))
        // A council's new rules move every due date it computes; otherwise only the recommendations written move.
        if writer.touched["authority"]?.isEmpty == false {
            try ChaseDates.refresh(recommendations: nil, in: db)
        } else if let written = writer.touched["recommendation"] {
            try ChaseDates.refresh(recommendations: written, in: db)
        }
        try SearchIndex.refresh(writer.touched, in: db)
        try SearchIndex.forget(writer.deleted, in: db)
        for warning in batch.warnings + exemption.warnings {
            try db.execute(
                sql: "INSERT OR IGNORE INTO recordWarning (entity, entityId, message, source) VALUES (?, ?, ?, ?)",
                arguments: [warning.entity, warning.entityId, warning.message, warning.source])
        }
        return writer.summary
    }
}

/// Each recommendation's `chaseBy` column: the day its answer is due by (`Recommendation.effectiveDueDate`), kept
/// beside the record so that "overdue" is a query, not a computation over every unanswered recommendation.
enum ChaseDates {
    /// Recomputes the column for these recommendations, or for all of them.
    static func refresh(recommendations ids: Set<String>?, in db: Database) throws {
        var rules: [String: DeadlineRules] = [:]
        // An authority row that cannot be read (one written before its rules were stored) counts with the standard rules.
        for row in try Row.fetchAll(db, sql: "SELECT * FROM authority") {
            if let authority = try? AuthorityRecord(row: row) { rules[authority.id] = authority.rules }
        }
        let committees = Dictionary(
            try Row.fetchAll(db, sql: "SELECT id, authorityId FROM committee").map { ($0["id"] as String, $0["authorityId"] as String) },
            uniquingKeysWith: { a, _ in a })
        let request = ids.map { RecommendationRecord.filter(keys: $0.sorted()) } ?? RecommendationRecord.all()
        for record in try request.fetchAll(db) {
            guard let recommendation = try? record.recommendation() else { continue }
            let authorityRules = committees[record.committeeId].flatMap { rules[$0] } ?? .standard
            try db.execute(
                sql: "UPDATE recommendation SET chaseBy = ? WHERE id = ?",
                arguments: [recommendation.effectiveDueDate(rules: authorityRules)?.iso, record.id])
        }
    }
}

/// A row type with a text primary key named `id`.
protocol StoredRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    var id: String { get }
}

extension AuthorityRecord: StoredRecord {}
extension PersonRecord: StoredRecord {}
extension CommitteeRecord: StoredRecord {}
extension MembershipRecord: StoredRecord {}
extension MeetingRecord: StoredRecord {}
extension AgendaItemRecord: StoredRecord {}
extension ReportRecord: StoredRecord {}
extension AttendanceRecord: StoredRecord {}
extension DeclarationRecord: StoredRecord {}
extension QuestionRecord: StoredRecord {}
extension MinuteItemRecord: StoredRecord {}
extension RecommendationRecord: StoredRecord {}
extension WorkProgrammeSessionRecord: StoredRecord {}
extension WorkProgrammeItemRecord: StoredRecord {}
extension ForwardPlanEntryRecord: StoredRecord {}
extension CommitteeActionRecord: StoredRecord {}

/// Writes rows inside one transaction, skipping unchanged ones and auditing the rest.
struct BatchWriter {
    let db: Database
    let actor: String
    let at: Date
    var summary = SaveSummary()
    /// The ids of the rows created or updated, by table.
    var touched: [String: Set<String>] = [:]
    /// The ids of the rows deleted, by table.
    var deleted: [String: Set<String>] = [:]

    /// Deletes rows by id, auditing each, and takes them out of the search index.
    mutating func delete(_ ids: [String], from table: String) throws {
        for id in ids.sorted() {
            try db.execute(sql: "DELETE FROM \(table) WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { continue }
            try audit(.deleted, table, id, "")
            deleted[table, default: []].insert(id)
        }
    }

    mutating func upsert<Row: StoredRecord>(_ rows: [Row]) throws {
        for row in rows {
            if let existing = try Row.fetchOne(db, key: row.id) {
                let changed = try row.databaseChanges(from: existing).keys.sorted()
                if changed.isEmpty {
                    summary.unchanged += 1
                    continue
                }
                try row.update(db)
                touched[Row.databaseTableName, default: []].insert(row.id)
                try audit(.updated, Row.databaseTableName, row.id, changed.joined(separator: ", "))
                summary.updated += 1
            } else {
                try row.insert(db)
                touched[Row.databaseTableName, default: []].insert(row.id)
                try audit(.created, Row.databaseTableName, row.id, "")
                summary.created += 1
            }
        }
    }

    func audit(_ action: AuditEntry.Action, _ entity: String, _ id: String, _ changes: String) throws {
        try Audit.record(action, entity, id, changes: changes, by: actor, at: at, in: db)
    }
}

/// Connections that read on the caller's own thread. A read through the pool hops to the reader's queue and back,
/// which cost a page about as much as its queries; these run inline. Cancelling the task, or the request's `ReadStop`
/// (the page time limit, a visitor who has gone), stops the statement running. A search stays on the pool, where no
/// server thread waits for it while it runs.
final class PageReaders: Sendable {
    private let path: String
    private let configuration: Configuration
    private let idle = Mutex<[DatabaseQueue]>([])

    init(path: String, configuration: Configuration) {
        self.path = path
        self.configuration = configuration
    }

    /// The connection, and its open read transaction, that every read made while `holdingOneRead` runs goes through:
    /// taken, and the transaction begun, by the first of them, so a request that reads nothing costs nothing.
    private final class Held: Sendable {
        enum State {
            case waiting
            case reading(DatabaseQueue)
            /// Its request is over: a read made later (by a task that outlived it) reads on its own.
            case ended
        }
        let readers: ObjectIdentifier
        let state = Mutex<State>(.waiting)
        init(of readers: PageReaders) { self.readers = ObjectIdentifier(readers) }
    }

    @TaskLocal private static var held: Held?

    /// Runs `body` in one read transaction on an idle connection, opening one when none is idle (no caller ever
    /// waits for another). At most eight stay open afterwards. Within `holdingOneRead`, it runs in that transaction.
    func read<T>(_ body: (Database) throws -> T) async throws -> T {
        try Task.checkCancellation()
        let checks = ReadChecks()
        if let held = Self.held, held.readers == ObjectIdentifier(self),
            let queue = try held.state.withLock({ state -> DatabaseQueue? in
                switch state {
                case .reading(let queue): return queue
                case .ended: return nil
                case .waiting:
                    let taken = try take()
                    // Deferred: SQLite takes the transaction's snapshot at its first read. It is begun here, once, so
                    // that no read can begin one after the request has ended it.
                    try taken.inDatabase { db in try db.beginTransaction(.deferred) }
                    state = .reading(taken)
                    return taken
                }
            })
        {
            return try await withTaskCancellationHandler {
                try queue.inDatabase { db in try checks.running(body, db) }
            } onCancel: {
                checks.cancel()
            }
        }
        let queue = try take()
        defer { giveBack(queue) }
        return try await withTaskCancellationHandler {
            try queue.read { db in try checks.running(body, db) }
        } onCancel: {
            checks.cancel()
        }
    }

    /// Runs `body` so that every read it makes through these connections is one read transaction: they all see the
    /// record as it was at the first of them, whatever is written meanwhile. Nested, it is the outer one's.
    func holdingOneRead<T>(_ body: () async throws -> T) async throws -> T {
        if let held = Self.held, held.readers == ObjectIdentifier(self) { return try await body() }
        let held = Held(of: self)
        defer {
            // A connection whose transaction could not be ended is closed, never left to others on an old snapshot.
            if case .reading(let queue) = held.state.withLock({ state in defer { state = .ended }; return state }),
                (try? queue.inDatabase { db in
                    if db.isInsideTransaction { try db.commit() }
                    return !db.isInsideTransaction
                }) == true
            {
                giveBack(queue)
            }
        }
        return try await Self.$held.withValue(held) { try await body() }
    }

    private func take() throws -> DatabaseQueue {
        try idle.withLock { $0.popLast() } ?? DatabaseQueue(path: path, configuration: configuration)
    }

    /// Keeps `queue` for the next read, unless eight are kept already. It is never inside a transaction: `read`'s are
    /// ended by GRDB, and a held one is ended, or its connection closed, before it comes back.
    private func giveBack(_ queue: DatabaseQueue) {
        idle.withLock { if $0.count < 8 { $0.append(queue) } }
    }

}

/// What SQLite asks, every thousand steps of a statement, to know whether the read may go on: whether its task was
/// cancelled, or its request stopped (`ReadStop.current` when the read began). Either stops it at any moment, even
/// before the first statement starts, which an interrupt then would not reach.
final class ReadChecks: Sendable {
    private let cancelled = Atomic<Bool>(false)
    private let request = ReadStop.current

    func cancel() { cancelled.store(true, ordering: .relaxed) }

    private var shouldStop: Bool { cancelled.load(ordering: .relaxed) || (request?.isStopped ?? false) }

    /// `body` on `db`, with SQLite checking as it goes.
    func running<T>(_ body: (Database) throws -> T, _ db: Database) throws -> T {
        if shouldStop { throw CancellationError() }
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_progress_handler(
            db.sqliteConnection, 1000, { context in Unmanaged<ReadChecks>.fromOpaque(context!).takeUnretainedValue().shouldStop ? 1 : 0 }, context)
        defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
        return try withExtendedLifetime(self) { try body(db) }
    }
}
