import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

extension SQLiteStore {
    private func all<Row: FetchableRecord & TableRecord, Value: Sendable>(
        _ request: some FetchRequest<Row> & Sendable, _ convert: @escaping @Sendable (Row) throws -> Value
    ) async throws -> [Value] {
        try await writer.read { db in try readable(request, db, convert) }
    }

    private func one<Row: FetchableRecord & TableRecord, Value: Sendable>(
        _ id: String, _ type: Row.Type, _ convert: @escaping @Sendable (Row) throws -> Value
    ) async throws -> Value? {
        try await writer.read { db in try Row.fetchOne(db, key: id).map(convert) }
    }

    public func authorities() async throws -> [Authority] {
        try await all(AuthorityRecord.order(Column("name")), { $0.authority() })
    }

    public func authority(_ id: Authority.ID) async throws -> Authority? {
        try await one(id.rawValue, AuthorityRecord.self, { $0.authority() })
    }

    public func committees() async throws -> [Committee] {
        try await all(CommitteeRecord.order(Column("name")), { $0.committee() })
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
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT entity, entityId, message, source FROM recordWarning WHERE entityId = ? ORDER BY id", arguments: [entityId])
                .map { RecordWarning(entity: $0["entity"], entityId: $0["entityId"], message: $0["message"], source: $0["source"]) }
        }
    }

    public func auditLog(limit: Int) async throws -> [AuditEntry] {
        try await writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM auditEntry ORDER BY id DESC LIMIT ?", arguments: [limit]).map(Audit.entry)
        }
    }
}

/// The rows of a list that can be read, in order. A row that cannot be decoded (written by something other than
/// Quorum, or damaged) fails only its own page: it is left out of lists, with a line on standard error naming it.
func readable<Row: FetchableRecord & TableRecord, Value>(
    _ request: some FetchRequest<Row>, _ db: Database, _ convert: (Row) throws -> Value
) throws -> [Value] {
    var values: [Value] = []
    for raw in try GRDB.Row.fetchAll(db, request) {
        do {
            values.append(try convert(try Row(row: raw)))
        } catch {
            let id: String = (raw["id"] as String?) ?? "?"
            FileHandle.standardError.write(Data("quorum: the \(Row.databaseTableName) row ‘\(id)’ cannot be read and is left out of lists: \(error)\n".utf8))
        }
    }
    return values
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
    /// A statement prepared once per connection and reused: preparing one (and GRDB's checks of every column it
    /// reads) costs more than running it for a meeting's rows.
    private static func cached<Row>(_ sql: String, _ meeting: Meeting.ID) -> SQLRequest<Row> {
        SQLRequest(sql: sql, arguments: [meeting.rawValue], cached: true)
    }
}

extension SQLiteStore {
    public func meetingPapers(_ id: Meeting.ID) async throws -> MeetingPapers? {
        let store = self
        return try await writer.read { db in
            guard let meeting = try MeetingRecord.fetchOne(db, key: id.rawValue).map({ try $0.meeting() }) else { return nil }
            let attendance = try readable(MeetingRequests.attendance(id), db) { try $0.attendance() }
            let declarations = try readable(MeetingRequests.declarations(id), db) { $0.declaration() }
            let questions = try readable(MeetingRequests.questions(id), db) { try $0.question() }.sorted(by: Question.inNumberOrder)
            var personIDs = attendance.map(\.person) + declarations.map(\.person)
            for row in attendance { if case .substitute(let member) = row.kind { personIDs.append(member) } }
            for question in questions { if case .councillor(let person) = question.asker { personIDs.append(person) } }
            let day = meeting.start.day
            return MeetingPapers(
                meeting: meeting,
                authority: try CommitteeRecord.fetchOne(db, key: meeting.committee.rawValue)
                    .flatMap { try AuthorityRecord.fetchOne(db, key: $0.authorityId) }.map { $0.authority() },
                agendaItems: try readable(MeetingRequests.agendaItems(id), db) { try $0.agendaItem() },
                reports: try readable(MeetingRequests.reports(id), db) { try $0.report() },
                questions: questions,
                minuteItems: try readable(MeetingRequests.minuteItems(id), db) { try $0.minuteItem() },
                attendance: attendance, declarations: declarations,
                people: try readable(PersonRecord.filter(keys: Set(personIDs).map(\.rawValue)).order(Column("name")), db) { $0.person() },
                previous: try readable(
                    store.meetingPage(MeetingFilter(committee: meeting.committee, to: day.adding(days: -1), newestFirst: true, limit: 1)), db
                ) { try $0.meeting() }.first,
                next: try readable(store.meetingPage(MeetingFilter(committee: meeting.committee, from: day.adding(days: 1), limit: 1)), db) {
                    try $0.meeting()
                }.first,
                recommendations: try readable(store.recommendationPage(RecommendationFilter(committee: meeting.committee, meetingDay: day)), db) {
                    try $0.recommendation()
                },
                reportDeadline: try String.fetchOne(
                    db, sql: "SELECT reportDeadline FROM workProgrammeSession WHERE committeeId = ? AND day = ? AND kind = 'committeeMeeting' AND reportDeadline IS NOT NULL",
                    arguments: [meeting.committee.rawValue, day.iso]
                ).flatMap { CalendarDay(iso: $0) },
                publications: try Self.publications(sql: "meetingId = ?", id.rawValue, db))
        }
    }
}

extension SQLiteStore {
    public func committeePapers(slug: String, workProgrammeFrom day: CalendarDay) async throws -> CommitteePapers? {
        try await writer.read { db in
            guard
                let committee = try CommitteeRecord.filter(sql: "id LIKE ? ESCAPE '\\'", arguments: ["%/" + escapeLike(slug)]).fetchOne(db)?
                    .committee()
            else { return nil }
            let id = committee.id.rawValue
            let memberships = try readable(MembershipRecord.filter(Column("committeeId") == id).order(Column("id")), db) { try $0.membership() }
                .sorted(by: Membership.inPublishedOrder)
            let sessions = try readable(
                WorkProgrammeSessionRecord.filter(Column("committeeId") == id && Column("day") >= day.iso).order(Column("day"), Column("kind")), db
            ) { try $0.session() }
            let items = try readable(
                WorkProgrammeItemRecord.filter(
                    sql: """
                        committeeId = ? AND (sessionId IS NULL OR sessionId IN (SELECT id FROM workProgrammeSession WHERE committeeId = ? AND day >= ?))
                        """, arguments: [id, id, day.iso]
                ).order(Column("sessionId"), Column("id")), db
            ) { try $0.workProgrammeItem() }
            return CommitteePapers(
                committee: committee, memberships: memberships,
                people: try readable(PersonRecord.filter(keys: Set(memberships.map(\.person.rawValue))).order(Column("name")), db) { $0.person() },
                meetings: try readable(MeetingRecord.filter(Column("committeeId") == id).order(Column("startDay"), Column("startTime")), db) {
                    try $0.meeting()
                },
                workProgrammeSessions: sessions, workProgrammeItems: items)
        }
    }
}

extension SQLiteStore {
    public func personPapers(slug: String) async throws -> PersonPapers? {
        try await writer.read { db in
            guard let person = try PersonRecord.filter(sql: "id LIKE ? ESCAPE '\\'", arguments: ["%/" + escapeLike(slug)]).fetchOne(db)?.person()
            else { return nil }
            let id = person.id.rawValue
            let attendance = try readable(AttendanceRecord.filter(Column("personId") == id).order(Column("meetingId")), db) { try $0.attendance() }
            let declarations = try readable(DeclarationRecord.filter(Column("personId") == id).order(Column("meetingId")), db) { $0.declaration() }
            let declaredAt = Array(Set(declarations.map(\.meeting.rawValue)))
            return PersonPapers(
                person: person,
                memberships: try readable(MembershipRecord.filter(Column("personId") == id).order(Column("committeeId")), db) { try $0.membership() },
                attendance: attendance, declarations: declarations,
                meetings: try readable(MeetingRecord.filter(keys: Set(attendance.map(\.meeting.rawValue) + declaredAt)), db) { try $0.meeting() },
                committees: try readable(CommitteeRecord.order(Column("name")), db) { $0.committee() },
                agendaItems: try readable(AgendaItemRecord.filter(declaredAt.contains(Column("meetingId"))).order(Column("meetingId"), Column("position")), db) {
                    try $0.agendaItem()
                },
                minuteItems: try readable(MinuteItemRecord.filter(declaredAt.contains(Column("meetingId"))).order(Column("meetingId"), Column("number")), db) {
                    try $0.minuteItem()
                })
        }
    }
}
