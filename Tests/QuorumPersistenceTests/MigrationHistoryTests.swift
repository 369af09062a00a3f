import Foundation
import GRDB
@testable import QuorumPersistence
import QuorumStorage
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
