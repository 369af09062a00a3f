import GRDB
import QuorumDomain
public import QuorumStorage

struct AuthorityRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "authority"
    var id: String
    var name: String
    var website: String?
    var rules: DeadlineRules

    init(_ value: Authority) {
        id = value.id.rawValue
        name = value.name
        website = value.website
        rules = value.rules
    }

    func authority() -> Authority {
        Authority(id: .init(id), name: name, website: website, rules: rules)
    }
}

struct CommitteeRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "committee"
    var id: String
    var authorityId: String
    var name: String
    var remit: String
    var clerk: Contact?

    init(_ value: Committee) {
        id = value.id.rawValue
        authorityId = value.authority.rawValue
        name = value.name
        remit = value.remit
        clerk = value.clerk
    }

    func committee() -> Committee {
        Committee(id: .init(id), authority: .init(authorityId), name: name, remit: remit, clerk: clerk)
    }
}

struct PersonRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "person"
    var id: String
    var authorityId: String
    var name: String
    var title: String?
    var jobTitle: String?

    init(_ value: Person) {
        id = value.id.rawValue
        authorityId = value.authority.rawValue
        name = value.name
        title = value.title
        jobTitle = value.jobTitle
    }

    func person() -> Person {
        Person(id: .init(id), authority: .init(authorityId), name: name, title: title, jobTitle: jobTitle)
    }
}

struct MembershipRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "membership"
    var id: String
    var committeeId: String
    var personId: String
    var role: String
    var represents: String?
    var fromDay: String?
    var untilDay: String?
    var roleFromDay: String?
    var lastListedDay: String?
    var isListed: Bool
    var position: Int?

    init(_ value: Membership) {
        id = value.id.rawValue
        committeeId = value.committee.rawValue
        personId = value.person.rawValue
        switch value.role {
        case .chairperson: role = "chairperson"
        case .viceChairperson: role = "viceChairperson"
        case .councillor: role = "councillor"
        case .coOpted(let body):
            role = "coOpted"
            represents = body
        case .namedSubstitute: role = "namedSubstitute"
        }
        fromDay = value.from.iso
        untilDay = value.until.iso
        roleFromDay = value.roleFrom.iso
        lastListedDay = value.lastListed.iso
        isListed = value.isListed
        position = value.position
    }

    func membership() throws -> Membership {
        let t = Self.databaseTableName
        let role: Membership.Role =
            switch (role, represents) {
            case ("chairperson", nil): .chairperson
            case ("viceChairperson", nil): .viceChairperson
            case ("councillor", nil): .councillor
            case ("coOpted", let body?): .coOpted(represents: body)
            case ("namedSubstitute", nil): .namedSubstitute
            default: throw StoreError.corruptRow(table: t, id: id, reason: "role ‘\(role)’ does not fit")
            }
        return Membership(
            id: .init(id), committee: .init(committeeId), person: .init(personId), role: role,
            from: try day(fromDay, table: t, id: id), until: try day(untilDay, table: t, id: id), roleFrom: try day(roleFromDay, table: t, id: id),
            lastListed: try day(lastListedDay, table: t, id: id), isListed: isListed, position: position)
    }
}

struct MeetingRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "meeting"
    var id: String
    var committeeId: String
    var startDay: String
    var startTime: String
    var venue: String
    var status: String
    var endedAt: String?
    var cancellationReason: String?
    var clerk: Contact?
    var knownFrom: String?
    var startCondition: String?
    var scheduleRevision: Int

    init(_ value: Meeting) {
        scheduleRevision = value.scheduleRevision
        knownFrom = value.knownFrom
        startCondition = value.startCondition
        id = value.id.rawValue
        committeeId = value.committee.rawValue
        startDay = value.start.day.iso
        startTime = value.start.time.iso
        venue = value.venue
        clerk = value.clerk
        switch value.status {
        case .scheduled: status = "scheduled"
        case .agendaPublished: status = "agendaPublished"
        case .held(let end):
            status = "held"
            endedAt = end?.iso
        case .minutesApproved(let end):
            status = "minutesApproved"
            endedAt = end?.iso
        case .cancelled(let reason):
            status = "cancelled"
            cancellationReason = reason
        }
    }

    func meeting() throws -> Meeting {
        let t = Self.databaseTableName
        guard let time = TimeOfDay(iso: startTime) else { throw StoreError.corruptRow(table: t, id: id, reason: "‘\(startTime)’ is not a time") }
        let end = try QuorumPersistence.time(endedAt, table: t, id: id)
        let status: Meeting.Status =
            switch status {
            case "scheduled": .scheduled
            case "agendaPublished": .agendaPublished
            case "held": .held(endedAt: end)
            case "minutesApproved": .minutesApproved(endedAt: end)
            case "cancelled": .cancelled(reason: cancellationReason)
            default: throw StoreError.corruptRow(table: t, id: id, reason: "unknown status ‘\(status)’")
            }
        var meeting = Meeting(
            id: .init(id), committee: .init(committeeId), start: LocalDateTime(try requiredDay(startDay, table: t, id: id), time), venue: venue,
            status: status, clerk: clerk, knownFrom: knownFrom, startCondition: startCondition)
        meeting.scheduleRevision = scheduleRevision
        return meeting
    }
}
