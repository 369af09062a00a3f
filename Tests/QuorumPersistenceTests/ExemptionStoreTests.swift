import Foundation
import GRDB
import QuorumDomain
@testable import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

/// A meeting with an exempt item and its report (with an exempt appendix), and the minutes of that item.
private func exemptMeeting(minuteAccess: Access = .exempt(paragraph: .financialOrBusinessAffairs)) -> RecordBatch {
    var batch = RecordBatch()
    let authority = Authority.fixture()
    let committee = Committee.fixture()
    batch.authorities = [authority]
    batch.committees = [committee]
    let meeting = Meeting.fixture(on: CalendarDay(2025, 3, 18), status: .held(endedAt: nil))
    batch.meetings = [meeting]
    let item = AgendaItem(number: "9", of: meeting.id, position: 9, title: "LAND AT HOLMER", access: .exempt(paragraph: .financialOrBusinessAffairs))
    let open = AgendaItem(number: "8", of: meeting.id, position: 8, title: "BUDGET OUTTURN")
    batch.agendaItems = [open, item]
    var report = Report(for: item, title: "Land at Holmer: disposal")
    report.purpose = "To agree the sale of the zanzibarite site."
    var outturn = Report(for: open, title: "Budget outturn")
    outturn.purpose = "To note the outturn."
    outturn.appendices = [.init(label: "Appendix 1", title: "Summary"), .init(label: "Appendix 2", title: "Bids", access: .exempt(paragraph: .financialOrBusinessAffairs))]
    outturn.sections = [.init(kind: .other, heading: "Appendix 2 – Bids", text: "The zanzibarite bid was lowest.", appendix: "Appendix 2")]
    batch.reports = [outturn, report]
    batch.minuteItems = [MinuteItem(number: 58, of: meeting.id, title: "LAND AT HOLMER", text: "The zanzibarite sale was agreed.", access: minuteAccess)]
    return batch
}

/// The same records as a later paper that calls everything open.
private func allOpen(_ batch: RecordBatch) -> RecordBatch {
    var copy = batch
    copy.agendaItems = batch.agendaItems.map { var item = $0; item.access = .open; return item }
    copy.reports = batch.reports.map { report in
        var report = report
        report.classification = .open
        report.appendices = report.appendices.map { var a = $0; a.access = .open; return a }
        return report
    }
    copy.minuteItems = batch.minuteItems.map { var minute = $0; minute.access = .open; return minute }
    return copy
}

@Test("A later save that says open never publishes what is held as exempt, and says so to an officer")
func reimportSayingOpenKeepsExemption() async throws {
    try await withTemporaryStore { store async throws in
        let batch = exemptMeeting()
        try await store.save(batch, by: "import: first.txt", at: fixedNow)
        try await store.save(allOpen(batch), by: "import: second.txt", at: fixedNow)
        let meeting = batch.meetings[0].id
        #expect(try await store.agendaItems(of: meeting).map(\.access.isExempt) == [false, true])
        let reports = try await store.reports(of: meeting)
        #expect(reports.first { $0.title == "Land at Holmer: disposal" }?.classification == .exempt(paragraph: .financialOrBusinessAffairs))
        #expect(reports.first { $0.title == "Budget outturn" }?.appendix("Appendix 2")?.access == .exempt(paragraph: .financialOrBusinessAffairs))
        #expect(try await store.minuteItems(of: meeting).first?.access == .exempt(paragraph: .financialOrBusinessAffairs))
        let warnings = try await store.warnings(on: batch.agendaItems[1].id.rawValue)
        #expect(warnings.contains { $0.message.contains("stays exempt until an officer releases it") })
        #expect(try await store.search(SearchQuery(parsing: "zanzibarite")).total == 0)
    }
}

@Test("The minute of an exempt item is exempt whichever pack brings the item or the minute first")
func minuteOfExemptItem() async throws {
    for itemFirst in [true, false] {
        try await withTemporaryStore { store async throws in
            let batch = exemptMeeting(minuteAccess: .open)
            var agenda = batch
            agenda.minuteItems = []
            var minutes = batch
            minutes.agendaItems = []
            minutes.reports = []
            for part in itemFirst ? [agenda, minutes] : [minutes, agenda] { try await store.save(part, by: "import", at: fixedNow) }
            let minute = try #require(try await store.minuteItems(of: batch.meetings[0].id).first)
            #expect(minute.access == .exempt(paragraph: .financialOrBusinessAffairs), "item first: \(itemFirst)")
            #expect(try await store.search(SearchQuery(parsing: "zanzibarite")).total == 0)
        }
    }
}

@Test("Only a release publishes exempt information: audited with its reason, searchable after, and not undone by a later import")
func release() async throws {
    try await withTemporaryStore { store async throws in
        let batch = exemptMeeting()
        try await store.save(batch, by: "import", at: fixedNow)
        let item = batch.agendaItems[1]
        let meeting = batch.meetings[0].id
        let released = try await store.release(.agendaItem(item.id), reason: "The sale has completed.", by: "Simon Cann", at: fixedNow)
        #expect(released.count == 2)
        #expect(try await store.agendaItems(of: meeting).allSatisfy { !$0.access.isExempt })
        #expect(try await store.reports(of: meeting).allSatisfy { $0.classification == .open })
        let audit = try await store.auditLog(limit: 10)
        #expect(audit.contains { $0.actor == "Simon Cann" && $0.entityId == item.id.rawValue && $0.changes.contains("The sale has completed.") })
        #expect(try await store.search(SearchQuery(parsing: "zanzibarite")).total == 1)

        // The pack that marked it exempt, imported again, does not take back the officer's decision.
        try await store.save(batch, by: "import again", at: fixedNow)
        #expect(try await store.agendaItems(of: meeting).allSatisfy { !$0.access.isExempt })
        // The appendix and the minute are released one by one.
        try await store.release(.appendix(batch.agendaItems[0].id, label: "appendix 2"), reason: "Bids published.", by: "Simon Cann", at: fixedNow)
        #expect(try await store.reports(of: meeting).allSatisfy { $0.appendices.allSatisfy { $0.access == .open } })
        #expect(try await store.withheld().map(\.title) == ["Minute 58: LAND AT HOLMER"])
        try await store.release(.minute(batch.minuteItems[0].id), reason: "Sale completed.", by: "Simon Cann", at: fixedNow)
        #expect(try await store.withheld().isEmpty)
        #expect(try await store.search(SearchQuery(parsing: "zanzibarite")).total == 3)

        await #expect(throws: StoreError.notExempt(entity: "minute", id: batch.minuteItems[0].id.rawValue)) {
            try await store.release(.minute(batch.minuteItems[0].id), reason: "Again.", by: "Simon Cann", at: fixedNow)
        }
        await #expect(throws: StoreError.self) { try await store.release(.agendaItem(.init("no/such/item")), reason: "Why.", by: "A", at: fixedNow) }
        await #expect(throws: StoreError.self) { try await store.release(.agendaItem(item.id), reason: "  ", by: "A", at: fixedNow) }
    }
}

@Test("A database from before exempt minutes keeps its exempt items and appendices exempt after the upgrade")
func upgradeKeepsExemptions() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("old.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(queue, upTo: "v2: public search")
    try await queue.write { db in
        try db.execute(sql: "INSERT INTO authority (id, name, rules) VALUES ('a', 'A Council', '{}')")
        try db.execute(sql: "INSERT INTO committee (id, authorityId, name) VALUES ('a/c', 'a', 'C')")
        try db.execute(sql: "INSERT INTO meeting (id, committeeId, startDay, startTime, venue, status) VALUES ('a/c/2025-03-18', 'a/c', '2025-03-18', '14:00', '', 'held')")
        try db.execute(
            sql: "INSERT INTO agendaItem (id, meetingId, number, position, title, description, exemptParagraph) VALUES ('a/c/2025-03-18/items/9', 'a/c/2025-03-18', '9', 9, 'LAND', '', 3)")
        try db.execute(
            sql: """
                INSERT INTO report (id, agendaItemId, meetingId, title, reportBy, decisionType, wardsAffected, purpose, recommendations, sections, appendices, clearance)
                VALUES ('a/c/2025-03-18/items/9/report', 'a/c/2025-03-18/items/9', 'a/c/2025-03-18', 'Land', '', 'key', '', '', '[]', '[]',
                        '[{"label":"Appendix 1","title":"Bids","access":{"exempt":{"paragraph":3}}},{"label":"Appendix 2","title":"Map","access":{"open":{}}}]', '[]')
                """)
        // Earlier versions published the minute of the exempt item, and indexed it.
        try db.execute(
            sql: "INSERT INTO minuteItem (id, meetingId, number, title, text, resolutions) VALUES ('a/c/2025-03-18/minutes/58', 'a/c/2025-03-18', 58, 'LAND', 'The zanzibarite sale.', '[]')")
        try db.execute(sql: "INSERT INTO searchKey (id, entityId) VALUES (1, 'a/c/2025-03-18/minutes/58')")
        try db.execute(
            sql: "INSERT INTO searchEntry (rowid, title, body, kind, entityId, committeeId, meetingId, day) VALUES (1, '58. LAND', 'The zanzibarite sale.', 'minute', 'a/c/2025-03-18/minutes/58', 'a/c', 'a/c/2025-03-18', '2025-03-18')")
    }
    try queue.close()
    let store = try SQLiteStore(path: path)
    let items = try await store.agendaItems(of: .init("a/c/2025-03-18"))
    #expect(items.map(\.access) == [.exempt(paragraph: .financialOrBusinessAffairs)])
    let report = try #require(try await store.report(.init("a/c/2025-03-18/items/9/report")))
    #expect(report.classification == .open)
    #expect(report.appendices.map(\.access) == [.exempt(paragraph: .financialOrBusinessAffairs), .open])
    #expect(try await store.minuteItems(of: .init("a/c/2025-03-18")).map(\.access) == [.exempt(paragraph: .financialOrBusinessAffairs)])
    #expect(try await store.search(SearchQuery(parsing: "zanzibarite")).total == 0)
    #expect(try await store.warnings(on: report.id.rawValue).contains { $0.message.contains("import its pack again") })
}

@Test("An upgrade gives a recommendation cut mid-word its whole-word address, and its warnings follow it")
func upgradeRecommendationAddresses() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("old.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(queue, upTo: "v6: members' roles, listing and order; attendance order; meetings known from other papers")
    let topic = "Children's Services Complaints and the Ombudsman service in Herefordshire"
    let old = "a/c/recommendations/2024-07-30/\(slugged(topic).prefix(40))-1"
    try await queue.write { db in
        try db.execute(sql: "INSERT INTO authority (id, name, rules) VALUES ('a', 'A Council', '{}')")
        try db.execute(sql: "INSERT INTO committee (id, authorityId, name) VALUES ('a/c', 'a', 'C')")
        try db.execute(
            sql: """
                INSERT INTO recommendation (id, committeeId, meetingDay, topic, number, text, addresseeKind, responseRule, responseState)
                VALUES (?, 'a/c', '2024-07-30', ?, '1', 'That the link be published.', 'unspecified', 'standard', 'awaiting')
                """, arguments: [old, topic])
        try db.execute(sql: "INSERT INTO recordWarning (entity, entityId, message) VALUES ('recommendation', ?, 'Check it.')", arguments: [old])
    }
    try queue.close()
    #expect(old.hasSuffix("-the-om-1"))  // "om…budsman", cut mid-word
    let store = try SQLiteStore(path: path)
    let recommendation = try #require(try await store.recommendations(of: .init("a/c")).first)
    #expect(recommendation.id.rawValue == "a/c/" + Recommendation.key(day: CalendarDay(2024, 7, 30), topic: topic, number: "1"))
    #expect(!recommendation.id.rawValue.contains("--"))
    #expect(try await store.warnings(on: recommendation.id.rawValue).map(\.message) == ["Check it."])
}
