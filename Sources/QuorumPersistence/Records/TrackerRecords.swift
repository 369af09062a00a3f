import GRDB
import QuorumDomain
public import QuorumStorage

struct RecommendationRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "recommendation"
    var id: String
    var committeeId: String
    var meetingDay: String
    var topic: String
    var number: String
    var text: String
    var addresseeKind: String
    var addresseeName: String?
    var responseRule: String
    var sentOn: String?
    var dueOn: String?
    var responseState: String
    var respondedOn: String?
    var responseText: String?
    var outcome: String?
    var extendedDueOn: String?
    var extensionReason: String?
    var implementationStatus: String?
    var reviewOn: String?
    var closedOn: String?

    init(_ value: Recommendation) {
        id = value.id.rawValue
        committeeId = value.committee.rawValue
        meetingDay = value.meetingDay.iso
        topic = value.topic
        number = value.number
        text = value.text
        switch value.addressee {
        case .cabinet: addresseeKind = "cabinet"
        case .cabinetMember(let name):
            addresseeKind = "cabinetMember"
            addresseeName = name
        case .council: addresseeKind = "council"
        case .partner(let name):
            addresseeKind = "partner"
            addresseeName = name
        case .officers(let name):
            addresseeKind = "officers"
            addresseeName = name
        case .committee: addresseeKind = "committee"
        case .unspecified: addresseeKind = "unspecified"
        }
        responseRule = value.responseRule.rawValue
        sentOn = value.sentOn.iso
        dueOn = value.dueOn.iso
        switch value.response {
        case .awaiting: responseState = "awaiting"
        case .received(let on, let text, let outcome):
            responseState = "received"
            respondedOn = on.iso
            responseText = text
            self.outcome = outcome?.rawValue
        case .notPursued(let on, let reason):
            responseState = "notPursued"
            respondedOn = on.iso
            responseText = reason
        }
        extendedDueOn = value.extensionGranted?.dueOn.iso
        extensionReason = value.extensionGranted?.reason
        implementationStatus = value.implementation?.status.rawValue
        reviewOn = value.implementation?.reviewOn?.iso
        closedOn = value.implementation?.closedOn?.iso
    }

    func recommendation() throws -> Recommendation {
        let t = Self.databaseTableName
        let addressee: Recommendation.Addressee =
            switch (addresseeKind, addresseeName) {
            case ("cabinet", nil): .cabinet
            case ("cabinetMember", let name?): .cabinetMember(name)
            case ("council", nil): .council
            case ("partner", let name?): .partner(name)
            case ("officers", let name?): .officers(name)
            case ("committee", nil): .committee
            case ("unspecified", nil): .unspecified
            default: throw StoreError.corruptRow(table: t, id: id, reason: "addressee ‘\(addresseeKind)’ does not fit")
            }
        let responded = try day(respondedOn, table: t, id: id)
        let response: Recommendation.Response =
            switch (responseState, responseText, outcome) {
            case ("awaiting", nil, nil): .awaiting
            case ("received", let text?, let outcome):
                .received(on: responded, text: text, outcome: try outcome.map { try decoded($0, as: Recommendation.Outcome.self, table: t, id: id) })
            case ("notPursued", let reason?, nil): .notPursued(on: responded, reason: reason)
            default: throw StoreError.corruptRow(table: t, id: id, reason: "response ‘\(responseState)’ does not fit")
            }
        var recommendation = Recommendation(
            id: .init(id), committee: .init(committeeId), meetingDay: try requiredDay(meetingDay, table: t, id: id), topic: topic, number: number,
            text: text, addressee: addressee, responseRule: try decoded(responseRule, as: ResponseRule.self, table: t, id: id),
            sentOn: try day(sentOn, table: t, id: id), dueOn: try day(dueOn, table: t, id: id), response: response)
        switch (try day(extendedDueOn, table: t, id: id), extensionReason) {
        case (nil, nil): break
        case (let due?, let reason?): recommendation.extensionGranted = .init(dueOn: due, reason: reason)
        default: throw StoreError.corruptRow(table: t, id: id, reason: "an extension needs both its date and its reason")
        }
        if let implementationStatus {
            recommendation.implementation = .init(
                status: try decoded(implementationStatus, as: Recommendation.Implementation.Status.self, table: t, id: id),
                reviewOn: try day(reviewOn, table: t, id: id), closedOn: try day(closedOn, table: t, id: id))
        }
        return recommendation
    }
}

struct CommitteeActionRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "committeeAction"
    var id: String
    var committeeId: String
    var number: String
    var meetingDay: String?
    var action: String
    var owner: String
    var directorate: String?
    var progress: String
    var dueOn: String?
    var reportedCompleteOn: String?

    init(_ value: CommitteeAction) {
        id = value.id.rawValue
        committeeId = value.committee.rawValue
        number = value.number
        meetingDay = value.meetingDay.iso
        action = value.action
        owner = value.owner
        directorate = value.directorate
        progress = value.progress
        dueOn = value.dueOn.iso
        reportedCompleteOn = value.reportedCompleteOn.iso
    }

    func committeeAction() throws -> CommitteeAction {
        let t = Self.databaseTableName
        return CommitteeAction(
            id: .init(id), committee: .init(committeeId), number: number, meetingDay: try day(meetingDay, table: t, id: id), action: action,
            owner: owner, directorate: directorate, progress: progress, dueOn: try day(dueOn, table: t, id: id),
            reportedCompleteOn: try day(reportedCompleteOn, table: t, id: id))
    }
}

struct WorkProgrammeSessionRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "workProgrammeSession"
    var id: String
    var committeeId: String
    var day: String
    var kind: String
    var reportDeadline: String?
    var planning: String
    var planningDay: String?

    init(_ value: WorkProgrammeSession) {
        id = value.id.rawValue
        committeeId = value.committee.rawValue
        day = value.day.iso
        kind = value.kind.rawValue
        reportDeadline = value.reportDeadline.iso
        switch value.planning {
        case .on(let day):
            planning = "on"
            planningDay = day.iso
        case .toBeConfirmed: planning = "toBeConfirmed"
        case .none: planning = "none"
        }
    }

    func session() throws -> WorkProgrammeSession {
        let t = Self.databaseTableName
        let planning: WorkProgrammeSession.Planning =
            switch (planning, planningDay) {
            case ("on", let text?): .on(try requiredDay(text, table: t, id: id))
            case ("toBeConfirmed", nil): .toBeConfirmed
            case ("none", nil): .none
            default: throw StoreError.corruptRow(table: t, id: id, reason: "planning ‘\(planning)’ does not fit")
            }
        return WorkProgrammeSession(
            id: .init(id), committee: .init(committeeId), day: try requiredDay(day, table: t, id: id),
            kind: try decoded(kind, as: WorkProgrammeSession.Kind.self, table: t, id: id),
            reportDeadline: try QuorumPersistence.day(reportDeadline, table: t, id: id), planning: planning)
    }
}

struct WorkProgrammeItemRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "workProgrammeItem"
    var id: String
    var committeeId: String
    var title: String
    var scrutinyType: String?
    var objectives: String
    var evidenceRequired: String
    var attendees: [WorkProgrammeItem.Attendee]
    var origin: String?
    var leadOfficer: String?
    var state: String
    var sessionId: String?
    var deferralReason: String?
    var forwardPlanEntryId: String?

    init(_ value: WorkProgrammeItem) {
        forwardPlanEntryId = value.forwardPlanEntry?.rawValue
        id = value.id.rawValue
        committeeId = value.committee.rawValue
        title = value.title
        scrutinyType = value.scrutinyType?.rawValue
        objectives = value.objectives
        evidenceRequired = value.evidenceRequired
        attendees = value.attendees
        origin = value.origin
        leadOfficer = value.leadOfficer
        switch value.state {
        case .potential: state = "potential"
        case .scheduled(let session):
            state = "scheduled"
            sessionId = session.rawValue
        case .deferred(let reason):
            state = "deferred"
            deferralReason = reason
        case .delivered(let session):
            state = "delivered"
            sessionId = session?.rawValue
        }
    }

    func workProgrammeItem() throws -> WorkProgrammeItem {
        let t = Self.databaseTableName
        let state: WorkProgrammeItem.State =
            switch (state, sessionId) {
            case ("potential", nil): .potential
            case ("scheduled", let session?): .scheduled(.init(session))
            case ("deferred", nil): .deferred(reason: deferralReason)
            case ("delivered", let session): .delivered(session.map { .init($0) })
            default: throw StoreError.corruptRow(table: t, id: id, reason: "state ‘\(state)’ does not fit")
            }
        return WorkProgrammeItem(
            id: .init(id), committee: .init(committeeId), title: title,
            scrutinyType: try scrutinyType.map { try decoded($0, as: WorkProgrammeItem.ScrutinyType.self, table: t, id: id) },
            objectives: objectives, evidenceRequired: evidenceRequired, attendees: attendees, origin: origin, leadOfficer: leadOfficer, state: state,
            forwardPlanEntry: forwardPlanEntryId.map { .init($0) })
    }
}

struct ForwardPlanEntryRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "forwardPlanEntry"
    var id: String
    var authorityId: String
    var title: String
    var purpose: String
    var decisionMaker: String
    var dueDate: String?
    var leadCabinetMember: String?
    var officerContacts: String?
    var directorate: String?
    var uploadedOn: String?
    var decisionType: String
    var exemptionsAndUrgency: String

    init(_ value: ForwardPlanEntry) {
        id = value.id.rawValue
        authorityId = value.authority.rawValue
        title = value.title
        purpose = value.purpose
        decisionMaker = value.decisionMaker
        dueDate = value.dueDate.iso
        leadCabinetMember = value.leadCabinetMember
        officerContacts = value.officerContacts
        directorate = value.directorate
        uploadedOn = value.uploadedOn.iso
        decisionType = value.decisionType.rawValue
        exemptionsAndUrgency = value.exemptionsAndUrgency
    }

    func entry() throws -> ForwardPlanEntry {
        let t = Self.databaseTableName
        return ForwardPlanEntry(
            id: .init(id), authority: .init(authorityId), title: title, purpose: purpose, decisionMaker: decisionMaker,
            dueDate: try day(dueDate, table: t, id: id), leadCabinetMember: leadCabinetMember, officerContacts: officerContacts,
            directorate: directorate, uploadedOn: try day(uploadedOn, table: t, id: id),
            decisionType: try decoded(decisionType, as: Report.DecisionType.self, table: t, id: id), exemptionsAndUrgency: exemptionsAndUrgency)
    }
}
