public import Foundation
public import QuorumDomain

/// Where Quorum keeps the council's record. It speaks only domain types, so the SQLite store and a
/// PostgreSQL store can stand behind it alike.
public protocol QuorumStore: AccountStore, MinutesStore, PlanningStore, PapersStore, PlansStore {
    /// Creates or updates every record in `batch` in one transaction: all of it is written, or none.
    /// Unchanged records are left alone, so saving the same batch twice changes nothing. Each change is
    /// written to the audit log as done by `actor` at `at`.
    @discardableResult
    func save(_ batch: RecordBatch, by actor: String, at: Date) async throws -> SaveSummary

    /// Imports the records of one published pack (for the meeting on `publishedFor`), merged with what is held, in
    /// one transaction: a later stage of a meeting is never undone; a pack older than the newest held for its
    /// committee adds what is new but does not undo what the newer one said of the committee, its members, its
    /// work programme or its recommendations; the newest pack's membership is the current one, and its work
    /// programme replaces older plans for the meetings it lists. Exempt information stays exempt as in `save`.
    @discardableResult
    func importPack(_ batch: RecordBatch, publishedFor: CalendarDay, by actor: String, at: Date) async throws -> SaveSummary

    func authorities() async throws -> [Authority]
    func authority(_ id: Authority.ID) async throws -> Authority?
    /// Every committee, by name.
    func committees() async throws -> [Committee]
    func committee(_ id: Committee.ID) async throws -> Committee?
    func person(_ id: Person.ID) async throws -> Person?
    /// The people with these identifiers (those that exist), by name.
    func people(_ ids: [Person.ID]) async throws -> [Person]
    func memberships(of committee: Committee.ID) async throws -> [Membership]
    func memberships(of person: Person.ID) async throws -> [Membership]
    /// A committee's meetings, earliest first.
    func meetings(of committee: Committee.ID) async throws -> [Meeting]
    func meeting(_ id: Meeting.ID) async throws -> Meeting?
    /// The meetings with these identifiers, earliest first, in one read; unknown identifiers are left out.
    func meetings(_ ids: [Meeting.ID]) async throws -> [Meeting]
    /// Everything a meeting's page shows, read in one transaction with a number of statements that does not grow
    /// with its items, minutes or questions; nil when there is no such meeting.
    func meetingPapers(_ id: Meeting.ID) async throws -> MeetingPapers?
    /// The same, for the meeting a page's address names: its committee's slug and its day, found in the same read.
    func meetingPapers(committeeSlug: String, day: CalendarDay) async throws -> MeetingPapers?
    /// Everything a committee's page shows, read in one transaction: its members (in published order) and their
    /// people, its meetings, and its work programme from `workProgrammeFrom` on with the topics not yet scheduled.
    func committeePapers(slug: String, workProgrammeFrom: CalendarDay) async throws -> CommitteePapers?
    /// Everything a person's page shows, read in one transaction: their memberships, how their attendance adds up in
    /// each municipal year, their attendance in the year starting in `yearStarting` (the latest year they are recorded
    /// in when nil), all their declarations, the meetings those name, and the agenda items and minutes their
    /// declarations name by number (whose exemption decides which declarations are public).
    func personPapers(slug: String, yearStarting: Int?) async throws -> PersonPapers?
    /// Everything the home page shows, in one read: every committee, the next `upcoming` meetings from `day`, the
    /// `recent` latest meetings up to `day` whose papers are held with their agenda items and report covers, and how
    /// many recommendations are overdue on `day`.
    func homePapers(on day: CalendarDay, upcoming: Int, recent: Int) async throws -> HomePapers
    /// A meeting's agenda, in order.
    func agendaItems(of meeting: Meeting.ID) async throws -> [AgendaItem]
    func reports(of meeting: Meeting.ID) async throws -> [Report]
    /// A meeting's reports with their cover fields only (title, author, exemption, purpose, ...): their
    /// recommendations, sections, appendices and clearance read as empty. For lists that show what a report is,
    /// not what it says.
    func reportCovers(of meeting: Meeting.ID) async throws -> [Report]
    func report(_ id: Report.ID) async throws -> Report?
    func attendance(at meeting: Meeting.ID) async throws -> [Attendance]
    func declarations(at meeting: Meeting.ID) async throws -> [DeclarationOfInterest]
    func questions(at meeting: Meeting.ID) async throws -> [Question]
    /// A meeting's minutes, by minute number.
    func minuteItems(of meeting: Meeting.ID) async throws -> [MinuteItem]
    /// A committee's recommendations, by meeting, topic and number.
    func recommendations(of committee: Committee.ID) async throws -> [Recommendation]
    func recommendation(_ id: Recommendation.ID) async throws -> Recommendation?
    func workProgrammeSessions(of committee: Committee.ID) async throws -> [WorkProgrammeSession]
    func workProgrammeItems(of committee: Committee.ID) async throws -> [WorkProgrammeItem]
    func forwardPlan(of authority: Authority.ID) async throws -> [ForwardPlanEntry]
    func actions(of committee: Committee.ID) async throws -> [CommitteeAction]
    /// The committee whose identifier ends with `slug`.
    func committee(slug: String) async throws -> Committee?
    /// Meetings of every committee (or one), earliest first, one page at a time.
    func meetings(_ filter: MeetingFilter) async throws -> [Meeting]
    /// One page of the meetings `filter` matches, with how many it matches in all, in one read.
    func meetingListing(_ filter: MeetingFilter) async throws -> MeetingListing
    /// Recommendations of every committee (or one), as `filter` asks, one page at a time.
    func recommendations(_ filter: RecommendationFilter) async throws -> [Recommendation]
    /// How many recommendations `filter` matches, ignoring its page.
    func recommendationCount(_ filter: RecommendationFilter) async throws -> Int
    /// What the recommendations that pass `filter` (its page aside) add up to on `today`.
    func recommendationSummary(_ filter: RecommendationFilter, today: CalendarDay) async throws -> RecommendationSummary
    /// Everything the tracker shows, in one read: one page of the recommendations `filter` takes, how many it takes,
    /// what they add up to on `today`, and every committee with its deadline rules.
    func trackerPapers(_ filter: RecommendationFilter, today: CalendarDay) async throws -> TrackerPapers
    /// Everyone in the record, by name.
    func allPeople() async throws -> [Person]
    /// The person whose identifier ends with `slug`.
    func person(slug: String) async throws -> Person?
    /// Every membership of every committee.
    func allMemberships() async throws -> [Membership]
    /// A person's attendance at meetings.
    func attendance(of person: Person.ID) async throws -> [Attendance]
    func declarations(of person: Person.ID) async throws -> [DeclarationOfInterest]
    /// Searches the public text: reports, minutes, questions, recommendations and the work programme.
    func search(_ query: SearchQuery) async throws -> SearchResults
    /// A number that grows with every change to the record, for caching pages.
    func revision() async throws -> Int
    /// Runs `body` so that every read it makes sees the record at one moment, as one read transaction: a page built
    /// from several reads never mixes the record before a change with the record after it (an item read as open with
    /// its report read after an import made the item exempt). Writes are not part of it. Nested, it is the outer one's.
    func readingAtOneMoment<T>(_ body: () async throws -> T) async throws -> T
    /// What an import or a check flagged on a record.
    func warnings(on entityId: String) async throws -> [RecordWarning]
    /// The most recent changes to the record, newest first.
    func auditLog(limit: Int) async throws -> [AuditEntry]
    /// Publishes exempt information an officer has decided may now be published, in one transaction: the release
    /// and its reason are recorded and audited, and a later import that marks it exempt again does not undo it.
    /// Returns what was released, in words. Throws `.notFound`, `.notExempt`, or `.invalid` without a reason.
    @discardableResult
    func release(_ target: ReleaseTarget, reason: String, by actor: String, at: Date) async throws -> [String]
    /// Everything held as exempt: items, reports, appendices and minutes, by meeting.
    func withheld() async throws -> [WithheldRecord]
    /// What a committee's scorecard for the days `from` to `to` is worked out from, in one read: its council's rules,
    /// its meetings from `from` to the first after `to`, the publications and questions of those meetings, at which
    /// meeting each one's minutes were approved, and the recommendations made in the period. `nil` for an unknown
    /// committee.
    func scorecardPapers(of committee: Committee.ID, from: CalendarDay, to: CalendarDay) async throws -> ScorecardPapers?
}

/// The record a committee's scorecard reads, as one read gives it.
public struct ScorecardPapers: Sendable {
    public var committee: Committee
    public var rules: DeadlineRules
    /// Earliest first, including the first after the period.
    public var meetings: [Meeting]
    public var publications: [AgendaPublication]
    public var questions: [Question]
    /// The meeting at which each meeting's minutes were approved, where Quorum recorded it.
    public var approvals: [Meeting.ID: Meeting.ID]
    public var recommendations: [Recommendation]

    public init(
        committee: Committee, rules: DeadlineRules, meetings: [Meeting], publications: [AgendaPublication], questions: [Question],
        approvals: [Meeting.ID: Meeting.ID], recommendations: [Recommendation]
    ) {
        self.committee = committee
        self.rules = rules
        self.meetings = meetings
        self.publications = publications
        self.questions = questions
        self.approvals = approvals
        self.recommendations = recommendations
    }
}

/// What an officer can release from exemption.
public enum ReleaseTarget: Sendable, Hashable {
    /// An agenda item, and its report with it (exempt appendices stay exempt).
    case agendaItem(AgendaItem.ID)
    /// One appendix of an item's report, by its label ("Appendix 2").
    case appendix(AgendaItem.ID, label: String)
    case minute(MinuteItem.ID)
}

/// Something held as exempt, for an officer to review.
public struct WithheldRecord: Sendable, Hashable {
    public var target: ReleaseTarget
    public var meeting: Meeting.ID
    /// "Item 9: CONTRACT AWARD", "Appendix 2 of “…”: Costs", "Minute 58: …".
    public var title: String
    public var access: Access

    public init(target: ReleaseTarget, meeting: Meeting.ID, title: String, access: Access) {
        self.target = target
        self.meeting = meeting
        self.title = title
        self.access = access
    }
}

/// Which meetings to list.
public struct MeetingFilter: Sendable, Hashable {
    public var committee: Committee.ID?
    public var from: CalendarDay?
    public var to: CalendarDay?
    public var newestFirst: Bool
    /// Only meetings whose own papers are held: not those merely scheduled or known only from another paper.
    public var onlyWithPapers: Bool
    public var limit: Int
    public var offset: Int
    public init(
        committee: Committee.ID? = nil, from: CalendarDay? = nil, to: CalendarDay? = nil, newestFirst: Bool = false, onlyWithPapers: Bool = false,
        limit: Int = 50, offset: Int = 0
    ) {
        self.onlyWithPapers = onlyWithPapers
        self.committee = committee
        self.from = from
        self.to = to
        self.newestFirst = newestFirst
        self.limit = limit
        self.offset = offset
    }
}

/// A page of meetings and how many there are in all.
public struct MeetingListing: Sendable {
    public let meetings: [Meeting]
    public let total: Int
    public init(meetings: [Meeting], total: Int) {
        self.meetings = meetings
        self.total = total
    }
}

/// Which recommendations to list, and in what order.
public struct RecommendationFilter: Sendable, Hashable {
    /// Where a recommendation's answer has got to: `.awaiting`, `.notPursued`, or an outcome of a received answer.
    public enum Stage: Sendable, Hashable {
        case awaiting
        case notPursued
        /// Answered; with an outcome, answered with that outcome stated.
        case received(Recommendation.Outcome?)
        /// Answered, without the answer stating an outcome.
        case outcomeNotStated
    }

    public enum Order: Sendable, Hashable {
        /// Newest meeting first, then topic and number: the tracker's order.
        case newestMeetingFirst
        /// The most recently answered first; only answers with a date.
        case newestAnswerFirst
    }

    public var committee: Committee.ID?
    /// Only those made at the meeting on this day.
    public var meetingDay: CalendarDay?
    /// Only those made at meetings in this period (either end may be open).
    public var meetingFrom: CalendarDay?
    public var meetingTo: CalendarDay?
    public var stage: Stage?
    /// Only those overdue on this day: sent, unanswered, and past the due date (`Recommendation.isOverdue`).
    public var overdueOn: CalendarDay?
    public var order: Order
    public var limit: Int?
    public var offset: Int

    public init(
        committee: Committee.ID? = nil, meetingDay: CalendarDay? = nil, stage: Stage? = nil, overdueOn: CalendarDay? = nil,
        order: Order = .newestMeetingFirst, limit: Int? = nil, offset: Int = 0
    ) {
        self.meetingDay = meetingDay
        self.committee = committee
        self.stage = stage
        self.overdueOn = overdueOn
        self.order = order
        self.limit = limit
        self.offset = offset
    }
}

/// The tracker's summary: how many were made, answered on time or late, are outstanding or overdue, by outcome, and
/// the median days from sending to the answer. On time means by the due date in force (an extension's, the recorded
/// one, or the statutory one).
public struct RecommendationSummary: Sendable, Hashable {
    public var made: Int
    public var answeredOnTime: Int
    public var answeredLate: Int
    /// Answered with no date received recorded: neither on time nor late.
    public var answeredUndated: Int
    public var outstanding: Int
    public var overdue: Int
    public var notPursued: Int
    /// Answers by the outcome they state; `nil` for those that state none.
    public var byOutcome: [Recommendation.Outcome?: Int]
    public var medianDaysToRespond: Int?

    public init(
        made: Int = 0, answeredOnTime: Int = 0, answeredLate: Int = 0, answeredUndated: Int = 0, outstanding: Int = 0, overdue: Int = 0,
        notPursued: Int = 0, byOutcome: [Recommendation.Outcome?: Int] = [:], medianDaysToRespond: Int? = nil
    ) {
        self.made = made
        self.answeredOnTime = answeredOnTime
        self.answeredLate = answeredLate
        self.answeredUndated = answeredUndated
        self.outstanding = outstanding
        self.overdue = overdue
        self.notPursued = notPursued
        self.byOutcome = byOutcome
        self.medianDaysToRespond = medianDaysToRespond
    }
}

/// What a save did.
public struct SaveSummary: Sendable, Hashable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
    }
}

/// One change to the record: who made it, when, and what changed.
public struct AuditEntry: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable { case created, updated, deleted }
    public var at: Date
    public var actor: String
    public var action: Action
    public var entity: String
    public var entityId: String
    /// The columns that changed, comma-separated.
    public var changes: String
    /// The record before and after the change, as JSON, for changes made through the web.
    public var before: String?
    public var after: String?

    public init(at: Date, actor: String, action: Action, entity: String, entityId: String, changes: String, before: String? = nil, after: String? = nil) {
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.changes = changes
        self.before = before
        self.after = after
    }
}

/// Why the store could not do what was asked.
public enum StoreError: Error, Hashable, CustomStringConvertible {
    case notFound(entity: String, id: String)
    /// A row breaks a rule the domain enforces (it was written by something other than Quorum).
    case corruptRow(table: String, id: String, reason: String)
    /// The database was written by a newer Quorum; opening it would risk the data.
    case newerSchema(path: String, unknownMigrations: [String])
    case cannotOpen(path: String, reason: String)
    /// A release asked of something that is not exempt.
    case notExempt(entity: String, id: String)
    /// A request the store refuses, with the reason in words.
    case invalid(String)

    public var description: String {
        switch self {
        case .notFound(let entity, let id): "There is no \(entity) ‘\(id)’."
        case .corruptRow(let table, let id, let reason): "The \(table) row ‘\(id)’ cannot be read: \(reason)."
        case .newerSchema(let path, let unknown):
            "The database \(path) was written by a newer version of Quorum (it has the migration(s) \(unknown.map { "‘\($0)’" }.joined(separator: ", ")) that this version does not know). Upgrade Quorum to open it; nothing was changed."
        case .cannotOpen(let path, let reason): "Cannot open the database \(path): \(reason)"
        case .notExempt(let entity, let id): "The \(entity) ‘\(id)’ is not exempt, so there is nothing to release."
        case .invalid(let reason): reason
        }
    }
}

/// What the home page shows, as one read gives it.
public struct HomePapers: Sendable {
    /// By name, for their names and councils: their remits read as empty and their clerks as nil.
    public var committees: [Committee]
    /// Earliest first.
    public var upcoming: [Meeting]
    /// Latest first.
    public var recent: [Meeting]
    /// The recent meetings' agenda items, in each meeting's order.
    public var agendaItems: [AgendaItem]
    /// The recent meetings' reports, covers only (as `MeetingPapers.reports`).
    public var reports: [Report]
    public var overdue: Int

    public init(committees: [Committee], upcoming: [Meeting], recent: [Meeting], agendaItems: [AgendaItem], reports: [Report], overdue: Int) {
        self.committees = committees
        self.upcoming = upcoming
        self.recent = recent
        self.agendaItems = agendaItems
        self.reports = reports
        self.overdue = overdue
    }
}

/// A person with their record across committees, as one read gives them.
public struct PersonPapers: Sendable {
    public var person: Person
    /// Their council's rules, for its municipal years.
    public var rules: DeadlineRules
    public var memberships: [Membership]
    /// How their attendance adds up in each municipal year it falls in, newest first.
    public var years: [AttendanceYear]
    /// The first day of the municipal year shown; nil when no attendance is recorded and no year was asked for.
    public var shownYear: CalendarDay?
    /// Their attendance in the year shown.
    public var attendance: [Attendance]
    public var declarations: [DeclarationOfInterest]
    /// The meetings the attendance and declarations name.
    public var meetings: [Meeting]
    /// Every committee, for names: their remits read as empty and their clerks as nil.
    public var committees: [Committee]
    /// The agenda items and minutes their declarations name by number, for which of them are exempt (a minute is
    /// named by a number like its own, "8" or "8a"). The minutes carry their number, title and exemption; their text
    /// and resolutions read as empty.
    public var agendaItems: [AgendaItem]
    public var minuteItems: [MinuteItem]

    public init(
        person: Person, rules: DeadlineRules, memberships: [Membership], years: [AttendanceYear], shownYear: CalendarDay?, attendance: [Attendance],
        declarations: [DeclarationOfInterest], meetings: [Meeting], committees: [Committee], agendaItems: [AgendaItem], minuteItems: [MinuteItem]
    ) {
        self.person = person
        self.rules = rules
        self.memberships = memberships
        self.years = years
        self.shownYear = shownYear
        self.attendance = attendance
        self.declarations = declarations
        self.meetings = meetings
        self.committees = committees
        self.agendaItems = agendaItems
        self.minuteItems = minuteItems
    }
}

/// A committee with its members, meetings and current work programme, as one read gives them.
public struct CommitteePapers: Sendable {
    public var committee: Committee
    public var memberships: [Membership]
    /// The people the memberships name.
    public var people: [Person]
    /// Earliest first.
    public var meetings: [Meeting]
    /// The sessions from the day asked for on, earliest first.
    public var workProgrammeSessions: [WorkProgrammeSession]
    /// The topics of those sessions, and those scheduled to none (potential or deferred).
    public var workProgrammeItems: [WorkProgrammeItem]

    public init(
        committee: Committee, memberships: [Membership], people: [Person], meetings: [Meeting], workProgrammeSessions: [WorkProgrammeSession],
        workProgrammeItems: [WorkProgrammeItem]
    ) {
        self.committee = committee
        self.memberships = memberships
        self.people = people
        self.meetings = meetings
        self.workProgrammeSessions = workProgrammeSessions
        self.workProgrammeItems = workProgrammeItems
    }
}

/// A meeting with its papers, its people and its neighbours, as one read gives them.
public struct MeetingPapers: Sendable {
    public var meeting: Meeting
    /// The meeting's committee.
    public var committee: Committee?
    /// The council, for its deadline rules.
    public var authority: Authority?
    public var agendaItems: [AgendaItem]
    /// The reports' covers (title, author, access, purpose): what a meeting's page and front sheet show of them. Their
    /// recommendations, sections, appendices and clearance are left empty here; `reports(of:)` reads them whole.
    public var reports: [Report]
    /// In number order (PQ 1, PQ 2, …).
    public var questions: [Question]
    public var minuteItems: [MinuteItem]
    public var attendance: [Attendance]
    public var declarations: [DeclarationOfInterest]
    /// Everyone the attendance, declarations and questions name.
    public var people: [Person]
    /// The committee's meetings just before and after.
    public var previous: Meeting?
    public var next: Meeting?
    /// The recommendations made at the meeting.
    public var recommendations: [Recommendation]
    /// When reports for it are due, as the committee's work programme sets it for that day.
    public var reportDeadline: CalendarDay?
    /// Its agenda and supplements as published in Quorum, the agenda first.
    public var publications: [AgendaPublication]

    public init(
        meeting: Meeting, committee: Committee?, authority: Authority?, agendaItems: [AgendaItem], reports: [Report], questions: [Question],
        minuteItems: [MinuteItem], attendance: [Attendance], declarations: [DeclarationOfInterest], people: [Person], previous: Meeting?,
        next: Meeting?, recommendations: [Recommendation], reportDeadline: CalendarDay? = nil, publications: [AgendaPublication] = []
    ) {
        self.committee = committee
        self.publications = publications
        self.reportDeadline = reportDeadline
        self.meeting = meeting
        self.authority = authority
        self.agendaItems = agendaItems
        self.reports = reports
        self.questions = questions
        self.minuteItems = minuteItems
        self.attendance = attendance
        self.declarations = declarations
        self.people = people
        self.previous = previous
        self.next = next
        self.recommendations = recommendations
    }
}

extension QuorumStore {
    /// Each committee's deadline rules, its council's (the standard ones where the council has none recorded): what
    /// every due date and deadline is worked out with.
    public func deadlineRules() async throws -> CommitteeRules {
        CommitteeRules(committees: try await committees(), authorities: try await authorities())
    }
}

/// What the recommendations tracker shows, read together.
public struct TrackerPapers: Sendable {
    /// One page of them, in the filter's order.
    public var recommendations: [Recommendation]
    /// How many the filter takes, its page aside.
    public var total: Int
    public var summary: RecommendationSummary
    /// Every committee, by name, for their names and councils: their remits read as empty and their clerks as nil.
    public var committees: [Committee]
    public var rules: CommitteeRules

    public init(recommendations: [Recommendation], total: Int, summary: RecommendationSummary, committees: [Committee], rules: CommitteeRules) {
        self.recommendations = recommendations
        self.total = total
        self.summary = summary
        self.committees = committees
        self.rules = rules
    }
}

/// Deadline rules by committee, from `QuorumStore.deadlineRules()`.
public struct CommitteeRules: Sendable {
    private let rules: [Committee.ID: DeadlineRules]
    /// Each committee's council's rules.
    public init(committees: [Committee], authorities: [Authority]) {
        let byAuthority = Dictionary(authorities.map { ($0.id, $0.rules) }, uniquingKeysWith: { a, _ in a })
        rules = Dictionary(committees.map { ($0.id, byAuthority[$0.authority] ?? .standard) }, uniquingKeysWith: { a, _ in a })
    }
    public subscript(_ committee: Committee.ID) -> DeadlineRules { rules[committee] ?? .standard }
}
