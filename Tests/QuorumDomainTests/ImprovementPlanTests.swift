import QuorumDomain
import QuorumTestSupport
import Testing

@Suite("Improvement plans")
struct ImprovementPlanTests {
    func read(_ text: String) -> String {
        let t = Timescale(reading: text)
        return [t.start?.iso ?? "-", t.end?.iso ?? "-", t.isRecurring ? "recurring" : ""].joined(separator: " ").trimmingCharacters(in: .whitespaces)
    }

    @Test("A timescale is read as dates or a period where its text allows, as councils write them")
    func timescales() {
        #expect(read("Aug 24") == "2024-08-01 2024-08-31")
        #expect(read("April 24 - 27") == "2024-04-01 2027-12-31")
        #expect(read("Sept – Dec 24") == "2024-09-01 2024-12-31")
        #expect(read("Sept /Oct 24") == "2024-09-01 2024-10-31")
        #expect(read("Sept 24 March 25") == "2024-09-01 2025-03-31")
        #expect(read("24/25") == "2024-04-01 2025-03-31")
        #expect(read("2024/25 Reporting qrtly") == "2024-04-01 2025-03-31 recurring")
        #expect(read("By Dec 24") == "- 2024-12-31")
        #expect(read("In place by Sept 24") == "- 2024-09-30")
        #expect(read("Summer 24") == "2024-06-01 2024-08-31")
        #expect(read("Reporting quarterly and annually") == "- - recurring")
        #expect(read("Internal monthly External qrtly reporting") == "- - recurring")
        #expect(read("Annual – March 25") == "2025-03-01 2025-03-31")
        #expect(read("Nov – Feb 25") == "2024-11-01 2025-02-28")
        #expect(read("24/25/26") == "- -")
        #expect(read("") == "- -")
        #expect(read("From April 24") == "2024-04-01 -")
        #expect(read("Sept 24 onwards") == "2024-09-01 -")
        #expect(read("Within 12 months") == "- -")
        #expect(read("Winter 24") == "2024-12-01 2025-02-28")
        #expect(read("2024-25") == "2024-04-01 2025-03-31")
    }

    @Test("An action's status comes from its timescale and the progress recorded, never typed")
    func statuses() {
        var action = PlanAction(number: "1.1", text: "Do it", lead: "DCS", timescale: Timescale(reading: "Sept – Dec 24"))
        #expect(action.status(on: CalendarDay(2024, 7, 1)) == .notStarted)
        #expect(action.status(on: CalendarDay(2024, 10, 1)) == .inProgress)
        #expect(action.status(on: CalendarDay(2025, 1, 6)) == .overdue)
        action.progress.append(ProgressNote(day: CalendarDay(2024, 12, 20), text: "Done.", isComplete: true, by: "officer"))
        #expect(action.status(on: CalendarDay(2025, 1, 6)) == .complete)
        #expect(PlanAction(number: "1.2", text: "", lead: "", timescale: Timescale(reading: "Reporting quarterly")).status(on: CalendarDay(2025, 1, 6)) == .ongoing)
        #expect(PlanAction(number: "1.3", text: "", lead: "", timescale: Timescale(reading: "")).status(on: CalendarDay(2025, 1, 6)) == .noTimescale)
    }

    @Test("An indicator says whether it has moved in the good direction since a day, by the figures either side of it")
    func movement() throws {
        let plan = ImprovementPlan(titled: "Improvement Plan", of: Authority.fixture().id)
        var timely = Indicator(named: "Referral decision within 24hrs", of: plan.id, unit: .percent, higherIsBetter: true)
        timely.record(Observation(period: "2022/23", ends: try #require(Observation.periodEnd("22/23")), value: 79))
        #expect(timely.movement(since: CalendarDay(2023, 9, 1)) == nil)
        timely.record(Observation(period: "2023/24", ends: try #require(Observation.periodEnd("2023/24")), value: 89))
        let moved = try #require(timely.movement(since: CalendarDay(2023, 9, 1)))
        #expect(moved.direction == .better && moved.from.value == 79 && moved.to.value == 89)
        var repeats = Indicator(id: .init(under: plan.id, "indicators/repeats"), name: "Repeat referrals", unit: .percent, higherIsBetter: false, observations: timely.observations)
        #expect(repeats.movement(since: CalendarDay(2023, 9, 1))?.direction == .worse)
        repeats.record(Observation(period: "2023/24", ends: CalendarDay(2024, 3, 31), value: 79))
        #expect(repeats.movement(since: CalendarDay(2023, 9, 1))?.direction == .unchanged && repeats.observations.count == 2)
        #expect(Observation.periodEnd("March 2024") == CalendarDay(2024, 3, 31) && Observation.periodEnd("someday") == nil)
        #expect(Indicator.Unit.percent.format(96.51) == "96.51%" && Indicator.Unit.percent.format(92.5) == "92.5%" && Indicator.Unit.count.format(74) == "74")
        #expect(Indicator.Unit.count.format(1e19) == "10000000000000000000" && Indicator.Unit.count.format(.nan) == "-")
        // One period however written: "23/24" and "2023/24".
        repeats.record(Observation(period: "23/24", ends: try #require(Observation.periodEnd("23/24")), value: 80))
        #expect(repeats.observations.map(\.period) == ["2022/23", "23/24"])
    }
}
