import Mustache
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

extension QuestionsPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "summary": summary
        case "meetings": meetings
        case "notice": notice
        default: nil
        }
    }
}

extension QuestionsPage.MeetingGroup: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "heading": heading
        case "href": href
        case "deadline": deadline
        case "questions": questions
        case "publish": publish
        default: nil
        }
    }
}

extension QuestionsPage.Entry: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "anchor": anchor
        case "number": number
        case "addressee": addressee
        case "status": status
        case "asker": asker
        case "email": email
        case "mailto": mailto
        case "received": received
        case "text": text
        case "answer": answer
        case "forms": forms
        default: nil
        }
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

extension QuestionsSupplementPage: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "title": title
        case "meeting": meeting
        case "published": published
        case "questions": questions
        case "hasQuestions": hasQuestions
        default: nil
        }
    }
}

extension QuestionsSupplementPage.Entry: MustacheParent {
    func child(named key: String) -> Any? {
        switch key {
        case "number": number
        case "asker": asker
        case "addressee": addressee
        case "text": text
        case "answer": answer
        case "supplementary": supplementary
        case "supplementaryAnswer": supplementaryAnswer
        default: nil
        }
    }
}
