import Foundation
import QuorumDomain
import QuorumIngest
import QuorumPersistence
import QuorumStorage
import QuorumWeb

/// Reads agenda packs and writes what they record, one transaction per file, merging with what is held.
struct PackImport {
    let store: any QuorumStore
    let now: Date

    /// What importing one file did.
    struct Outcome {
        let file: String
        let summary: SaveSummary
        /// Each warning as `file:line: warning: message`, for the terminal.
        let warnings: [String]
    }

    /// Reads `path` as agenda-pack text, converting a PDF first; the error names the file, the line and the reason.
    static func readPack(at path: String) throws -> AgendaPack {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IngestError(file: path, line: 0, kind: .unreadable(reason: "there is no such file"))
        }
        if isDirectory.boolValue {
            throw IngestError(file: path, line: 0, kind: .unreadable(reason: "this is a folder, not an agenda pack; name the files in it (for example \(path)/*.txt)"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw IngestError(file: path, line: 0, kind: .unreadable(reason: "the file cannot be read (\((error as NSError).localizedDescription))"))
        }
        if data.starts(with: Array("%PDF".utf8)) || url.pathExtension.lowercased() == "pdf" {
            return try parseAgendaPack(data: try pdfText(path), file: path)
        }
        return try parseAgendaPack(data: data, file: path)
    }

    /// The text of a PDF, from poppler's pdftotext.
    static func pdfText(_ path: String) throws -> Data {
        do {
            return try PDFText.text(ofFileAt: path)
        } catch {
            throw IngestError(file: path, line: 0, kind: .unreadable(reason: error.description))
        }
    }

    /// Writes a parsed pack in one transaction, merged with what is held (`QuorumStore.importPack`).
    func save(_ pack: AgendaPack) async throws -> Outcome {
        var rules = DeadlineRules.standard
        if let name = pack.authority, let authority = try await store.authority(Authority(named: name).id) { rules = authority.rules }
        let records = pack.records(rules: rules)
        let summary = try await store.importPack(
            records, publishedFor: pack.meetingDate, by: "import: \(URL(fileURLWithPath: pack.file).lastPathComponent)", at: now)
        let warnings = records.warnings.map { "\($0.source ?? pack.file): warning: \($0.message)" }
        return Outcome(file: pack.file, summary: summary, warnings: warnings)
    }
}

/// The agenda packs bundled with Quorum, so that a newcomer's first `quorum serve` shows a working site.
enum ExampleData {
    static var files: [String] {
        guard let folder = Bundle.module.url(forResource: "ExampleData", withExtension: nil) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Imports every bundled pack, oldest meeting first.
    static func load(into store: any QuorumStore, now: Date) async throws -> SaveSummary {
        let importer = PackImport(store: store, now: now)
        var total = SaveSummary()
        let packs = try files.map { try PackImport.readPack(at: $0) }.sorted { $0.meetingDate < $1.meetingDate }
        for pack in packs {
            let outcome = try await importer.save(pack)
            total.created += outcome.summary.created
            total.updated += outcome.summary.updated
            total.unchanged += outcome.summary.unchanged
        }
        return total
    }
}
