import ArgumentParser
import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumWeb

/// `quorum meetings`: scheduling a committee's meetings, and checking their deadlines.
struct Meetings: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetings", abstract: "Schedule meetings, and check their deadlines.", subcommands: [Add.self, Check.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Schedule one meeting of a committee, or several (a year's programme) with the same time and place.",
            discussion: """
                Checked as the website checks it: a real date, today or later, given once; a committee meets at most once a \
                day. All are added in one transaction, or none. Each is audited.

                Example:
                  quorum meetings add --committee children-and-young-people-scrutiny-committee \\
                    --date 2026-06-02 --date 2026-07-14 --time 14:00 --venue "Shire Hall, Hereford, HR1 2HX"
                """)

        @OptionGroup var options: DatabaseOptions

        @Option(help: ArgumentHelp("The committee, by the last part of its address.", valueName: "committee"))
        var committee: String

        @Option(help: ArgumentHelp("A day it meets (2026-06-02); repeat for several.", valueName: "date"))
        var date: [String] = []

        @Option(help: ArgumentHelp("When it starts, on the council's clock (14:00, or 2pm).", valueName: "time"))
        var time: String

        @Option(help: ArgumentHelp("Where, as the summons gives it.", valueName: "place"))
        var venue: String

        @Option(help: ArgumentHelp("Who is scheduling, for the audit log.", valueName: "name"))
        var by = "quorum meetings add"

        @Option(help: ArgumentHelp("Count from this day rather than today (2026-05-01).", valueName: "date"))
        var today: String?

        func validate() throws {
            guard !date.isEmpty else { throw ValidationError("give at least one --date") }
            if let today, CalendarDay(iso: today) == nil { throw ValidationError("--today must be a date like 2026-05-01, not ‘\(today)’") }
        }

        func run() async throws {
            let store = try options.openStore()
            let day = today.flatMap { CalendarDay(iso: $0) } ?? LocalDateTime(Date(), in: .london).day
            let values = ["committee": committee, "dates": date.joined(separator: "\n"), "time": time, "venue": venue]
            let (meetings, errors) = try await newMeetings(from: values, store: store, today: day)
            let flags = ["committee": "--committee", "dates": "--date", "time": "--time", "venue": "--venue"]
            if let (field, message) = errors.sorted(by: { $0.key < $1.key }).first {
                throw CommandFailure("\(flags[field] ?? field): \(message).")
            }
            do {
                try await store.addMeetings(meetings, by: by, at: Date())
            } catch let error as StoreError {
                throw CommandFailure(error.description)
            }
            let rules = try await store.deadlineRules()
            for meeting in meetings {
                let deadlines = meeting.deadlines(rules: rules[meeting.committee], calendar: .englandAndWales)
                print("Scheduled \(meeting.start.councilStyle): agenda by \(deadlines.agendaPublication.iso), questions by \(deadlines.questions.day.iso) \(deadlines.questions.time.iso)")
                for warning in meeting.scheduleWarnings(today: day, rules: rules[meeting.committee], calendar: .englandAndWales) {
                    print("  warning: \(warning.message)")
                }
            }
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the coming meetings whose agenda deadline is missed or within 5 working days, or that fall on a day the council does not work.",
            discussion: """
                Exits with status 1 when a deadline has been missed, so that a daily job notices, e.g. in cron:
                  quorum meetings check || mail -s "Agenda deadline missed" clerks@example.gov.uk
                """)

        @OptionGroup var options: DatabaseOptions

        @Option(help: ArgumentHelp("Only this committee, by the last part of its address.", valueName: "committee"))
        var committee: String?

        @Option(help: ArgumentHelp("Check as on this day rather than today (2026-05-01).", valueName: "date"))
        var today: String?

        func validate() throws {
            if let today, CalendarDay(iso: today) == nil { throw ValidationError("--today must be a date like 2026-05-01, not ‘\(today)’") }
        }

        func run() async throws {
            let store = try options.openStore()
            let day = today.flatMap { CalendarDay(iso: $0) } ?? LocalDateTime(Date(), in: .london).day
            var only: Committee?
            if let committee {
                guard let found = try await store.committee(slug: committee) else { throw CommandFailure("There is no committee ‘\(committee)’.") }
                only = found
            }
            let rules = try await store.deadlineRules()
            let names = Dictionary(try await store.committees().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let meetings = try await store.meetings(MeetingFilter(committee: only?.id, from: day, limit: 100_000))
            var missed = false
            var any = false
            for meeting in meetings {
                for warning in meeting.scheduleWarnings(today: day, rules: rules[meeting.committee], calendar: .englandAndWales) {
                    any = true
                    missed = missed || warning.isMissed
                    print("\(warning.isMissed ? "missed" : "check")\t\(names[meeting.committee] ?? meeting.committee.rawValue), \(meeting.start.day.iso)\t\(warning.message)")
                }
            }
            if !any { print("Every coming meeting\(only.map { " of \($0.name)" } ?? "") is on course.") }
            if missed { throw ExitCode(1) }
        }
    }
}
