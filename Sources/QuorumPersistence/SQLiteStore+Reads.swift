import Foundation
import GRDB
import GRDBSQLite
public import QuorumDomain
public import QuorumStorage

extension SQLiteStore {
    private func all<Row: RowReadable & TableRecord, Value: Sendable>(
        _ request: some FetchRequest<Row> & Sendable, _ convert: @escaping @Sendable (Row) throws -> Value
    ) async throws -> [Value] {
        try await pageReaders.read { db in try readable(request, db, convert) }
    }

    private func one<Row: RowReadable & TableRecord, Value: Sendable>(
        _ id: String, _ type: Row.Type, _ convert: @escaping @Sendable (Row) throws -> Value
    ) async throws -> Value? {
        try await pageReaders.read { db in try byID(Row.self, id, db).map(convert) }
    }

    public func authorities() async throws -> [Authority] {
        try await all(CouncilRequests.authorities, { $0.authority() })
    }

    public func authority(_ id: Authority.ID) async throws -> Authority? {
        try await one(id.rawValue, AuthorityRecord.self, { $0.authority() })
    }

    public func committees() async throws -> [Committee] {
        try await all(CouncilRequests.committees, { $0.committee() })
    }

    public func committee(_ id: Committee.ID) async throws -> Committee? {
        try await one(id.rawValue, CommitteeRecord.self, { $0.committee() })
    }

    public func person(_ id: Person.ID) async throws -> Person? {
        try await one(id.rawValue, PersonRecord.self, { $0.person() })
    }

    public func people(_ ids: [Person.ID]) async throws -> [Person] {
        try await all(PersonRecord.filter(keys: ids.map(\.rawValue)).order(Column("name")), { $0.person() })
    }

    public func memberships(of committee: Committee.ID) async throws -> [Membership] {
        try await all(MembershipRecord.filter(Column("committeeId") == committee.rawValue).order(Column("id")), { try $0.membership() })
            .sorted(by: Membership.inPublishedOrder)
    }

    public func memberships(of person: Person.ID) async throws -> [Membership] {
        try await all(MembershipRecord.filter(Column("personId") == person.rawValue).order(Column("committeeId")), { try $0.membership() })
    }

    public func meetings(of committee: Committee.ID) async throws -> [Meeting] {
        try await all(
            MeetingRecord.filter(Column("committeeId") == committee.rawValue).order(Column("startDay"), Column("startTime")), { try $0.meeting() })
    }

    public func meeting(_ id: Meeting.ID) async throws -> Meeting? {
        try await one(id.rawValue, MeetingRecord.self, { try $0.meeting() })
    }

    public func meetings(_ ids: [Meeting.ID]) async throws -> [Meeting] {
        try await all(MeetingRecord.filter(keys: ids.map(\.rawValue)), { try $0.meeting() }).sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    public func agendaItems(of meeting: Meeting.ID) async throws -> [AgendaItem] {
        try await all(MeetingRequests.agendaItems(meeting), { try $0.agendaItem() })
    }

    public func reports(of meeting: Meeting.ID) async throws -> [Report] {
        try await all(MeetingRequests.reports(meeting), { try $0.report() })
    }

    public func reportCovers(of meeting: Meeting.ID) async throws -> [Report] {
        try await all(MeetingRequests.reportCovers(meeting), { try $0.report() })
    }

    public func report(_ id: Report.ID) async throws -> Report? {
        try await one(id.rawValue, ReportRecord.self, { try $0.report() })
    }

    public func attendance(at meeting: Meeting.ID) async throws -> [Attendance] {
        try await all(MeetingRequests.attendance(meeting), { try $0.attendance() })
    }

    public func declarations(at meeting: Meeting.ID) async throws -> [DeclarationOfInterest] {
        try await all(MeetingRequests.declarations(meeting), { $0.declaration() })
    }

    public func questions(at meeting: Meeting.ID) async throws -> [Question] {
        try await all(MeetingRequests.questions(meeting), { try $0.question() }).sorted(by: Question.inNumberOrder)
    }

    public func minuteItems(of meeting: Meeting.ID) async throws -> [MinuteItem] {
        try await all(MeetingRequests.minuteItems(meeting), { try $0.minuteItem() })
    }

    public func recommendations(of committee: Committee.ID) async throws -> [Recommendation] {
        try await all(
            RecommendationRecord.filter(Column("committeeId") == committee.rawValue).order(Column("meetingDay"), Column("topic"), Column("id")),
            { try $0.recommendation() })
    }

    public func recommendation(_ id: Recommendation.ID) async throws -> Recommendation? {
        try await one(id.rawValue, RecommendationRecord.self, { try $0.recommendation() })
    }

    public func workProgrammeSessions(of committee: Committee.ID) async throws -> [WorkProgrammeSession] {
        try await all(
            WorkProgrammeSessionRecord.filter(Column("committeeId") == committee.rawValue).order(Column("day"), Column("kind")), { try $0.session() })
    }

    public func workProgrammeItems(of committee: Committee.ID) async throws -> [WorkProgrammeItem] {
        try await all(
            WorkProgrammeItemRecord.filter(Column("committeeId") == committee.rawValue).order(Column("sessionId"), Column("id")),
            { try $0.workProgrammeItem() })
    }

    public func forwardPlan(of authority: Authority.ID) async throws -> [ForwardPlanEntry] {
        try await all(
            ForwardPlanEntryRecord.filter(Column("authorityId") == authority.rawValue).order(Column("dueDate"), Column("id")), { try $0.entry() })
    }

    public func actions(of committee: Committee.ID) async throws -> [CommitteeAction] {
        try await all(CommitteeActionRecord.filter(Column("committeeId") == committee.rawValue).order(Column("id")), { try $0.committeeAction() })
    }

    public func warnings(on entityId: String) async throws -> [RecordWarning] {
        try await pageReaders.read { db in
            try Row.fetchAll(db, sql: "SELECT entity, entityId, message, source FROM recordWarning WHERE entityId = ? ORDER BY id", arguments: [entityId])
                .map { RecordWarning(entity: $0["entity"], entityId: $0["entityId"], message: $0["message"], source: $0["source"]) }
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await pageReaders.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Audit.entry)
        }
    }
}

/// The rows of a list that can be read, in order. A row that cannot be decoded (written by something other than
/// Quorum, or damaged) fails only its own page: it is left out of lists, with a line on standard error naming it,
/// unless `mayLeaveOut` says of its row that it may not be.
func readable<Row: RowReadable & TableRecord, Value>(
    _ request: some FetchRequest<Row>, _ db: Database, mayLeaveOut: (RowReader) -> Bool = { _ in true }, _ convert: (Row) throws -> Value
) throws -> [Value] {
    var values: [Value] = []
    let prepared = try request.makePreparedRequest(db, forSingleResult: false)
    guard prepared.adapter == nil else { throw UnsupportedAdapter(sql: prepared.statement.sql) }
    let rows = StatementRows(prepared.statement)
    while let reader = try rows.next() {
        do {
            values.append(try convert(try Row(reading: reader)))
        } catch {
            // Rows read to decide what the public may see are never left out: a page that cannot tell fails.
            guard mayLeaveOut(reader) else { throw error }
            FileHandle.standardError.write(
                Data("quorum: the \(Row.databaseTableName) row ‘\(reader.text("id") ?? "?")’ cannot be read and is left out of lists: \(error)\n".utf8))
        }
    }
    return values
}

/// A request whose rows GRDB would rearrange before they are read (one with associations): rows here are read straight
/// from their statement, so none is used.
struct UnsupportedAdapter: Error, CustomStringConvertible {
    let sql: String
    var description: String { "rows are read straight from their statement, so a request with a row adapter cannot be read: \(sql)" }
}

/// The rows of a statement, each read where it stands by a `RowReader`. GRDB's own row cursor
/// maps every column's lowercased name to its index each time a statement is run, which cost more than reading a
/// meeting's declarations.
final class StatementRows: DatabaseCursor {
    typealias Element = RowReader
    let _statement: Statement
    var _isDone = false
    private let columns: StatementColumns

    init(_ statement: Statement) {
        _statement = statement
        columns = StatementColumns(statement.columnNames)
    }

    /// The rows of `statement` run with `arguments`.
    convenience init(_ statement: Statement, arguments: StatementArguments) throws {
        try statement.setArguments(arguments)
        self.init(statement)
    }

    func _element(sqliteStatement: SQLiteStatement) -> RowReader { RowReader(current: _statement, columns: columns) }

    // A statement left mid-step would hold its read open: reset it when its rows are done with, as GRDB's cursors do.
    deinit { sqlite3_reset(_statement.sqliteStatement) }
}

/// The record with this primary key, by a statement prepared once per connection.
func byID<Record: RowReadable & TableRecord>(_ type: Record.Type, _ id: String, _ db: Database) throws -> Record? {
    try first(Record.self, db.cachedStatement(sql: "SELECT * FROM \(Record.databaseTableName) WHERE id = ?"), [id])
}

/// The first row `statement` gives with `arguments`, read straight from it.
func first<Record: RowReadable>(_ type: Record.Type, _ statement: Statement, _ arguments: StatementArguments) throws -> Record? {
    let rows = try StatementRows(statement, arguments: arguments)
    // The cursor resets the statement when it goes, so it must outlive the reading of its row.
    return try withExtendedLifetime(rows) { try rows.next().map { try Record(reading: $0) } }
}

/// Values as a JSON array, for `json_each(?)`: one statement, however many values. Written here rather than by
/// `JSONEncoder`, whose setting up cost more than the read of a meeting's people it served.
func jsonList(_ values: [Int64]) -> String {
    "[" + values.map(String.init).joined(separator: ",") + "]"
}

/// Texts as a JSON array of strings: quotes, backslashes and control characters escaped as RFC 8259 requires.
func jsonList(_ values: [String]) -> String {
    var json = "["
    for (position, value) in values.enumerated() {
        if position > 0 { json += "," }
        json += "\""
        if !value.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            json += value + "\""
            continue
        }
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\u{00}"..."\u{1F}": json += "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }
    return json + "]"
}

/// The reads of one meeting's records, shared by the methods that read each and by `meetingPapers`, which reads them
/// all in one transaction.
enum MeetingRequests {
    static func agendaItems(_ meeting: Meeting.ID) -> SQLRequest<AgendaItemRecord> {
        cached("SELECT * FROM agendaItem WHERE meetingId = ? ORDER BY position", meeting)
    }
    static func reports(_ meeting: Meeting.ID) -> SQLRequest<ReportRecord> {
        cached("SELECT * FROM report WHERE meetingId = ? ORDER BY id", meeting)
    }
    /// The agenda items of several meetings, named by a JSON list of their ids, each meeting's in order.
    static func agendaItems(in meetings: String) -> SQLRequest<AgendaItemRecord> {
        SQLRequest(
            sql: "SELECT * FROM agendaItem WHERE meetingId IN (SELECT value FROM json_each(?)) ORDER BY meetingId, position", arguments: [meetings],
            cached: true)
    }
    /// The reports' cover fields only: their recommendations, sections, appendices and clearance read as empty.
    static func reportCovers(_ meeting: Meeting.ID) -> SQLRequest<ReportRecord> {
        cached("SELECT \(coverColumns) FROM report WHERE meetingId = ? ORDER BY id", meeting)
    }
    /// The covers of the reports of several meetings, named by a JSON list of their ids.
    static func reportCovers(in meetings: String) -> SQLRequest<ReportRecord> {
        SQLRequest(sql: "SELECT \(coverColumns) FROM report WHERE meetingId IN (SELECT value FROM json_each(?)) ORDER BY id", arguments: [meetings], cached: true)
    }
    private static let coverColumns = """
        id, agendaItemId, meetingId, title, reportBy, isExempt, exemptParagraph, decisionType, wardsAffected, purpose,
        '[]' AS recommendations, '[]' AS sections, '[]' AS appendices, '[]' AS clearance,
        classificationText, cabinetPortfolio, author, democraticServices, requestedMinute, requestedMeetingDay
        """
    static func attendance(_ meeting: Meeting.ID) -> SQLRequest<AttendanceRecord> {
        cached("SELECT * FROM attendance WHERE meetingId = ? ORDER BY position, id", meeting)
    }
    static func declarations(_ meeting: Meeting.ID) -> SQLRequest<DeclarationRecord> {
        cached("SELECT * FROM declarationOfInterest WHERE meetingId = ? ORDER BY id", meeting)
    }
    static func questions(_ meeting: Meeting.ID) -> SQLRequest<QuestionRecord> {
        cached("SELECT * FROM question WHERE meetingId = ? ORDER BY id", meeting)
    }
    static func minuteItems(_ meeting: Meeting.ID) -> SQLRequest<MinuteItemRecord> {
        cached("SELECT * FROM minuteItem WHERE meetingId = ? ORDER BY number", meeting)
    }
    /// Everyone these ids name, by name.
    static func people(_ ids: [String]) -> SQLRequest<PersonRecord> {
        SQLRequest(sql: "SELECT * FROM person WHERE id IN (SELECT value FROM json_each(?)) ORDER BY name", arguments: [jsonList(ids)], cached: true)
    }
    /// The recommendations the committee made on the meeting's day, in the tracker's order.
    static func recommendations(_ meeting: Meeting) -> SQLRequest<RecommendationRecord> {
        SQLRequest(
            sql: "SELECT * FROM recommendation WHERE committeeId = ? AND meetingDay = ? ORDER BY meetingDay DESC, committeeId, topic, number, id",
            arguments: [meeting.committee.rawValue, meeting.start.day.iso], cached: true)
    }
    /// A statement prepared once per connection and reused: preparing one (and GRDB's checks of every column it
    /// reads) costs more than running it for a meeting's rows.
    private static func cached<Row>(_ sql: String, _ meeting: Meeting.ID) -> SQLRequest<Row> {
        SQLRequest(sql: sql, arguments: [meeting.rawValue], cached: true)
    }
}

extension SQLiteStore {
    public func meetingPapers(_ id: Meeting.ID) async throws -> MeetingPapers? {
        let store = self
        return try await pageReaders.read { db in try store.meetingPapers(id, db) }
    }

    public func meetingPapers(committeeSlug slug: String, day: CalendarDay) async throws -> MeetingPapers? {
        let store = self
        return try await pageReaders.read { db in
            guard let committee = try bySlug(CommitteeRecord.self, slug, db) else { return nil }
            return try store.meetingPapers(Meeting.ID(under: Committee.ID(committee.id), day.iso), db)
        }
    }

    private func meetingPapers(_ id: Meeting.ID, _ db: Database) throws -> MeetingPapers? {
        let store = self
        guard let meeting = try byID(MeetingRecord.self, id.rawValue, db).map({ try $0.meeting() }) else { return nil }
        let attendance = try readable(MeetingRequests.attendance(id), db) { try $0.attendance() }
        let declarations = try readable(MeetingRequests.declarations(id), db) { $0.declaration() }
        let questions = try readable(MeetingRequests.questions(id), db) { try $0.question() }.sorted(by: Question.inNumberOrder)
        var personIDs = attendance.map(\.person) + declarations.map(\.person)
        for row in attendance { if case .substitute(let member) = row.kind { personIDs.append(member) } }
        for question in questions { if case .councillor(let person) = question.asker { personIDs.append(person) } }
        let day = meeting.start.day
        let committee = try byID(CommitteeRecord.self, meeting.committee.rawValue, db)
        // An item or minute a declaration names decides whether the public sees that declaration's reason: one that
        // cannot be read fails the page rather than leave the reason shown. Others are left out as in any list.
        let named = Set(declarations.compactMap(\.agendaItemNumber))
        func mayLeaveOut(_ row: RowReader) -> Bool {
            guard !named.isEmpty else { return true }
            return row.text("number").map { !named.contains($0) } ?? false
        }
        return MeetingPapers(
            meeting: meeting, committee: committee?.committee(),
            authority: try committee.flatMap { try byID(AuthorityRecord.self, $0.authorityId, db) }.map { $0.authority() },
            agendaItems: try readable(MeetingRequests.agendaItems(id), db, mayLeaveOut: mayLeaveOut) { try $0.agendaItem() },
            reports: try readable(MeetingRequests.reportCovers(id), db) { try $0.report() },
            questions: questions,
            minuteItems: try readable(MeetingRequests.minuteItems(id), db, mayLeaveOut: mayLeaveOut) { try $0.minuteItem() },
            attendance: attendance, declarations: declarations,
            people: try readable(MeetingRequests.people(Set(personIDs).map(\.rawValue).sorted()), db) { $0.person() },
            previous: try readable(
                store.meetingPage(MeetingFilter(committee: meeting.committee, to: day.adding(days: -1), newestFirst: true, limit: 1)), db
            ) { try $0.meeting() }.first,
            next: try readable(store.meetingPage(MeetingFilter(committee: meeting.committee, from: day.adding(days: 1), limit: 1)), db) {
                try $0.meeting()
            }.first,
            recommendations: try readable(MeetingRequests.recommendations(meeting), db) { try $0.recommendation() },
            reportDeadline: try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT reportDeadline FROM workProgrammeSession WHERE committeeId = ? AND day = ? AND kind = 'committeeMeeting' AND reportDeadline IS NOT NULL"),
                arguments: [meeting.committee.rawValue, day.iso]
            ).flatMap { CalendarDay(iso: $0) },
            publications: try Self.publications(sql: "meetingId = ?", id.rawValue, db))
    }
}

extension SQLiteStore {
    public func committeePapers(slug: String, workProgrammeFrom day: CalendarDay) async throws -> CommitteePapers? {
        try await pageReaders.read { db in
            guard
                let committee = try bySlug(CommitteeRecord.self, slug, db)?.committee()
            else { return nil }
            let id = committee.id.rawValue
            let memberships = try readable(SQLRequest<MembershipRecord>(sql: "SELECT * FROM membership WHERE committeeId = ? ORDER BY id", arguments: [id], cached: true), db) {
                try $0.membership()
            }.sorted(by: Membership.inPublishedOrder)
            let sessions = try readable(
                SQLRequest<WorkProgrammeSessionRecord>(
                    sql: "SELECT * FROM workProgrammeSession WHERE committeeId = ? AND day >= ? ORDER BY day, kind", arguments: [id, day.iso], cached: true), db
            ) { try $0.session() }
            let items = try readable(
                SQLRequest<WorkProgrammeItemRecord>(
                    sql: """
                        SELECT * FROM workProgrammeItem
                        WHERE committeeId = ? AND (sessionId IS NULL OR sessionId IN (SELECT id FROM workProgrammeSession WHERE committeeId = ? AND day >= ?))
                        ORDER BY sessionId, id
                        """, arguments: [id, id, day.iso], cached: true), db
            ) { try $0.workProgrammeItem() }
            return CommitteePapers(
                committee: committee, memberships: memberships,
                people: try readable(MeetingRequests.people(Set(memberships.map(\.person.rawValue)).sorted()), db) { $0.person() },
                meetings: try readable(
                    SQLRequest<MeetingRecord>(sql: "SELECT * FROM meeting WHERE committeeId = ? ORDER BY startDay, startTime", arguments: [id], cached: true), db
                ) { try $0.meeting() },
                workProgrammeSessions: sessions, workProgrammeItems: items)
        }
    }
}

extension SQLiteStore {
    public func personPapers(slug: String, yearStarting asked: Int?) async throws -> PersonPapers? {
        try await pageReaders.read { db -> PersonPapers? in
            guard let person = try bySlug(PersonRecord.self, slug, db)?.person()
            else { return nil }
            let id = person.id.rawValue
            // Statements of one shape whoever the person is, each prepared once per connection.
            func rows<Record: RowReadable & TableRecord>(_ type: Record.Type, _ sql: String, _ more: [(any DatabaseValueConvertible)?] = []) -> SQLRequest<Record> {
                SQLRequest(sql: sql, arguments: StatementArguments([id] + more), cached: true)
            }
            let rules = try byID(AuthorityRecord.self, person.authority.rawValue, db)?.authority().rules ?? .standard
            // Every line's day and the capacity they were there in, for the years (from the index and each meeting's
            // day, without reading the lines themselves). A line is named by its rowid, not its meeting's identifier:
            // a career's lines are hundreds, and only a year's are read in full…
            var lines: [(line: Int64, day: CalendarDay, kind: Attendance.Kind)] = []
            let counted = try db.cachedStatement(
                sql: "SELECT a.rowid AS line, m.startDay, a.kind FROM attendance a JOIN meeting m ON m.id = a.meetingId WHERE a.personId = ?")
            let steps = try StatementRows(counted, arguments: [id])
            while let row = try steps.next() {
                if let line = try? row.value("line") as Int, let day = (try? row.value("startDay") as String?).flatMap({ CalendarDay(iso: $0) }),
                    let kind = (try? row.value("kind") as String?).flatMap(AttendanceRecord.capacity)
                {
                    lines.append((Int64(line), day, kind))
                }
            }
            let years = AttendanceYear.tally(lines.map { ($0.day, $0.kind) }, rules: rules)
            // …and the lines of the year shown, read in full, each found by its rowid: the `+` keeps SQLite from walking
            // every line of the career in the person's index to find them.
            let shown = asked.map { rules.municipalYearStart(beginningIn: $0) } ?? years.first?.start
            var inYear: [Attendance] = []
            if let start = shown {
                let end = rules.municipalYearStart(beginningIn: start.year + 1)
                let shownLines = lines.filter { start <= $0.day && $0.day < end }.map(\.line)
                inYear = try readable(
                    rows(AttendanceRecord.self, "SELECT * FROM attendance WHERE +personId = ?1 AND rowid IN (SELECT value FROM json_each(?2)) ORDER BY meetingId", [jsonList(shownLines)]),
                    db
                ) { try $0.attendance() }
            }
            return PersonPapers(
                person: person, rules: rules,
                memberships: try readable(rows(MembershipRecord.self, "SELECT * FROM membership WHERE personId = ?1 ORDER BY committeeId"), db) { try $0.membership() },
                years: years, shownYear: shown, attendance: inYear,
                declarations: try readable(rows(DeclarationRecord.self, "SELECT * FROM declarationOfInterest WHERE personId = ?1 ORDER BY meetingId"), db) { $0.declaration() },
                meetings: try readable(
                    rows(
                        MeetingRecord.self, "SELECT * FROM meeting WHERE id IN (SELECT value FROM json_each(?2) UNION SELECT meetingId FROM declarationOfInterest WHERE personId = ?1) ORDER BY id",
                        [jsonList(inYear.map(\.meeting.rawValue))]), db
                ) { try $0.meeting() },
                committees: try readable(CouncilRequests.committeeNames, db) { $0.committee() },
                // Only the items and minutes whose number a declaration names, for whether they are exempt; one that
                // cannot be read fails the page rather than leave its declaration's reason shown.
                agendaItems: try readable(
                    rows(
                        AgendaItemRecord.self,
                        "SELECT * FROM agendaItem WHERE (meetingId, number) IN (SELECT meetingId, agendaItemNumber FROM declarationOfInterest WHERE personId = ?1) ORDER BY meetingId, position"
                    ), db, mayLeaveOut: { _ in false }
                ) {
                    try $0.agendaItem()
                },
                // Their text and resolutions are not read. "8a" names no minute, but reads minute 8: one more is harmless.
                minuteItems: try readable(
                    rows(
                        MinuteItemRecord.self,
                        """
                        SELECT id, meetingId, number, title, '' AS text, '[]' AS resolutions, isExempt, exemptParagraph, resolutionLeadIn, reference
                        FROM minuteItem WHERE (meetingId, number) IN (SELECT meetingId, CAST(agendaItemNumber AS INTEGER) FROM declarationOfInterest WHERE personId = ?1)
                        ORDER BY meetingId, number
                        """), db, mayLeaveOut: { _ in false }
                ) {
                    try $0.minuteItem()
                })
        }
    }
}

/// Every council and every committee, by name: statements prepared once per connection.
enum CouncilRequests {
    static let authorities = SQLRequest<AuthorityRecord>(sql: "SELECT * FROM authority ORDER BY name", cached: true)
    static let committees = SQLRequest<CommitteeRecord>(sql: "SELECT * FROM committee ORDER BY name", cached: true)
    /// Every committee for its name and council only, as lists that name committees need: its remit reads as empty
    /// and its clerk as nil, so no clerk's contact is decoded.
    static let committeeNames = SQLRequest<CommitteeRecord>(
        sql: "SELECT id, authorityId, name, '' AS remit, NULL AS clerk FROM committee ORDER BY name", cached: true)
}
