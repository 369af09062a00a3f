import ArgumentParser
import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumWeb

/// `quorum recommendations due`: what is overdue and what falls due soon, for a daily job that chases them.
struct Recommendations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommendations", abstract: "Recommendations to the executive: what is coming due and overdue.", subcommands: [Due.self])

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the recommendations awaiting a response that are overdue or due within a number of days, most overdue first.",
            discussion: """
                The due date is the one in force: an agreed extension's, else the one recorded, else the statutory one \
                from the date sent by the council's calendar. Meant for a daily job, e.g. in cron:
                  quorum recommendations due --within 14d --format csv > due.csv
                """)

        @OptionGroup var options: DatabaseOptions

        @Option(help: ArgumentHelp("How far ahead to look: a number of days, written 14d or 14.", valueName: "days"))
        var within = "14d"

        @Option(help: ArgumentHelp("Only this committee, by the last part of its address (children-and-young-people-scrutiny-committee).", valueName: "committee"))
        var committee: String?

        @Option(help: ArgumentHelp("text (one line each), csv or json.", valueName: "format"))
        var format = "text"

        @Option(help: ArgumentHelp("Count from this day rather than today (2025-03-18).", valueName: "date"))
        var today: String?

        var days: Int? { Int(within.hasSuffix("d") ? String(within.dropLast()) : within).flatMap { (0...366).contains($0) ? $0 : nil } }

        func validate() throws {
            guard days != nil else { throw ValidationError("--within must be a number of days from 0 to 366, like 14d, not ‘\(within)’") }
            guard ["text", "csv", "json"].contains(format) else { throw ValidationError("--format must be text, csv or json, not ‘\(format)’") }
            if let today, CalendarDay(iso: today) == nil { throw ValidationError("--today must be a date like 2025-03-18, not ‘\(today)’") }
        }

        func run() async throws {
            let store = try options.openStore()
            let day = today.flatMap(CalendarDay.init(iso:)) ?? LocalDateTime(Date(), in: .london).day
            var filter = RecommendationFilter(stage: .awaiting)
            if let committee {
                guard let found = try await store.committee(slug: committee) else { throw CommandFailure("There is no committee ‘\(committee)’.") }
                filter.committee = found.id
            }
            let committees = Dictionary(try await store.committees().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let rules = try await store.deadlineRules()
            let horizon = day.adding(days: days ?? 14)
            let due: [(Recommendation, CalendarDay)] = try await store.recommendations(filter).compactMap { r in
                guard let date = r.effectiveDueDate(rules: rules[r.committee]), date <= horizon else { return nil }
                return (r, date)
            }.sorted { ($0.1, $0.0.id) < ($1.1, $1.0.id) }
            let rows = due.map { r, date in
                DueRow(
                    committee: committees[r.committee]?.name ?? r.committee.rawValue, meeting: r.meetingDay.iso, number: r.number, topic: r.topic,
                    addressee: r.addressee.label, sent: r.sentOn?.iso, due: date.iso, daysOverdue: day > date ? date.days(until: day) : 0,
                    status: day > date ? "overdue" : "dueSoon", text: r.text, id: r.id.rawValue)
            }
            switch format {
            case "json":
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            case "csv":
                var lines = [["Committee", "Meeting date", "Rec. No.", "Topic", "Addressee", "Date sent", "Due date", "Days overdue", "Status", "Recommendation"]]
                lines += rows.map { [$0.committee, $0.meeting, $0.number, $0.topic, $0.addressee, $0.sent ?? "", $0.due, String($0.daysOverdue), $0.status, $0.text] }
                print(csvText(lines), terminator: "")
            default:
                if rows.isEmpty { print("Nothing is overdue or due by \(horizon.iso).") }
                for row in rows {
                    let when = row.status == "overdue" ? "OVERDUE by \(row.daysOverdue) day\(row.daysOverdue == 1 ? "" : "s") (due \(row.due))" : "due \(row.due)"
                    print("\(when)\t\(row.committee), \(row.meeting), rec. \(row.number) (\(row.topic)) to \(row.addressee)")
                }
            }
        }
    }

    struct DueRow: Encodable {
        let committee: String
        let meeting: String
        let number: String
        let topic: String
        let addressee: String
        let sent: String?
        let due: String
        let daysOverdue: Int
        let status: String
        let text: String
        let id: String
    }
}
