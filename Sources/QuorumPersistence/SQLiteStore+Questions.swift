public import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

/// The public's written questions: taken through the website, decided on and answered by democratic services.
extension SQLiteStore {
    public func submitQuestion(
        to meeting: Meeting.ID, name: String, place: String, email: String, addressee: String, text: String, receivedAt: LocalDateTime,
        from address: String, at date: Date
    ) async throws -> Question {
        try await writer.write { db in
            guard try MeetingRecord.fetchOne(db, key: meeting.rawValue) != nil else { throw StoreError.notFound(entity: "meeting", id: meeting.rawValue) }
            // Numbered after the meeting's public questions, imported or taken here: "PQ 1", "PQ 2", …
            let numbers = try String.fetchAll(db, sql: "SELECT number FROM question WHERE meetingId = ? AND askerKind = 'public'", arguments: [meeting.rawValue])
            let next = (numbers.compactMap { Int($0.drop { !$0.isNumber }.prefix { $0.isNumber }) }.max() ?? 0) + 1
            var question = Question(
                number: "PQ \(next)", at: meeting, asker: .publicMember(name: name, place: place), addressee: addressee, text: text, receivedAt: receivedAt)
            while try QuestionRecord.fetchOne(db, key: question.id.rawValue) != nil {
                question = Question(
                    number: question.number + "a", at: meeting, asker: question.asker, addressee: addressee, text: text, receivedAt: receivedAt)
            }
            try QuestionRecord(question).insert(db)
            try db.execute(sql: "INSERT INTO questionContact (questionId, email) VALUES (?, ?)", arguments: [question.id.rawValue, email])
            try db.execute(sql: "INSERT INTO questionSubmission (address, at) VALUES (?, ?)", arguments: [address, date])
            try db.execute(sql: "DELETE FROM questionSubmission WHERE at < ?", arguments: [date.addingTimeInterval(-86_400)])
            // The question is audited; the address it came from and the email are not published anywhere, the log included.
            try Audit.record(.created, "question", question.id.rawValue, before: Question?.none, after: question, by: "public: " + name, at: date, in: db)
            try SearchIndex.refresh(["question": [question.id.rawValue]], in: db)
            return question
        }
    }

    public func questionSubmissions(from address: String, since: Date) async throws -> Int {
        try await pageReaders.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM questionSubmission WHERE address = ? AND at >= ?", arguments: [address, since]) ?? 0
        }
    }

    public func questionsToHandle(from day: CalendarDay) async throws -> [(question: Question, email: String?)] {
        try await pageReaders.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT question.*, questionContact.email AS contactEmail FROM question
                    JOIN meeting ON meeting.id = question.meetingId
                    LEFT JOIN questionContact ON questionContact.questionId = question.id
                    WHERE meeting.startDay >= ? ORDER BY meeting.startDay, meeting.id
                    """, arguments: [day.iso])
            let found = try rows.map { row in (question: try QuestionRecord(row: row).question(), email: row["contactEmail"] as String?) }
            // The meetings in date order, as read; each meeting's questions by number.
            let rank = Dictionary(found.enumerated().map { ($1.question.meeting, $0) }, uniquingKeysWith: min)
            return found.sorted { a, b in
                let (x, y) = (rank[a.question.meeting]!, rank[b.question.meeting]!)
                return x != y ? x < y : Question.inNumberOrder(a.question, b.question)
            }
        }
    }

    public func questionToHandle(_ id: Question.ID) async throws -> (question: Question, email: String?)? {
        try await pageReaders.read { db in
            guard let question = try QuestionRecord.fetchOne(db, key: id.rawValue)?.question() else { return nil }
            return (question, try String.fetchOne(db, sql: "SELECT email FROM questionContact WHERE questionId = ?", arguments: [id.rawValue]))
        }
    }

    @discardableResult
    public func updateQuestion(
        _ id: Question.ID, by actor: String, at date: Date, _ change: @escaping @Sendable (inout Question) throws -> Void
    ) async throws -> Question {
        try await writer.write { db in
            guard let held = try QuestionRecord.fetchOne(db, key: id.rawValue)?.question() else { throw StoreError.notFound(entity: "question", id: id.rawValue) }
            var changed = held
            try change(&changed)
            guard changed.id == held.id, changed.meeting == held.meeting else { throw StoreError.invalid("A question's identity cannot be changed.") }
            guard changed != held else { return held }
            try QuestionRecord(changed).update(db)
            try SearchIndex.refresh(["question": [id.rawValue]], in: db)
            try Audit.record(.updated, "question", id.rawValue, before: held, after: changed, by: actor, at: date, in: db)
            return changed
        }
    }
}
