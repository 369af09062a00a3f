import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

@Test("quorum council records the days of the annual meeting, which start municipal years and minute numbering, audited; quorum council show prints the rules")
func councilCommand() async throws {
    try await withDatabase { database in
        let store = try SQLiteStore(path: database)
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        let march = Meeting.ID(under: Committee.fixture().id, "2025-03-18")
        #expect(try await store.firstMinuteNumber(of: march) == 49, "after the minutes of January, 42 to 48")
        var run = try quorumRun(["council", "annual-meeting", "--database", database, "--date", "2025-03-03", "--date", "2024-05-17"])
        #expect(run.status == 0 && run.out.contains("annual meetings 2024-05-17, 2025-03-03"), "\(run.err)")
        // The meeting of 18 March 2025 now opens a municipal year that started on 3 March 2025.
        #expect(try await store.firstMinuteNumber(of: march) == 1)
        run = try quorumRun(["council", "annual-meeting", "--database", database, "--date", "2025-03-03", "--remove"])
        #expect(run.status == 0 && run.out.contains("annual meetings 2024-05-17"))
        #expect(try await store.firstMinuteNumber(of: march) == 49)
        run = try quorumRun(["council", "annual-meeting", "--database", database, "--date", "2025-11-20"])
        #expect(run.status != 0 && run.err.contains("between March and July"))
        run = try quorumRun(["council", "show", "--database", database])
        #expect(run.status == 0 && run.out.contains("5 clear working days") && run.out.contains("2024-05-17") && run.out.contains("opening: APOLOGIES FOR ABSENCE"))
        run = try quorumRun(["council", "show", "--database", database, "--council", "nowhere"])
        #expect(run.status != 0 && run.err.contains("There is no council ‘nowhere’"))
        #expect(try await store.history(of: Authority.fixture().id.rawValue).filter { $0.actor == "quorum council annual-meeting" }.count == 2)
    }
}
