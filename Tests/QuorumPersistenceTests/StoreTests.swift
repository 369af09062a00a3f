import Foundation
import GRDB
import QuorumDomain
@testable import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

@Test("Every kind of record comes back from the database exactly as it was saved")
func roundTrip() async throws {
    try await withTemporaryStore { store async throws in
        let batch = RecordBatch.everyKind()
        let summary = try await store.save(batch, by: "test", at: fixedNow)
        #expect(summary.created > 40 && summary.updated == 0)
        let committee = batch.committees[0]
        let authority = batch.authorities[0]
        #expect(try await store.authorities() == batch.authorities)
        #expect(try await store.authority(authority.id) == authority)
        #expect(try await store.committees() == batch.committees)
        #expect(try await store.committee(committee.id) == committee)
        #expect(try await store.people(batch.people.map(\.id)) == batch.people.sorted { $0.name < $1.name })
        #expect(try await store.person(batch.people[5].id) == batch.people[5])
        #expect(Set(try await store.memberships(of: committee.id)) == Set(batch.memberships))
        #expect(try await store.memberships(of: committee.id).first?.role == .chairperson)
        #expect(try await store.memberships(of: batch.people[3].id) == [batch.memberships[3]])
        #expect(try await store.meetings(of: committee.id) == batch.meetings.sorted { $0.start < $1.start })
        for meeting in batch.meetings {
            #expect(try await store.meeting(meeting.id) == meeting)
            #expect(try await store.agendaItems(of: meeting.id) == batch.agendaItems.filter { $0.meeting == meeting.id }.sorted { $0.position < $1.position })
            #expect(Set(try await store.reports(of: meeting.id)) == Set(batch.reports.filter { $0.meeting == meeting.id }))
            #expect(Set(try await store.attendance(at: meeting.id)) == Set(batch.attendance.filter { $0.meeting == meeting.id }))
            #expect(Set(try await store.declarations(at: meeting.id)) == Set(batch.declarations.filter { $0.meeting == meeting.id }))
            #expect(Set(try await store.questions(at: meeting.id)) == Set(batch.questions.filter { $0.meeting == meeting.id }))
            #expect(try await store.minuteItems(of: meeting.id) == batch.minuteItems.filter { $0.meeting == meeting.id }.sorted { $0.number < $1.number })
        }
        for report in batch.reports { #expect(try await store.report(report.id) == report) }
        #expect(Set(try await store.recommendations(of: committee.id)) == Set(batch.recommendations))
        for recommendation in batch.recommendations { #expect(try await store.recommendation(recommendation.id) == recommendation) }
        #expect(Set(try await store.workProgrammeSessions(of: committee.id)) == Set(batch.workProgrammeSessions))
        #expect(Set(try await store.workProgrammeItems(of: committee.id)) == Set(batch.workProgrammeItems))
        #expect(Set(try await store.forwardPlan(of: authority.id)) == Set(batch.forwardPlan))
        #expect(Set(try await store.actions(of: committee.id)) == Set(batch.actions))
        #expect(try await store.warnings(on: batch.recommendations[0].id.rawValue) == batch.warnings)
        #expect(try await store.meeting(.init("nothing")) == nil)
    }
}

@Test("Saving the same records twice changes nothing and adds nothing to the audit log")
func idempotentSave() async throws {
    try await withTemporaryStore { store async throws in
        let batch = RecordBatch.everyKind()
        try await store.save(batch, by: "first", at: fixedNow)
        let logged = try await store.auditLog(limit: 1000).count
        let again = try await store.save(batch, by: "second", at: fixedNow)
        #expect(again.created == 0 && again.updated == 0 && again.unchanged == logged)
        #expect(try await store.auditLog(limit: 1000).count == logged)
    }
}

@Test("Every change is audited with who made it, when, and which fields changed")
func auditLog() async throws {
    try await withTemporaryStore { store async throws in
        var meeting = Meeting.fixture()
        var batch = RecordBatch()
        batch.authorities = [.fixture()]
        batch.committees = [.fixture()]
        batch.meetings = [meeting]
        try await store.save(batch, by: "import: pack.txt", at: fixedNow)
        meeting.status = .held(endedAt: TimeOfDay(hour: 16, minute: 35))
        batch.meetings = [meeting]
        let later = fixedNow.addingTimeInterval(3600)
        try await store.save(batch, by: "clerk: simon.cann", at: later)
        let log = try await store.auditLog(limit: 10)
        #expect(log.count == 4)
        #expect(log[0].actor == "clerk: simon.cann" && log[0].action == .updated && log[0].entityId == meeting.id.rawValue)
        #expect(log[0].changes == "endedAt, status")
        #expect(abs(log[0].at.timeIntervalSince(later)) < 0.01)
        #expect(log[3].action == .created && log[3].entity == "authority" && log[3].actor == "import: pack.txt")
    }
}

@Test("A batch that breaks a rule writes nothing at all")
func transactional() async throws {
    try await withTemporaryStore { store async throws in
        var batch = RecordBatch()
        batch.authorities = [.fixture()]
        batch.committees = [.fixture()]
        batch.memberships = [Membership(of: Person.fixture("Nobody").id, on: Committee.fixture().id, role: .councillor)]  // no such person
        await #expect(throws: (any Error).self) { try await store.save(batch, by: "test", at: fixedNow) }
        #expect(try await store.committees().isEmpty)
        #expect(try await store.auditLog(limit: 10).isEmpty)
    }
}

@Test("The database is in WAL mode with foreign keys enforced")
func walAndForeignKeys() async throws {
    try await withTemporaryStore { store async throws in
        let (mode, foreignKeys) = try await store.writer.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(mode == "wal")
        #expect(foreignKeys == true)
        #expect(try store.appliedMigrations() == SQLiteStore.knownMigrations)
    }
}

@Test("A row that breaks a domain rule is reported as corrupt rather than misread")
func corruptRow() async throws {
    try await withTemporaryStore { store async throws in
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        let meeting = Meeting.fixture()
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE meeting SET startTime = 'teatime' WHERE id = ?", arguments: [meeting.id.rawValue])
        }
        await #expect(throws: StoreError.corruptRow(table: "meeting", id: meeting.id.rawValue, reason: "‘teatime’ is not a time")) {
            try await store.meeting(meeting.id)
        }
    }
}

@Test("A value stored with the wrong type is never converted: its row is left out of lists and read alone it throws")
func wronglyTypedValue() async throws {
    try await withTemporaryStore { store async throws in
        let batch = RecordBatch.everyKind()
        try await store.save(batch, by: "test", at: fixedNow)
        let meeting = Meeting.fixture()
        let items = try await store.agendaItems(of: meeting.id)
        let damaged = try #require(items.first)
        // SQLite would read text in an integer column as 0.
        try await store.writer.write { db in
            try db.execute(sql: "UPDATE agendaItem SET position = 'second' WHERE id = ?", arguments: [damaged.id.rawValue])
            try db.execute(sql: "UPDATE meeting SET scheduleRevision = 'soon' WHERE id = ?", arguments: [meeting.id.rawValue])
        }
        #expect(try await store.agendaItems(of: meeting.id).map(\.id) == items.dropFirst().map(\.id))
        await #expect(throws: (any Error).self) { try await store.meeting(meeting.id) }
    }
}

/// A store at a new path holding the example batch, handed to `body` and then closed; the path, to look at after.
private func closedStore(_ body: (SQLiteStore) async throws -> Void) async throws -> (path: String, folder: URL) {
    let folder = try temporaryFolder()
    let path = folder.appendingPathComponent("quorum.sqlite").path
    let store = try SQLiteStore(path: path)
    try await store.save(.everyKind(), by: "test", at: fixedNow)
    try await body(store)
    return (path, folder)
}

@Test("A database written by a newer Quorum is refused, and left exactly as it was")
func newerSchemaIsRefused() async throws {
    let (path, folder) = try await closedStore { store async throws in
        try await store.writer.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        try await store.writer.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(throws: StoreError.newerSchema(path: path, unknownMigrations: ["v99: from the future"])) { try SQLiteStore(path: path) }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    #expect(String(describing: StoreError.newerSchema(path: path, unknownMigrations: ["v99"])).contains("newer version of Quorum"))
}

@Test("A list of texts for json_each reaches SQLite as the same texts, whatever characters they hold")
func jsonListKeepsEveryText() throws {
    let texts = [
        "herefordshire-council/alan-nicholls", "", "a \"quoted\" name", "back\\slash", "line\nbreak\tand tab\u{1}\u{1F}",
        "Powys – Cyngor Sir Powys", "emoji 🏛️ and é", "\u{7F} delete", "[\"not\", \"an array\"]",
    ]
    let queue = try DatabaseQueue()
    let read = try queue.read { db in
        try String.fetchAll(db, sql: "SELECT value FROM json_each(?) ORDER BY key", arguments: [jsonList(texts)])
    }
    #expect(read == texts)
    #expect(try JSONDecoder().decode([String].self, from: Data(jsonList(texts).utf8)) == texts)
    #expect(jsonList([Int64]()) == "[]" && jsonList([3, -1, 9_000_000_000] as [Int64]) == "[3,-1,9000000000]")
}

@Test("A page of the best of many is what a full, stable sort puts first, for any page size, with ties and without")
func bestIsTheFrontOfASort() {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next(_ bound: Int) -> Int {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return Int((seed >> 33) % UInt64(bound))
    }
    for _ in 0..<300 {
        let values = (0..<next(400)).map { _ in next(1000) }
        let count = next(60)
        let byTens = { (a: Int, b: Int) in a / 10 < b / 10 }  // ties: a stable sort keeps them in their order
        #expect(best(count, of: values, by: byTens) == Array(values.sorted(by: byTens).prefix(count)))
        #expect(best(count, of: values, by: >) == Array(values.sorted(by: >).prefix(count)))
    }
}

@Test("Attendance counted from its stored kind alone counts as the full line would, for every kind")
func attendanceCapacity() throws {
    let meeting = Meeting.fixture(on: CalendarDay(2025, 1, 21)).id
    let kinds: [Attendance.Kind] = [
        .present(role: "chairperson"), .present(role: nil), .virtual, .apologies, .substitute(for: Person.fixture("Jan Frances").id),
        .inAttendance(capacity: "Cabinet member"), .officer(jobTitle: "Clerk"),
    ]
    for kind in kinds {
        let stored = AttendanceRecord(Attendance(of: Person.fixture().id, at: meeting, kind: kind))
        let counted = try #require(AttendanceRecord.capacity(stored.kind))
        #expect(counted.isAttended == kind.isAttended && counted.isExpected == kind.isExpected, "\(kind)")
        #expect(try stored.attendance().kind == kind)
    }
    #expect(AttendanceRecord.capacity("dancing") == nil)
}

// The time limits of this test and the request watch's catch a read that is never stopped. They are minutes, not
// seconds: a whole run takes two or three minutes on two cores, and a test may wait most of it for a thread while
// others parse packs.
@Test("A page's read is interrupted when its task is cancelled (the page time limit, a visitor who has gone)", .timeLimit(.minutes(5)))
func pageReadIsInterrupted() async throws {
    try await withTemporaryStore { store async throws in
        // Cancelled at once (perhaps before its first statement starts), soon, and well into its statement.
        for delay in [0, 1, 20, 200] {
            let reading = Task {
                // Counts for ever: only being stopped ends it.
                try await store.pageReaders.read { db in
                    try Int.fetchOne(db, sql: "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n")
                }
            }
            // Cancelled from a thread of its own: while the count holds one of the few threads Swift's tasks run on, a
            // busy test run may not give this test's task another in time, nor Dispatch's global queue, which shares
            // those threads (a serial queue of its own gets a thread when they are all busy).
            DispatchQueue(label: "test.cancel").asyncAfter(deadline: .now() + .milliseconds(delay)) { reading.cancel() }
            await #expect(throws: (any Error).self) { try await reading.value }
        }
        // The connection goes back to the others and reads as before.
        #expect(try await store.pageReaders.read { db in try Int.fetchOne(db, sql: "SELECT 42") } == 42)
    }
}

@Test("A person's page and a meeting's page fail, rather than show a declaration's reason, when the item it names cannot be read to tell whether it is exempt")
func unreadableDeclaredItem() async throws {
    try await withTemporaryStore { store async throws in
        var batch = RecordBatch.everyKind()
        let declared = batch.declarations[0]
        #expect(declared.agendaItemNumber != "9")
        batch.agendaItems.append(
            AgendaItem(number: "8", of: declared.meeting, position: 8, title: "SCHOOL FUNDING", access: .exempt(paragraph: .financialOrBusinessAffairs)))
        batch.agendaItems.append(AgendaItem(number: "9", of: declared.meeting, position: 9, title: "Work programme"))
        batch.declarations[0].agendaItemNumber = "8"
        try await store.save(batch, by: "test", at: fixedNow)
        #expect(try await store.personPapers(slug: "ben-proctor", yearStarting: nil)?.agendaItems.map(\.number) == ["8"])
        func damage(_ number: String) async throws {
            try await store.writer.write { db in
                try db.execute(sql: "UPDATE agendaItem SET position = 'eighth' WHERE meetingId = ? AND number = ?", arguments: [declared.meeting.rawValue, number])
            }
        }
        // An item no declaration names is left out of the meeting's page, as from any list.
        try await damage("9")
        let items = try #require(try await store.meetingPapers(declared.meeting)).agendaItems.map(\.number)
        #expect(items.contains("8") && !items.contains("9"))
        try await damage("8")
        await #expect(throws: (any Error).self) { try await store.personPapers(slug: "ben-proctor", yearStarting: nil) }
        await #expect(throws: (any Error).self) { try await store.meetingPapers(declared.meeting) }
    }
}

@Test("A store that is closed leaves its database whole in its one file, with no journal beside it, once pages have been read")
func closedStoreLeavesOneFile() async throws {
    let (path, folder) = try await closedStore { store async throws in
        #expect(try await store.committee(slug: "children-and-young-people-scrutiny-committee") != nil)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
}

@Test("A read made after its request's moment has ended, by a task that outlived the request, reads on its own and leaves no old snapshot behind")
func lateReadAfterMoment() async throws {
    try await withTemporaryStore { store async throws in
        let batch = RecordBatch.everyKind()
        try await store.save(batch, by: "test", at: fixedNow)
        let id = batch.committees[0].id
        func rename(_ name: String) async throws {
            var renamed = RecordBatch()
            renamed.committees = [batch.committees[0]]
            renamed.committees[0].name = name
            try await store.save(renamed, by: "test", at: fixedNow)
        }
        let (gate, open) = AsyncStream<Void>.makeStream()
        let late = try await store.readingAtOneMoment {
            _ = try await store.committee(id)
            return Task {
                for await _ in gate { break }
                return try await store.committee(id)?.name
            }
        }
        try await rename("Renamed once")
        open.yield()
        #expect(try await late.value == "Renamed once")
        try await rename("Renamed twice")
        // Every connection the page readers keep reads the record as it now is.
        for _ in 0..<4 { #expect(try await store.committee(id)?.name == "Renamed twice") }
    }
}
