import GRDB
import QuorumDomain
public import QuorumStorage

struct AgendaItemRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "agendaItem"
    var id: String
    var meetingId: String
    var number: String
    var position: Int
    var title: String
    var description: String
    var firstPage: Int?
    var lastPage: Int?
    var isExempt: Bool
    var exemptParagraph: Int?

    init(_ value: AgendaItem) {
        id = value.id.rawValue
        meetingId = value.meeting.rawValue
        number = value.number
        position = value.position
        title = value.title
        description = value.description
        firstPage = value.pages?.first
        lastPage = value.pages?.last
        isExempt = value.access.isExempt
        exemptParagraph = value.access.paragraph?.rawValue
    }

    var access: Access {
        get throws { try QuorumPersistence.access(isExempt, exemptParagraph, table: Self.databaseTableName, id: id) }
    }

    func agendaItem() throws -> AgendaItem {
        let t = Self.databaseTableName
        var pages: PageRange?
        if let firstPage, let lastPage {
            guard let range = PageRange(first: firstPage, last: lastPage) else {
                throw StoreError.corruptRow(table: t, id: id, reason: "pages \(firstPage)-\(lastPage) are not a range")
            }
            pages = range
        }
        return AgendaItem(
            id: .init(id), meeting: .init(meetingId), number: number, position: position, title: title, description: description, pages: pages,
            access: try access)
    }
}

struct ReportRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "report"
    var id: String
    var agendaItemId: String
    var meetingId: String
    var title: String
    var reportBy: String
    var isExempt: Bool
    var exemptParagraph: Int?
    var decisionType: String
    var wardsAffected: String
    var purpose: String
    var recommendations: [Report.LetteredRecommendation]
    var sections: [Report.Section]
    var appendices: [Report.Appendix]
    var clearance: [Report.Clearance]
    var classificationText: String?
    var cabinetPortfolio: String?
    var author: Contact?
    var democraticServices: Contact?
    var requestedMinute: String?
    var requestedMeetingDay: String?

    init(_ value: Report) {
        id = value.id.rawValue
        agendaItemId = value.agendaItem.rawValue
        meetingId = value.meeting.rawValue
        title = value.title
        reportBy = value.reportBy
        isExempt = value.classification.isExempt
        exemptParagraph = value.classification.paragraph?.rawValue
        decisionType = value.decisionType.rawValue
        wardsAffected = value.wardsAffected
        purpose = value.purpose
        recommendations = value.recommendations
        sections = value.sections
        appendices = value.appendices
        clearance = value.clearance
        classificationText = value.classificationText
        cabinetPortfolio = value.cabinetPortfolio
        author = value.author
        democraticServices = value.democraticServices
        requestedMinute = value.requestedAt?.minute
        requestedMeetingDay = value.requestedAt?.meetingDay?.iso
    }

    var classification: Access {
        get throws { try QuorumPersistence.access(isExempt, exemptParagraph, table: Self.databaseTableName, id: id) }
    }

    func report() throws -> Report {
        let t = Self.databaseTableName
        return Report(
            id: .init(id), agendaItem: .init(agendaItemId), meeting: .init(meetingId), title: title, reportBy: reportBy,
            classification: try classification,
            decisionType: try decoded(decisionType, as: Report.DecisionType.self, table: t, id: id), wardsAffected: wardsAffected,
            purpose: purpose, recommendations: recommendations, sections: sections, appendices: appendices, clearance: clearance,
            classificationText: classificationText, cabinetPortfolio: cabinetPortfolio, author: author, democraticServices: democraticServices,
            requestedAt: try requestedMinute.map { .init(minute: $0, meetingDay: try day(requestedMeetingDay, table: t, id: id)) })
    }
}

struct MinuteItemRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "minuteItem"
    var id: String
    var meetingId: String
    var number: Int
    var title: String
    var text: String
    var resolutions: [Resolution]
    var isExempt: Bool
    var exemptParagraph: Int?
    var resolutionLeadIn: String?
    var reference: String?

    init(_ value: MinuteItem) {
        resolutionLeadIn = value.resolutionLeadIn
        reference = value.reference
        id = value.id.rawValue
        meetingId = value.meeting.rawValue
        number = value.number
        title = value.title
        text = value.text
        resolutions = value.resolutions
        isExempt = value.access.isExempt
        exemptParagraph = value.access.paragraph?.rawValue
    }

    var access: Access {
        get throws { try QuorumPersistence.access(isExempt, exemptParagraph, table: Self.databaseTableName, id: id) }
    }

    func minuteItem() throws -> MinuteItem {
        MinuteItem(
            id: .init(id), meeting: .init(meetingId), number: number, title: title, text: text, resolutions: resolutions, access: try access,
            resolutionLeadIn: resolutionLeadIn, reference: reference)
    }
}

struct AttendanceRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "attendance"
    var id: String
    var meetingId: String
    var personId: String
    var kind: String
    var detail: String?
    var substituteForPersonId: String?
    var position: Int?

    init(_ value: Attendance) {
        position = value.position
        id = value.id.rawValue
        meetingId = value.meeting.rawValue
        personId = value.person.rawValue
        switch value.kind {
        case .present(let role):
            kind = "present"
            detail = role
        case .virtual: kind = "virtual"
        case .apologies: kind = "apologies"
        case .substitute(let member):
            kind = "substitute"
            substituteForPersonId = member.rawValue
        case .inAttendance(let capacity):
            kind = "inAttendance"
            detail = capacity
        case .officer(let jobTitle):
            kind = "officer"
            detail = jobTitle
        }
    }

    /// The capacity a stored kind names, without its detail (a role, a job title, whom a substitute stood in for):
    /// enough to count attendance by. Nil for a kind Quorum does not know.
    static func capacity(_ kind: String) -> Attendance.Kind? {
        switch kind {
        case "present": .present(role: nil)
        case "virtual": .virtual
        case "apologies": .apologies
        case "substitute": .substitute(for: .init(""))
        case "inAttendance": .inAttendance(capacity: nil)
        case "officer": .officer(jobTitle: "")
        default: nil
        }
    }

    func attendance() throws -> Attendance {
        let kind: Attendance.Kind =
            switch (kind, detail, substituteForPersonId) {
            case ("present", let role, nil): .present(role: role)
            case ("virtual", nil, nil): .virtual
            case ("apologies", nil, nil): .apologies
            case ("substitute", nil, let member?): .substitute(for: .init(member))
            case ("inAttendance", let capacity, nil): .inAttendance(capacity: capacity)
            case ("officer", let jobTitle?, nil): .officer(jobTitle: jobTitle)
            default: throw StoreError.corruptRow(table: Self.databaseTableName, id: id, reason: "attendance ‘\(kind)’ does not fit")
            }
        return Attendance(id: .init(id), meeting: .init(meetingId), person: .init(personId), kind: kind, position: position)
    }
}

struct DeclarationRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "declarationOfInterest"
    var id: String
    var meetingId: String
    var personId: String
    var agendaItemNumber: String?
    var kind: String
    var reason: String

    init(_ value: DeclarationOfInterest) {
        id = value.id.rawValue
        meetingId = value.meeting.rawValue
        personId = value.person.rawValue
        agendaItemNumber = value.agendaItemNumber
        kind = value.kind
        reason = value.reason
    }

    func declaration() -> DeclarationOfInterest {
        DeclarationOfInterest(
            id: .init(id), meeting: .init(meetingId), person: .init(personId), agendaItemNumber: agendaItemNumber, kind: kind, reason: reason)
    }
}

struct QuestionRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "question"
    var id: String
    var meetingId: String
    var number: String
    var askerKind: String
    var askerName: String?
    var askerPlace: String?
    var askerPersonId: String?
    var addressee: String
    var text: String
    var receivedAt: String?
    var status: String
    var statusText: String?
    var supplementary: Question.Supplementary?

    init(_ value: Question) {
        id = value.id.rawValue
        meetingId = value.meeting.rawValue
        number = value.number
        switch value.asker {
        case .publicMember(let name, let place):
            askerKind = "public"
            askerName = name
            askerPlace = place
        case .councillor(let person):
            askerKind = "councillor"
            askerPersonId = person.rawValue
        }
        addressee = value.addressee
        text = value.text
        receivedAt = value.receivedAt?.iso
        switch value.status {
        case .received: status = "received"
        case .accepted: status = "accepted"
        case .rejected(let reason):
            status = "rejected"
            statusText = reason
        case .answered(let response):
            status = "answered"
            statusText = response
        }
        supplementary = value.supplementary
    }

    func question() throws -> Question {
        let t = Self.databaseTableName
        let asker: Question.Asker =
            switch (askerKind, askerName, askerPersonId) {
            case ("public", let name?, nil): .publicMember(name: name, place: askerPlace)
            case ("councillor", nil, let person?): .councillor(.init(person))
            default: throw StoreError.corruptRow(table: t, id: id, reason: "asker ‘\(askerKind)’ does not fit")
            }
        let status: Question.Status =
            switch (status, statusText) {
            case ("received", nil): .received
            case ("accepted", nil): .accepted
            case ("rejected", let reason?): .rejected(reason: reason)
            case ("answered", let response?): .answered(response: response)
            default: throw StoreError.corruptRow(table: t, id: id, reason: "status ‘\(status)’ does not fit")
            }
        var received: LocalDateTime?
        if let receivedAt {
            guard let value = LocalDateTime(iso: receivedAt) else { throw StoreError.corruptRow(table: t, id: id, reason: "‘\(receivedAt)’ is not a time") }
            received = value
        }
        return Question(
            id: .init(id), meeting: .init(meetingId), number: number, asker: asker, addressee: addressee, text: text, receivedAt: received,
            status: status, supplementary: supplementary)
    }
}
