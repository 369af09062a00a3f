import PropertyBased
@testable import QuorumPersistence
import Testing

/// Search ranks the newest thousand matches but reads the kind and day of only those that could make the page shown:
/// the page must be what weighing and sorting every candidate gives.
@Suite struct SearchRankingTests {
    static let kinds = ["report", "minute", "recommendation", "workProgramme"]

    /// Every candidate weighed and sorted: the reading the ranking must agree with.
    static func fullSort(_ candidates: [SearchCandidate], keys: [Int64: SearchKey], page: Range<Int>) -> [Int64] {
        let all = candidates.map { candidate in
            let key = candidate.key ?? keys[candidate.rowid]!
            return RankedEntry(rowid: candidate.rowid, rank: candidate.score * SQLiteStore.weight(of: key.kind), day: key.day)
        }.sorted(by: RankedEntry.before)
        return all.dropFirst(page.lowerBound).prefix(page.count).map(\.rowid)
    }

    @Test("A page of ranked results is the page a full sort of every candidate gives, ties and weights included")
    func pageMatchesTheFullSort() async {
        // Few distinct scores and days, so that weighed scores tie and the day and entry decide.
        let scores = Gen.int(in: -8...30).array(of: 0...150)  // a few positive scores too, which bm25 does not give
        let kinds = Gen.int(in: 0...3).array(of: 150)
        let days = Gen.int(in: 0...5).array(of: 150)
        let keyed = Gen.int(in: 0...1).array(of: 150)
        let pages = zip(Gen.int(in: 0...160), Gen.int(in: 1...25), Gen.int(in: 1...12))
        await propertyCheck(count: 1_000, input: scores, kinds, days, keyed, pages) { scores, kinds, days, keyed, page in
            let (offset, limit, batch) = page
            var keys: [Int64: SearchKey] = [:]
            let candidates = scores.enumerated().map { index, score in
                let rowid = Int64(scores.count - index)  // newest first, as the index gives them
                let key = SearchKey(kind: Self.kinds[kinds[index]], day: "2025-03-1\(days[index])")
                keys[rowid] = key
                return SearchCandidate(rowid: rowid, score: -Double(score) / 4, key: keyed[index] == 1 ? key : nil)
            }
            var asked: [Int64] = []
            // Small batches, so that the reading stops at every kind of boundary between them.
            let ranked = SQLiteStore.rank(candidates, page: offset..<(offset + limit), batch: batch) { entries in
                asked += entries
                return keys.filter { entries.contains($0.key) }
            }
            #expect(ranked.map(\.rowid) == Self.fullSort(candidates, keys: keys, page: offset..<(offset + limit)))
            #expect(Set(asked).count == asked.count, "no key is read twice")
        }
    }

    @Test("The first page of a common word reads the keys of a few dozen candidates, not of the thousand")
    func firstPageReadsFewKeys() {
        let candidates = (1...1_000).map { SearchCandidate(rowid: Int64($0), score: -Double($0 % 97) - Double($0) / 10_000, key: nil) }
        var asked = 0
        let ranked = SQLiteStore.rank(candidates, page: 0..<20) { entries in
            asked += entries.count
            return Dictionary(uniqueKeysWithValues: entries.map { ($0, SearchKey(kind: "report", day: "2025-03-18")) })
        }
        #expect(ranked.count == 20)
        #expect(asked <= 40)
        // Deep in the results every candidate's key is needed, and read.
        asked = 0
        _ = SQLiteStore.rank(candidates, page: 980..<1_000) { entries in
            asked += entries.count
            return Dictionary(uniqueKeysWithValues: entries.map { ($0, SearchKey(kind: "report", day: "2025-03-18")) })
        }
        #expect(asked == 1_000)
    }
}
