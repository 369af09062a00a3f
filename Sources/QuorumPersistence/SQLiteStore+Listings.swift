import Foundation
import GRDB
import Synchronization
public import QuorumDomain
public import QuorumStorage

extension SQLiteStore {
    public func committee(slug: String) async throws -> Committee? {
        try await pageReaders.read { db in try bySlug(CommitteeRecord.self, slug, db)?.committee() }
    }

    public func person(slug: String) async throws -> Person? {
        try await pageReaders.read { db in try bySlug(PersonRecord.self, slug, db)?.person() }
    }

    /// The conditions and arguments of `filter`: one statement text for each combination of filters used, so each
    /// is prepared once per connection.
    private func meetingCondition(_ filter: MeetingFilter) -> (terms: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let committee = filter.committee {
            conditions.append("committeeId = ?")
            arguments += [committee.rawValue]
        }
        if let from = filter.from {
            conditions.append("startDay >= ?")
            arguments += [from.iso]
        }
        if let to = filter.to {
            conditions.append("startDay <= ?")
            arguments += [to.iso]
        }
        if filter.onlyWithPapers { conditions.append("status <> 'scheduled' AND knownFrom IS NULL") }
        return (conditions, arguments)
    }

    public func meetings(_ filter: MeetingFilter) async throws -> [Meeting] {
        let page = meetingPage(filter)
        return try await pageReaders.read { db in try readable(page, db) { try $0.meeting() } }
    }

    /// The meetings that pass `filter`, in its order, one page of them.
    func meetingPage(_ filter: MeetingFilter) -> SQLRequest<MeetingRecord> {
        let (terms, arguments) = meetingCondition(filter)
        let order = filter.newestFirst ? "startDay DESC, startTime DESC, id" : "startDay, startTime, id"
        return SQLRequest(
            sql: "SELECT * FROM meeting\(whereClause(terms)) ORDER BY \(order) LIMIT ? OFFSET ?", arguments: arguments + [filter.limit, filter.offset],
            cached: true)
    }

    public func meetingListing(_ filter: MeetingFilter) async throws -> MeetingListing {
        let (terms, arguments) = meetingCondition(filter)
        let page = meetingPage(filter)
        return try await pageReaders.read { db in
            MeetingListing(
                meetings: try readable(page, db) { try $0.meeting() },
                total: try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM meeting" + whereClause(terms)), arguments: arguments) ?? 0)
        }
    }

    /// The conditions a recommendation must meet to pass `filter`, and its arguments. Statements are written from it
    /// as text, so that each shape of filter is prepared once per connection.
    private func recommendationCondition(_ filter: RecommendationFilter) -> (terms: [String], arguments: StatementArguments) {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        func add(_ condition: String, _ values: [any DatabaseValueConvertible] = []) {
            conditions.append(condition)
            arguments += StatementArguments(values)
        }
        if let committee = filter.committee { add("committeeId = ?", [committee.rawValue]) }
        if let day = filter.meetingDay { add("meetingDay = ?", [day.iso]) }
        if let from = filter.meetingFrom { add("meetingDay >= ?", [from.iso]) }
        if let to = filter.meetingTo { add("meetingDay <= ?", [to.iso]) }
        switch filter.stage {
        case nil: break
        case .awaiting: add("responseState = 'awaiting'")
        case .notPursued: add("responseState = 'notPursued'")
        case .received(nil): add("responseState = 'received'")
        case .received(let outcome?): add("outcome = ?", [outcome.rawValue])
        case .outcomeNotStated: add("responseState = 'received' AND outcome IS NULL")
        }
        if let day = filter.overdueOn { add("responseState = 'awaiting' AND chaseBy < ?", [day.iso]) }
        if filter.order == .newestAnswerFirst { add("respondedOn IS NOT NULL") }
        return (conditions, arguments)
    }

    /// How many recommendations pass `filter`, its page aside.
    private func recommendationCount(_ filter: RecommendationFilter, _ db: Database) throws -> Int {
        let (terms, arguments) = recommendationCondition(filter)
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM recommendation" + whereClause(terms)), arguments: arguments) ?? 0
    }

    /// " WHERE" and `terms` joined by AND, or nothing when there are none: SQLite counts a whole table from its
    /// index's pages only when the statement has no WHERE, and "WHERE 1" had it visit every entry (about ten times
    /// the cost, for every unfiltered list's total).
    private func whereClause(_ terms: [String]) -> String {
        terms.isEmpty ? "" : " WHERE " + terms.joined(separator: " AND ")
    }

    public func recommendations(_ filter: RecommendationFilter) async throws -> [Recommendation] {
        let page = recommendationPage(filter)
        return try await pageReaders.read { db in try readable(page, db) { try $0.recommendation() } }
    }

    /// The recommendations that pass `filter`, in its order, one page of them.
    func recommendationPage(_ filter: RecommendationFilter) -> SQLRequest<RecommendationRecord> {
        var (terms, arguments) = recommendationCondition(filter)
        let order =
            switch filter.order {
            case .newestMeetingFirst: "meetingDay DESC, committeeId, topic, number, id"
            case .newestAnswerFirst: "respondedOn DESC, id"
            }
        var limit = ""
        if let count = filter.limit {
            limit = " LIMIT ? OFFSET ?"
            arguments += [count, filter.offset]
        }
        return SQLRequest(sql: "SELECT * FROM recommendation\(whereClause(terms)) ORDER BY \(order)\(limit)", arguments: arguments, cached: true)
    }

    public func recommendationCount(_ filter: RecommendationFilter) async throws -> Int {
        let store = self
        return try await pageReaders.read { db in try store.recommendationCount(filter, db) }
    }

    public func recommendationSummary(_ filter: RecommendationFilter, today: CalendarDay) async throws -> RecommendationSummary {
        let store = self
        return try await pageReaders.read { db in try store.summary(filter, today: today, db) }
    }

    public func homePapers(on day: CalendarDay, upcoming: Int, recent: Int) async throws -> HomePapers {
        let soon = meetingPage(MeetingFilter(from: day, limit: upcoming))
        let latest = meetingPage(MeetingFilter(to: day, newestFirst: true, onlyWithPapers: true, limit: recent))
        let store = self
        return try await pageReaders.read { db in
            let recent = try readable(latest, db) { try $0.meeting() }
            // The recent meetings' items and covers in one statement each, however many meetings.
            let ids = jsonList(recent.map(\.id.rawValue))
            return HomePapers(
                committees: try readable(CouncilRequests.committeeNames, db) { $0.committee() },
                upcoming: try readable(soon, db) { try $0.meeting() }, recent: recent,
                agendaItems: try readable(MeetingRequests.agendaItems(in: ids), db) { try $0.agendaItem() },
                reports: try readable(MeetingRequests.reportCovers(in: ids), db) { try $0.report() },
                overdue: try store.recommendationCount(RecommendationFilter(overdueOn: day), db))
        }
    }

    public func trackerPapers(_ filter: RecommendationFilter, today: CalendarDay) async throws -> TrackerPapers {
        let store = self
        let page = recommendationPage(filter)
        return try await pageReaders.read { db in
            let committees = try readable(CouncilRequests.committeeNames, db) { $0.committee() }
            // The summary counts every recommendation the filter takes, which is the total its pages are out of: kept
            // for the record as it stands, it spares each page a count of its own.
            let summary = try store.summary(filter, today: today, db)
            return TrackerPapers(
                recommendations: try readable(page, db) { try $0.recommendation() }, total: summary.made, summary: summary, committees: committees,
                rules: CommitteeRules(committees: committees, authorities: try readable(CouncilRequests.authorities, db) { $0.authority() }))
        }
    }

    /// What the recommendations `filter` takes (its page aside) add up to on `today`, inside the caller's read.
    private func summary(_ filter: RecommendationFilter, today: CalendarDay, _ db: Database) throws -> RecommendationSummary {
        var every = filter
        every.limit = nil
        every.offset = 0
        let (terms, arguments) = recommendationCondition(every)
        // The counts go over every recommendation the filter takes, so they are kept for the record as it stands
        // (its revision, read in this transaction) and the day: the next change to anything makes them again.
        let key = SummaryMemo.Key(filter: every, today: today, revision: try Self.revision(db))
        if let known = summaries.summary(for: key) { return known }
        let received = "responseState = 'received'"
        // One pass over the covering index: the counts, and the answers by the outcome they state.
        let outcomes = Recommendation.Outcome.allCases
        let byOutcome = outcomes.map { "coalesce(sum(\(received) AND outcome = '\($0.rawValue)'), 0)" }.joined(separator: ", ")
        let counts = try Row.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT count(*),
                    coalesce(sum(\(received) AND respondedOn IS NOT NULL AND chaseBy IS NOT NULL AND respondedOn <= chaseBy), 0),
                    coalesce(sum(\(received) AND respondedOn IS NOT NULL AND chaseBy IS NOT NULL AND respondedOn > chaseBy), 0),
                    coalesce(sum(\(received) AND (respondedOn IS NULL OR chaseBy IS NULL)), 0),
                    coalesce(sum(responseState = 'awaiting'), 0),
                    coalesce(sum(responseState = 'awaiting' AND chaseBy < ?), 0),
                    coalesce(sum(responseState = 'notPursued'), 0),
                    coalesce(sum(\(received) AND outcome IS NULL), 0),
                    \(byOutcome)
                    FROM recommendation\(whereClause(terms))
                    """),
            arguments: [today.iso] + arguments)
        var summary = RecommendationSummary()
        if let counts {
            (summary.made, summary.answeredOnTime, summary.answeredLate, summary.answeredUndated) = (counts[0], counts[1], counts[2], counts[3])
            (summary.outstanding, summary.overdue, summary.notPursued) = (counts[4], counts[5], counts[6])
            let unstated: Int = counts[7]
            if unstated > 0 { summary.byOutcome[nil] = unstated }
            for (index, outcome) in outcomes.enumerated() {
                let count: Int = counts[8 + index]
                if count > 0 { summary.byOutcome[outcome] = count }
            }
        }
        // `+responseState`: not by the response-state index, whose rows would each be looked up in the table, but
        // by the covering index, which holds both dates.
        let answered = "+responseState = 'received' AND respondedOn IS NOT NULL AND sentOn IS NOT NULL AND respondedOn >= sentOn"
        let days = try Int.fetchAll(
            db.cachedStatement(
                sql: """
                    SELECT CAST(julianday(respondedOn) - julianday(sentOn) AS INTEGER) FROM recommendation\(whereClause(terms + [answered]))
                    """),
            arguments: arguments
        ).sorted()
        // The middle one; of an even number, the lower middle.
        if !days.isEmpty { summary.medianDaysToRespond = days[(days.count - 1) / 2] }
        summaries.keep(summary, for: key)
        return summary
    }

    public func allPeople() async throws -> [Person] {
        try await pageReaders.read { db in try PersonRecord.order(Column("name"), Column("id")).fetchAll(db).map { $0.person() } }
    }

    public func allMemberships() async throws -> [Membership] {
        try await pageReaders.read { db in try readable(MembershipRecord.order(Column("committeeId"), Column("id")), db) { try $0.membership() } }
    }

    public func attendance(of person: Person.ID) async throws -> [Attendance] {
        try await pageReaders.read { db in
            try readable(AttendanceRecord.filter(Column("personId") == person.rawValue).order(Column("meetingId")), db) { try $0.attendance() }
        }
    }

    public func declarations(of person: Person.ID) async throws -> [DeclarationOfInterest] {
        try await pageReaders.read { db in
            try DeclarationRecord.filter(Column("personId") == person.rawValue).order(Column("meetingId")).fetchAll(db).map { $0.declaration() }
        }
    }

    public func revision() async throws -> Int {
        // Both only ever grow: audited changes, and warnings (which are not audited) added to records.
        try await pageReaders.read { db in try Self.revision(db) }
    }

    public func readingAtOneMoment<T>(_ body: () async throws -> T) async throws -> T {
        try await pageReaders.holdingOneRead(body)
    }

    static func revision(_ db: Database) throws -> Int {
        try Int.fetchOne(db.cachedStatement(sql: "SELECT (SELECT coalesce(max(id), 0) FROM auditEntry) + (SELECT coalesce(max(id), 0) FROM recordWarning)")) ?? 0
    }
}

/// The tracker's summaries last counted, by filter, day and the record's revision: counting goes over every
/// recommendation, and most requests for the tracker come between changes.
final class SummaryMemo: Sendable {
    struct Key: Hashable {
        var filter: RecommendationFilter
        var today: CalendarDay
        var revision: Int
    }

    private let known = Mutex<[Key: RecommendationSummary]>([:])

    func summary(for key: Key) -> RecommendationSummary? { known.withLock { $0[key] } }

    func keep(_ summary: RecommendationSummary, for key: Key) {
        known.withLock { known in
            // Summaries of an earlier revision are never asked for again.
            if known.count >= 64 || known.keys.contains(where: { $0.revision != key.revision }) { known.removeAll(keepingCapacity: true) }
            known[key] = summary
        }
    }
}

/// The person or committee whose identifier after its council's part ("herefordshire-council/…") is `slug`, in any case, as
/// addresses name them (found from the index on that part).
func bySlug<Record: RowReadable & TableRecord>(_ type: Record.Type, _ slug: String, _ db: Database) throws -> Record? {
    try first(
        Record.self, db.cachedStatement(sql: "SELECT * FROM \(Record.databaseTableName) WHERE substr(id, instr(id, '/') + 1) = ? COLLATE NOCASE LIMIT 1"), [slug])
}

func escapeLike(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
}
