import Foundation
import PropertyBased
import QuorumIngest
import QuorumTestSupport
import Testing

/// Every file the importer was developed on: the three seeds and the seven packs in other councils' house styles.
private let corpus: [(name: String, text: String)] = {
    var files: [(String, String)] = []
    for folder in ["Fixtures", "Fixtures/house-styles"] {
        guard let base = Bundle.module.resourceURL?.appendingPathComponent(folder) else { continue }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []).filter { $0.hasSuffix(".txt") && !$0.hasSuffix(".facts.txt") }.sorted()
        for url in names.map({ base.appendingPathComponent($0) }) {
            files.append((url.lastPathComponent, (try? String(contentsOf: url, encoding: .utf8)) ?? ""))
        }
    }
    return files
}()

/// Damaged copies of real packs end in records or a clean error, never a crash, whatever the damage.
@Suite("Damaged packs")
struct DamagedPackTests {
    @Test("The corpus holds the seeds and the house styles")
    func corpusIsComplete() {
        #expect(corpus.count == 10)
        #expect(corpus.allSatisfy { !$0.text.isEmpty })
    }

    @Test("A pack with a line deleted, duplicated or swapped, a byte flipped, or cut short imports what it can or is refused cleanly")
    func mutatedPacks() async {
        await propertyCheck(
            count: 200, input: Gen.int(in: 0...(corpus.count - 1)), Gen<PackMutation>.case, Gen.int(in: 0...1_000_000), Gen.int(in: 0...1_000_000)
        ) { file, mutation, a, b in
            // Two hundred parses take a thread for a minute or more in a debug build: between them, other tests' tasks
            // get their turn (a test run has as many threads for tasks as cores, and some tests have time limits).
            await Task.yield()
            let damaged = mutation.apply(to: corpus[file].text, a, b)
            do {
                let pack = try parseAgendaPack(data: damaged, file: corpus[file].name)
                let batch = pack.records()
                #expect(!batch.meetings.isEmpty, "\(corpus[file].name) \(mutation) \(a) \(b): a pack without a meeting")
            } catch {
                // A refusal names the file and says why.
                #expect("\(error)".hasPrefix(corpus[file].name), "\(error)")
            }
        }
    }

    @Test("Seed 002 with its Meeting line twice imports (it used to crash the importer)")
    func duplicatedMeetingLine() throws {
        let text = try Seed.october2021.text
        for (index, line) in text.lines.enumerated() where line.hasPrefix("**Meeting:") {
            var lines = text.lines
            lines.insert(line, at: index)
            let pack = try parseAgendaPack(lines.joined(separator: "\n"), file: "002.txt")
            #expect(pack.committee == "Children and Young People Scrutiny Committee")
            #expect(!pack.reports.isEmpty)
        }
    }
}

/// What an import reports: each problem once, with the line it is on.
@Suite("Import warnings")
struct ImportWarningTests {
    @Test("Unrecognised text is reported once, with its line, and the public information pages are kept without a warning", arguments: [
        Seed.september2024, .october2021, .march2025,
    ])
    func onceEach(seed: Seed) throws {
        let pack = try seed.parse()
        let warnings = pack.records().warnings
        let kept = warnings.filter { $0.message.contains("kept as published: ") }
        #expect(!kept.isEmpty)
        #expect(kept.allSatisfy { $0.source?.contains(".txt:") == true }, "\(kept.filter { $0.source?.contains(".txt:") != true }.map(\.message))")
        #expect(warnings.allSatisfy { !$0.message.contains("text not recognised, kept as unparsed") })
        #expect(Set(warnings.map { "\($0.source ?? "") \($0.message)" }).count == warnings.count)
        #expect(pack.publicNotes.contains { $0.contains("Please note the time, date and venue") })
        #expect(!warnings.contains { $0.message.contains("Holders of public office") })
    }

    @Test("Half the warnings of before, and every real one kept: the seeds gave 78, 105 and 76", arguments: [
        (Seed.september2024, 39, "Time Not Specified"), (.october2021, 52, "The response has no received date."),
        (.march2025, 38, "The due date 2024-07-16 is before the date sent 2024-10-24."),
    ])
    func halved(seed: Seed, limit: Int, real: String) throws {
        let warnings = try seed.parse().records().warnings
        #expect(warnings.count <= limit, "\(warnings.count) warnings")
        // A real one is still there: an end time not recorded, a response with no received date, a due date before the
        // recommendation was sent.
        #expect(warnings.contains { $0.message.contains(real) })
    }

    @Test("Consecutive unrecognised lines are one warning that counts them and says where they end")
    func runsOfText() throws {
        // The 2021 work programme's two pages of guidance (lines 1376–1405): a list of annual reports and the agreed dates.
        let warnings = try Seed.october2021.parse().records().warnings
        let run = try #require(warnings.first { $0.message.contains("kept as published: Annual reports") })
        #expect(run.message.hasSuffix("(and 19 more lines to line 1405)"))
        #expect(run.source?.hasSuffix(":1376") == true)
        #expect(!warnings.contains { $0.message.contains("Fostering Service") })
        // A line that is not next to the run is its own warning.
        #expect(warnings.contains { $0.message.hasSuffix("kept as published: Workshops / seminars") })
    }
}
