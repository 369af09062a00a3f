import ArgumentParser
import Foundation
import QuorumIngest

/// `quorum-bench parse`: how fast agenda packs are read, against the floor of merely splitting the same
/// text into lines, both measured in the same run so a busy machine slows both alike.
struct ParsePacks: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Measure agenda-pack parse throughput against a line-splitting baseline.",
        discussion: """
            Each file is read once, before timing. In every iteration, for each file, two things are timed with \
            ContinuousClock, taking turns at going first: the baseline, which decodes the bytes as a UTF-8 String \
            (String(decoding:as:), which checks the UTF-8) and splits it with \
            text.split(separator: "\\n", omittingEmptySubsequences: false), counting the lines; and the parse, \
            parseAgendaPack(data:file:), counting the agenda items, minute items and tracker rows it found. \
            Prints the median and 90th-percentile times, throughput in MB/s (10^6 bytes a second) at the median, \
            and how many times slower the parse is than the baseline, for each file and for all of them together. \
            For reference only, a third timing splits the raw bytes on newlines without making a String. \
            A file that does not parse is reported as file:line: reason, and the command exits non-zero.
            """
    )

    @Argument(help: ArgumentHelp("The agenda packs to read, as text (e.g. the seeds in ../shared/seeds).", valueName: "file"))
    var files: [String]

    @Option(help: ArgumentHelp("How many timed iterations over all the files.", valueName: "count"))
    var iterations = 30

    @Option(help: ArgumentHelp("How many untimed iterations to run first, to warm caches and the allocator.", valueName: "count"))
    var warmup = 3

    @Option(help: ArgumentHelp("The most times slower than the baseline a parse may be and still meet the target.", valueName: "ratio"))
    var target = 25.0

    /// One of the things timed: the baseline, the parse, and for reference only, a split of the raw bytes.
    enum Stage: CaseIterable {
        case baseline, parse, bytes
    }

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one file.") }
        guard (1...100_000).contains(iterations) else { throw ValidationError("--iterations must be between 1 and 100000.") }
        guard (0...100_000).contains(warmup) else { throw ValidationError("--warmup must be between 0 and 100000.") }
        guard target > 0 else { throw ValidationError("--target must be above 0.") }
    }

    func run() throws {
        var packs: [(name: String, data: Data)] = []
        for file in files {
            do {
                packs.append((file, try Data(contentsOf: URL(fileURLWithPath: file))))
            } catch {
                printError("\(file):0: cannot read the file: \(error.localizedDescription)")
                throw ExitCode.failure
            }
        }

        // Parse each file once before timing, so a pack that does not parse stops the run at once.
        var counts: [PackCounts] = []
        for pack in packs {
            do {
                counts.append(try packCounts(pack.data, file: pack.name))
            } catch {
                printError(error.description)
                throw ExitCode.failure
            }
        }
        let lines = packs.map { lineCount($0.data) }

        let clock = ContinuousClock()
        var baselineTimes = Array(repeating: [Duration](), count: packs.count)
        var parseTimes = Array(repeating: [Duration](), count: packs.count)
        var byteTimes = Array(repeating: [Duration](), count: packs.count)
        var sink = 0
        for iteration in 0..<(warmup + iterations) {
            for (index, pack) in packs.enumerated() {
                var baseline = Duration.zero
                var parse = Duration.zero
                var byteSplit = Duration.zero
                // Take turns at going first, so neither always runs on caches the other has warmed.
                for stage in iteration.isMultiple(of: 2) ? [Stage.baseline, .parse, .bytes] : [.parse, .baseline, .bytes] {
                    switch stage {
                    case .baseline:
                        let started = clock.now
                        sink &+= measureBaseline(pack.data)
                        baseline = clock.now - started
                    case .parse:
                        let started = clock.now
                        // It parsed above, so it parses again: the same bytes give the same pack.
                        sink &+= (try? measureParse(pack.data, file: pack.name))?.total ?? -1
                        parse = clock.now - started
                    case .bytes:
                        let started = clock.now
                        sink &+= measureByteSplit(pack.data)
                        byteSplit = clock.now - started
                    }
                }
                if iteration >= warmup {
                    baselineTimes[index].append(baseline)
                    parseTimes[index].append(parse)
                    byteTimes[index].append(byteSplit)
                }
            }
        }
        say("parse: \(packs.count) file\(packs.count == 1 ? "" : "s"), \(iterations) timed iterations after \(warmup) warm-up; MB = 10^6 bytes; MB/s at the median time")
        say("baseline: String(decoding: bytes, as: UTF8.self).split(separator: \"\\n\", omittingEmptySubsequences: false).count")
        say("          — checks the UTF-8, then splits on Character \"\\n\" (grapheme-aware) into Substrings")
        say("parse:    parseAgendaPack(data:file:) — the whole pack: checks, normalises, reads every record")
        for (index, pack) in packs.enumerated() {
            let c = counts[index]
            say("  \(pack.name): \(lines[index]) lines; \(c.agendaItems) agenda items, \(c.reports) reports, \(c.minuteItems) minute items, \(c.trackerRows) tracker rows, \(c.warnings) warnings")
        }
        say("")
        let header = [
            pad("file", 28, left: true), pad("bytes", 9),
            pad("base med", 10), pad("base p90", 10), pad("base MB/s", 10),
            pad("parse med", 10), pad("parse p90", 10), pad("parse MB/s", 10),
            pad("parse/base", 11), "  target",
        ]
        say(header.joined(separator: " "))
        var rows = packs.indices.map { index in
            Row(name: (packs[index].name as NSString).lastPathComponent, bytes: packs[index].data.count,
                baseline: baselineTimes[index], parse: parseTimes[index], byteSplit: byteTimes[index])
        }
        if packs.count > 1 {
            // Each iteration's total over all files, so the total's percentiles are of whole passes.
            let sum = { (times: [[Duration]]) in (0..<iterations).map { i in times.reduce(Duration.zero) { $0 + $1[i] } } }
            rows.append(Row(name: "total", bytes: packs.reduce(0) { $0 + $1.data.count }, baseline: sum(baselineTimes), parse: sum(parseTimes), byteSplit: sum(byteTimes)))
        }
        var missed = false
        for row in rows {
            let baseMedian = percentile(row.baseline, 0.5), parseMedian = percentile(row.parse, 0.5)
            let ratio = parseMedian.seconds / max(baseMedian.seconds, 1e-12)
            let within = ratio <= target
            if !within { missed = true }
            let line = [
                pad(row.name, 28, left: true), pad("\(row.bytes)", 9),
                pad(milliseconds(baseMedian), 10), pad(milliseconds(percentile(row.baseline, 0.9)), 10),
                pad(megabytesPerSecond(row.bytes, baseMedian), 10),
                pad(milliseconds(parseMedian), 10), pad(milliseconds(percentile(row.parse, 0.9)), 10),
                pad(megabytesPerSecond(row.bytes, parseMedian), 10),
                pad(String(format: "%.1f×", ratio), 11),
                within ? "  within \(formatted(target))×" : "  OVER \(formatted(target))×",
            ]
            say(line.joined(separator: " "))
        }
        say("")
        say("for reference only (not the target): Array(bytes).split(separator: 0x0A, omittingEmptySubsequences: false).count,")
        say("no String, no UTF-8 check — the floor a byte-level reader could approach:")
        for row in rows {
            let median = percentile(row.byteSplit, 0.5)
            let ratio = percentile(row.parse, 0.5).seconds / max(median.seconds, 1e-12)
            say("  \(pad(row.name, 28, left: true)) \(pad(milliseconds(median), 10)) \(pad(megabytesPerSecond(row.bytes, median), 9)) MB/s   parse/bytes \(String(format: "%.1f×", ratio))")
        }
        say("")
        say("target (parse within \(formatted(target))× the baseline): \(missed ? "missed" : "met") (check \(sink))")
    }

    /// One line of the table: a file, or all of them.
    private struct Row {
        var name: String
        var bytes: Int
        var baseline: [Duration]
        var parse: [Duration]
        var byteSplit: [Duration]
    }

    private func percentile(_ times: [Duration], _ fraction: Double) -> Duration {
        let sorted = times.sorted()
        guard !sorted.isEmpty else { return .zero }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    private func milliseconds(_ time: Duration) -> String { String(format: "%.3f ms", time.seconds * 1000) }

    private func megabytesPerSecond(_ bytes: Int, _ time: Duration) -> String {
        time.seconds > 0 ? String(format: "%.2f", Double(bytes) / time.seconds / 1e6) : "-"
    }

    private func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let room = String(repeating: " ", count: max(0, width - text.count))
        return left ? text + room : room + text
    }
}

/// A line on standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// What a parse found, counted so the optimiser cannot drop the work.
struct PackCounts {
    var agendaItems = 0
    var reports = 0
    var minuteItems = 0
    var trackerRows = 0
    var warnings = 0

    var total: Int { agendaItems + reports + minuteItems + trackerRows + warnings }
}

/// The baseline, timed: see `lineCount`. Kept out of line so the optimiser cannot merge it with the parse.
@inline(never)
func measureBaseline(_ data: Data) -> Int { lineCount(data) }

/// The parse, timed: see `packCounts`. Kept out of line, like the baseline.
@inline(never)
func measureParse(_ data: Data, file: String) throws(IngestError) -> PackCounts { try packCounts(data, file: file) }

/// The reference, timed: the raw bytes split on newlines, with no String at all; returns how many lines.
@inline(never)
func measureByteSplit(_ data: Data) -> Int {
    Array(data).split(separator: 0x0A, omittingEmptySubsequences: false).count
}

/// The bytes as a UTF-8 String, split into lines; returns how many lines.
func lineCount(_ data: Data) -> Int {
    let text = String(decoding: data, as: UTF8.self)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    return lines.count
}

/// Parses one agenda pack and counts what it found.
func packCounts(_ data: Data, file: String) throws(IngestError) -> PackCounts {
    let pack = try parseAgendaPack(data: data, file: file)
    return PackCounts(
        agendaItems: pack.agendaItems.count,
        reports: pack.reports.count,
        minuteItems: pack.previousMinutes?.items.count ?? 0,
        trackerRows: pack.actionTracker.count + pack.recommendationTracker.count,
        warnings: pack.warnings.count
    )
}
