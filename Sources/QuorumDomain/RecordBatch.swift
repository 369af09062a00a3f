/// A set of records written together, in one transaction: what an import or an edit changes.
public struct RecordBatch: Sendable, Hashable, Encodable {
    public var authorities: [Authority] = []
    public var people: [Person] = []
    public var committees: [Committee] = []
    public var memberships: [Membership] = []
    public var meetings: [Meeting] = []
    public var agendaItems: [AgendaItem] = []
    public var reports: [Report] = []
    public var attendance: [Attendance] = []
    public var declarations: [DeclarationOfInterest] = []
    public var questions: [Question] = []
    public var minuteItems: [MinuteItem] = []
    public var recommendations: [Recommendation] = []
    public var workProgrammeSessions: [WorkProgrammeSession] = []
    public var workProgrammeItems: [WorkProgrammeItem] = []
    public var forwardPlan: [ForwardPlanEntry] = []
    public var actions: [CommitteeAction] = []
    /// Improvement plans the papers carry: a version each, with the plan's figures as published.
    public var improvementPlans: [ImprovementPlan] = []
    public var warnings: [RecordWarning] = []

    public init() {}

    public var isEmpty: Bool { self == RecordBatch() }
}

/// Something about a record that an officer should check: a due date before the date sent, a line an
/// import did not recognise.
public struct RecordWarning: Sendable, Hashable, Codable {
    /// The table-like name of the record: "recommendation", "meeting".
    public var entity: String
    public var entityId: String
    public var message: String
    /// Where it came from: "pack.txt:1170".
    public var source: String?
    public init(entity: String, entityId: String, message: String, source: String? = nil) {
        self.entity = entity
        self.entityId = entityId
        self.message = message
        self.source = source
    }
}

