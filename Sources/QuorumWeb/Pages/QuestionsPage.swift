import QuorumDomain

/// For democratic services: the public's questions to coming meetings, each with what can be done with it next.
struct QuestionsPage: Sendable {
    let title: String
    let summary: String
    let meetings: [MeetingGroup]
    /// Said first, as an alert: a question changed while the page was open.
    var notice: String? = nil

    struct MeetingGroup: Sendable {
        let heading: String
        let href: String
        let deadline: String
        let questions: [Entry]
        /// Publishes the accepted questions and their answers as a supplement.
        let publish: FormView
    }

    struct Entry: Sendable {
        let anchor: String
        let number: String
        let addressee: String
        let status: String
        let asker: String
        let email: String?
        var mailto: String? { email.map { "mailto:" + $0 } }
        let received: String?
        let text: [String]
        let answer: String?
        let forms: [FormView]
    }
}

/// The questions accepted for a meeting and their written answers, as a supplement to the agenda, to print.
struct QuestionsSupplementPage: Sendable {
    let title: String
    let meeting: Link
    let published: [String]
    let questions: [Entry]
    let hasQuestions: Bool

    struct Entry: Sendable {
        let number: String
        let asker: String
        let addressee: String
        let text: [String]
        let answer: [String]
        let supplementary: String?
        let supplementaryAnswer: String?
    }
}
