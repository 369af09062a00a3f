import Foundation
import QuorumDomain
import QuorumIngest
import Testing

@Suite("Reading an improvement plan")
struct ImprovementPlanReadingTests {
    @Test("Seed 000's item 8 gives the plan: its title, phase, date and owner; nine priorities with their measures and actions (lead and timescale as published and as read); the figures of its impact statements with their periods, numerators and denominators; and the audit grades by month from items 7 and 8")
    func seed000() throws {
        let pack = try Seed.september2024.parse()
        #expect(pack.improvementPlans.count == 1)
        let plan = try #require(pack.improvementPlans.first)
        #expect(plan.title == "Herefordshire Children's Services and Partnership Improvement Plan")
        #expect(plan.versionLabel == "Phase 2" && plan.versionNumber == 2 && plan.period == "July 24" && plan.owner == "Improvement Board" && plan.itemNumber == "8")
        #expect(plan.priorities.map(\.number) == Array(1...9))
        let first = plan.priorities[0]
        #expect(first.heading == "Ofsted Recommendation 1" && first.text.hasPrefix("Corporate responsibility for the help and protection of children"))
        #expect(first.measures == [
            "Our corporate responsibility to children will be evident in our council priorities, policies and development plans",
            "Children and Families will tell us that they believe Herefordshire is a good place to live",
        ])
        #expect(first.actions.count == 7)
        let funding = first.actions[0]
        #expect(funding.text == "Confirm appropriate funding to support children services improvement against a three year plan")
        #expect(funding.lead == "Herefordshire Council" && funding.timescale.text == "April 24 - 27" && funding.timescale.start == CalendarDay(2024, 4, 1))
        #expect(first.actions[1].timescale.isRecurring)
        let workforce = plan.priorities[1].actions
        #expect(workforce.count == 8 && workforce[0].lead == "PSW - Dylan Harrison" && workforce[0].timescale.end == CalendarDay(2024, 10, 31))
        #expect(plan.priorities[2].actions.count == 18)

        let referral = try #require(plan.indicators.first { $0.name == "Referral decision within 24hrs" })
        #expect(referral.unit == .percent && referral.higherIsBetter && referral.observations.map(\.period) == ["2022/23", "2023/24"])
        #expect(referral.observations.map(\.value) == [79, 89])
        let permanent = try #require(plan.indicators.first { $0.name == "Permanent Social Workers" })
        #expect(permanent.observations.map { "\($0.numerator ?? 0)/\($0.denominator ?? 0) \($0.value)" } == ["51/124 41.0", "74/144 51.0"])
        let enquiries = try #require(plan.indicators.first { $0.name == "S.47 enquiries" })
        #expect(enquiries.unit == .per10000 && !enquiries.higherIsBetter && enquiries.observations.map(\.value) == [371, 269])
        #expect(plan.indicators.first { $0.name.hasPrefix("Strategy discussions held within 48hrs") }?.observations.map(\.value) == [96.51, 92.5])

        #expect(plan.audits.map(\.month) == [CalendarDay(2023, 11, 1), CalendarDay(2024, 3, 1), CalendarDay(2024, 6, 1)])
        #expect(plan.audits[0].inadequate == 35 && plan.audits[0].requiresImprovement == 38 && plan.audits[0].good == 22)
        #expect(plan.audits[1].inadequate == 23 && plan.audits[1].requiresImprovement == 50 && plan.audits[1].good == 27)
        #expect(plan.audits[2].inadequate == 0 && plan.audits[2].good == 43.75 && plan.audits[2].requiresImprovement == nil)
    }

    @Test("The plan of an exempt item is never recorded (fail closed), and the records say so")
    func exemptPlan() throws {
        let text = try Seed.september2024.text.replacingOccurrences(
            of: "8. IMPROVEMENT PLAN To scrutinise the Herefordshire Children's Services and Partnership Improvement Plan Phase 2.",
            with: "8. IMPROVEMENT PLAN To scrutinise the Herefordshire Children's Services and Partnership Improvement Plan Phase 2. Exempt by virtue of paragraph 3 of Schedule 12A.")
        let records = try parseAgendaPack(text, file: "000.txt").records()
        #expect(records.improvementPlans.isEmpty)
        #expect(records.agendaItems.first { $0.number == "8" }?.access.isExempt == true)
        #expect(try Seed.september2024.parse().records().improvementPlans.count == 1)
    }

    @Test("Packs without an improvement plan carry none")
    func noPlan() throws {
        #expect(try Seed.march2025.parse().improvementPlans.isEmpty)
        #expect(try Seed.october2021.parse().improvementPlans.isEmpty)
    }
}
