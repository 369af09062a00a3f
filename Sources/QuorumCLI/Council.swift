import ArgumentParser
import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage

/// `quorum council`: a council's settings, as its constitution sets them.
struct Council: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "council", abstract: "Show a council's settings, and record the days of its annual meetings.", subcommands: [Show.self, AnnualMeeting.self])

    /// The council named, or the only one held.
    static func find(_ slug: String?, in store: SQLiteStore) async throws -> Authority {
        let all = try await store.authorities()
        if let slug {
            guard let found = all.first(where: { $0.id.rawValue == slug || $0.id.rawValue.hasSuffix("/" + slug) }) else {
                throw CommandFailure("There is no council ‘\(slug)’. Councils held: \(all.map(\.id.rawValue).joined(separator: ", ")).")
            }
            return found
        }
        guard all.count == 1, let only = all.first else {
            throw CommandFailure(all.isEmpty ? "The database holds no council yet: import its papers first." : "Name the council with --council: \(all.map(\.id.rawValue).joined(separator: ", ")).")
        }
        return only
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a council's deadline rules, annual meetings and standard agenda items.")

        @OptionGroup var options: DatabaseOptions

        @Option(help: ArgumentHelp("The council, by its identifier (herefordshire-council); needed only when the database holds several.", valueName: "council"))
        var council: String?

        func run() async throws {
            let store = try options.openStore()
            let authority = try await Council.find(council, in: store)
            let rules = authority.rules
            print("\(authority.name) (\(authority.id.rawValue))")
            print("agenda published: \(rules.agendaClearWorkingDays) clear working days before the meeting")
            print("written questions: by \(rules.questionCutOff.iso) on the working day \(rules.questionWorkingDaysBefore) before the meeting")
            print("response to a recommendation: within \(rules.responseMonths) months, or \(rules.statutoryResponseDays) days for health or crime and disorder scrutiny")
            print("annual meetings (each starts a municipal year; otherwise 1 May): \(rules.annualMeetings.isEmpty ? "none recorded" : rules.annualMeetings.map(\.iso).joined(separator: ", "))")
            print("standard agenda items, in order:")
            for item in try await store.standardAgendaItems(of: authority.id) { print("  \(item.place.rawValue): \(item.title)") }
        }
    }

    struct AnnualMeeting: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "annual-meeting",
            abstract: "Record the day of the council's annual meeting, at which a municipal year starts and minute numbers start again at 1.",
            discussion: """
                A year whose annual meeting is not recorded starts on 1 May. Recording a day replaces any other recorded for \
                the same spring. Audited.

                Example:
                  quorum council annual-meeting --date 2026-05-22
                """)

        @OptionGroup var options: DatabaseOptions

        @Option(help: ArgumentHelp("The council, by its identifier (herefordshire-council); needed only when the database holds several.", valueName: "council"))
        var council: String?

        @Option(help: ArgumentHelp("The day of an annual meeting, between March and July (2026-05-22); repeat for several.", valueName: "date"))
        var date: [String] = []

        @Flag(help: "Forget the days given instead of recording them.")
        var remove = false

        @Option(help: ArgumentHelp("Who is recording it, for the audit log.", valueName: "name"))
        var by = "quorum council annual-meeting"

        func validate() throws {
            guard !date.isEmpty else { throw ValidationError("give at least one --date") }
            for text in date {
                guard let day = CalendarDay(iso: text) else { throw ValidationError("--date must be a date like 2026-05-22, not ‘\(text)’") }
                guard (3...7).contains(day.month) else { throw ValidationError("--date \(text): an annual meeting is held in the spring, between March and July") }
            }
        }

        func run() async throws {
            let store = try options.openStore()
            let authority = try await Council.find(council, in: store)
            let days = date.compactMap { CalendarDay(iso: $0) }
            let remove = remove
            let rules = try await store.updateRules(of: authority.id, by: by, at: Date()) { rules in
                var kept = rules.annualMeetings.filter { held in !days.contains { $0.year == held.year } }
                if !remove { kept += days }
                rules.annualMeetings = kept.sorted()
            }
            print("\(authority.name): annual meetings \(rules.annualMeetings.isEmpty ? "none recorded" : rules.annualMeetings.map(\.iso).joined(separator: ", "))")
        }
    }
}
