/// Which days a council counts as working days: Monday to Friday, less bank holidays.
public struct WorkingCalendar: Sendable {
    public let bankHolidays: BankHolidays

    public init(bankHolidays: BankHolidays) {
        self.bankHolidays = bankHolidays
    }

    /// The calendar of a council in England or Wales.
    public static let englandAndWales = WorkingCalendar(bankHolidays: .englandAndWales)

    public func isBankHoliday(_ day: CalendarDay) -> Bool {
        bankHolidays.holidays(day.year).contains { $0.day == day }
    }

    public func isWorkingDay(_ day: CalendarDay) -> Bool {
        !day.isWeekend && !isBankHoliday(day)
    }

    /// The `count`th working day before `day`, not counting `day` itself: the first working day before
    /// Tuesday 18 March 2025 is Monday 17 March.
    public func workingDay(_ count: Int, before day: CalendarDay) -> CalendarDay {
        precondition(count >= 1)
        var found = 0
        var current = day
        while found < count {
            current = current.adding(days: -1)
            if isWorkingDay(current) { found += 1 }
        }
        return current
    }

    /// Working days strictly between two days (clear days: neither end counts).
    public func clearWorkingDays(between start: CalendarDay, and end: CalendarDay) -> Int {
        guard start < end else { return 0 }
        var count = 0
        var current = start.adding(days: 1)
        while current < end {
            if isWorkingDay(current) { count += 1 }
            current = current.adding(days: 1)
        }
        return count
    }
}
