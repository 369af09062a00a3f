import Foundation
/// A written question to a meeting, from a member of the public or a councillor.
public struct Question: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<Question>
    public let id: ID
    public var meeting: Meeting.ID
    /// "PQ 1", "MQ 2".
    public var number: String
    public var asker: Asker
    /// Who it is put to: "Cabinet Member Children and Young People".
    public var addressee: String
    public var text: String
    /// When it reached the council, if recorded.
    public var receivedAt: LocalDateTime?
    public var status: Status
    /// A follow-up put at the meeting ("SPQ 1"), with its answer.
    public var supplementary: Supplementary?

    /// Who asked.
    public enum Asker: Hashable, Sendable, Encodable {
        /// A member of the public: "Mr X", from "Weobley".
        case publicMember(name: String, place: String?)
        /// A councillor.
        case councillor(Person.ID)

        public var isPublic: Bool { if case .publicMember = self { true } else { false } }
    }

    /// Where the question has got to. An answered question always has its answer.
    public enum Status: Hashable, Sendable, Encodable {
        case received
        case accepted
        case rejected(reason: String)
        case answered(response: String)

        /// Received and not yet accepted or rejected.
        public var awaitsDecision: Bool { self == .received }

        /// Accepted or answered: published with the meeting's papers.
        public var isPublished: Bool {
            switch self {
            case .accepted, .answered: true
            case .received, .rejected: false
            }
        }

        public var label: String {
            switch self {
            case .received: "Received"
            case .accepted: "Accepted"
            case .rejected: "Rejected"
            case .answered: "Answered"
            }
        }
    }

    /// A supplementary question asked at the meeting and the answer given there (or promised later).
    public struct Supplementary: Hashable, Sendable, Codable {
        public var number: String?
        public var text: String
        public var response: String?
        public init(number: String?, text: String, response: String?) {
            self.number = number
            self.text = text
            self.response = response
        }
    }

    public init(
        id: ID, meeting: Meeting.ID, number: String, asker: Asker, addressee: String, text: String, receivedAt: LocalDateTime? = nil,
        status: Status = .received, supplementary: Supplementary? = nil
    ) {
        self.id = id
        self.meeting = meeting
        self.number = number
        self.asker = asker
        self.addressee = addressee
        self.text = text
        self.receivedAt = receivedAt
        self.status = status
        self.supplementary = supplementary
    }

    /// A question identified by its meeting and number.
    public init(
        number: String, at meeting: Meeting.ID, asker: Asker, addressee: String, text: String, receivedAt: LocalDateTime? = nil,
        status: Status = .received, supplementary: Supplementary? = nil
    ) {
        self.init(
            id: ID(under: meeting, "questions/" + slugged(number)), meeting: meeting, number: number, asker: asker, addressee: addressee,
            text: text, receivedAt: receivedAt, status: status, supplementary: supplementary)
    }

    /// Whether it arrived by the deadline for its meeting.
    public func isOnTime(deadline: LocalDateTime) -> Bool {
        receivedAt.map { $0 <= deadline } ?? true
    }
}

extension Meeting {
    /// Whether the public may still put a written question to it at `now`: it is to come, not cancelled, and its
    /// question deadline has not passed.
    public func takesQuestions(at now: LocalDateTime, rules: DeadlineRules, calendar: WorkingCalendar) -> Bool {
        guard knownFrom == nil else { return false }
        switch status {
        case .scheduled, .agendaPublished: return now <= deadlines(rules: rules, calendar: calendar).questions
        case .held, .minutesApproved, .cancelled: return false
        }
    }
}

extension Question {
    /// Questions in the order of their numbers: "PQ 1", "PQ 2", … "PQ 10", then "SPQ 1", ….
    public static func inNumberOrder(_ a: Question, _ b: Question) -> Bool {
        func key(_ number: String) -> (String, Int, String) {
            // Trimmed by hand: Foundation's trimming cost more than the rest of a meeting's sort.
            var letters = number.prefix { !$0.isNumber }
            while letters.first?.isBlank == true { letters = letters.dropFirst() }
            while letters.last?.isBlank == true { letters = letters.dropLast() }
            let digits = Int(number.drop { !$0.isNumber }.prefix { $0.isNumber }) ?? Int.max
            return (String(letters), digits, number)
        }
        return key(a.number) < key(b.number)
    }
}

extension Character {
    /// A space or tab, as `CharacterSet.whitespaces` has them.
    fileprivate var isBlank: Bool { unicodeScalars.allSatisfy { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator } }
}
