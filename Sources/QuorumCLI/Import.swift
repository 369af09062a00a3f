import ArgumentParser
import Foundation
import QuorumDomain
import QuorumIngest
import QuorumPersistence
import QuorumStorage

/// `quorum import`: takes in published agenda packs, each file in its own transaction.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import published agenda packs (text, markdown or PDF) into the database.",
        discussion: """
            Each file is read, checked and written in one transaction: a file that cannot be read as an agenda pack is \
            reported as FILE:LINE: REASON and nothing of it is written; the other files are still imported. Importing a \
            pack again changes nothing. PDFs are converted with pdftotext (Debian: poppler-utils).
            """
    )

    @OptionGroup var options: DatabaseOptions

    @Flag(help: "Print everything that would be imported, as JSON on standard output, and write nothing.")
    var dryRun = false

    @Flag(help: "Treat warnings (unrecognised text, published values that contradict each other) as errors.")
    var strict = false

    @Flag(help: "Do not list each warning on standard error; the summary line still counts them.")
    var quiet = false

    @Argument(help: ArgumentHelp("The agenda pack files to import.", valueName: "file"))
    var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one agenda pack file to import") }
    }

    func run() async throws {
        var packs: [AgendaPack] = []
        var failures = 0
        for file in files {
            do {
                let pack = try PackImport.readPack(at: file)
                if strict {
                    // What the parser found odd and what mapping to records flagged (contradictory dates, …): the records
                    // carry both.
                    let flags = pack.records().warnings
                    if let first = flags.first {
                        let line = first.source.flatMap { $0.split(separator: ":").last.flatMap { Int($0) } } ?? 0
                        throw IngestError(file: file, line: line, kind: .warnings(count: flags.count, first: first.message))
                    }
                }
                packs.append(pack)
            } catch let error as IngestError {
                failures += 1
                FileHandle.standardError.write(Data("quorum: \(error)\n".utf8))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("quorum: \(file): \(error)\n".utf8))
            }
        }
        if dryRun {
            // The warnings a real import would list, in the same form, so a dry run tells what an import would say.
            let previews = packs.map { ImportPreview($0) }
            if !quiet {
                for preview in previews {
                    let lines = preview.records.warnings.map { "\($0.source ?? preview.file): warning: \($0.message)\n" }
                    FileHandle.standardError.write(Data(lines.joined().utf8))
                }
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(previews), as: UTF8.self))
        } else if !packs.isEmpty {
            let store = try options.openStore()
            let importer = PackImport(store: store, now: Date())
            for pack in packs.sorted(by: { $0.meetingDate < $1.meetingDate }) {
                do {
                    let outcome = try await importer.save(pack)
                    if !quiet { FileHandle.standardError.write(Data(outcome.warnings.map { $0 + "\n" }.joined().utf8)) }
                    let s = outcome.summary
                    let count = outcome.warnings.count
                    print("\(pack.file): \(s.created) created, \(s.updated) updated, \(s.unchanged) unchanged; \(count) warning\(count == 1 ? "" : "s")")
                } catch {
                    failures += 1
                    FileHandle.standardError.write(Data("quorum: \(pack.file): nothing was written: \(error)\n".utf8))
                }
            }
        }
        if failures > 0 { throw ExitCode(1) }
    }
}
