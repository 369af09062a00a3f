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
        case "workProgramme": lightestWeight
        case "recommendation": 0.8
        default: 1.0
        }
    }
    /// The smallest weight a kind has: how far weighing can take a score, which ranking relies on (`bestWeighed`).
    static let lightestWeight = 0.35

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
            // One pass over the index in rowid order, newest entry first, scores the newest `countLimit` matches
            // (bm25) and counts one more: only those are ranked, so a word in 15,000 papers costs what one in a
            // thousand does, and every page of the results comes from the same ranked set. With a filter the pass
            // reads each entry's key, which the filter needs; without one, the key is read only for the entries that
            // could make the page (below).
            var candidates: [SearchCandidate] = []
            candidates.reserveCapacity(SearchResults.countLimit + 1)
            let newest = try db.cachedStatement(
                sql: filtered
                    ? """
                    SELECT searchEntry.rowid AS entry, bm25(searchEntry, 2.0, 1.0) AS score, searchKey.kind, searchKey.day FROM \(matches)
                    WHERE \(condition) ORDER BY searchEntry.rowid DESC LIMIT \(SearchResults.countLimit + 1)
                    """
                    : """
                    SELECT rowid AS entry, bm25(searchEntry, 2.0, 1.0) AS score FROM searchEntry
                    WHERE \(condition) ORDER BY rowid DESC LIMIT \(SearchResults.countLimit + 1)
                    """)
            let steps = try StatementRows(newest, arguments: filterArguments)
            while let row = try steps.next() {
                var candidate = SearchCandidate(rowid: Int64(try row.value("entry") as Int), score: try row.value("score"))
                if filtered { candidate.key = SearchKey(kind: try row.value("kind") ?? "", day: try row.value("day") ?? "") }
                candidates.append(candidate)
            }
            let total = candidates.count
            candidates = Array(candidates.prefix(SearchResults.countLimit))
            let ranked = try SQLiteStore.rank(candidates, page: query.offset..<(query.offset + query.limit)) { try SQLiteStore.searchKeys($0, db) }
                .map(\.rowid)
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

/// An entry the search may show: its bm25 score (negative, better when lower), and its key once read.
struct SearchCandidate {
    let rowid: Int64
    let score: Double
    var key: SearchKey?
}

/// What ranking reads of an entry's key: its kind, for its weight, and its day, for order among equal scores.
struct SearchKey {
    let kind: String
    let day: String
}

/// A candidate placed: its weighed score, its day and its entry.
struct RankedEntry {
    let rowid: Int64
    let rank: Double
    let day: String
    /// Best first; then the newer; then the later entry.
    static func before(_ a: RankedEntry, _ b: RankedEntry) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if a.day != b.day { return a.day > b.day }
        return a.rowid > b.rowid
    }
}

extension SQLiteStore {
    /// The best a score can become once weighed by its kind: weights are at most 1 and at least `lightestWeight`, so
    /// a negative score can only rise towards 0, and a positive one (which bm25 does not give) fall that far.
    static func bestWeighed(_ score: Double) -> Double { score <= 0 ? score : score * lightestWeight }

    /// The candidates on `page` of the ranked results, in the order sorting every candidate by `RankedEntry.before`
    /// would give. Candidates are taken best possible weighed score first, their keys read in batches (`batch` at a
    /// time, by default twice the page's end and at least 40), and only until none left could come before the last
    /// of the page: a common word's thousand candidates need a few dozen keys.
    static func rank(
        _ candidates: [SearchCandidate], page: Range<Int>, batch: Int? = nil, keys: ([Int64]) throws -> [Int64: SearchKey]
    ) rethrows -> [RankedEntry] {
        let wanted = page.upperBound
        guard wanted > 0, !candidates.isEmpty else { return [] }
        let order = candidates.sorted { Self.bestWeighed($0.score) < Self.bestWeighed($1.score) }
        let batch = batch ?? max(wanted * 2, 40)
        var placed: [RankedEntry] = []
        var next = 0
        while next < order.count {
            let taken = order[next..<min(order.count, next + batch)]
            next = taken.endIndex
            let read = try keys(taken.compactMap { $0.key == nil ? $0.rowid : nil })
            for candidate in taken {
                let key = candidate.key ?? read[candidate.rowid] ?? SearchKey(kind: "", day: "")
                placed.append(RankedEntry(rowid: candidate.rowid, rank: candidate.score * Self.weight(of: key.kind), day: key.day))
            }
            guard next < order.count, placed.count >= wanted else { continue }
            placed = best(wanted, of: placed, by: RankedEntry.before)
            if let last = placed.last, Self.bestWeighed(order[next].score) > last.rank { break }
        }
        return Array(best(wanted, of: placed, by: RankedEntry.before).dropFirst(page.lowerBound))
    }

    /// The kinds and days of these entries, by entry.
    static func searchKeys(_ entries: [Int64], _ db: Database) throws -> [Int64: SearchKey] {
        guard !entries.isEmpty else { return [:] }
        let statement = try db.cachedStatement(sql: "SELECT id, kind, day FROM searchKey WHERE id IN (SELECT value FROM json_each(?))")
        let steps = try StatementRows(statement, arguments: [jsonList(entries)])
        var keys: [Int64: SearchKey] = [:]
        keys.reserveCapacity(entries.count)
        while let row = try steps.next() {
            keys[Int64(try row.value("id") as Int)] = SearchKey(kind: try row.value("kind") ?? "", day: try row.value("day") ?? "")
        }
        return keys
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
