import Foundation
import HummingbirdTesting
import Logging
import QuorumWeb
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Synchronization
import Testing

/// Counts the SQL statements a store runs.
private final class StatementCounter: Sendable {
    let heard = Mutex<[String]>([])
    func hear(_ sql: String) { heard.withLock { $0.append(sql) } }
    var value: Int { heard.withLock { $0.count } }
    /// The statements heard since `start`.
    func since(_ start: Int) -> [String] { heard.withLock { Array($0[start...]) } }
}

/// A held meeting of the fixture committee with `size` agenda items, minutes, questions, attendees and recommendations.
private func meeting(on day: CalendarDay, size: Int) -> RecordBatch {
    var batch = RecordBatch()
    let committee = Committee.fixture()
    let meeting = Meeting(of: committee.id, on: LocalDateTime(day, TimeOfDay(hour: 14)!), venue: "Council Chamber", status: .held(endedAt: nil))
    batch.meetings = [meeting]
    for n in 1...size {
        batch.agendaItems.append(AgendaItem(number: "\(n)", of: meeting.id, position: n, title: "Item \(n)"))
        batch.minuteItems.append(MinuteItem(number: n, of: meeting.id, title: "Item \(n)", text: "Discussed item \(n).", resolutions: [.init(text: "Noted.")]))
        batch.questions.append(Question(number: "PQ \(n)", at: meeting.id, asker: .publicMember(name: "Resident \(n)", place: nil), addressee: "Cabinet member", text: "Question \(n)?", status: .accepted))
        let person = Person.fixture("Member Number\(n)")
        batch.people.append(person)
        batch.attendance.append(Attendance(of: person.id, at: meeting.id, kind: .present(role: nil), position: n))
    }
    return batch
}

@Test("A meeting page reads what it shows in one transaction, with as many statements for 30 items as for 3")
func meetingPageStatementCount() async throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quorum-count-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let counter = StatementCounter()
    let store = try SQLiteStore(path: folder.appendingPathComponent("quorum.sqlite").path, onStatement: counter.hear)
    try await store.save(.everyKind(), by: "test", at: fixedNow)
    try await store.save(meeting(on: CalendarDay(2025, 5, 6), size: 3), by: "test", at: fixedNow)
    try await store.save(meeting(on: CalendarDay(2025, 6, 10), size: 30), by: "test", at: fixedNow)
    // Without the page cache, so that every request reads the store.
    let app = try await buildApplication(WebConfiguration(pageCacheMegabytes: 0).unhurried, store: store, today: { fixedNow }, logger: Logger(label: "test"))
    try await app.test(.router) { client in
        func statements(_ path: String) async throws -> Int {
            let before = counter.value
            let body = try await get(client, path)
            #expect(body.contains("Item 3") && body.contains("PQ 3"))
            return counter.value - before
        }
        // Each reader connection's first use runs its own set-up statements: the first round warms them.
        for _ in 1...3 {
            _ = try await statements(committeePath + "/meetings/2025-05-06")
            _ = try await statements(committeePath + "/meetings/2025-06-10")
        }
        let start = counter.value
        let small = try await statements(committeePath + "/meetings/2025-05-06")
        let large = try await statements(committeePath + "/meetings/2025-06-10")
        #expect(small == large, "3 items: \(small) statements; 30 items: \(large)")
        // One read transaction: the committee named in the address, the meeting and everything on its page.
        let transactions = counter.since(start).prefix(small).filter { $0.hasPrefix("BEGIN") }
        #expect(transactions.count == 1, "\(counter.since(start).prefix(small))")
        // A page made of several reads (the front sheet: the meeting's papers, the committee's members, their people)
        // reads them in one transaction too, so it never mixes the record before a change with the record after.
        let frontSheet = counter.value
        #expect(try await get(client, committeePath + "/meetings/2025-05-06/front-sheet").contains("Item 3"))
        #expect(counter.since(frontSheet).filter { $0.hasPrefix("BEGIN") }.count == 1, "\(counter.since(frontSheet))")
    }
    // The store's read itself is one transaction: the same statements for either meeting.
    let before = counter.value
    let small = try #require(try await store.meetingPapers(.init(Committee.fixture().id.rawValue + "/2025-05-06")))
    let middle = counter.value
    let large = try #require(try await store.meetingPapers(.init(Committee.fixture().id.rawValue + "/2025-06-10")))
    #expect(middle - before == counter.value - middle)
    #expect(counter.since(before).filter { $0.hasPrefix("BEGIN") }.count == 2)
    #expect(small.agendaItems.count == 3 && large.agendaItems.count == 30 && large.people.count == 30 && large.questions.map(\.number).prefix(3) == ["PQ 1", "PQ 2", "PQ 3"])
}

@Test("A word in more than 1,000 papers is counted to 1,000 and no further; the newest 1,000 are ranked and paged")
func commonWordIsCountedToALimit() async throws {
    var extra = RecordBatch()
    let committee = Committee.fixture()
    for n in 1...(SearchResults.countLimit + 100) {
        extra.workProgrammeItems.append(
            WorkProgrammeItem(id: .init(under: committee.id, "work-programme/potential/pothole-\(n)"), committee: committee.id, title: "Pothole survey \(n)"))
    }
    try await withSite(extra) { client in
        let first = try await get(client, "/search?q=pothole")
        #expect(first.contains("More than 1,000 results: the newest 1,000, the best first; showing 1 to 20."))
        #expect(first.contains("rel=\"next\""))
        let last = try await get(client, "/search?q=pothole&page=50")
        #expect(last.contains("showing 981 to 1000."))
        #expect(!last.contains("rel=\"next\""))
        #expect(try await get(client, "/search?q=pothole&page=51").contains("There are no more results: the search found more than 1,000"))
        // The first hundred added are outside the newest thousand; the last one added is inside.
        var seen = ""
        for page in 1...50 { seen += try await get(client, "/search?q=pothole&page=\(page)") }
        #expect(seen.contains("Pothole survey 1100<") || seen.contains("Pothole survey <mark>1100"))
        #expect(!seen.contains(">Pothole survey 1<") && !seen.contains("Pothole survey 100<"))
    }
}
