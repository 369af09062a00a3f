import Foundation
import GRDB
import QuorumDomain
import Synchronization

// Every record reads its row by hand, column by column: GRDB's `Decodable` reading went through keyed containers and
// dynamic casts for every value, and was most of the cost of a page read from the store. A value of the wrong type
// throws (never traps), so a damaged row fails only its own page; JSON columns are read with one shared decoder.

extension Row {
    /// The JSON value stored as text in `column`.
    func json<Value: Decodable>(_ column: String) throws -> Value {
        let text: String = try decode(forColumn: column)
        return try storedJSONDecoder.decode(Value.self, from: Data(text.utf8))
    }

    /// The JSON value stored as text in `column`, or nil when it is NULL.
    func jsonIfPresent<Value: Decodable>(_ column: String) throws -> Value? {
        guard let text: String = try decode(forColumn: column) else { return nil }
        return try storedJSONDecoder.decode(Value.self, from: Data(text.utf8))
    }

    /// The JSON array stored as text in `column`; an empty one, the usual case for appendices and the like, is not
    /// handed to the decoder.
    func jsonArray<Element: Decodable>(_ column: String) throws -> [Element] {
        let text: String = try decode(forColumn: column)
        if text == "[]" { return [] }
        return try storedJSONDecoder.decode([Element].self, from: Data(text.utf8))
    }
}

extension Row {
    /// The contact stored as JSON in `column`, or nil when it is NULL. A clerk's contact is the same text on every
    /// meeting of a committee, so the texts last read are kept with what they decoded to.
    func contactIfPresent(_ column: String) throws -> Contact? {
        guard let text: String = try decode(forColumn: column) else { return nil }
        if let known = contactsRead.withLock({ $0[text] }) { return known }
        let contact = try storedJSONDecoder.decode(Contact.self, from: Data(text.utf8))
        contactsRead.withLock { known in
            if known.count >= 512 { known.removeAll(keepingCapacity: true) }
            known[text] = contact
        }
        return contact
    }
}

private let contactsRead = Mutex<[String: Contact]>([:])

/// The decoder for JSON columns. Decoding reads its options without changing it, so one serves every thread.
nonisolated(unsafe) private let storedJSONDecoder = JSONDecoder()

extension AuthorityRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        name = try row.decode(forColumn: "name")
        website = try row.decode(forColumn: "website")
        rules = try row.json("rules")
    }
}

extension CommitteeRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        authorityId = try row.decode(forColumn: "authorityId")
        name = try row.decode(forColumn: "name")
        remit = try row.decode(forColumn: "remit")
        clerk = try row.contactIfPresent("clerk")
    }
}

extension PersonRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        authorityId = try row.decode(forColumn: "authorityId")
        name = try row.decode(forColumn: "name")
        title = try row.decode(forColumn: "title")
        jobTitle = try row.decode(forColumn: "jobTitle")
    }
}

extension MembershipRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        committeeId = try row.decode(forColumn: "committeeId")
        personId = try row.decode(forColumn: "personId")
        role = try row.decode(forColumn: "role")
        represents = try row.decode(forColumn: "represents")
        fromDay = try row.decode(forColumn: "fromDay")
        untilDay = try row.decode(forColumn: "untilDay")
        roleFromDay = try row.decode(forColumn: "roleFromDay")
        lastListedDay = try row.decode(forColumn: "lastListedDay")
        isListed = try row.decode(forColumn: "isListed")
        position = try row.decode(forColumn: "position")
    }
}

extension MeetingRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        committeeId = try row.decode(forColumn: "committeeId")
        startDay = try row.decode(forColumn: "startDay")
        startTime = try row.decode(forColumn: "startTime")
        venue = try row.decode(forColumn: "venue")
        status = try row.decode(forColumn: "status")
        endedAt = try row.decode(forColumn: "endedAt")
        cancellationReason = try row.decode(forColumn: "cancellationReason")
        clerk = try row.contactIfPresent("clerk")
        knownFrom = try row.decode(forColumn: "knownFrom")
        startCondition = try row.decode(forColumn: "startCondition")
        scheduleRevision = try row.decode(forColumn: "scheduleRevision")
    }
}

extension AgendaItemRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        meetingId = try row.decode(forColumn: "meetingId")
        number = try row.decode(forColumn: "number")
        position = try row.decode(forColumn: "position")
        title = try row.decode(forColumn: "title")
        description = try row.decode(forColumn: "description")
        firstPage = try row.decode(forColumn: "firstPage")
        lastPage = try row.decode(forColumn: "lastPage")
        isExempt = try row.decode(forColumn: "isExempt")
        exemptParagraph = try row.decode(forColumn: "exemptParagraph")
    }
}

extension ReportRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        agendaItemId = try row.decode(forColumn: "agendaItemId")
        meetingId = try row.decode(forColumn: "meetingId")
        title = try row.decode(forColumn: "title")
        reportBy = try row.decode(forColumn: "reportBy")
        isExempt = try row.decode(forColumn: "isExempt")
        exemptParagraph = try row.decode(forColumn: "exemptParagraph")
        decisionType = try row.decode(forColumn: "decisionType")
        wardsAffected = try row.decode(forColumn: "wardsAffected")
        purpose = try row.decode(forColumn: "purpose")
        recommendations = try row.jsonArray("recommendations")
        sections = try row.jsonArray("sections")
        appendices = try row.jsonArray("appendices")
        clearance = try row.jsonArray("clearance")
        classificationText = try row.decode(forColumn: "classificationText")
        cabinetPortfolio = try row.decode(forColumn: "cabinetPortfolio")
        author = try row.contactIfPresent("author")
        democraticServices = try row.contactIfPresent("democraticServices")
        requestedMinute = try row.decode(forColumn: "requestedMinute")
        requestedMeetingDay = try row.decode(forColumn: "requestedMeetingDay")
    }
}

extension MinuteItemRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        meetingId = try row.decode(forColumn: "meetingId")
        number = try row.decode(forColumn: "number")
        title = try row.decode(forColumn: "title")
        text = try row.decode(forColumn: "text")
        resolutions = try row.jsonArray("resolutions")
        isExempt = try row.decode(forColumn: "isExempt")
        exemptParagraph = try row.decode(forColumn: "exemptParagraph")
        resolutionLeadIn = try row.decode(forColumn: "resolutionLeadIn")
        reference = try row.decode(forColumn: "reference")
    }
}

extension AttendanceRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        meetingId = try row.decode(forColumn: "meetingId")
        personId = try row.decode(forColumn: "personId")
        kind = try row.decode(forColumn: "kind")
        detail = try row.decode(forColumn: "detail")
        substituteForPersonId = try row.decode(forColumn: "substituteForPersonId")
        position = try row.decode(forColumn: "position")
    }
}

extension DeclarationRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        meetingId = try row.decode(forColumn: "meetingId")
        personId = try row.decode(forColumn: "personId")
        agendaItemNumber = try row.decode(forColumn: "agendaItemNumber")
        kind = try row.decode(forColumn: "kind")
        reason = try row.decode(forColumn: "reason")
    }
}

extension QuestionRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        meetingId = try row.decode(forColumn: "meetingId")
        number = try row.decode(forColumn: "number")
        askerKind = try row.decode(forColumn: "askerKind")
        askerName = try row.decode(forColumn: "askerName")
        askerPlace = try row.decode(forColumn: "askerPlace")
        askerPersonId = try row.decode(forColumn: "askerPersonId")
        addressee = try row.decode(forColumn: "addressee")
        text = try row.decode(forColumn: "text")
        receivedAt = try row.decode(forColumn: "receivedAt")
        status = try row.decode(forColumn: "status")
        statusText = try row.decode(forColumn: "statusText")
        supplementary = try row.jsonIfPresent("supplementary")
    }
}

extension RecommendationRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        committeeId = try row.decode(forColumn: "committeeId")
        meetingDay = try row.decode(forColumn: "meetingDay")
        topic = try row.decode(forColumn: "topic")
        number = try row.decode(forColumn: "number")
        text = try row.decode(forColumn: "text")
        addresseeKind = try row.decode(forColumn: "addresseeKind")
        addresseeName = try row.decode(forColumn: "addresseeName")
        responseRule = try row.decode(forColumn: "responseRule")
        sentOn = try row.decode(forColumn: "sentOn")
        dueOn = try row.decode(forColumn: "dueOn")
        responseState = try row.decode(forColumn: "responseState")
        respondedOn = try row.decode(forColumn: "respondedOn")
        responseText = try row.decode(forColumn: "responseText")
        outcome = try row.decode(forColumn: "outcome")
        extendedDueOn = try row.decode(forColumn: "extendedDueOn")
        extensionReason = try row.decode(forColumn: "extensionReason")
        implementationStatus = try row.decode(forColumn: "implementationStatus")
        reviewOn = try row.decode(forColumn: "reviewOn")
        closedOn = try row.decode(forColumn: "closedOn")
    }
}

extension CommitteeActionRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        committeeId = try row.decode(forColumn: "committeeId")
        number = try row.decode(forColumn: "number")
        meetingDay = try row.decode(forColumn: "meetingDay")
        action = try row.decode(forColumn: "action")
        owner = try row.decode(forColumn: "owner")
        directorate = try row.decode(forColumn: "directorate")
        progress = try row.decode(forColumn: "progress")
        dueOn = try row.decode(forColumn: "dueOn")
        reportedCompleteOn = try row.decode(forColumn: "reportedCompleteOn")
    }
}

extension WorkProgrammeSessionRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        committeeId = try row.decode(forColumn: "committeeId")
        day = try row.decode(forColumn: "day")
        kind = try row.decode(forColumn: "kind")
        reportDeadline = try row.decode(forColumn: "reportDeadline")
        planning = try row.decode(forColumn: "planning")
        planningDay = try row.decode(forColumn: "planningDay")
    }
}

extension WorkProgrammeItemRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        committeeId = try row.decode(forColumn: "committeeId")
        title = try row.decode(forColumn: "title")
        scrutinyType = try row.decode(forColumn: "scrutinyType")
        objectives = try row.decode(forColumn: "objectives")
        evidenceRequired = try row.decode(forColumn: "evidenceRequired")
        attendees = try row.jsonArray("attendees")
        origin = try row.decode(forColumn: "origin")
        leadOfficer = try row.decode(forColumn: "leadOfficer")
        state = try row.decode(forColumn: "state")
        sessionId = try row.decode(forColumn: "sessionId")
        deferralReason = try row.decode(forColumn: "deferralReason")
        forwardPlanEntryId = try row.decode(forColumn: "forwardPlanEntryId")
    }
}

extension ForwardPlanEntryRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        authorityId = try row.decode(forColumn: "authorityId")
        title = try row.decode(forColumn: "title")
        purpose = try row.decode(forColumn: "purpose")
        decisionMaker = try row.decode(forColumn: "decisionMaker")
        dueDate = try row.decode(forColumn: "dueDate")
        leadCabinetMember = try row.decode(forColumn: "leadCabinetMember")
        officerContacts = try row.decode(forColumn: "officerContacts")
        directorate = try row.decode(forColumn: "directorate")
        uploadedOn = try row.decode(forColumn: "uploadedOn")
        decisionType = try row.decode(forColumn: "decisionType")
        exemptionsAndUrgency = try row.decode(forColumn: "exemptionsAndUrgency")
    }
}

extension AccountRecord {
    init(row: Row) throws {
        id = try row.decode(forColumn: "id")
        email = try row.decode(forColumn: "email")
        name = try row.decode(forColumn: "name")
        role = try row.decode(forColumn: "role")
        answersFor = try row.jsonArray("answersFor")
        isDisabled = try row.decode(forColumn: "isDisabled")
        passwordHash = try row.decode(forColumn: "passwordHash")
    }
}
