import QuorumDomain
import Testing

/// The England and Wales bank holidays as published by the UK government (gov.uk/bank-holidays).
let publishedHolidays: [Int: [(Int, Int)]] = [
    2018: [(1, 1), (3, 30), (4, 2), (5, 7), (5, 28), (8, 27), (12, 25), (12, 26)],
    2019: [(1, 1), (4, 19), (4, 22), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)],
    2020: [(1, 1), (4, 10), (4, 13), (5, 8), (5, 25), (8, 31), (12, 25), (12, 28)],
    2021: [(1, 1), (4, 2), (4, 5), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)],
    2022: [(1, 3), (4, 15), (4, 18), (5, 2), (6, 2), (6, 3), (8, 29), (9, 19), (12, 26), (12, 27)],
    2023: [(1, 2), (4, 7), (4, 10), (5, 1), (5, 8), (5, 29), (8, 28), (12, 25), (12, 26)],
    2024: [(1, 1), (3, 29), (4, 1), (5, 6), (5, 27), (8, 26), (12, 25), (12, 26)],
    2025: [(1, 1), (4, 18), (4, 21), (5, 5), (5, 26), (8, 25), (12, 25), (12, 26)],
    2026: [(1, 1), (4, 3), (4, 6), (5, 4), (5, 25), (8, 31), (12, 25), (12, 28)],
    2027: [(1, 1), (3, 26), (3, 29), (5, 3), (5, 31), (8, 30), (12, 27), (12, 28)],
]

@Test("England and Wales bank holidays match the government's published list", arguments: 2018...2027)
func bankHolidaysMatchThePublishedList(year: Int) {
    let computed = BankHolidays.englandAndWales.holidays(year).map(\.day)
    let published = publishedHolidays[year]!.map { CalendarDay(year, $0.0, $0.1) }
    #expect(computed == published)
}

@Test("One-off holidays: the millennium, the royal wedding, the jubilees, the state funeral and the coronation")
func oneOffHolidays() {
    let calendar = WorkingCalendar.englandAndWales
    for day in [
        CalendarDay(1999, 12, 31), CalendarDay(2011, 4, 29), CalendarDay(2002, 6, 3), CalendarDay(2002, 6, 4), CalendarDay(2012, 6, 4),
        CalendarDay(2012, 6, 5), CalendarDay(2022, 6, 3), CalendarDay(2022, 9, 19), CalendarDay(2023, 5, 8), CalendarDay(1995, 5, 8),
    ] {
        #expect(calendar.isBankHoliday(day), "\(day)")
    }
    // The spring holiday moved, so the last Monday in May was a working day in jubilee years.
    #expect(!calendar.isBankHoliday(CalendarDay(2002, 5, 27)))
    #expect(!calendar.isBankHoliday(CalendarDay(2012, 5, 28)))
    #expect(!calendar.isBankHoliday(CalendarDay(2022, 5, 30)))
    #expect(!calendar.isBankHoliday(CalendarDay(1995, 5, 1)))
    #expect(!calendar.isBankHoliday(CalendarDay(2020, 5, 4)))
}

@Test("Every year from 1995 to 2100 has eight holidays on weekdays, more only in years of one-off holidays")
func everyYearHasItsHolidays() {
    let oneOffYears: Set = [1999, 2002, 2011, 2012, 2022, 2023]
    for year in 1995...2100 {
        let holidays = BankHolidays.englandAndWales.holidays(year)
        #expect(holidays.allSatisfy { !$0.day.isWeekend && $0.day.year == year }, "\(year)")
        #expect(Set(holidays.map(\.day)).count == holidays.count, "\(year)")
        #expect(holidays.count == (oneOffYears.contains(year) ? (year == 2022 ? 10 : 9) : 8), "\(year)")
    }
}

@Test("Easter falls on the dates the church calendar gives", arguments: [
    (1995, 4, 16), (2000, 4, 23), (2008, 3, 23), (2011, 4, 24), (2019, 4, 21), (2038, 4, 25), (2100, 3, 28),
])
func easter(year: Int, month: Int, day: Int) {
    #expect(easterSunday(in: year) == CalendarDay(year, month, day))
}
