import Foundation
import QuorumDomain
import QuorumTestSupport
import Testing

@Suite("Minutes and the municipal year")
struct MinutesTests {
    let committee = Committee.fixture().id

    @Test("The municipal year starts at the council's annual meeting where recorded, otherwise on 1 May; rules stored before the setting read without it")
    func municipalYear() throws {
        let standard = DeadlineRules.standard
        #expect(standard.municipalYearStart(of: CalendarDay(2025, 3, 18)) == CalendarDay(2024, 5, 1))
        #expect(standard.municipalYearStart(of: CalendarDay(2025, 5, 1)) == CalendarDay(2025, 5, 1))
        #expect(standard.municipalYear(of: CalendarDay(2025, 3, 18)) == "2024/25")
        let set = DeadlineRules(annualMeetings: [CalendarDay(2025, 5, 16), CalendarDay(2024, 5, 10)])
        #expect(set.municipalYearStart(of: CalendarDay(2025, 5, 13)) == CalendarDay(2024, 5, 10))
        #expect(set.municipalYearStart(of: CalendarDay(2025, 5, 16)) == CalendarDay(2025, 5, 16))
        #expect(set.municipalYear(of: CalendarDay(2025, 5, 13)) == "2024/25")
        let old = #"{"agendaClearWorkingDays":5,"questionWorkingDaysBefore":4,"questionCutOff":"17:00","responseMonths":2,"statutoryResponseDays":28,"keyDecisionNoticeDays":28}"#
        #expect(try JSONDecoder().decode(DeadlineRules.self, from: Data(old.utf8)) == .standard)
        let round = try JSONDecoder().decode(DeadlineRules.self, from: try JSONEncoder().encode(set))
        #expect(round == set)
    }

    @Test("A meeting's first minute follows the committee's last minute earlier in the same municipal year; the year's first meeting starts at 1")
    func firstNumber() {
        let rules = DeadlineRules(annualMeetings: [CalendarDay(2025, 5, 16)])
        let earlier = [(day: CalendarDay(2025, 1, 21), number: 52), (day: CalendarDay(2025, 3, 18), number: 60), (day: CalendarDay(2024, 4, 9), number: 70)]
        func meeting(_ day: CalendarDay) -> Meeting { Meeting(of: committee, on: LocalDateTime(day, TimeOfDay(hour: 14)!), venue: "") }
        #expect(firstMinuteNumber(for: meeting(CalendarDay(2025, 3, 18)), earlier: earlier, rules: rules) == 53)
        #expect(firstMinuteNumber(for: meeting(CalendarDay(2025, 5, 13)), earlier: earlier, rules: rules) == 61)
        #expect(firstMinuteNumber(for: meeting(CalendarDay(2025, 6, 3)), earlier: earlier, rules: rules) == 1)
    }

    @Test("Minutes from the agenda: one a published item's title each, in order, numbered on; an exempt item's minute is exempt; a published minute keeps its number and stays exempt")
    func fromAgenda() throws {
        let meeting = Meeting.fixture()
        let agenda = [
            AgendaItem(number: "1", of: meeting.id, position: 1, title: "APOLOGIES FOR ABSENCE"),
            AgendaItem(number: "9", of: meeting.id, position: 9, title: "CONTRACT AWARD", access: .exempt(paragraph: .financialOrBusinessAffairs)),
        ]
        var minutes = Minutes(meeting: meeting.id)
        try minutes.addItems(from: agenda, startingAt: 12)
        #expect(minutes.items.map { "\($0.number) \($0.title) \($0.access.isExempt)" } == ["12 APOLOGIES FOR ABSENCE false", "13 CONTRACT AWARD true"])
        #expect(throws: ChangeRefusal.self) { try minutes.addItems(from: agenda, startingAt: 12) }
        #expect(throws: ChangeRefusal.self) { try minutes.mark(.init(minute: 13, resolution: 0, addressee: .cabinet, responseRule: .standard)) }
        try minutes.edit(12, title: "APOLOGIES", text: "None.", resolutions: ["One.", "Two."], leadIn: "RESOLVED: That:", access: .open)
        #expect(minutes.item(numbered: 12)?.resolutionLeadIn == "That:", "the minutes print Resolved: themselves")
        #expect(minutes.item(numbered: 12)?.resolutions == [Resolution(number: "1", text: "One."), Resolution(number: "2", text: "Two.")])
        try minutes.mark(.init(minute: 12, resolution: 1, addressee: .council, responseRule: .standard))
        #expect(minutes.recommendation(minutes.recommendations[0], committee: meeting.committee, meetingDay: meeting.start.day)?.number == "12.2")
        try minutes.edit(12, title: "APOLOGIES", text: "None.", resolutions: ["One.", "Two."], leadIn: nil, access: .exempt(paragraph: .financialOrBusinessAffairs))
        #expect(minutes.recommendations.isEmpty, "a minute made exempt takes its resolutions out of the public tracker")
        try minutes.edit(12, title: "APOLOGIES", text: "None.", resolutions: ["One.", "Two."], leadIn: nil, access: .open)
        try minutes.mark(.init(minute: 12, resolution: 1, addressee: .council, responseRule: .standard))
        try minutes.edit(12, title: "APOLOGIES", text: "None.", resolutions: ["One."], leadIn: nil, access: .open)
        #expect(minutes.recommendations.isEmpty, "a marked resolution that has gone is unmarked")
        try minutes.renumber(from: 1)
        #expect(minutes.items.map(\.number) == [1, 2])
        var published = minutes
        published.markPublished(as: minutes)
        #expect(throws: ChangeRefusal.self) { try published.remove(1) }
        #expect(throws: ChangeRefusal.self) { try published.renumber(from: 5) }
        #expect(throws: ChangeRefusal.self) { try published.edit(2, title: "CONTRACT AWARD", text: "", resolutions: [], leadIn: nil, access: .open) }
        try minutes.remove(1)
        #expect(minutes.items.map { "\($0.number) \($0.title)" } == ["1 CONTRACT AWARD"])
    }

    @Test("Attendance: one line a person, members before others in the order councils minute them; a substitute for a member only once")
    func attendance() throws {
        let meeting = Meeting.fixture()
        var minutes = Minutes(meeting: meeting.id)
        let (chair, member, officer, sub) = (Person.fixture(), Person.fixture("Ben Proctor"), Person.fixture("Ann Other", title: nil), Person.fixture("Pauline Crockett"))
        try minutes.record(.officer(jobTitle: "Clerk"), for: officer.id, newPerson: officer)
        try minutes.record(.apologies, for: member.id)
        try minutes.record(.present(role: "chairperson"), for: chair.id)
        try minutes.record(.substitute(for: member.id), for: sub.id)
        #expect(throws: ChangeRefusal.self) { try minutes.record(.substitute(for: member.id), for: Person.fixture("Other Sub").id) }
        #expect(minutes.attendance.map(\.person) == [chair.id, sub.id, member.id, officer.id])
        #expect(minutes.attendance.map(\.position) == [1, 2, 3, 4])
        try minutes.record(.present(role: nil), for: member.id)
        #expect(minutes.attendance.map(\.person) == [chair.id, member.id, sub.id, officer.id])
        #expect(minutes.newPeople == [officer])
        minutes.removeAttendance(of: officer.id)
        #expect(minutes.newPeople.isEmpty && minutes.attendance.count == 3)
    }
}

@Suite("Published agendas and minutes encode the same way every time")
struct StableEncodingTests {
    @Test("Decoding a published agenda or minutes again and encoding it gives the same bytes (its edit version does not change between loads)")
    func sameBytes() throws {
        let meeting = Meeting.fixture()
        let items = (1...40).map { AgendaItem(number: "\($0)", of: meeting.id, position: $0, title: "ITEM \($0)") }
        let agenda = Agenda(publishedFor: meeting, items: items, reports: [])
        let minuteItems = (1...40).map { MinuteItem(number: $0, of: meeting.id, title: "ITEM \($0)", text: "", access: $0 % 3 == 0 ? .exempt(paragraph: .financialOrBusinessAffairs) : .open) }
        let minutes = Minutes(meeting: meeting.id, items: minuteItems, isPublished: true)
        func loads<T: Codable>(_ value: T) throws -> Set<Data> {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let stored = try encoder.encode(value)
            return try Set((0..<8).map { _ in try encoder.encode(try JSONDecoder().decode(T.self, from: stored)) })
        }
        #expect(try loads(agenda).count == 1)
        #expect(try loads(minutes).count == 1)
    }
}
