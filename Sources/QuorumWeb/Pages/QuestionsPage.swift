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
