import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

/// The bundled example packs (the same text as the ingest fixtures).
func examplePack(_ prefix: String) throws -> String {
    let folder = quorumExecutable().deletingLastPathComponent().appendingPathComponent("Quorum_QuorumCLI.resources/ExampleData")
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix(prefix) })
    return folder.appendingPathComponent(name).path
}

let march2025 = "004"
let september2024 = "000"
let october2021 = "002"
let committee = Committee.ID("herefordshire-council/children-and-young-people-scrutiny-committee")

func withDatabase(_ body: (String) async throws -> Void) async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try await body(folder.appendingPathComponent("council.sqlite").path)
}

@Test("Importing the packs fills the record, and importing them again changes nothing")
func importIsIdempotent() async throws {
    try await withDatabase { database in
        let packs = try [october2021, september2024, march2025].map(examplePack)
        let first = try await quorumRun(["import", "--database", database] + packs)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.components(separatedBy: "\n").filter { $0.contains(" created, ") }.count == 3)
        let store = try SQLiteStore(path: database)
        let logged = try await store.auditLog(limit: 100_000).count
        let second = try await quorumRun(["import", "--database", database] + packs.reversed())
        #expect(second.status == 0)
        #expect(second.out.components(separatedBy: "\n").filter { $0.contains(": 0 created, 0 updated, ") }.count == 3, "\(second.out)")
        #expect(try await store.auditLog(limit: 100_000).count == logged)
    }
}

@Test("A committee, a person or a meeting that appears in several packs is one record")
func packsMerge() async throws {
    try await withDatabase { database in
        let result = try await quorumRun(["import", "--database", database, try examplePack(september2024), try examplePack(march2025)])
        #expect(result.status == 0, "\(result.err)")
        let store = try SQLiteStore(path: database)
        #expect(try await store.committees().filter { $0.name == "Children and Young People Scrutiny Committee" }.count == 1)
        #expect(try await store.allPeople().filter { $0.name == "Toni Fagan" }.count == 1)
        let meetings = try await store.meetings(of: committee)
        #expect(Set(meetings.map(\.start.day)).count == meetings.count)
        // 18 March 2025 has its own pack; 21 January 2025 comes from the minutes in it, and was held.
        let january = try #require(try await store.meeting(.init(under: committee, "2025-01-21")))
        #expect(january.status == .held(endedAt: TimeOfDay(hour: 16, minute: 56)))
        let march = try #require(try await store.meeting(.init(under: committee, "2025-03-18")))
        #expect(march.status == .agendaPublished)
        #expect(march.clerk?.email == "simon.cann@herefordshire.gov.uk")
        let members = try await store.memberships(of: committee)
        #expect(members.contains { $0.role == .coOpted(represents: "Families' Representative") })
    }
}

@Test("Published values are kept as published, and contradictions are flagged on the record")
func contradictionsAreFlagged() async throws {
    try await withDatabase { database in
        #expect(try await quorumRun(["import", "--database", database, try examplePack(march2025)]).status == 0)
        let store = try SQLiteStore(path: database)
        let flagged = try await store.recommendations(of: committee).filter {
            $0.sentOn == CalendarDay(2024, 10, 24) && $0.dueOn == CalendarDay(2024, 7, 16)
        }
        #expect(!flagged.isEmpty)
        for recommendation in flagged {
            let warnings = try await store.warnings(on: recommendation.id.rawValue)
            #expect(warnings.contains { $0.message == "The due date 2024-07-16 is before the date sent 2024-10-24." })
            #expect(warnings.allSatisfy { $0.source?.contains("004_") == true })
        }
    }
}

@Test("A file that is not an agenda pack is named with its line and reason, nothing of it is written, and the other files still import", arguments: [
    ("empty", Data(), "the file is empty"),
    ("binary", Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]), "binary"),
    ("latin1", Data("Date: Tuesday 18 March 2025\nCaf\u{E9}".utf8).replacingUTF8E9WithLatin1(), "not UTF-8"),
    ("notes", Data("Shopping list\n\nMilk\nBread\n".utf8), "not an agenda pack"),
])
func badFiles(name: String, bytes: Data, reason: String) async throws {
    try await withDatabase { database in
        let folder = URL(fileURLWithPath: database).deletingLastPathComponent()
        let bad = folder.appendingPathComponent("\(name).txt")
        try bytes.write(to: bad)
        let result = try await quorumRun(["import", "--database", database, bad.path, try examplePack(march2025)])
        #expect(result.status != 0)
        let line = try #require(result.err.split(separator: "\n").first { $0.contains(bad.path) })
        #expect(line.hasPrefix("quorum: \(bad.path):"))
        #expect(line.contains(reason), "\(line)")
        #expect(result.out.contains("004_") && result.out.contains(" created, "))
        let store = try SQLiteStore(path: database)
        #expect(try await store.auditLog(limit: 100_000).allSatisfy { !$0.actor.contains(name) })
    }
}

@Test("A truncated pack imports what it holds, with a warning that says where it stops")
func truncatedPack() async throws {
    try await withDatabase { database in
        let text = try String(contentsOfFile: try examplePack(march2025), encoding: .utf8)
        let cut = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("cut.txt")
        let half = String(text.prefix(text.count / 2))
        try half.write(to: cut, atomically: true, encoding: .utf8)
        let result = try await quorumRun(["import", "--database", database, cut.path])
        #expect(result.status == 0, "\(result.err)")
        let lastLine = half.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(result.err.contains("cut.txt:\(lastLine): warning: The pack looks cut short"), "\(result.err)")
        #expect(try await SQLiteStore(path: database).committees().count == 1)
    }
}

@Test("--dry-run prints what would be imported as JSON and writes nothing; --strict turns warnings into errors")
func dryRunAndStrict() async throws {
    try await withDatabase { database in
        let dry = try await quorumRun(["import", "--database", database, "--dry-run", try examplePack(march2025)])
        #expect(dry.status == 0)
        // The warnings a real import would list, in the same file:line form.
        #expect(dry.err.split(separator: "\n").contains { $0.contains("004_") && $0.contains(": warning: ") })
        // The records an import would write, in the domain's terms.
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dry.out.utf8)) as? [[String: Any]])
        let records = try #require(json.first?["records"] as? [String: Any])
        let committees = try #require(records["committees"] as? [[String: Any]])
        #expect(committees.first?["name"] as? String == "Children and Young People Scrutiny Committee")
        // Dates as ISO 8601, times as HH:MM.
        let meetings = try #require(records["meetings"] as? [[String: Any]])
        #expect(meetings.first?["start"] as? String == "2025-03-18T14:00")
        #expect((records["recommendations"] as? [Any])?.count == 39)
        let recommendation = try #require((records["recommendations"] as? [[String: Any]])?.first)
        #expect((recommendation["meetingDay"] as? String).flatMap(CalendarDay.init(iso:)) != nil)
        // Every warning on stderr is one of the records' warnings, once.
        let warnings = try #require(records["warnings"] as? [[String: Any]])
        #expect(dry.err.split(separator: "\n").filter { $0.contains(": warning: ") }.count == warnings.count)
        #expect(!FileManager.default.fileExists(atPath: database))
        let strict = try await quorumRun(["import", "--database", database, "--strict", try examplePack(march2025)])
        #expect(strict.status != 0)
        #expect(strict.err.contains("with --strict"))
        #expect(!FileManager.default.fileExists(atPath: database))
    }
}

@Test("--strict accepts a real paper with nothing wrong in it, and writes it")
func strictAcceptsACleanPaper() async throws {
    // A report another council published on its own, from the ingest tests' house-style fixtures.
    let clean = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("QuorumIngestTests/Fixtures/house-styles/dunstowe-temporary-accommodation-report-2025-06-24.txt").path
    try await withDatabase { database in
        let result = try await quorumRun(["import", "--database", database, "--strict", clean])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("created") && result.out.contains("0 warnings"))
        #expect(!result.err.contains("warning"))
    }
}

@Test("A PDF without pdftotext installed gets an error that says what to install")
func pdfNeedsPdftotext() async throws {
    try await withDatabase { database in
        let pdf = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("pack.pdf")
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: pdf)
        let result = try await quorumRun(["import", "--database", database, pdf.path], environment: ["PATH": "/nonexistent"])
        #expect(result.status != 0)
        #expect(result.err.contains("pack.pdf: ") && result.err.contains("poppler-utils"))
    }
}

@Test("quorum serve on an empty database loads the example packs, so a newcomer sees a working site")
func serveLoadsExampleData() async throws {
    try await withDatabase { database in
        let port = Int.random(in: 20000...40000)
        let server = Process()
        server.executableURL = quorumExecutable()
        server.arguments = ["serve", "--database", database, "--port", String(port)]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { server.terminate() }
        var page = ""
        for _ in 0..<100 {
            if let (data, _) = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/committees")!) {
                page = String(decoding: data, as: UTF8.self)
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(page.contains("Children and Young People Scrutiny Committee"))
    }
}

@Test("quorum serve stops on SIGTERM while searches are running, and exits cleanly")
func serveStopsOnSigterm() async throws {
    try await withDatabase { database in
        let port = Int.random(in: 20000...40000)
        let server = Process()
        server.executableURL = quorumExecutable()
        server.arguments = ["serve", "--database", database, "--port", String(port), "--page-cache-mb", "0"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer { if server.isRunning { server.terminate() } }
        var up = false
        for _ in 0..<150 where !up {
            up = (try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/health")!)) != nil
            if !up { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(up)
        // Searches of many words, in flight when the signal comes.
        let words = (1...40).map { "word\($0)*" }.joined(separator: "+")
        let searches = (0..<8).map { _ in
            Task { _ = try? await URLSession.shared.data(from: URL(string: "http://127.0.0.1:\(port)/search?q=\(words)")!) }
        }
        try await Task.sleep(for: .milliseconds(50))
        kill(server.processIdentifier, SIGTERM)
        // Waits for the exit; a server that ignored the signal would still be running after this.
        for _ in 0..<300 where server.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!server.isRunning, "the server was still running 30 s after SIGTERM")
        if !server.isRunning { #expect(server.terminationReason == .exit && server.terminationStatus == 0) }
        for search in searches { search.cancel() }
    }
}

extension Data {
    /// Turns the UTF-8 "é" into the single Latin-1 byte, making the text invalid UTF-8.
    func replacingUTF8E9WithLatin1() -> Data {
        var bytes = [UInt8](self)
        if let index = bytes.firstIndex(of: 0xC3), bytes[index + 1] == 0xA9 { bytes.replaceSubrange(index...index + 1, with: [0xE9]) }
        return Data(bytes)
    }
}

@Test("The newest pack's membership is the current one: members it leaves out have left, and keep their history")
func membershipEnds() async throws {
    try await withDatabase { database in
        let result = try await quorumRun(["import", "--database", database, "--quiet", try examplePack(october2021), try examplePack(march2025)])
        #expect(result.status == 0, "\(result.err)")
        let store = try SQLiteStore(path: database)
        let memberships = try await store.memberships(of: committee)
        let current = memberships.filter(\.isListed)
        #expect(current.count == 9)  // the March 2025 front sheet: seven councillors and two co-opted members
        // Those it leaves out are known only to have gone after the October 2021 papers: no end date is invented.
        let former = memberships.filter { !$0.isListed }
        #expect(!former.isEmpty)
        #expect(former.allSatisfy { $0.until == nil && $0.lastListed == CalendarDay(2021, 10, 12) && $0.from == CalendarDay(2021, 10, 12) })
        #expect(former.allSatisfy { $0.endText == "not listed after October 2021" })
        // Importing the older pack again changes none of that.
        #expect(try await quorumRun(["import", "--database", database, "--quiet", try examplePack(october2021)]).out.contains(": 0 created, 0 updated,"))
    }
}
