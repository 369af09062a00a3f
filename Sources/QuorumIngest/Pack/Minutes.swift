public import QuorumDomain

/// The minutes of the committee's previous meeting, included in the pack for approval. Everything
/// here belongs to that earlier meeting, not to the meeting the pack is for.
public struct Minutes: Sendable, Hashable, Codable {
    public var committee: String?
    public var meetingDate: CalendarDay?
    public var startTime: TimeOfDay?
    public var venue: String?
    public var present: [Attendee]
    /// People who joined remotely and did not vote.
    public var virtualAttendees: [Attendee]
    public var inAttendance: [Attendee]
    public var officers: [Attendee]
    public var apologies: [Apology]
    public var substitutes: [Substitution]
    public var declarations: [Declaration]
    public var items: [MinuteItem]
    /// Questions and supplementary questions appended to the minutes.
    public var questions: [Question]
    public var endTime: TimeOfDay?
    /// The closing line as published ("The meeting ended at 4.35 pm").
    public var endedText: String?
    /// The line `endedText` is on.
    public var endedLine: Int?
    public var line: Int
    public var unparsed: [String]

    public init(
        committee: String? = nil, meetingDate: CalendarDay? = nil, startTime: TimeOfDay? = nil, venue: String? = nil,
        present: [Attendee] = [], virtualAttendees: [Attendee] = [], inAttendance: [Attendee] = [],
        officers: [Attendee] = [], apologies: [Apology] = [], substitutes: [Substitution] = [],
        declarations: [Declaration] = [], items: [MinuteItem] = [], questions: [Question] = [],
        endTime: TimeOfDay? = nil, endedText: String? = nil, line: Int = 0, unparsed: [String] = []
    ) {
        self.committee = committee
        self.meetingDate = meetingDate
        self.startTime = startTime
        self.venue = venue
        self.present = present
        self.virtualAttendees = virtualAttendees
        self.inAttendance = inAttendance
        self.officers = officers
        self.apologies = apologies
        self.substitutes = substitutes
        self.declarations = declarations
        self.items = items
        self.questions = questions
        self.endTime = endTime
        self.endedText = endedText
        self.line = line
        self.unparsed = unparsed
    }
}

/// A person recorded as attending: a name and/or a job title, and a committee role when stated.
public struct Attendee: Sendable, Hashable, Codable {
    public var name: String?
    /// "Councillor", "Mr", … when printed.
    public var title: String?
    /// Job title, portfolio or body represented, as published.
    public var description: String?
    public var role: MemberRole?

    public init(name: String? = nil, title: String? = nil, description: String? = nil, role: MemberRole? = nil) {
        self.name = name
        self.title = title
        self.description = description
        self.role = role
    }
}

/// An apology for absence: received from a member, or noted from someone else.
public struct Apology: Sendable, Hashable, Codable {
    public var name: String
    public var title: String?
    public var description: String?
    /// True for "apologies were noted from …" (not committee members).
    public var isNoted: Bool

    public init(name: String, title: String? = nil, description: String? = nil, isNoted: Bool = false) {
        self.name = name
        self.title = title
        self.description = description
        self.isNoted = isNoted
    }
}

/// A councillor attending one meeting in place of a member.
public struct Substitution: Sendable, Hashable, Codable {
    public var substitute: String
    public var member: String

    public init(substitute: String, member: String) {
        self.substitute = substitute
        self.member = member
    }
}

/// A member's declaration of interest in an agenda item.
public struct Declaration: Sendable, Hashable, Codable {
    public var member: String
    public var item: String?
    /// The kind as the code of conduct of the day calls it, e.g. "other" or "non-pecuniary".
    public var kind: String?
    public var reason: String?
    public var text: String

    public init(member: String, item: String? = nil, kind: String? = nil, reason: String? = nil, text: String) {
        self.member = member
        self.item = item
        self.kind = kind
        self.reason = reason
        self.text = text
    }
}

/// A numbered minute: its discussion and what was resolved.
public struct MinuteItem: Sendable, Hashable, Codable {
    public var number: Int
    /// The number as the council prints it, when that is more than the number: "LLC 5/25", "24/25", "Minute 114".
    public var reference: String?
    public var title: String
    /// The discussion, one paragraph per line of the pack.
    public var text: [String]
    /// What was resolved, in order; sub-points follow their resolution on new lines.
    public var resolutions: [String]
    /// "Actions arising" recorded under the minute.
    public var actions: [String]
    public var line: Int
    /// Exempt when the minute is marked so, or follows a resolution excluding the public for it.
    public var access: Access
    /// The words that lead into a list of resolutions ("That:"), as printed.
    public var resolutionLeadIn: String?

    public init(
        number: Int, title: String, text: [String] = [], resolutions: [String] = [], actions: [String] = [], line: Int = 0, access: Access = .open
    ) {
        self.number = number
        self.title = title
        self.text = text
        self.resolutions = resolutions
        self.actions = actions
        self.line = line
        self.access = access
    }
}

/// A written or supplementary question to the committee and its answer.
public struct Question: Sendable, Hashable, Codable {
    /// The printed number, e.g. "PQ 1" or "SPQ 1".
    public var number: String
    public var kind: QuestionKind
    public var questioner: String
    /// Where the questioner lives, e.g. "Weobley".
    public var place: String?
    public var addressee: String?
    public var text: String
    public var response: String?
    /// Who answered, when the response says ("Response by Cabinet Member …").
    public var respondent: String?
    public var line: Int

    public init(
        number: String, kind: QuestionKind, questioner: String, place: String? = nil, addressee: String? = nil,
        text: String, response: String? = nil, respondent: String? = nil, line: Int = 0
    ) {
        self.number = number
        self.kind = kind
        self.questioner = questioner
        self.place = place
        self.addressee = addressee
        self.text = text
        self.response = response
        self.respondent = respondent
        self.line = line
    }
}

/// Who asked: a member of the public, a councillor, or a supplementary question at the meeting.
public enum QuestionKind: String, Sendable, Hashable, Codable {
    case `public`
    case member
    case supplementary
}
