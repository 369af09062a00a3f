public import QuorumDomain
/// One row of a recommendations tracker: what the committee asked of the executive and the answer.
public struct TrackedRecommendation: Sendable, Hashable, Codable {
    /// The meeting that made the recommendation.
    public var meetingDate: CalendarDay?
    public var meetingText: String?
    /// The topic (agenda item) the recommendation came from.
    public var topic: String
    /// The printed recommendation number, when the tracker numbers them.
    public var number: String?
    public var text: String
    public var dateSent: PublishedDate?
    public var dueDate: PublishedDate?
    public var receivedDate: PublishedDate?
    public var response: String?
    public var line: Int

    public init(
        meetingDate: CalendarDay? = nil, meetingText: String? = nil, topic: String, number: String? = nil, text: String,
        dateSent: PublishedDate? = nil, dueDate: PublishedDate? = nil, receivedDate: PublishedDate? = nil,
        response: String? = nil, line: Int = 0
    ) {
        self.meetingDate = meetingDate
        self.meetingText = meetingText
        self.topic = topic
        self.number = number
        self.text = text
        self.dateSent = dateSent
        self.dueDate = dueDate
        self.receivedDate = receivedDate
        self.response = response
        self.line = line
    }
}

/// One row of an action tracker: what an officer owes the committee.
public struct TrackedAction: Sendable, Hashable, Codable {
    public var number: String
    public var meetingDate: PublishedDate?
    public var action: String
    public var owner: String?
    public var directorate: String?
    public var progress: String?
    public var dueDate: PublishedDate?
    public var reportedComplete: PublishedDate?
    public var line: Int

    public init(
        number: String, meetingDate: PublishedDate? = nil, action: String, owner: String? = nil, directorate: String? = nil,
        progress: String? = nil, dueDate: PublishedDate? = nil, reportedComplete: PublishedDate? = nil, line: Int = 0
    ) {
        self.number = number
        self.meetingDate = meetingDate
        self.action = action
        self.owner = owner
        self.directorate = directorate
        self.progress = progress
        self.dueDate = dueDate
        self.reportedComplete = reportedComplete
        self.line = line
    }
}
