import Foundation
import GRDB
@testable import QuorumPersistence
import QuorumDomain
import QuorumStorage
import QuorumTestSupport
import Testing

/// The schema each migration leaves, as a fingerprint of `sqlite_master`, is recorded in `Fixtures/migrations.txt`
/// when the migration ships. Migrations are append-only: changing a shipped one changes its fingerprint and fails
/// this test; a new one is appended to the file with the line the test prints.
/// FNV-1a, 64 bits: a stable fingerprint with no dependency.
private func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
    }
    return String(hash, radix: 16)
}

@Test("No shipped migration has changed: each leaves the schema it left when it shipped")
func migrationsAreAppendOnly() throws {
    let recorded = Dictionary(
        uniqueKeysWithValues: Bundle.module.url(forResource: "Fixtures/migrations", withExtension: "txt").flatMap { try? String(contentsOf: $0, encoding: .utf8) }!
            .split(separator: "\n").map { line in
                let parts = line.split(separator: "\t")
                return (String(parts[0]), String(parts[1]))
            })
    var lines: [String] = []
    for identifier in SQLiteStore.knownMigrations {
        let queue = try DatabaseQueue()
        try Schema.migrator.migrate(queue, upTo: identifier)
        let schema = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name").joined(separator: "\n")
        }
        let print = fingerprint(schema)
        lines.append("\(identifier)\t\(print)")
        #expect(recorded[identifier] == print, "migration ‘\(identifier)’: recorded \(recorded[identifier] ?? "nothing"), now \(print)")
    }
    #expect(Set(recorded.keys).isSubset(of: Set(SQLiteStore.knownMigrations)), "a recorded migration is missing from the code")
    if Set(recorded.keys) != Set(SQLiteStore.knownMigrations) || lines.contains(where: { !recorded.values.contains(String($0.split(separator: "\t")[1])) }) {
        Swift.print("migrations.txt should read:\n" + lines.joined(separator: "\n"))
    }
}

@Test("A search is bounded: repeated words are one term, at most ten terms and 200 characters are searched, and the visitor is told")
func searchIsBounded() throws {
    #expect(SearchQuery(parsing: String(repeating: "a ", count: 5000)).terms == [.init(words: ["a"])])
    let many = SearchQuery(parsing: (1...300).map { "word\($0)" }.joined(separator: " "))
    #expect(many.terms.count == SearchQuery.maxTerms)
    #expect(many.notices.contains { $0.contains("Only the first 10 words") })
    #expect(SearchQuery(parsing: String(repeating: "x", count: 500)).terms.first?.words.first?.count == SearchQuery.maxWordLength)
}

@Test("An upgrade puts each search entry's kind, day and committee beside its key: filters and ranking still find what was indexed")
func upgradeKeepsSearchFilters() async throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("old.sqlite").path
    let queue = try DatabaseQueue(path: path)
    try Schema.migrator.migrate(queue, upTo: "v22: improvement plans with their versions, indicators and audit grades, and the indicators recommendations mean to move")
    try await queue.write { db in
        try db.execute(sql: "INSERT INTO searchKey (id, entityId) VALUES (1, 'a/c/2025-03-18/minutes/58'), (2, 'a/d/work/7')")
        try db.execute(
            sql: """
                INSERT INTO searchEntry (rowid, title, body, kind, entityId, committeeId, meetingId, day) VALUES
                (1, '58. Libraries', 'The zanzibarite report.', 'minute', 'a/c/2025-03-18/minutes/58', 'a/c', 'a/c/2025-03-18', '2025-03-18'),
                (2, 'Zanzibarite', 'A topic.', 'workProgramme', 'a/d/work/7', 'a/d', NULL, '2025-06-01')
                """)
    }
    try queue.close()
    let store = try SQLiteStore(path: path)
    #expect(try await store.search(SearchQuery(parsing: "zanzibarite")).hits.map(\.entityId) == ["a/c/2025-03-18/minutes/58", "a/d/work/7"])
    var inCommittee = SearchQuery(parsing: "zanzibarite")
    inCommittee.committee = .init("a/d")
    #expect(try await store.search(inCommittee).hits.map(\.entityId) == ["a/d/work/7"])
    var minutes = SearchQuery(parsing: "zanzibarite")
    minutes.kind = .minute
    minutes.from = CalendarDay(2025, 1, 1)
    #expect(try await store.search(minutes).hits.map(\.entityId) == ["a/c/2025-03-18/minutes/58"])
    minutes.from = CalendarDay(2025, 4, 1)
    #expect(try await store.search(minutes).total == 0)
}
