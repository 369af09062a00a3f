import ArgumentParser
import Foundation
import QuorumIngest
import QuorumTestSupport

/// `quorum-bench damage`: feeds damaged copies of real packs to the importer and reports how each ended and how long
/// the slowest took. The test suite runs a few hundred such cases; this runs as many as asked.
struct DamagedPacks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "damage",
        abstract: "Import damaged copies of agenda packs: every case must end in records or a clean error.",
        discussion: """
            Each case takes one of the files, damages it one way (a line deleted, duplicated or swapped with another, \
            one byte's bit flipped, or the text cut at a random byte), parses it with parseAgendaPack(data:file:) and \
            maps it to records. A crash ends the run, as it would an import. Prints how many cases imported and how \
            many were refused, the median, 99th-percentile and slowest time per case, and the slowest case (file, \
            damage and positions, so it can be replayed). Exits non-zero when a case takes longer than --limit.
            """
    )

    @Argument(help: ArgumentHelp("The agenda packs to damage, as text.", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("How many damaged copies to import.", valueName: "count"))
    var cases = 10_000

    @Option(help: ArgumentHelp("The seed of the pseudo-random generator: the same seed gives the same cases.", valueName: "number"))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("The longest a case may take, in seconds.", valueName: "seconds"))
    var limit = 1.0

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one file.") }
        guard (1...10_000_000).contains(cases) else { throw ValidationError("--cases must be between 1 and 10000000.") }
        guard limit > 0 else { throw ValidationError("--limit must be above 0.") }
    }

    func run() throws {
        var texts: [(name: String, text: String)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("\(file):0: cannot read the file")
                throw ExitCode.failure
            }
            texts.append(((file as NSString).lastPathComponent, String(decoding: data, as: UTF8.self)))
        }
        var random = SeededRandom(seed: seed)
        var imported = 0
        var refused = 0
        var times: [Duration] = []
        times.reserveCapacity(cases)
        var slowest: (time: Duration, what: String) = (.zero, "")
        let clock = ContinuousClock()
        for _ in 0..<cases {
            let file = random.int(0...(texts.count - 1))
            let mutation = PackMutation.allCases[random.int(0...(PackMutation.allCases.count - 1))]
            let a = random.int(0...1_000_000)
            let b = random.int(0...1_000_000)
            let damaged = mutation.apply(to: texts[file].text, a, b)
            let start = clock.now
            do {
                let pack = try parseAgendaPack(data: damaged, file: texts[file].name)
                _ = pack.records()
                imported += 1
            } catch {
                refused += 1
            }
            let time = clock.now - start
            times.append(time)
            if time > slowest.time { slowest = (time, "\(texts[file].name) \(mutation.rawValue) \(a) \(b)") }
        }
        times.sort()
        func ms(_ d: Duration) -> String { String(format: "%.1f ms", Double(d.components.attoseconds) / 1e15 + Double(d.components.seconds) * 1000) }
        print("cases: \(cases) (\(imported) imported, \(refused) refused cleanly, 0 crashed)")
        print("time per case: median \(ms(times[times.count / 2])), p99 \(ms(times[min(times.count - 1, times.count * 99 / 100)])), slowest \(ms(slowest.time)) (\(slowest.what))")
        let over = slowest.time > .milliseconds(Int(limit * 1000))
        print(over ? "FAIL: a case took longer than \(limit) s" : "OK: every case ended within \(limit) s")
        if over { throw ExitCode.failure }
    }
}
