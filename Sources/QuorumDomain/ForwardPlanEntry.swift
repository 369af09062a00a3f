/// An upcoming executive decision, from the forward plan that scrutiny reads to choose pre-decision topics.
public struct ForwardPlanEntry: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<ForwardPlanEntry>
    public let id: ID
    public var authority: Authority.ID
    /// "Report title and purpose".
    public var title: String
    public var purpose: String
    /// Cabinet, or a named cabinet member.
    public var decisionMaker: String
    public var dueDate: CalendarDay?
    public var leadCabinetMember: String?
    public var officerContacts: String?
    public var directorate: String?
    /// When it was put on the plan.
    public var uploadedOn: CalendarDay?
    public var decisionType: Report.DecisionType
    /// Exemptions and urgency, as published.
    public var exemptionsAndUrgency: String

    public init(
        id: ID, authority: Authority.ID, title: String, purpose: String = "", decisionMaker: String, dueDate: CalendarDay? = nil,
        leadCabinetMember: String? = nil, officerContacts: String? = nil, directorate: String? = nil, uploadedOn: CalendarDay? = nil,
        decisionType: Report.DecisionType = .nonKey, exemptionsAndUrgency: String = ""
    ) {
        self.id = id
        self.authority = authority
        self.title = title
        self.purpose = purpose
        self.decisionMaker = decisionMaker
        self.dueDate = dueDate
        self.leadCabinetMember = leadCabinetMember
        self.officerContacts = officerContacts
        self.directorate = directorate
        self.uploadedOn = uploadedOn
        self.decisionType = decisionType
        self.exemptionsAndUrgency = exemptionsAndUrgency
    }

    /// The identifier of a council's decision titled `title`: one decision a title.
    public static func id(for title: String, of authority: Authority.ID) -> ID { ID(under: authority, "forward-plan/" + slugged(title, limit: 200)) }

    /// A key decision must be on the plan 28 days before it is taken; `nil` when the dates are not known.
    public func hasEnoughNotice(rules: DeadlineRules) -> Bool? {
        guard decisionType == .key, let uploaded = uploadedOn, let due = dueDate else { return nil }
        return uploaded.days(until: due) >= rules.keyDecisionNoticeDays
    }
}

/// An action officers owe the committee ("Actions arising"), tracked until reported complete.
public struct CommitteeAction: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<CommitteeAction>
    public let id: ID
    public var committee: Committee.ID
    public var number: String
    public var meetingDay: CalendarDay?
    public var action: String
    public var owner: String
    public var directorate: String?
    public var progress: String
    public var dueOn: CalendarDay?
    /// When it was reported complete to a meeting, once it has been.
    public var reportedCompleteOn: CalendarDay?

    public init(
        id: ID, committee: Committee.ID, number: String, meetingDay: CalendarDay?, action: String, owner: String, directorate: String? = nil,
        progress: String = "", dueOn: CalendarDay? = nil, reportedCompleteOn: CalendarDay? = nil
    ) {
        self.id = id
        self.committee = committee
        self.number = number
        self.meetingDay = meetingDay
        self.action = action
        self.owner = owner
        self.directorate = directorate
        self.progress = progress
        self.dueOn = dueOn
        self.reportedCompleteOn = reportedCompleteOn
    }

    public var isComplete: Bool { reportedCompleteOn != nil }
}
