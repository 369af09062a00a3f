public import Foundation
public import QuorumDomain

/// Accounts, their sessions and sign-in attempts, and the changes people make through the web: the part of the
/// store that editing needs. Each method is one transaction; each change to a record is audited with who, when, and
/// the record before and after.
public protocol AccountStore: Sendable {
    /// Every account, by name.
    func users() async throws -> [User]
    func user(_ id: User.ID) async throws -> User?
    /// The account for `email` (any capitals) with its bcrypt hash, to check a password against.
    func credentials(email: String) async throws -> Credentials?
    /// Throws `.invalid` when an account for the address exists.
    func addUser(_ user: User, passwordHash: String, by actor: String, at: Date) async throws
    /// Changes an account's name, role, addressees or whether it is disabled; disabling ends its sessions.
    func updateUser(_ user: User, by actor: String, at: Date) async throws
    /// A new password; every session of the account ends, so a stolen one stops working.
    func setPassword(of user: User.ID, passwordHash: String, by actor: String, at: Date) async throws

    func startSession(_ session: UserSession) async throws
    /// The session whose token hashes to `tokenHash`, if it has been used within `idle` of `now` and its account is
    /// enabled; its last use becomes `now`. A session idle longer is deleted.
    func session(tokenHash: String, now: Date, idle: TimeInterval) async throws -> UserSession?
    func endSession(tokenHash: String) async throws

    /// Adds a token for the JSON API, held as the SHA-256 `tokenHash` of its secret; audited. Throws `.notFound` for an
    /// unknown account.
    func addApiToken(for user: User.ID, name: String, tokenHash: String, by actor: String, at: Date) async throws -> ApiToken
    /// Every token, revoked ones too, newest first.
    func apiTokens() async throws -> [ApiToken]
    /// The token stops working at once; audited. Throws `.notFound` for an unknown one.
    func revokeApiToken(_ id: Int64, by actor: String, at: Date) async throws
    /// The enabled account whose unrevoked token hashes to `tokenHash`. Its last use becomes `now`, written at most
    /// once a minute.
    func apiTokenUser(tokenHash: String, now: Date) async throws -> User?

    func recordSignInAttempt(email: String, address: String, succeeded: Bool, at: Date) async throws
    /// Failed sign-ins since `since` for the account and from the address, each counted since its last success.
    func failedSignIns(email: String, address: String, since: Date) async throws -> FailedSignIns

    /// Changes one recommendation as `change` says (sent, answered, extended, not pursued, implemented, closed), in one
    /// transaction: read, changed, written and audited with the record before and after, as `actor` at `at`. Returns
    /// it as now stored. If `change` throws, nothing is written. Throws `.notFound` for an unknown one.
    @discardableResult
    func updateRecommendation(
        _ recommendation: Recommendation.ID, by actor: String, at: Date, _ change: @escaping @Sendable (inout Recommendation) throws -> Void
    ) async throws -> Recommendation
    /// Adds a recommendation entered through the website, audited as created by `actor`. Throws `.invalid` when the
    /// committee has one with the same meeting, topic and number.
    func addRecommendation(_ recommendation: Recommendation, by actor: String, at: Date) async throws
    /// Adds meetings a clerk has scheduled, in one transaction, each audited as created by `actor`. Throws `.invalid`
    /// naming the first day its committee already meets on (a committee meets at most once a day), and `.notFound` for
    /// an unknown committee; then nothing is added.
    func addMeetings(_ meetings: [Meeting], by actor: String, at: Date) async throws
    /// Changes one meeting as `change` says (moved, its time or place changed, cancelled) in one transaction, audited
    /// with the meeting before and after. When its day, time, place or status changed, its `scheduleRevision` goes up
    /// by one, so calendars see the change. Throws `.invalid` for a move to a day its committee already meets on,
    /// `.notFound` for an unknown one; if `change` throws, nothing is written.
    @discardableResult
    func updateMeeting(_ meeting: Meeting.ID, by actor: String, at: Date, _ change: @escaping @Sendable (inout Meeting) throws -> Void) async throws -> Meeting
    /// A meeting's agenda as democratic services are building it: the working copy, or, where there is none, the agenda
    /// as published. `nil` for an unknown meeting.
    func agenda(of meeting: Meeting.ID) async throws -> Agenda?
    /// Changes a meeting's working agenda as `change` says, in one transaction, audited with the agenda before and after.
    /// The public sees nothing of it until it is published, except that an item made exempt is withheld at once. Throws
    /// `.notFound` for an unknown meeting, `.invalid` for one that is held or cancelled; if `change` throws, nothing is
    /// written.
    @discardableResult
    func updateAgenda(_ meeting: Meeting.ID, by actor: String, at: Date, _ change: @escaping @Sendable (inout Agenda) throws -> Void) async throws -> Agenda
    /// Publishes the working agenda, in one transaction: the first time as the agenda (the meeting's status becomes
    /// agenda published), later as the next supplement holding the items added or changed since. Each item and report
    /// written is audited, and the publication is recorded with `on`, the council's local time. `check` sees the working
    /// agenda first and may refuse (a version that no longer matches). Throws `.invalid` when nothing has changed since
    /// the last publication or the meeting is held or cancelled.
    func publishAgenda(
        _ meeting: Meeting.ID, by actor: String, at: Date, on: LocalDateTime, check: @escaping @Sendable (Agenda) throws -> Void
    ) async throws -> AgendaPublication
    /// Publishes the questions accepted for a meeting and their written answers as the meeting's next supplement, in one
    /// audited transaction, at `on` (the council's local time). Throws `.invalid` before the agenda is published or when
    /// no question is accepted; `.notFound` for an unknown meeting.
    @discardableResult
    func publishQuestions(_ meeting: Meeting.ID, by actor: String, at: Date, on: LocalDateTime) async throws -> AgendaPublication
    /// The publications of a meeting's papers made in Quorum, the agenda first.
    func publications(of meeting: Meeting.ID) async throws -> [AgendaPublication]
    /// The publications of every meeting of a committee, for its scorecard.
    func publications(ofCommittee committee: Committee.ID) async throws -> [AgendaPublication]
    /// The standard items a council's agendas carry, in its order (`StandardAgendaItem.standard` unless it has set its own).
    func standardAgendaItems(of authority: Authority.ID) async throws -> [StandardAgendaItem]
    /// Changes a council's rules (its deadlines, the days of its annual meetings) as `change` says, in one transaction,
    /// audited with the rules before and after; every due date worked out from them moves with them. Throws `.notFound`
    /// for an unknown council; if `change` throws, nothing is written.
    @discardableResult
    func updateRules(of authority: Authority.ID, by actor: String, at: Date, _ change: @escaping @Sendable (inout DeadlineRules) throws -> Void) async throws -> DeadlineRules
    /// Sets them, audited. Throws `.notFound` for an unknown council.
    func setStandardAgendaItems(_ items: [StandardAgendaItem], of authority: Authority.ID, by actor: String, at: Date) async throws
    /// Takes a member of the public's written question to `meeting`, in one transaction: it is numbered next after the
    /// meeting's public questions ("PQ 3"), held as received with its asker's email apart from it (never published),
    /// and the submission from `address` is counted for `questionSubmissions`. Audited. Returns it as stored.
    func submitQuestion(
        to meeting: Meeting.ID, name: String, place: String, email: String, addressee: String, text: String, receivedAt: LocalDateTime,
        from address: String, at: Date
    ) async throws -> Question
    /// How many questions have been submitted from `address` since `since`.
    func questionSubmissions(from address: String, since: Date) async throws -> Int
    /// The questions to meetings on or after `day`, with the email address each member of the public gave: for
    /// democratic services alone. Oldest meeting first, then by number.
    func questionsToHandle(from day: CalendarDay) async throws -> [(question: Question, email: String?)]
    /// One question with the email address its asker gave, for democratic services; nil when there is no such one.
    func questionToHandle(_ id: Question.ID) async throws -> (question: Question, email: String?)?
    /// Changes one question as `change` says (accepted, rejected, answered, its supplementary recorded), in one audited
    /// transaction, and the search index with it. Throws `.notFound`; if `change` throws, nothing is written.
    @discardableResult
    func updateQuestion(_ question: Question.ID, by actor: String, at: Date, _ change: @escaping @Sendable (inout Question) throws -> Void) async throws -> Question
    /// The warnings imports left on records that nobody has checked yet, newest first, at most `limit`, and how many
    /// have been checked.
    func warningsToCheck(limit: Int) async throws -> (unchecked: [StoredWarning], checked: Int)
    /// Marks one as checked by `actor`: it leaves the list. Audited. Throws `.notFound` for an unknown one.
    func markWarningChecked(_ id: Int64, by actor: String, at: Date) async throws
    /// Every change to one record, oldest first.
    func history(of entityId: String) async throws -> [AuditEntry]
    /// Changes to every record (or one), since a moment (or ever), oldest first.
    func auditEntries(entityId: String?, since: Date?) async throws -> [AuditEntry]
}

/// An account with what it signs in with.
public struct Credentials: Sendable, Hashable {
    public var user: User
    public var passwordHash: String
    public init(user: User, passwordHash: String) {
        self.user = user
        self.passwordHash = passwordHash
    }
}

/// A signed-in browser. The cookie holds a random token; the store holds only its SHA-256 hash, so a copy of the
/// database does not let anyone in.
public struct UserSession: Sendable, Hashable {
    public var tokenHash: String
    public var user: User
    /// Sent with every form the session's pages show, and checked on every POST.
    public var csrfToken: String
    public var startedAt: Date
    public var lastSeenAt: Date

    public init(tokenHash: String, user: User, csrfToken: String, startedAt: Date, lastSeenAt: Date) {
        self.tokenHash = tokenHash
        self.user = user
        self.csrfToken = csrfToken
        self.startedAt = startedAt
        self.lastSeenAt = lastSeenAt
    }
}

/// A token a program uses for the JSON API's actions, sent as `Authorization: Bearer …`. It acts as its account, with
/// the account's role. The secret is shown once, when it is made; the store keeps only its SHA-256.
public struct ApiToken: Sendable, Hashable, Encodable {
    public var id: Int64
    public var user: User.ID
    /// What it is for ("nightly tracker sync"), so that a list of tokens says which to revoke.
    public var name: String
    public var createdAt: Date
    public var lastUsedAt: Date?
    public var revokedAt: Date?

    public init(id: Int64, user: User.ID, name: String, createdAt: Date, lastUsedAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.user = user
        self.name = name
        self.createdAt = createdAt
        self.lastUsedAt = lastUsedAt
        self.revokedAt = revokedAt
    }
}

public struct FailedSignIns: Sendable, Hashable {
    public var account: Int
    public var address: Int
    public init(account: Int, address: Int) {
        self.account = account
        self.address = address
    }
}

/// A warning an import left on a record, as held.
public struct StoredWarning: Sendable, Hashable {
    public var id: Int64
    public var warning: RecordWarning
    public init(id: Int64, warning: RecordWarning) {
        self.id = id
        self.warning = warning
    }
}
