import Foundation
import GRDB
public import QuorumDomain
public import QuorumStorage

extension SQLiteStore {
    /// Relevance: bm25 over title and body (negative, better when lower), with a work-programme topic (a title and a
    /// line that names a subject) weighed below a report or minute that discusses it, and a recommendation a little
    /// below.
    static func weight(of kind: String) -> Double {
        switch kind {
        case "workProgramme": 0.35
        case "recommendation": 0.8
        default: 1.0
        }
    }

    /// The snippet, or else the body's opening words: every result has an extract.
    static func extract(_ snippet: String, body: String) -> String {
        if snippet.contains(SearchResults.markStart) || !snippet.trimmingCharacters(in: .whitespaces).isEmpty && snippet.count > 20 { return snippet }
        let words = body.split(whereSeparator: \.isWhitespace).prefix(24).joined(separator: " ")
        return words.isEmpty ? snippet : words + (body.count > words.count ? "…" : "")
    }

    public func search(_ query: SearchQuery) async throws -> SearchResults {
        guard !query.isEmpty else { return SearchResults(hits: [], total: 0) }
        // Every word is quoted, so nothing typed can be read as FTS5 syntax.
        let match = query.terms.map { term in
            "\"" + term.words.map { $0.replacingOccurrences(of: "\"", with: "") }.joined(separator: " ") + "\"" + (term.isPrefix ? "*" : "")
        }.joined(separator: " ")
        // The filters read the entry's key row, not the entry: an entry's stored columns come with its text.
        var filters = ["searchEntry MATCH ?"]
        var arguments: StatementArguments = [match]
        if let committee = query.committee {
            filters.append("searchKey.committeeId = ?")
            arguments += [committee.rawValue]
        }
        if let from = query.from {
            filters.append("searchKey.day >= ?")
            arguments += [from.iso]
        }
        if let to = query.to {
            filters.append("searchKey.day <= ?")
            arguments += [to.iso]
        }
        if let kind = query.kind {
            filters.append("searchKey.kind = ?")
            arguments += [kind.rawValue]
        }
        let condition = filters.joined(separator: " AND ")
        let filterArguments = arguments
        let start = String(SearchResults.markStart)
        let end = String(SearchResults.markEnd)
        let matches = "searchEntry JOIN searchKey ON searchKey.id = searchEntry.rowid"
        let filtered = filters.count > 1
        // The request's stop reaches the pool's reader too, as the task's cancellation does.
        let checks = ReadChecks()
        return try await writer.read { db in try checks.running({ db in
            // One pass over the index in rowid order, newest entry first, counts up to the limit and finds where the
            // newest `countLimit` matches begin: only those are ranked, so a word in 15,000 papers costs what one in
            // a thousand does, and every page of the results comes from the same ranked set. The pass reads each
            // entry's kind and day from its key, which the ranking needs.
            var newest: [(rowid: Int64, kind: String, day: String?)] = []
            let newestRows = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT searchEntry.rowid, searchKey.kind, searchKey.day FROM \(matches) WHERE \(condition)
                        ORDER BY searchEntry.rowid DESC LIMIT \(SearchResults.countLimit + 1)
                        """),
                arguments: filterArguments)
            while let row = try newestRows.next() { newest.append((row[0], row[1] ?? "", row[2])) }
            let total = newest.count
            let candidates = newest.prefix(SearchResults.countLimit)
            guard let oldestRanked = candidates.last?.rowid else { return SearchResults(hits: [], total: total) }
            // bm25 for each candidate, in one pass over the matches from the oldest of them. Without filters the key
            // is not joined (the pass above read the kinds); ordering by the weighed score is done here, which costs
            // less than joining every match to its key in SQL.
            var scores: [Int64: Double] = [:]
            scores.reserveCapacity(candidates.count)
            let scored = try Row.fetchCursor(
                db.cachedStatement(
                    sql: """
                        SELECT searchEntry.rowid, bm25(searchEntry, 2.0, 1.0) FROM \(filtered ? matches : "searchEntry")
                        WHERE \(condition) AND searchEntry.rowid >= ?
                        """),
                arguments: filterArguments + [oldestRanked])
            while let row = try scored.next() { scores[row[0]] = row[1] }
            struct Ranked {
                let rowid: Int64
                let rank: Double
                let day: String
                /// Best first; then the newer; then the later entry.
                static func before(_ a: Ranked, _ b: Ranked) -> Bool {
                    if a.rank != b.rank { return a.rank < b.rank }
                    if a.day != b.day { return a.day > b.day }
                    return a.rowid > b.rowid
                }
            }
            let all = candidates.map { candidate in
                Ranked(rowid: candidate.rowid, rank: (scores[candidate.rowid] ?? 0) * SQLiteStore.weight(of: candidate.kind), day: candidate.day ?? "")
            }
            let ranked = best(query.offset + query.limit, of: all, by: Ranked.before).dropFirst(query.offset).map(\.rowid)
            guard let first = ranked.min(), let last = ranked.max() else { return SearchResults(hits: [], total: total) }
            // Snippets only for the page shown, in one pass over the matches between its first and last entry: a
            // snippet for every match would cost more than the search, and so would finding each entry on its own
            // (the index reads a common word's whole list to find one entry). The `+` keeps SQLite from handing the
            // list to the index as one lookup per entry, which is that same cost twenty times over.
            let extracts = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT rowid, kind, entityId, committeeId, meetingId, day, title,
                               snippet(searchEntry, -1, ?, ?, '…', 24) AS snippet, substr(body, 1, 400) AS body
                        FROM searchEntry
                        WHERE searchEntry MATCH ? AND rowid >= ? AND rowid <= ? AND +rowid IN (SELECT value FROM json_each(?))
                        """),
                arguments: [start, end, match, first, last, jsonList(ranked)])
            let byRowID = Dictionary(extracts.map { ($0["rowid"] as Int64, $0) }, uniquingKeysWith: { a, _ in a })
            let rows = ranked.compactMap { byRowID[$0] }
            let hits = rows.compactMap { row -> SearchResults.Hit? in
                guard let kind = SearchQuery.Kind(rawValue: row["kind"]) else { return nil }
                return SearchResults.Hit(
                    kind: kind, entityId: row["entityId"], committee: (row["committeeId"] as String?).map { .init($0) },
                    meeting: (row["meetingId"] as String?).map { .init($0) }, day: (row["day"] as String?).flatMap { CalendarDay(iso: $0) },
                    title: row["title"], snippet: SQLiteStore.extract(row["snippet"], body: row["body"]))
            }
            return SearchResults(hits: hits, total: total)
        }, db) }
    }
}

/// The first `count` of `values` in the order `before` gives, as a full sort would put them: kept in a short sorted
/// list while the rest pass by, when only a page of many is wanted.
func best<Value>(_ count: Int, of values: [Value], by before: (Value, Value) -> Bool) -> [Value] {
    guard count > 0 else { return [] }
    guard count * 8 < values.count else { return Array(values.sorted(by: before).prefix(count)) }
    var kept: [Value] = []
    kept.reserveCapacity(count + 1)
    for value in values {
        if kept.count == count, let last = kept.last, !before(value, last) { continue }
        // After every kept value it does not come before, so equal values keep their order, as a stable sort does.
        var low = 0, high = kept.count
        while low < high {
            let middle = (low + high) / 2
            if before(value, kept[middle]) { high = middle } else { low = middle + 1 }
        }
        kept.insert(value, at: low)
        if kept.count > count { kept.removeLast() }
    }
    return kept
}
