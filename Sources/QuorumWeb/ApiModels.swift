import QuorumDomain
import QuorumStorage

// The JSON shapes of the API. Property names are the API's own (Popolo/OCD snake_case), hence not Swift style.

struct ApiOrganization: Encodable {
    let id: String
    let name: String
    let classification = "committee"
    let parent_id: String
    let remit: String
    let clerk: ApiContact?
    let url: String

    init(_ committee: Committee) {
        id = committee.id.rawValue
        name = committee.name
        parent_id = committee.authority.rawValue
        remit = committee.remit
        clerk = committee.clerk.map(ApiContact.init)
        url = Paths.committee(committee.id)
    }
}

struct ApiContact: Encodable {
    let name: String
    let role: String?
    let phone: String?
    let email: String?
    init(_ contact: Contact) {
        name = contact.name
        role = contact.role
        phone = contact.phone
        email = contact.email
    }
}

struct ApiPerson: Encodable {
    let id: String
    let name: String
    let honorific_prefix: String?
    let job_title: String?
    let url: String
    init(_ person: Person) {
        id = person.id.rawValue
        name = person.name
        honorific_prefix = person.title
        job_title = person.jobTitle
        url = Paths.person(person.id)
    }
}

struct ApiMembership: Encodable {
    let id: String
    let person_id: String
    let organization_id: String
    let role: String
    let on_behalf_of: String?
    let start_date: String?
    let end_date: String?
    init(_ membership: Membership) {
        id = membership.id.rawValue
        person_id = membership.person.rawValue
        organization_id = membership.committee.rawValue
        role =
            switch membership.role {
            case .chairperson: "chairperson"
            case .viceChairperson: "viceChairperson"
            case .councillor: "councillor"
            case .coOpted: "coOpted"
            case .namedSubstitute: "namedSubstitute"
            }
        if case .coOpted(let body) = membership.role { on_behalf_of = body } else { on_behalf_of = nil }
        start_date = membership.from?.iso
        end_date = membership.until?.iso
    }
}

struct ApiEvent: Encodable {
    let id: String
    let name: String
    let organization_id: String
    let start_date: String
    /// `null` for a meeting known only from another paper, whose time is not published.
    let start_time: String?
    let end_time: String?
    let timezone = "Europe/London"
    let location: String
    let status: String
    let url: String
    let agenda: [AgendaEntry]?
    var minutes: [Minute]?
    var questions: [QuestionItem]?
    /// On a single event: the version to send back with a change, so that two people cannot overwrite each other.
    var version: String?

    private enum CodingKeys: String, CodingKey {
        case id, name, organization_id, start_date, start_time, end_time, timezone, location, status, url, agenda, minutes, questions, version
    }

    /// `start_time` is always present (`null` when not published); the lists only on a single event.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(organization_id, forKey: .organization_id)
        try c.encode(start_date, forKey: .start_date)
        try c.encode(start_time, forKey: .start_time)
        try c.encodeIfPresent(end_time, forKey: .end_time)
        try c.encode(timezone, forKey: .timezone)
        try c.encode(location, forKey: .location)
        try c.encode(status, forKey: .status)
        try c.encode(url, forKey: .url)
        try c.encodeIfPresent(agenda, forKey: .agenda)
        try c.encodeIfPresent(minutes, forKey: .minutes)
        try c.encodeIfPresent(questions, forKey: .questions)
        try c.encodeIfPresent(version, forKey: .version)
    }

    struct AgendaEntry: Encodable {
        let number: String
        let order: Int
        let title: String
        let description: String
        let pages: String?
        let classification: String
        let report: ReportSummary?
    }

    struct ReportSummary: Encodable {
        let id: String
        let title: String
        let report_by: String
        let decision_type: String
        let purpose: String
        let recommendations: [String]
        let url: String
    }

    struct Minute: Encodable {
        let number: Int
        let title: String
        let text: String
        let resolutions: [String]
        let classification: String
        init(_ item: MinuteItem) {
            number = item.number
            title = item.title
            text = item.text
            resolutions = item.resolutions.map(\.text)
            classification = item.access.isExempt ? "exempt" : "open"
        }
    }

    struct QuestionItem: Encodable {
        let number: String
        let asked_by: String
        let addressee: String
        let text: String
        let status: String
        let response: String?
        init(_ question: Question) {
            number = question.number
            switch question.asker {
            case .publicMember(let name, let place): asked_by = [name, place].compactMap { $0 }.joined(separator: ", ")
            case .councillor(let id): asked_by = id.rawValue
            }
            addressee = question.addressee
            text = question.text
            status =
                switch question.status {
                case .received: "received"
                case .accepted: "accepted"
                case .rejected: "rejected"
                case .answered: "answered"
                }
            if case .answered(let response) = question.status { self.response = response } else { response = nil }
        }
    }

    init(_ meeting: Meeting, agenda: [Visibility.AgendaEntry]?) {
        id = meeting.id.rawValue
        name = meeting.start.day.councilStyle
        organization_id = meeting.committee.rawValue
        start_date = meeting.start.day.iso
        start_time = meeting.knownFrom == nil ? meeting.start.time.iso : nil
        end_time = meeting.status.endedAt?.iso
        location = meeting.venue
        status =
            switch meeting.status {
            case .scheduled: "scheduled"
            case .agendaPublished: "agendaPublished"
            case .held: "held"
            case .minutesApproved: "minutesApproved"
            case .cancelled: "cancelled"
            }
        url = Paths.meeting(meeting.id)
        self.agenda = agenda?.map { entry in
            AgendaEntry(
                number: entry.item.number, order: entry.item.position, title: entry.item.title, description: entry.item.description,
                pages: entry.item.pages?.description, classification: entry.item.isExempt ? "exempt" : "open",
                report: entry.report.map {
                    ReportSummary(
                        id: $0.id.rawValue, title: $0.title, report_by: $0.reportBy, decision_type: $0.decisionType.rawValue, purpose: $0.purpose,
                        recommendations: $0.recommendations.map { "\($0.letter)) \($0.text)" }, url: Paths.agendaItem(entry.item.id))
                })
        }
    }
}

struct ApiRecommendation: Encodable {
    let id: String
    let organization_id: String
    let meeting_date: String
    let topic: String
    let number: String
    let text: String
    let addressee: String?
    let response_rule: String
    let date_sent: String?
    let due_date: String?
    let received_date: String?
    let response: String?
    /// A stable code; `null` for an answer that states no outcome.
    let outcome: String?
    let overdue: Bool
    /// Why the due date was extended, when it was.
    let extension_reason: String?
    /// For an accepted one: `notStarted`, `inProgress` or `implemented`, with a day to review it and the day the
    /// committee closed it.
    let implementation_status: String?
    let review_date: String?
    let closed_date: String?
    let url: String
    /// On a single recommendation: the version to send back with a change, so that two people cannot overwrite each other.
    var version: String?

    init(_ row: TrackerRow) {
        let r = row.recommendation
        id = r.id.rawValue
        organization_id = r.committee.rawValue
        meeting_date = r.meetingDay.iso
        topic = r.topic
        number = r.number
        text = r.text
        addressee = r.addressee == .unspecified ? nil : r.addressee.label
        response_rule = RecommendationChanges.responseRuleName(r.responseRule)
        date_sent = r.sentOn?.iso
        due_date = row.dueOn?.iso
        received_date = r.answer?.on?.iso
        response = r.answer?.text
        outcome = r.outcomeKey == "notStated" ? nil : r.outcomeKey
        overdue = row.isOverdue
        extension_reason = r.extensionGranted?.reason
        implementation_status = r.implementation?.status.rawValue
        review_date = r.implementation?.reviewOn?.iso
        closed_date = r.implementation?.closedOn?.iso
        url = Paths.recommendation(r.id)
    }

    private enum CodingKeys: String, CodingKey {
        case id, organization_id, meeting_date, topic, number, text, addressee, response_rule, date_sent, due_date, received_date, response, outcome
        case overdue, extension_reason, implementation_status, review_date, closed_date, url, version
    }

    /// Every key is present; what is not known is `null`, never left out.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(organization_id, forKey: .organization_id)
        try c.encode(meeting_date, forKey: .meeting_date)
        try c.encode(topic, forKey: .topic)
        try c.encode(number, forKey: .number)
        try c.encode(text, forKey: .text)
        try c.encode(addressee, forKey: .addressee)
        try c.encode(response_rule, forKey: .response_rule)
        try c.encode(date_sent, forKey: .date_sent)
        try c.encode(due_date, forKey: .due_date)
        try c.encode(received_date, forKey: .received_date)
        try c.encode(response, forKey: .response)
        try c.encode(outcome, forKey: .outcome)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(extension_reason, forKey: .extension_reason)
        try c.encode(implementation_status, forKey: .implementation_status)
        try c.encode(review_date, forKey: .review_date)
        try c.encode(closed_date, forKey: .closed_date)
        try c.encode(url, forKey: .url)
        try c.encodeIfPresent(version, forKey: .version)
    }
}

struct ApiWorkProgrammeItem: Encodable {
    let id: String
    let organization_id: String
    let title: String
    let scrutiny_type: String?
    let objectives: String
    let evidence_required: String
    let attendees: [String]
    let report_writer: String?
    let state: String
    let session_date: String?
    let session_kind: String?
    let report_deadline: String?

    init(_ item: WorkProgrammeItem, sessions: [WorkProgrammeSession.ID: WorkProgrammeSession]) {
        id = item.id.rawValue
        organization_id = item.committee.rawValue
        title = item.title
        scrutiny_type = item.scrutinyType?.rawValue
        objectives = item.objectives
        evidence_required = item.evidenceRequired
        attendees = item.attendees.map(\.name)
        report_writer = item.reportWriter?.name
        state =
            switch item.state {
            case .potential: "potential"
            case .scheduled: "scheduled"
            case .deferred: "deferred"
            case .delivered: "delivered"
            }
        let session = item.session.flatMap { sessions[$0] }
        session_date = session?.day.iso
        session_kind = session?.kind.rawValue
        report_deadline = session?.reportDeadline?.iso
    }
}

/// The account a token acts as, and for an executive responder the recommendations waiting for their answer.
struct ApiAccount: Encodable {
    let id: String
    let email: String
    let name: String
    let role: String
    let answers_for: [String]
    let queue: [ApiRecommendation]

    init(_ user: User, queue: [ApiRecommendation]) {
        id = user.id.rawValue
        email = user.email
        name = user.name
        role = user.role.rawValue
        answers_for = user.answersFor
        self.queue = queue
    }
}

/// Something held as exempt, for democratic services to review; `target` names it to `POST /api/v1/exempt`.
struct ApiWithheld: Encodable {
    let target: String
    let event_id: String
    let title: String
    let exempt_paragraph: Int?

    init(_ record: WithheldRecord) {
        target = ExemptRoutes.key(record.target)
        event_id = record.meeting.rawValue
        title = record.title
        if case .exempt(let paragraph?) = record.access { exempt_paragraph = paragraph.rawValue } else { exempt_paragraph = nil }
    }

    private enum CodingKeys: String, CodingKey { case target, event_id, title, exempt_paragraph }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(target, forKey: .target)
        try c.encode(event_id, forKey: .event_id)
        try c.encode(title, forKey: .title)
        try c.encode(exempt_paragraph, forKey: .exempt_paragraph)
    }
}

/// The import warnings nobody has checked yet, newest first, and how many have been.
struct ApiWarnings: Encodable {
    let results: [ApiWarning]
    let checked: Int
}

struct ApiWarning: Encodable {
    let id: Int64
    let message: String
    let source: String?
    let entity: String
    let entity_id: String
    let url: String?

    init(_ stored: StoredWarning) {
        id = stored.id
        message = stored.warning.message
        source = stored.warning.source
        entity = stored.warning.entity
        entity_id = stored.warning.entityId
        url = NeedsChecking.href(stored.warning)
    }

    private enum CodingKeys: String, CodingKey { case id, message, source, entity, entity_id, url }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(message, forKey: .message)
        try c.encode(source, forKey: .source)
        try c.encode(entity, forKey: .entity)
        try c.encode(entity_id, forKey: .entity_id)
        try c.encode(url, forKey: .url)
    }
}

/// A question from the public as democratic services see it, with the email address the asker gave (never public).
struct ApiHeldQuestion: Encodable {
    let id: String
    let event_id: String
    let number: String
    let asker_name: String?
    let asker_place: String?
    let email: String?
    let addressee: String
    let text: String
    let received_at: String?
    /// `received`, `accepted`, `rejected` or `answered`.
    let status: String
    /// The written answer, or the reason it was rejected.
    let answer: String?
    let supplementary_question: String?
    let supplementary_answer: String?
    /// To send back with a change, so that two people cannot overwrite each other.
    let version: String

    init(_ held: (question: Question, email: String?)) {
        let q = held.question
        version = EditVersion.of(q)
        id = q.id.rawValue
        event_id = q.meeting.rawValue
        number = q.number
        if case .publicMember(let name, let place) = q.asker { (asker_name, asker_place) = (name, place) } else { (asker_name, asker_place) = (nil, nil) }
        email = held.email
        addressee = q.addressee
        text = q.text
        received_at = q.receivedAt.map { "\($0.day.iso)T\($0.time.iso)" }
        switch q.status {
        case .received: (status, answer) = ("received", nil)
        case .accepted: (status, answer) = ("accepted", nil)
        case .rejected(let reason): (status, answer) = ("rejected", reason)
        case .answered(let response): (status, answer) = ("answered", response)
        }
        supplementary_question = q.supplementary?.text
        supplementary_answer = q.supplementary?.response
    }

    private enum CodingKeys: String, CodingKey {
        case id, event_id, number, asker_name, asker_place, email, addressee, text, received_at, status, answer, supplementary_question, supplementary_answer
        case version
    }

    /// Every key is present; what is not known is `null`.
    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(event_id, forKey: .event_id)
        try c.encode(number, forKey: .number)
        try c.encode(asker_name, forKey: .asker_name)
        try c.encode(asker_place, forKey: .asker_place)
        try c.encode(email, forKey: .email)
        try c.encode(addressee, forKey: .addressee)
        try c.encode(text, forKey: .text)
        try c.encode(received_at, forKey: .received_at)
        try c.encode(status, forKey: .status)
        try c.encode(answer, forKey: .answer)
        try c.encode(supplementary_question, forKey: .supplementary_question)
        try c.encode(supplementary_answer, forKey: .supplementary_answer)
        try c.encode(version, forKey: .version)
    }
}
