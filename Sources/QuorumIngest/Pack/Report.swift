public import QuorumDomain

/// A report to the committee: its cover sheet and its body, heading by heading.
public struct Report: Sendable, Hashable, Codable {
    public var title: String
    /// The number of the agenda item the report belongs to, when it could be matched.
    public var agendaItemNumber: String?
    /// The "Meeting:" line of the cover.
    public var meeting: String?
    public var meetingDate: CalendarDay?
    /// The "Report by:" line, usually a role.
    public var reportBy: String?
    /// Open or exempt, from the cover's classification and any marking on the title or page; `nil` when the
    /// report says nothing of it.
    public var classification: Access?
    /// The classification as published, e.g. "Open".
    public var classificationText: String?
    /// What the report says of its appendices, by `Report.Appendix.key` ("2"); "" for all of them.
    public var appendixAccess: [String: Access] = [:]
    /// Key, non-key or not an executive decision; `nil` when the cover gives none or `decisionTypeText` is something else.
    public var decisionType: QuorumDomain.Report.DecisionType?
    /// The decision type as printed, when it is none of the three.
    public var decisionTypeText: String?
    public var wardsAffected: [String]
    public var purpose: String
    /// The lettered recommendations of the cover, in order.
    public var recommendations: [QuorumDomain.Report.LetteredRecommendation]
    /// The appendices the cover lists.
    public var appendices: [String]
    /// Every heading of the report and its text, in order, from "Alternative options" to the end
    /// of the report's appendices.
    public var sections: [ReportSection]
    /// The cabinet member whose portfolio the report falls in, as printed.
    public var cabinetPortfolio: String?
    /// The officer who wrote it ("Contact officer": name, job title, telephone, email).
    public var author: Contact?
    /// The democratic services officer named at its end.
    public var democraticServices: Contact?
    /// The earlier decision that asked for the report: "Minute 45", and the meeting it was made at.
    public var requestedAt: QuorumDomain.Report.Request?
    /// The line of the pack where the report's title is.
    public var line: Int
    public var unparsed: [String]

    public init(
        title: String, agendaItemNumber: String? = nil, meeting: String? = nil, meetingDate: CalendarDay? = nil,
        reportBy: String? = nil, classification: Access? = nil, classificationText: String? = nil,
        decisionType: QuorumDomain.Report.DecisionType? = nil, wardsAffected: [String] = [], purpose: String = "",
        recommendations: [QuorumDomain.Report.LetteredRecommendation] = [], appendices: [String] = [], sections: [ReportSection] = [], line: Int = 0,
        unparsed: [String] = []
    ) {
        self.title = title
        self.agendaItemNumber = agendaItemNumber
        self.meeting = meeting
        self.meetingDate = meetingDate
        self.reportBy = reportBy
        self.classification = classification
        self.classificationText = classificationText
        self.decisionType = decisionType
        self.wardsAffected = wardsAffected
        self.purpose = purpose
        self.recommendations = recommendations
        self.appendices = appendices
        self.sections = sections
        self.line = line
        self.unparsed = unparsed
    }
}

/// One heading of a report and the text under it.
public struct ReportSection: Sendable, Hashable, Codable {
    public var heading: String
    /// The paragraphs under the heading, one per line of the pack.
    public var paragraphs: [String]
    public var line: Int
    /// The label of the appendix the section is printed in ("Appendix 2"), or `nil` for the report itself.
    public var appendix: String?

    public init(heading: String, paragraphs: [String], line: Int = 0, appendix: String? = nil) {
        self.heading = heading
        self.paragraphs = paragraphs
        self.line = line
        self.appendix = appendix
    }
}
