/// Dates and times written the way council papers write them.
extension CalendarDay {
    /// "Tuesday 18 March 2025".
    public var councilStyle: String { "\(weekday.name) \(day) \(CalendarDay.monthNames[month - 1]) \(year)" }

    /// "18 March 2025".
    public var shortCouncilStyle: String { "\(day) \(CalendarDay.monthNames[month - 1]) \(year)" }
    /// "September 2024".
    public var monthStyle: String { "\(CalendarDay.monthNames[month - 1]) \(year)" }

    public static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
}

extension TimeOfDay {
    /// "2.00 pm", "10.30 am", "12.00 pm" for noon.
    public var councilStyle: String {
        let twelveHour = hour % 12 == 0 ? 12 : hour % 12
        let minutes = minute < 10 ? "0\(minute)" : "\(minute)"
        return "\(twelveHour).\(minutes) \(hour < 12 ? "am" : "pm")"
    }
}

extension LocalDateTime {
    /// "Tuesday 18 March 2025, 2.00 pm".
    public var councilStyle: String { "\(day.councilStyle), \(time.councilStyle)" }
}
