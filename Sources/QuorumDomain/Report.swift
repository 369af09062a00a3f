/// The report for a substantive agenda item: a cover sheet of fixed fields, then fixed sections.
public struct Report: Hashable, Sendable, Identifiable, Codable {
    public typealias ID = Identifier<Report>
    public let id: ID
    public var agendaItem: AgendaItem.ID
    public var meeting: Meeting.ID
    /// "Area SEND Inspection".
    public var title: String
    /// The role the report is by: "Director of Children's Services".
    public var reportBy: String
    public var classification: Access
    public var decisionType: DecisionType
    /// "All wards", or the wards named.
    public var wardsAffected: String
    public var purpose: String
    /// The recommendations lettered a), b), …
    public var recommendations: [LetteredRecommendation]
    /// The body, section by section, in the order printed.
    public var sections: [Section]
    /// The appendices listed on the report.
    public var appendices: [Appendix]
    /// The reviewers who cleared it for publication.
    public var clearance: [Clearance]
    /// The classification as the cover prints it, when it says more than open or exempt: "Open report with exempt
    /// appendix".
    public var classificationText: String?
    /// The cabinet member whose portfolio it falls in: "Cabinet Member for Housing and Homelessness".
    public var cabinetPortfolio: String?
    /// The officer who wrote it (the cover's contact officer).
    public var author: Contact?
    /// The democratic services or scrutiny officer it names for enquiries.
    public var democraticServices: Contact?
    /// The earlier decision that asked for it: "Minute 45" of the meeting on 14 January 2025.
    public var requestedAt: Request?

    /// Where the committee asked for a report: the minute as printed and, when the report gives it, that meeting's day.
    public struct Request: Hashable, Sendable, Codable {
        public var minute: String
        public var meetingDay: CalendarDay?
        public init(minute: String, meetingDay: CalendarDay? = nil) {
            self.minute = minute
            self.meetingDay = meetingDay
        }
    }

    /// Whether the report is a decision of the executive, and of what weight.
    public enum DecisionType: String, Hashable, Sendable, CaseIterable {
        /// A key decision: £500,000 or more, or a significant effect on two or more wards.
        case key
        case nonKey
        /// "This is not an executive decision": most scrutiny reports.
        case notAnExecutiveDecision

        public var label: String {
            switch self {
            case .key: "Key"
            case .nonKey: "Non-key"
            case .notAnExecutiveDecision: "This is not an executive decision"
            }
        }
    }

    /// A recommendation printed on the report's cover: "a) That the committee …".
    public struct LetteredRecommendation: Hashable, Sendable, Codable {
        public var letter: String
        public var text: String
        public init(letter: String, text: String) {
            self.letter = letter
            self.text = text
        }
    }

    /// A section of the body. `kind` names the fixed sections every report has; others are `.other`.
    /// A section printed inside an appendix names it (`appendix`), so an exempt appendix's text is withheld with it.
    public struct Section: Hashable, Sendable, Codable {
        public var kind: SectionKind
        public var heading: String
        public var text: String
        /// The label of the appendix the section is part of ("Appendix 2"), or `nil` for the report itself.
        public var appendix: String?
        public init(kind: SectionKind, heading: String, text: String, appendix: String? = nil) {
            self.kind = kind
            self.heading = heading
            self.text = text
            self.appendix = appendix
        }
    }

    /// The fixed sections of a council report, in the order the template prints them.
    public enum SectionKind: String, Hashable, Sendable, Codable, CaseIterable {
        case alternativeOptions, keyConsiderations, communityImpact, environmentalImpact, equalityDuty, resourceImplications
        case legalImplications, riskManagement, consultees, backgroundPapers
        /// A heading of the author's own inside the body.
        case other

        /// The heading as the template prints it.
        public var heading: String {
            switch self {
            case .alternativeOptions: "Alternative options"
            case .keyConsiderations: "Key considerations"
            case .communityImpact: "Community impact"
            case .environmentalImpact: "Environmental impact"
            case .equalityDuty: "Equality duty"
            case .resourceImplications: "Resource implications"
            case .legalImplications: "Legal implications"
            case .riskManagement: "Risk management"
            case .consultees: "Consultees"
            case .backgroundPapers: "Background papers"
            case .other: ""
            }
        }

        /// The fixed section a printed heading names, if any ("Environmental Impact" → `.environmentalImpact`).
        public init(heading: String) {
            let wanted = heading.lowercased().filter(\.isLetter)
            self = SectionKind.allCases.first { $0 != .other && $0.heading.lowercased().filter(\.isLetter) == wanted } ?? .other
        }
    }

    /// An appendix to the report: "Appendix 1 – Recommendations tracker". It may be exempt when its report is open.
    public struct Appendix: Hashable, Sendable, Codable {
        public var label: String
        public var title: String
        public var access: Access
        public init(label: String, title: String, access: Access = .open) {
            self.label = label
            self.title = title
            self.access = access
        }

        /// What tells appendices apart however the label is printed: "Appendix 1", "APPENDIX 1", "appendix 1:",
        /// "Annex 1", "Exempt Appendix 1" → "1". A label that names no appendix gives "".
        public static func key(_ label: String) -> String {
            let words = label.lowercased().split { !$0.isLetter && !$0.isNumber }.prefix(4)
            guard let index = words.firstIndex(where: { ["appendix", "annex", "annexe"].contains($0) }), index + 1 < words.endIndex else { return "" }
            return String(words[index + 1])
        }

        public var key: String { Appendix.key(label) }
    }

    /// The appendix with this label, if the report lists it.
    public func appendix(_ label: String) -> Appendix? {
        let key = Appendix.key(label)
        return appendices.first { $0.key == key }
    }

    /// One reviewer's sign-off: a report is not published until every area has cleared it.
    public struct Clearance: Hashable, Sendable, Codable {
        public var area: String
        public var name: String
        public var date: CalendarDay?
        public init(area: String, name: String, date: CalendarDay?) {
            self.area = area
            self.name = name
            self.date = date
        }
    }

    public init(
        id: ID, agendaItem: AgendaItem.ID, meeting: Meeting.ID, title: String, reportBy: String = "", classification: Access = .open,
        decisionType: DecisionType = .notAnExecutiveDecision, wardsAffected: String = "", purpose: String = "",
        recommendations: [LetteredRecommendation] = [], sections: [Section] = [], appendices: [Appendix] = [], clearance: [Clearance] = [],
        classificationText: String? = nil, cabinetPortfolio: String? = nil, author: Contact? = nil, democraticServices: Contact? = nil,
        requestedAt: Request? = nil
    ) {
        self.id = id
        self.agendaItem = agendaItem
        self.meeting = meeting
        self.title = title
        self.reportBy = reportBy
        self.classification = classification
        self.decisionType = decisionType
        self.wardsAffected = wardsAffected
        self.purpose = purpose
        self.recommendations = recommendations
        self.sections = sections
        self.appendices = appendices
        self.clearance = clearance
        self.classificationText = classificationText
        self.cabinetPortfolio = cabinetPortfolio
        self.author = author
        self.democraticServices = democraticServices
        self.requestedAt = requestedAt
    }

    /// The report for an agenda item: one per item.
    public init(for item: AgendaItem, title: String) {
        self.init(id: ID(item.id.rawValue + "/report"), agendaItem: item.id, meeting: item.meeting, title: title, classification: item.access)
    }

    /// The text of a fixed section, if the report has it.
    public func text(of kind: SectionKind) -> String? {
        sections.first { $0.kind == kind }?.text
    }
}

/// Written as the council prints it ("Non-key"), so the dry run reads as the cover does; the stored code
/// ("nonKey") reads too.
extension Report.DecisionType: Codable {
    /// The decision type as the cover prints it ("Key", "Non-key"), or `nil` when the text is none of the three.
    public init?(label text: some StringProtocol) {
        let key = text.lowercased().filter(\.isLetter)
        guard let match = Self.allCases.first(where: { $0.label.lowercased().filter(\.isLetter) == key || $0.rawValue.lowercased() == key }) else {
            return nil
        }
        self = match
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(rawValue: text) ?? Self(label: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "‘\(text)’ is not a decision type"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(label)
    }
}
