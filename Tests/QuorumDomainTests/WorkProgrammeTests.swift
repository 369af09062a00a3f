import QuorumDomain
import QuorumTestSupport
import Testing

@Suite("Keeping a work programme")
struct WorkProgrammeTests {
    let committee = Committee.fixture().id

    @Test("Sessions: one of a kind a day, deadlines before the session, removed only once their topics have moved")
    func sessions() throws {
        var programme = WorkProgramme(committee: committee, sessions: [], items: [])
        let september = try programme.addSession(on: CalendarDay(2026, 9, 15), kind: .committeeMeeting, reportDeadline: CalendarDay(2026, 9, 3), planning: .toBeConfirmed)
        #expect(throws: ChangeRefusal.self) { try programme.addSession(on: CalendarDay(2026, 9, 15), kind: .committeeMeeting, reportDeadline: nil, planning: .none) }
        #expect(throws: ChangeRefusal.self) { try programme.addSession(on: CalendarDay(2026, 10, 6), kind: .briefing, reportDeadline: CalendarDay(2026, 10, 6), planning: .none) }
        #expect(throws: ChangeRefusal.self) { try programme.editSession(september, reportDeadline: nil, planning: .on(CalendarDay(2026, 9, 16))) }
        try programme.addSession(on: CalendarDay(2026, 6, 2), kind: .briefing, reportDeadline: nil, planning: .none)
        #expect(programme.sessions.map(\.day) == [CalendarDay(2026, 6, 2), CalendarDay(2026, 9, 15)])
        let topic = try programme.addTopic(.init(title: "Youth justice", reportWriter: "Lorna Tilley, West Mercia Police", otherAttendees: ["Anne-Marie Kemp"]), to: september)
        #expect(programme.item(topic)?.attendees == [.init(name: "Lorna Tilley, West Mercia Police", isReportWriter: true), .init(name: "Anne-Marie Kemp")])
        #expect(throws: ChangeRefusal.self) { try programme.removeSession(september) }
        try programme.move(topic, to: .potential)
        try programme.removeSession(september)
        #expect(programme.sessions.count == 1)
    }

    @Test("Topics: identified by their title, changed, moved between sessions, deferred, delivered; only one not yet scheduled or delivered is removed")
    func topics() throws {
        var programme = WorkProgramme(committee: committee, sessions: [], items: [])
        let session = try programme.addSession(on: CalendarDay(2026, 9, 15), kind: .committeeMeeting, reportDeadline: nil, planning: .none)
        let first = try programme.addTopic(.init(title: "Youth justice"), to: nil)
        let second = try programme.addTopic(.init(title: "Youth justice"), to: session)
        #expect(first.rawValue.hasSuffix("/work-programme/items/youth-justice") && second.rawValue.hasSuffix("youth-justice-2"))
        #expect(programme.item(first)?.state == .potential && programme.item(second)?.state == .scheduled(session))
        #expect(throws: ChangeRefusal.self) { try programme.addTopic(.init(title: ""), to: nil) }
        try programme.editTopic(first, .init(title: "Youth justice service", scrutinyType: .performanceReview, objectives: "Scrutinise reoffending."))
        #expect(programme.item(first)?.topic.objectives == "Scrutinise reoffending.")
        #expect(throws: ChangeRefusal.self) { try programme.remove(second) }
        try programme.move(second, to: .delivered(session))
        #expect(throws: ChangeRefusal.self) { try programme.remove(second) }
        try programme.move(first, to: .deferred(reason: "Awaiting the inspection"))
        try programme.remove(first)
        #expect(programme.items.map(\.id) == [second])
    }
}
