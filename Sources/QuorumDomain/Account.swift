/// Someone who signs in to do the work: a council officer, a councillor, or an executive officer who answers the
/// committee's recommendations. The public needs no account.
public struct User: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<User>
    public let id: ID
    /// Stored as given; compared without regard to case.
    public var email: String
    public var name: String
    public var role: Role
    /// For an executive responder: the addressees they answer for, as the tracker names them ("Cabinet",
    /// "Cabinet Member Children and Young People", a partner body).
    public var answersFor: [String]
    public var isDisabled: Bool

    public init(email: String, name: String, role: Role, answersFor: [String] = [], isDisabled: Bool = false) {
        self.id = User.id(forEmail: email)
        self.email = email
        self.name = name
        self.role = role
        self.answersFor = answersFor
        self.isDisabled = isDisabled
    }

    /// One account per address, whatever its capitals.
    public static func id(forEmail email: String) -> ID { ID("users/" + email.lowercased()) }

    /// What an account is for.
    public enum Role: String, Hashable, Sendable, Codable, CaseIterable {
        /// Manages accounts, and may do what every other role may.
        case administrator
        /// Democratic services: meetings, agendas, minutes, releases of exempt information.
        case clerk
        /// Supports the committee: sends recommendations, chases them, records extensions and what was done.
        case scrutinyOfficer
        /// Answers recommendations for the bodies in `answersFor`.
        case executiveResponder
        case councillor

        public var label: String {
            switch self {
            case .administrator: "Administrator"
            case .clerk: "Clerk (democratic services)"
            case .scrutinyOfficer: "Scrutiny officer"
            case .executiveResponder: "Executive responder"
            case .councillor: "Councillor"
            }
        }

        /// Officers see what the public cannot: history, warnings, withheld papers.
        public var isOfficer: Bool { self != .councillor }
    }

    /// Whether this account may record a recommendation's progress: sent, extended, not pursued, implemented, closed.
    public var mayTrackRecommendations: Bool { !isDisabled && (role == .administrator || role == .scrutinyOfficer) }

    /// Whether this account may see the warnings imports left on records and mark them checked: any officer.
    public var mayCheckWarnings: Bool { !isDisabled && role.isOfficer }

    /// Whether this account may decide on the public's questions, record their answers, and read the askers' email
    /// addresses: democratic services.
    public var mayHandleQuestions: Bool { mayScheduleMeetings }

    /// Whether this account may change a committee's work programme and the forward plan it reads: democratic services
    /// and scrutiny officers.
    public var mayPlanWorkProgramme: Bool { isDemocraticServices || (!isDisabled && role == .scrutinyOfficer) }

    /// Whether this account may record an improvement plan's figures, audit grades, indicators and the progress of its
    /// actions: democratic services and scrutiny officers (not the executive whose plan the committee scrutinises).
    public var mayRecordPlanFigures: Bool { isDemocraticServices || (!isDisabled && role == .scrutinyOfficer) }

    /// Whether this account may write a meeting's minutes and publish them: democratic services.
    public var mayWriteMinutes: Bool { isDemocraticServices }

    /// Whether this account may schedule, move and cancel meetings: democratic services.
    public var mayScheduleMeetings: Bool { isDemocraticServices }

    /// Whether this account may publish exempt information once its paragraph no longer applies: democratic services.
    public var mayReleaseExempt: Bool { isDemocraticServices }

    /// Democratic services: a clerk, or an administrator, whose account is enabled.
    public var isDemocraticServices: Bool { !isDisabled && (role == .administrator || role == .clerk) }

    /// Whether `recommendation` waits in this account's queue: an executive responder's, addressed to a body they
    /// answer for. (Officers may answer any, but have no queue.)
    public func hasInQueue(_ recommendation: Recommendation) -> Bool {
        role == .executiveResponder && recommendation.response == .awaiting && mayAnswer(recommendation)
    }

    /// Whether this account may answer `recommendation`: a responder for its addressee, or an officer who may act
    /// for anyone (administrator, scrutiny officer).
    public func mayAnswer(_ recommendation: Recommendation) -> Bool {
        guard !isDisabled else { return false }
        switch role {
        case .administrator, .scrutinyOfficer: return true
        case .executiveResponder:
            let addressee = recommendation.addressee.label.lowercased()
            return answersFor.contains { $0.lowercased() == addressee }
        case .clerk, .councillor: return false
        }
    }
}

/// How many failed sign-ins are allowed, per account and per address, before sign-in is refused for a while.
public struct SignInLimit: Hashable, Sendable {
    public var attempts: Int
    public var windowSeconds: Int

    public init(attempts: Int = 5, windowSeconds: Int = 15 * 60) {
        self.attempts = attempts
        self.windowSeconds = windowSeconds
    }
}
