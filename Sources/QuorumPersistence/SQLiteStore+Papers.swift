public import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

/// Papers uploaded for agenda items. Each file is kept beside the database, in `<database>.papers/`, named by its
/// SHA-256, so the same file is kept once and a file that has changed on disk is known by its name. Of the versions of
/// a paper uploaded between publications only the last is kept: the earlier ones were never public.
extension SQLiteStore {
    /// Where the files are kept.
    var papersFolder: URL { URL(fileURLWithPath: path + ".papers", isDirectory: true) }

    private func file(_ sha256: String) -> URL { papersFolder.appendingPathComponent(sha256) }

    public func addPaper(
        _ paper: Paper, bytes: Data, by actor: String, at date: Date, agenda change: (@Sendable (inout Agenda) throws -> Void)?
    ) async throws -> Paper {
        guard bytes.sha256Hex == paper.sha256, bytes.count == paper.size else { throw StoreError.invalid("The paper's checksum does not match its contents.") }
        // The file first (written whole, then moved into place): a record never names a file that is not there. A file
        // whose record is then refused is named by its content, and reused by the next upload of it.
        let target = file(paper.sha256)
        if !FileManager.default.fileExists(atPath: target.path) {
            do {
                try FileManager.default.createDirectory(at: papersFolder, withIntermediateDirectories: true)
                let partial = papersFolder.appendingPathComponent(".\(paper.sha256).\(UUID().uuidString)")
                try bytes.write(to: partial)
                do {
                    try FileManager.default.moveItem(at: partial, to: target)
                } catch where FileManager.default.fileExists(atPath: target.path) {
                    // The same file, kept a moment ago by another upload.
                    try? FileManager.default.removeItem(at: partial)
                }
            } catch {
                throw StoreError.invalid("The paper could not be kept: \(error.localizedDescription)")
            }
        }
        return try await writer.write { db in
            let meeting = try Self.openMeeting(paper.meeting, db)
            if try Row.fetchOne(db, sql: "SELECT 1 FROM paper WHERE id = ?", arguments: [paper.id.rawValue]) != nil {
                throw StoreError.invalid("That file is already held for this meeting.")
            }
            // A version not yet published is replaced by the next one: only the newest goes out with the next publication.
            for superseded in try Self.papers(of: paper.meeting, db)
            where superseded.publication == nil && superseded.itemNumber == paper.itemNumber && superseded.appendix == paper.appendix {
                try db.execute(sql: "DELETE FROM paper WHERE id = ?", arguments: [superseded.id.rawValue])
                try Audit.record(.deleted, "paper", superseded.id.rawValue, before: superseded, after: Paper?.none, by: actor, at: date, in: db)
            }
            try db.execute(
                sql: """
                    INSERT INTO paper (id, meetingId, itemNumber, appendix, filename, format, size, sha256, uploadedAt, uploadedBy, publication)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
                    """,
                arguments: [
                    paper.id.rawValue, paper.meeting.rawValue, paper.itemNumber, paper.appendix, paper.filename, paper.format.rawValue, paper.size, paper.sha256,
                    paper.uploadedAt.iso, paper.uploadedBy,
                ])
            var stored = paper
            stored.publication = nil
            try Audit.record(.created, "paper", paper.id.rawValue, before: Paper?.none, after: stored, by: actor, at: date, in: db)
            if let change { _ = try Self.changeAgenda(of: meeting, by: actor, at: date, db, change) }
            return stored
        }
    }

    public func papers(of meeting: Meeting.ID) async throws -> [Paper] {
        try await pageReaders.read { db in try Self.papers(of: meeting, db) }
    }

    static func papers(of meeting: Meeting.ID, _ db: Database) throws -> [Paper] {
        try Row.fetchAll(db, sql: "SELECT * FROM paper WHERE meetingId = ? ORDER BY rowid", arguments: [meeting.rawValue]).compactMap { row in
            let id: String = row["id"]
            guard let format = PaperFormat(rawValue: row["format"]), let at = LocalDateTime(iso: row["uploadedAt"] as String) else {
                FileHandle.standardError.write(Data("quorum: paper \(id) cannot be read, so it is left out\n".utf8))
                return nil
            }
            return Paper(
                meeting: meeting, itemNumber: row["itemNumber"], appendix: row["appendix"], filename: row["filename"], format: format, size: row["size"],
                sha256: row["sha256"], uploadedAt: at, uploadedBy: row["uploadedBy"], publication: row["publication"])
        }
    }

    public func contents(of paper: Paper) async throws -> Data? {
        guard let data = FileManager.default.contents(atPath: file(paper.sha256).path), data.sha256Hex == paper.sha256 else { return nil }
        return data
    }
}
