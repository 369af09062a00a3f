import ArgumentParser
import QuorumDomain
import QuorumPersistence
import QuorumStorage

/// `quorum-bench examples`: addresses in an existing archive to load-test, one per line.
struct ArchiveExamples: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "examples",
        abstract: "Print example web addresses from an archive, for load tests.",
        discussion: """
            Prints `example meeting: /committees/{slug}/meetings/{yyyy-mm-dd}` for the most recent meeting with minutes \
            of the first committee (by name), `example committee: …` for that committee, `example person: …` for its first member, \
            and `example search: {word}`, a word the generated text uses often.
            """
    )

    @Option(help: ArgumentHelp("The SQLite database to read.", valueName: "path"))
    var database: String

    func run() async throws {
        let store = try SQLiteStore(path: database)
        for committee in try await store.committees() {
            let meetings = try await store.meetings(of: committee.id)
            var found: Meeting?
            for meeting in meetings.reversed() where meeting.status.stage == 2 || meeting.status.stage == 3 {
                if try await !store.minuteItems(of: meeting.id).isEmpty {
                    found = meeting
                    break
                }
            }
            if let found {
                say("example meeting: /committees/\(committee.slug)/meetings/\(found.start.day.iso)")
                say("example committee: /committees/\(committee.slug)")
                if let member = try await store.memberships(of: committee.id).first {
                    say("example person: /people/\(member.person.rawValue.split(separator: "/").last ?? "")")
                }
                break
            }
        }
        say("example search: safeguarding")
    }
}
