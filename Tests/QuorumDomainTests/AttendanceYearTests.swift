import QuorumDomain
import QuorumTestSupport
import Testing

@Suite("A person's attendance by municipal year")
struct AttendanceYearTests {
    @Test("Each line counts in the municipal year of its meeting, split at the annual meeting; apologies are expected, invitations and officers are not")
    func tally() {
        // The 2025 annual meeting was on 20 May: a meeting on 13 May 2025 is still in 2024/25.
        let rules = DeadlineRules(annualMeetings: [CalendarDay(2025, 5, 20)])
        let days = [
            CalendarDay(2024, 4, 30), CalendarDay(2024, 5, 1), CalendarDay(2025, 5, 13), CalendarDay(2025, 5, 20), CalendarDay(2025, 9, 2), CalendarDay(2026, 1, 6),
        ]
        let kinds: [Attendance.Kind] = [
            .present(role: nil), .apologies, .substitute(for: Person.fixture("Someone Else").id), .virtual, .inAttendance(capacity: "Cabinet member"),
            .officer(jobTitle: "Clerk"),
        ]
        let years = AttendanceYear.tally(Array(zip(days, kinds)).map { (day: $0.0, kind: $0.1) }, rules: rules)
        #expect(
            years == [
                AttendanceYear(start: CalendarDay(2025, 5, 20), name: "2025/26", recorded: 3, expected: 1, attended: 1),
                AttendanceYear(start: CalendarDay(2024, 5, 1), name: "2024/25", recorded: 2, expected: 2, attended: 1),
                AttendanceYear(start: CalendarDay(2023, 5, 1), name: "2023/24", recorded: 1, expected: 1, attended: 1),
            ])
        #expect(AttendanceYear.tally([], rules: rules).isEmpty)
    }
}
