/// A public holiday on which council offices close and which does not count as a working day.
public struct BankHoliday: Hashable, Sendable, Codable {
    public let day: CalendarDay
    public let name: String

    public init(_ day: CalendarDay, _ name: String) {
        self.day = day
        self.name = name
    }
}

/// The bank holidays of one part of the UK, computed for any year rather than typed in from a list.
public struct BankHolidays: Sendable {
    /// The holidays of `year`, in date order.
    public let holidays: @Sendable (Int) -> [BankHoliday]

    public init(holidays: @escaping @Sendable (Int) -> [BankHoliday]) {
        self.holidays = holidays
    }

    /// England and Wales, 1995 to 2100: the Banking and Financial Dealings Act 1971 holidays with their
    /// substitute days, the early May holiday moved for VE Day anniversaries, the spring holiday moved for
    /// jubilees, and the one-off holidays proclaimed for royal occasions and the millennium.
    /// Worked out once for the years it covers: deadlines count working days one at a time, across years.
    public static let englandAndWales: BankHolidays = {
        let years = Dictionary(uniqueKeysWithValues: (1995...2100).map { ($0, englandAndWalesHolidays(in: $0)) })
        return BankHolidays { year in years[year] ?? englandAndWalesHolidays(in: year) }
    }()

    /// No holidays at all: weekends are the only non-working days.
    public static let none = BankHolidays { _ in [] }
}

/// Easter Sunday in the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" algorithm).
public func easterSunday(in year: Int) -> CalendarDay {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return CalendarDay(year, month, day)
}

/// The first `weekday` on or after `day`.
func first(_ weekday: Weekday, onOrAfter day: CalendarDay) -> CalendarDay {
    day.adding(days: (weekday.rawValue - day.weekday.rawValue + 7) % 7)
}

/// The last `weekday` of a month.
func last(_ weekday: Weekday, of month: Int, in year: Int) -> CalendarDay {
    let end = CalendarDay(year, month, CalendarDay.daysIn(month: month, year: year))
    return end.adding(days: -((end.weekday.rawValue - weekday.rawValue + 7) % 7))
}

/// The next weekday (Monday to Friday) on or after `day`.
func nextWeekday(onOrAfter day: CalendarDay) -> CalendarDay {
    var day = day
    while day.isWeekend { day = day.adding(days: 1) }
    return day
}

private func englandAndWalesHolidays(in year: Int) -> [BankHoliday] {
    var result: [BankHoliday] = []
    let newYear = CalendarDay(year, 1, 1)
    result.append(BankHoliday(nextWeekday(onOrAfter: newYear), newYear.isWeekend ? "New Year’s Day (substitute day)" : "New Year’s Day"))

    let easter = easterSunday(in: year)
    result.append(BankHoliday(easter.adding(days: -2), "Good Friday"))
    result.append(BankHoliday(easter.adding(days: 1), "Easter Monday"))

    // The early May holiday moved to 8 May for the 50th and 75th anniversaries of VE Day.
    switch year {
    case 1995: result.append(BankHoliday(CalendarDay(1995, 5, 8), "Early May bank holiday (VE day)"))
    case 2020: result.append(BankHoliday(CalendarDay(2020, 5, 8), "Early May bank holiday (VE day)"))
    default: result.append(BankHoliday(first(.monday, onOrAfter: CalendarDay(year, 5, 1)), "Early May bank holiday"))
    }
    if year == 2023 { result.append(BankHoliday(CalendarDay(2023, 5, 8), "Bank holiday for the coronation of King Charles III")) }

    // The spring holiday moved into June for the Golden, Diamond and Platinum Jubilees.
    switch year {
    case 2002:
        result.append(BankHoliday(CalendarDay(2002, 6, 3), "Golden Jubilee bank holiday"))
        result.append(BankHoliday(CalendarDay(2002, 6, 4), "Spring bank holiday"))
    case 2012:
        result.append(BankHoliday(CalendarDay(2012, 6, 4), "Spring bank holiday"))
        result.append(BankHoliday(CalendarDay(2012, 6, 5), "Queen’s Diamond Jubilee"))
    case 2022:
        result.append(BankHoliday(CalendarDay(2022, 6, 2), "Spring bank holiday"))
        result.append(BankHoliday(CalendarDay(2022, 6, 3), "Platinum Jubilee bank holiday"))
    default:
        result.append(BankHoliday(last(.monday, of: 5, in: year), "Spring bank holiday"))
    }
    if year == 2011 { result.append(BankHoliday(CalendarDay(2011, 4, 29), "Royal wedding")) }

    result.append(BankHoliday(last(.monday, of: 8, in: year), "Summer bank holiday"))
    if year == 2022 { result.append(BankHoliday(CalendarDay(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II")) }

    // Christmas and Boxing Day: a holiday falling at a weekend moves to the next free weekday.
    let christmas = CalendarDay(year, 12, 25)
    let boxingDay = CalendarDay(year, 12, 26)
    let christmasObserved = nextWeekday(onOrAfter: christmas)
    var boxingObserved = nextWeekday(onOrAfter: boxingDay)
    if boxingObserved == christmasObserved { boxingObserved = nextWeekday(onOrAfter: boxingObserved.adding(days: 1)) }
    let christmasName = christmasObserved == christmas ? "Christmas Day" : "Christmas Day (substitute day)"
    let boxingName = boxingObserved == boxingDay ? "Boxing Day" : "Boxing Day (substitute day)"
    result.append(BankHoliday(christmasObserved, christmasName))
    result.append(BankHoliday(boxingObserved, boxingName))
    if year == 1999 { result.append(BankHoliday(CalendarDay(1999, 12, 31), "Millennium celebrations")) }

    return result.sorted { $0.day < $1.day }
}
