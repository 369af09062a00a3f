import ArgumentParser
import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage

/// `quorum-bench generate-archive`: a seeded, realistic archive written through the public store API.
struct GenerateArchive: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-archive",
        abstract: "Write a realistic, deterministic council archive into a new SQLite database.",
        discussion: """
            Each committee meets through the municipal year (May to April) with an agenda of about ten items, \
            about four reports of several sections each, attendance, public and member questions, minutes with \
            resolutions, recommendations to the executive with varied responses, actions and a work programme. \
            The text is written from council vocabulary, so search has something to find. The same flags always \
            give the same database. Records are saved one committee-year at a time.
            """
    )

    @Option(help: ArgumentHelp("The SQLite file to create. It must not exist yet (see --replace).", valueName: "path"))
    var database: String

    @Option(help: ArgumentHelp("How many municipal years of meetings to write.", valueName: "count"))
    var years = 10

    @Option(help: ArgumentHelp("How many committees (20 distinct themes; more repeat them with a number).", valueName: "count"))
    var committees = 20

    @Option(help: ArgumentHelp("How many meetings each committee holds in a municipal year.", valueName: "count"))
    var meetingsPerYear = 10

    @Option(help: ArgumentHelp("The seed of the pseudo-random generator: the same seed gives the same archive.", valueName: "number"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The last municipal year written, by the year it starts: 2026 means May 2026 to April 2027.", valueName: "year"))
    var lastYear = 2026

    @Option(help: ArgumentHelp("The day the archive is written as of: meetings up to it have been held, later ones are upcoming.", valueName: "yyyy-mm-dd"))
    var asOf = "2026-11-23"

    @Flag(help: "Delete the database file first if it exists.")
    var replace = false

    func validate() throws {
        guard (1...60).contains(years) else { throw ValidationError("--years must be between 1 and 60.") }
        guard (1...500).contains(committees) else { throw ValidationError("--committees must be between 1 and 500.") }
        guard (1...40).contains(meetingsPerYear) else { throw ValidationError("--meetings-per-year must be between 1 and 40.") }
        guard (1996...2090).contains(lastYear - years + 1), (1996...2090).contains(lastYear) else { throw ValidationError("--last-year is out of range.") }
        guard CalendarDay(iso: asOf) != nil else { throw ValidationError("--as-of must be a date written yyyy-mm-dd.") }
    }

    func run() async throws {
        let asOfDay = CalendarDay(iso: asOf)!
        let files = [database, database + "-wal", database + "-shm"]
        if FileManager.default.fileExists(atPath: database) {
            guard replace else { throw ValidationError("\(database) already exists; pass --replace to overwrite it.") }
            for file in files where FileManager.default.fileExists(atPath: file) { try FileManager.default.removeItem(atPath: file) }
        }
        let store = try SQLiteStore(path: database)
        let savedAt = LocalDateTime(asOfDay, TimeOfDay(hour: 12)!).instant(in: TimeZone(identifier: "Europe/London")!)
        let firstYear = lastYear - years + 1
        let clock = ContinuousClock()
        let started = clock.now

        let cast = ArchiveCast(
            committeeCount: committees, seed: seed, firstDay: CalendarDay(firstYear, 5, 1),
            electionDay: CalendarDay(firstYear + years / 2, 5, 1))
        try await store.save(cast.batch, by: "quorum-bench", at: savedAt)
        var totals = ArchiveTotals()
        totals.add(cast.batch)
        say("generate-archive: \(committees) committees, \(cast.people.count) people, \(cast.memberships.count) memberships → \(database)")

        let names = Dictionary(uniqueKeysWithValues: cast.people.map { ($0.id, $0.styledName) })
        var nextAction = Array(repeating: 1, count: committees)
        var example: Meeting?
        var upcomingExample: Meeting?
        for year in firstYear...lastYear {
            let yearStarted = clock.now
            var yearTotals = ArchiveTotals()
            for (index, committee) in cast.committees.enumerated() {
                var builder = CommitteeYear(
                    cast: committee, authority: cast.authority, names: names, year: year, asOf: asOfDay, seed: seed, nextAction: nextAction[index])
                let batch = builder.build(meetingsPerYear: meetingsPerYear, committeeIndex: index)
                nextAction[index] = builder.nextAction
                try await store.save(batch, by: "quorum-bench", at: savedAt)
                yearTotals.add(batch)
                if index == 0 {
                    let withMinutes = Set(batch.minuteItems.map(\.meeting))
                    example = batch.meetings.last { withMinutes.contains($0.id) } ?? example
                    upcomingExample = upcomingExample ?? batch.meetings.first { $0.start.day > asOfDay && $0.status.stage < 2 }
                }
            }
            totals.formUnion(yearTotals)
            let seconds = (clock.now - yearStarted).seconds
            say(String(format: "  %d/%02d: %@ in %.1f s", year, (year + 1) % 100, yearTotals.summary, seconds))
        }

        let size = files.compactMap { try? FileManager.default.attributesOfItem(atPath: $0)[.size] as? Int }.reduce(0, +)
        say(String(format: "done in %.1f s: %@", (clock.now - started).seconds, totals.summary))
        say(String(format: "%@; text ≈ %.1f KB per meeting with papers; database %.1f MB", totals.details, totals.textKBPerMeetingWithPapers, Double(size) / 1_048_576))
        if let example { say("example meeting: \(path(of: example, in: cast))") }
        if let upcomingExample { say("example upcoming meeting: \(path(of: upcomingExample, in: cast))") }
        say("example search: safeguarding")
    }

    /// The meeting's address on the website: `/committees/{slug}/meetings/{yyyy-mm-dd}`.
    private func path(of meeting: Meeting, in cast: ArchiveCast) -> String {
        let slug = cast.committees.first { $0.committee.id == meeting.committee }?.committee.slug ?? ""
        return "/committees/\(slug)/meetings/\(meeting.start.day.iso)"
    }
}

/// Prints a line at once, even through a pipe (`print` is buffered there), so progress shows as it happens.
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
