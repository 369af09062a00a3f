import Foundation
import GRDB
import GRDBSQLite
import QuorumDomain
import Synchronization

// Every record reads its row by hand, column by column: GRDB's `Decodable` reading went through keyed containers and
// dynamic casts for every value, and was most of the cost of a page read from the store. A value stored with the wrong
// type throws (never traps, and is never converted), so a damaged row fails only its own page; JSON columns are read
// with one shared decoder.

/// A record read by hand from its row's columns; GRDB's fetches read it the same way.
protocol RowReadable: FetchableRecord {
    init(reading row: RowReader) throws
}

extension RowReadable {
    init(row: Row) throws {
        try self.init(reading: RowReader(row))
    }
}

/// A column whose stored value is not of the type its record holds there.
struct UnreadableColumn: Error, CustomStringConvertible {
    let column: String
    let stored: DatabaseValue
    var description: String { "the column ‘\(column)’ holds \(stored), not a value of its type" }
}

/// A row being read into a record. Rows of a list come straight from their statement: each value is taken from
/// SQLite by position and type, without building GRDB's `DatabaseValue` for it, and columns are found by name once
/// per statement, in the order records read them.
struct RowReader {
    private let row: Row?
    private let statement: SQLiteStatement?
    private let columns: StatementColumns

    /// A row GRDB has fetched (a record it reads by `init(row:)`).
    init(_ row: Row) {
        self.row = row
        statement = nil
        columns = StatementColumns(Array(row.columnNames))
    }

    /// The row `statement` has just stepped to.
    init(current statement: Statement, columns: StatementColumns) {
        row = nil
        self.statement = statement.sqliteStatement
        self.columns = columns
    }

    /// The value in `column`, read strictly: SQLite would turn text where a number belongs into 0, and a number
    /// where text belongs into its digits; here either throws.
    /// A column the row lacks (one a later migration adds, read by an earlier one) reads as NULL.
    func value<Value: DatabaseValueConvertible>(_ column: String) throws -> Value {
        try converted(column, columns.index(of: column))
    }

    /// Text, read from SQLite without an intermediate value; other storage goes through GRDB's rules (a blob reads
    /// as UTF-8, a number throws).
    func value(_ column: String) throws -> String? {
        let index = columns.index(of: column)
        if let statement, let index {
            switch sqlite3_column_type(statement, CInt(index)) {
            case SQLITE_NULL: return nil
            case SQLITE_TEXT:
                let count = Int(sqlite3_column_bytes(statement, CInt(index)))
                guard count > 0, let bytes = sqlite3_column_text(statement, CInt(index)) else { return "" }
                return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
            default: break
            }
        }
        return try converted(column, index)
    }

    func value(_ column: String) throws -> String {
        let text: String? = try value(column)
        guard let text else { throw UnreadableColumn(column: column, stored: .null) }
        return text
    }

    /// An integer, read from SQLite without an intermediate value; other storage goes through GRDB's rules.
    func value(_ column: String) throws -> Int? {
        let index = columns.index(of: column)
        if let statement, let index {
            switch sqlite3_column_type(statement, CInt(index)) {
            case SQLITE_NULL: return nil
            case SQLITE_INTEGER: return Int(sqlite3_column_int64(statement, CInt(index)))
            default: break
            }
        }
        return try converted(column, index)
    }

    func value(_ column: String) throws -> Int {
        let number: Int? = try value(column)
        guard let number else { throw UnreadableColumn(column: column, stored: .null) }
        return number
    }

    func value(_ column: String) throws -> Bool {
        let index = columns.index(of: column)
        if let statement, let index, sqlite3_column_type(statement, CInt(index)) == SQLITE_INTEGER {
            return sqlite3_column_int64(statement, CInt(index)) != 0
        }
        return try converted(column, index)
    }

    /// The value at `index` by GRDB's conversion, which refuses a value of the wrong type.
    private func converted<Value: DatabaseValueConvertible>(_ column: String, _ index: Int?) throws -> Value {
        let stored = stored(at: index)
        guard let value = Value.fromDatabaseValue(stored) else { throw UnreadableColumn(column: column, stored: stored) }
        return value
    }

    /// The value at `index` as GRDB has it; NULL for a column the row lacks.
    private func stored(at index: Int?) -> DatabaseValue {
        guard let index else { return .null }
        return if let statement { DatabaseValue(sqliteStatement: statement, index: CInt(index)) } else { row?[index]?.databaseValue ?? .null }
    }

    /// The value in `column` as text whatever its storage, a number as its digits; nil when it is NULL, a blob, or
    /// not there. For telling which row could not be read, and what it was.
    func text(_ column: String) -> String? {
        return switch stored(at: columns.index(of: column)).storage {
        case .string(let text): text
        case .int64(let number): String(number)
        default: nil
        }
    }

    /// The JSON value stored as text in `column`.
    func json<Value: Decodable>(_ column: String) throws -> Value {
        let text: String = try value(column)
        return try storedJSONDecoder.decode(Value.self, from: Data(text.utf8))
    }

    /// The JSON value stored as text in `column`, or nil when it is NULL.
    func jsonIfPresent<Value: Decodable>(_ column: String) throws -> Value? {
        let stored: String? = try value(column)
        guard let text = stored else { return nil }
        return try storedJSONDecoder.decode(Value.self, from: Data(text.utf8))
    }

    /// The JSON array stored as text in `column`; an empty one, the usual case for appendices and the like, is not
    /// handed to the decoder.
    func jsonArray<Element: Decodable>(_ column: String) throws -> [Element] {
        let text: String = try value(column)
        if text == "[]" { return [] }
        return try storedJSONDecoder.decode([Element].self, from: Data(text.utf8))
    }
}

extension RowReader {
    /// The contact stored as JSON in `column`, or nil when it is NULL. A clerk's contact is the same text on every
    /// meeting of a committee, so it is decoded once (`RepeatedTexts`).
    func contactIfPresent(_ column: String) throws -> Contact? {
        let stored: String? = try value(column)
        guard let text = stored else { return nil }
        // Rows of one list mostly repeat the contact of the row before: that needs neither the shared memory's lock nor
        // a hash of the text.
        if let last = columns.lastContact, last.text == text { return last.contact }
        let contact = try contactTexts.decode(text)
        columns.lastContact = (text, contact)
        return contact
    }

    /// A council's deadline rules, read on nearly every page: the same text every time, so decoded once.
    func rules(_ column: String) throws -> DeadlineRules {
        try ruleTexts.decode(try value(column))
    }

    /// Those invited to give evidence on a topic: a committee's topics mostly invite the same few officers, so each
    /// list is decoded once.
    func attendees(_ column: String) throws -> [WorkProgrammeItem.Attendee] {
        let text: String = try value(column)
        return text == "[]" ? [] : try attendeeTexts.decode(text)
    }
}

/// JSON texts that recur from row to row and page to page, kept with what they decoded to; a text seen for the first
/// time is decoded, and the memory is cleared when it holds 512.
final class RepeatedTexts<Value: Decodable & Sendable>: Sendable {
    private let known = Mutex<[String: Value]>([:])

    func decode(_ text: String) throws -> Value {
        if let value = known.withLock({ $0[text] }) { return value }
        let value = try storedJSONDecoder.decode(Value.self, from: Data(text.utf8))
        known.withLock { known in
            if known.count >= 512 { known.removeAll(keepingCapacity: true) }
            known[text] = value
        }
        return value
    }
}

private let contactTexts = RepeatedTexts<Contact>()
private let ruleTexts = RepeatedTexts<DeadlineRules>()
private let attendeeTexts = RepeatedTexts<[WorkProgrammeItem.Attendee]>()

/// A statement's columns by name, found in the order records read them: each lookup tries the column after the one
/// found last before searching, so a record read in its table's order compares one name per value.
final class StatementColumns {
    private let names: [String]
    private var next = 0
    /// The contact the statement's previous row held, as text and decoded.
    var lastContact: (text: String, contact: Contact)?

    init(_ names: [String]) { self.names = names }

    func index(of column: String) -> Int? {
        if next < names.count, names[next] == column {
            next += 1
            return next - 1
        }
        // A column the record skips (one it does not keep) is found a little further on; failing that, anywhere.
        guard let found = names[min(next, names.count)...].firstIndex(of: column) ?? names.firstIndex(of: column) ?? caseInsensitiveIndex(of: column)
        else { return nil }
        next = found + 1
        return found
    }

    private func caseInsensitiveIndex(of column: String) -> Int? {
        let lowercased = column.lowercased()
        return names.firstIndex { $0.lowercased() == lowercased }
    }
}

/// The decoder for JSON columns. Decoding reads its options without changing it, so one serves every thread.
nonisolated(unsafe) private let storedJSONDecoder = JSONDecoder()

extension AuthorityRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        name = try row.value("name")
        website = try row.value("website")
        rules = try row.rules("rules")
    }
}

extension CommitteeRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        authorityId = try row.value("authorityId")
        name = try row.value("name")
        remit = try row.value("remit")
        clerk = try row.contactIfPresent("clerk")
    }
}

extension PersonRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        authorityId = try row.value("authorityId")
        name = try row.value("name")
        title = try row.value("title")
        jobTitle = try row.value("jobTitle")
    }
}

extension MembershipRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        committeeId = try row.value("committeeId")
        personId = try row.value("personId")
        role = try row.value("role")
        represents = try row.value("represents")
        fromDay = try row.value("fromDay")
        untilDay = try row.value("untilDay")
        roleFromDay = try row.value("roleFromDay")
        lastListedDay = try row.value("lastListedDay")
        isListed = try row.value("isListed")
        position = try row.value("position")
    }
}

extension MeetingRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        committeeId = try row.value("committeeId")
        startDay = try row.value("startDay")
        startTime = try row.value("startTime")
        venue = try row.value("venue")
        status = try row.value("status")
        endedAt = try row.value("endedAt")
        cancellationReason = try row.value("cancellationReason")
        clerk = try row.contactIfPresent("clerk")
        knownFrom = try row.value("knownFrom")
        startCondition = try row.value("startCondition")
        scheduleRevision = try row.value("scheduleRevision")
    }
}

extension AgendaItemRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        meetingId = try row.value("meetingId")
        number = try row.value("number")
        position = try row.value("position")
        title = try row.value("title")
        description = try row.value("description")
        firstPage = try row.value("firstPage")
        lastPage = try row.value("lastPage")
        isExempt = try row.value("isExempt")
        exemptParagraph = try row.value("exemptParagraph")
    }
}

extension ReportRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        agendaItemId = try row.value("agendaItemId")
        meetingId = try row.value("meetingId")
        title = try row.value("title")
        reportBy = try row.value("reportBy")
        isExempt = try row.value("isExempt")
        exemptParagraph = try row.value("exemptParagraph")
        decisionType = try row.value("decisionType")
        wardsAffected = try row.value("wardsAffected")
        purpose = try row.value("purpose")
        recommendations = try row.jsonArray("recommendations")
        sections = try row.jsonArray("sections")
        appendices = try row.jsonArray("appendices")
        clearance = try row.jsonArray("clearance")
        classificationText = try row.value("classificationText")
        cabinetPortfolio = try row.value("cabinetPortfolio")
        author = try row.contactIfPresent("author")
        democraticServices = try row.contactIfPresent("democraticServices")
        requestedMinute = try row.value("requestedMinute")
        requestedMeetingDay = try row.value("requestedMeetingDay")
    }
}

extension MinuteItemRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        meetingId = try row.value("meetingId")
        number = try row.value("number")
        title = try row.value("title")
        text = try row.value("text")
        resolutions = try row.jsonArray("resolutions")
        isExempt = try row.value("isExempt")
        exemptParagraph = try row.value("exemptParagraph")
        resolutionLeadIn = try row.value("resolutionLeadIn")
        reference = try row.value("reference")
    }
}

extension AttendanceRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        meetingId = try row.value("meetingId")
        personId = try row.value("personId")
        kind = try row.value("kind")
        detail = try row.value("detail")
        substituteForPersonId = try row.value("substituteForPersonId")
        position = try row.value("position")
    }
}

extension DeclarationRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        meetingId = try row.value("meetingId")
        personId = try row.value("personId")
        agendaItemNumber = try row.value("agendaItemNumber")
        kind = try row.value("kind")
        reason = try row.value("reason")
    }
}

extension QuestionRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        meetingId = try row.value("meetingId")
        number = try row.value("number")
        askerKind = try row.value("askerKind")
        askerName = try row.value("askerName")
        askerPlace = try row.value("askerPlace")
        askerPersonId = try row.value("askerPersonId")
        addressee = try row.value("addressee")
        text = try row.value("text")
        receivedAt = try row.value("receivedAt")
        status = try row.value("status")
        statusText = try row.value("statusText")
        supplementary = try row.jsonIfPresent("supplementary")
    }
}

extension RecommendationRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        committeeId = try row.value("committeeId")
        meetingDay = try row.value("meetingDay")
        topic = try row.value("topic")
        number = try row.value("number")
        text = try row.value("text")
        addresseeKind = try row.value("addresseeKind")
        addresseeName = try row.value("addresseeName")
        responseRule = try row.value("responseRule")
        sentOn = try row.value("sentOn")
        dueOn = try row.value("dueOn")
        responseState = try row.value("responseState")
        respondedOn = try row.value("respondedOn")
        responseText = try row.value("responseText")
        outcome = try row.value("outcome")
        extendedDueOn = try row.value("extendedDueOn")
        extensionReason = try row.value("extensionReason")
        implementationStatus = try row.value("implementationStatus")
        reviewOn = try row.value("reviewOn")
        closedOn = try row.value("closedOn")
    }
}

extension CommitteeActionRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        committeeId = try row.value("committeeId")
        number = try row.value("number")
        meetingDay = try row.value("meetingDay")
        action = try row.value("action")
        owner = try row.value("owner")
        directorate = try row.value("directorate")
        progress = try row.value("progress")
        dueOn = try row.value("dueOn")
        reportedCompleteOn = try row.value("reportedCompleteOn")
    }
}

extension WorkProgrammeSessionRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        committeeId = try row.value("committeeId")
        day = try row.value("day")
        kind = try row.value("kind")
        reportDeadline = try row.value("reportDeadline")
        planning = try row.value("planning")
        planningDay = try row.value("planningDay")
    }
}

extension WorkProgrammeItemRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        committeeId = try row.value("committeeId")
        title = try row.value("title")
        scrutinyType = try row.value("scrutinyType")
        objectives = try row.value("objectives")
        evidenceRequired = try row.value("evidenceRequired")
        attendees = try row.attendees("attendees")
        origin = try row.value("origin")
        leadOfficer = try row.value("leadOfficer")
        state = try row.value("state")
        sessionId = try row.value("sessionId")
        deferralReason = try row.value("deferralReason")
        forwardPlanEntryId = try row.value("forwardPlanEntryId")
    }
}

extension ForwardPlanEntryRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        authorityId = try row.value("authorityId")
        title = try row.value("title")
        purpose = try row.value("purpose")
        decisionMaker = try row.value("decisionMaker")
        dueDate = try row.value("dueDate")
        leadCabinetMember = try row.value("leadCabinetMember")
        officerContacts = try row.value("officerContacts")
        directorate = try row.value("directorate")
        uploadedOn = try row.value("uploadedOn")
        decisionType = try row.value("decisionType")
        exemptionsAndUrgency = try row.value("exemptionsAndUrgency")
    }
}

extension AccountRecord: RowReadable {
    init(reading row: RowReader) throws {
        id = try row.value("id")
        email = try row.value("email")
        name = try row.value("name")
        role = try row.value("role")
        answersFor = try row.jsonArray("answersFor")
        isDisabled = try row.value("isDisabled")
        passwordHash = try row.value("passwordHash")
    }
}
