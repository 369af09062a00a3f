import ArgumentParser
import QuorumDomain

/// `quorum deadlines`: the statutory deadlines for a meeting, worked out from the council's calendar.
struct Deadlines: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the deadlines for a meeting and, with --sent, when the executive's response is due.",
        discussion: """
            Working days exclude weekends and England and Wales bank holidays. The agenda must be published five \
            clear working days before the meeting; written questions are due at 5 pm on the fourth working day \
            before; the executive answers a recommendation within two months, or 28 days with --health.
            """
    )

    @Option(help: ArgumentHelp("When the meeting starts, in local time: 2025-03-18T14:00.", valueName: "yyyy-mm-ddThh:mm"))
    var meeting: String

    @Option(help: ArgumentHelp("The day a recommendation was sent to the executive: 2025-01-28.", valueName: "yyyy-mm-dd"))
    var sent: String?

    @Flag(help: "The recommendation concerns statutory health scrutiny or crime and disorder, so the answer is due in 28 days.")
    var health = false

    func validate() throws {
        guard LocalDateTime(iso: meeting) != nil else {
            throw ValidationError("--meeting ‘\(meeting)’ is not a date and time like 2025-03-18T14:00")
        }
        if let sent, CalendarDay(iso: sent) == nil {
            throw ValidationError("--sent ‘\(sent)’ is not a date like 2025-01-28")
        }
        if health && sent == nil {
            throw ValidationError("--health needs --sent: it changes when the response to a sent recommendation is due")
        }
    }

    func run() throws {
        let start = LocalDateTime(iso: meeting)!
        let rules = DeadlineRules.standard
        let calendar = WorkingCalendar.englandAndWales
        print("agenda publication deadline: \(agendaPublicationDeadline(meetingDay: start.day, rules: rules, calendar: calendar).iso)")
        print("question deadline: \(questionDeadline(meetingDay: start.day, rules: rules, calendar: calendar).iso)")
        if let sent = sent.flatMap({ CalendarDay(iso: $0) }) {
            print("response due: \(responseDueDate(sent: sent, rule: health ? .statutory28Days : .standard, rules: rules).iso)")
        }
    }
}
