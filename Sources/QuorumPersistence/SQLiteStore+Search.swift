import Foundation
import GRDB
public import QuorumDomain

extension SQLiteStore {
    public func search(_ query: SearchQuery) async throws -> SearchResults {
        guard !query.isEmpty else { return SearchResults(hits: [], total: 0) }
        // Every word is quoted, so nothing typed can be read as FTS5 syntax.
        let match = query.terms.map { term in
            "\"" + term.words.map { $0.replacingOccurrences(of: "\"", with: "") }.joined(separator: " ") + "\"" + (term.isPrefix ? "*" : "")
        }.joined(separator: " ")
        var filters = ["searchEntry MATCH ?"]
        var arguments: StatementArguments = [match]
        if let committee = query.committee {
            filters.append("committeeId = ?")
            arguments += [committee.rawValue]
        }
        if let from = query.from {
            filters.append("day >= ?")
            arguments += [from.iso]
        }
        if let to = query.to {
            filters.append("day <= ?")
            arguments += [to.iso]
        }
        if let kind = query.kind {
            filters.append("kind = ?")
            arguments += [kind.rawValue]
        }
        let condition = filters.joined(separator: " AND ")
        let filterArguments = arguments
        let page: StatementArguments = [query.limit, query.offset]
        let start = String(SearchResults.markStart)
        let end = String(SearchResults.markEnd)
        return try await writer.read { db in
            let total = try Int.fetchOne(db, sql: "SELECT count(*) FROM searchEntry WHERE \(condition)", arguments: filterArguments) ?? 0
            // Rank first and make snippets only for the page shown: a snippet for every match of a common word
            // would cost more than the search itself.
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT kind, entityId, committeeId, meetingId, day, title,
                           snippet(searchEntry, 1, ?, ?, '…', 24) AS snippet
                    FROM searchEntry
                    WHERE searchEntry MATCH ? AND rowid IN (
                        SELECT rowid FROM searchEntry WHERE \(condition)
                        ORDER BY bm25(searchEntry, 5.0, 1.0), day DESC LIMIT ? OFFSET ?)
                    ORDER BY bm25(searchEntry, 5.0, 1.0), day DESC
                    """,
                arguments: StatementArguments([start, end, match]) + filterArguments + page)
            let hits = rows.compactMap { row -> SearchResults.Hit? in
                guard let kind = SearchQuery.Kind(rawValue: row["kind"]) else { return nil }
                return SearchResults.Hit(
                    kind: kind, entityId: row["entityId"], committee: (row["committeeId"] as String?).map { .init($0) },
                    meeting: (row["meetingId"] as String?).map { .init($0) }, day: (row["day"] as String?).flatMap { CalendarDay(iso: $0) },
                    title: row["title"], snippet: row["snippet"])
            }
            return SearchResults(hits: hits, total: total)
        }
    }
}
