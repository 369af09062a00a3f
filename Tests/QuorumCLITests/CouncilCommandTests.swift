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
        var run = try await quorumRun(["council", "annual-meeting", "--database", database, "--date", "2025-03-03", "--date", "2024-05-17"])
        #expect(run.status == 0 && run.out.contains("annual meetings 2024-05-17, 2025-03-03"), "\(run.err)")
        // The meeting of 18 March 2025 now opens a municipal year that started on 3 March 2025.
        #expect(try await store.firstMinuteNumber(of: march) == 1)
        run = try await quorumRun(["council", "annual-meeting", "--database", database, "--date", "2025-03-03", "--remove"])
        #expect(run.status == 0 && run.out.contains("annual meetings 2024-05-17"))
        #expect(try await store.firstMinuteNumber(of: march) == 49)
        run = try await quorumRun(["council", "annual-meeting", "--database", database, "--date", "2025-11-20"])
        #expect(run.status != 0 && run.err.contains("between March and July"))
        run = try await quorumRun(["council", "show", "--database", database])
        #expect(run.status == 0 && run.out.contains("5 clear working days") && run.out.contains("2024-05-17") && run.out.contains("opening: APOLOGIES FOR ABSENCE"))
        run = try await quorumRun(["council", "show", "--database", database, "--council", "nowhere"])
        #expect(run.status != 0 && run.err.contains("There is no council ‘nowhere’"))
        #expect(try await store.history(of: Authority.fixture().id.rawValue).filter { $0.actor == "quorum council annual-meeting" }.count == 2)
    }
}

@Test("quorum forward-plan import reads a council's CSV, all or nothing: a bad line is FILE:LINE: reason and nothing is written; importing again changes nothing; list prints it as CSV")
func forwardPlanCommand() async throws {
    try await withDatabase { database in
        let store = try SQLiteStore(path: database)
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        let folder = URL(fileURLWithPath: database).deletingLastPathComponent()
        let bad = folder.appendingPathComponent("bad.csv")
        try "Title,Decision maker,Due date\nBudget,Council,1 March 2027\nFees,Cabinet,soon\n".write(to: bad, atomically: true, encoding: .utf8)
        let before = try await store.forwardPlan(of: Authority.fixture().id).count
        var run = try await quorumRun(["forward-plan", "import", "--database", database, bad.path])
        #expect(run.status != 0 && run.err.contains("bad.csv:3: the due date ‘soon’ is not a date") && run.err.contains("nothing was imported"))
        #expect(try await store.forwardPlan(of: Authority.fixture().id).count == before)
        let good = folder.appendingPathComponent("plan.csv")
        try "Title,Decision maker,Due date,Decision type\nBudget,Council,1 March 2027,Key\nFees and charges,Cabinet member finance,2027-01-12,Non-key\n".write(to: good, atomically: true, encoding: .utf8)
        run = try await quorumRun(["forward-plan", "import", "--database", database, good.path])
        #expect(run.status == 0 && run.out.contains("2 decisions read; 2 added, 0 updated"), "\(run.err)")
        run = try await quorumRun(["forward-plan", "import", "--database", database, good.path])
        #expect(run.out.contains("0 added, 0 updated"))
        run = try await quorumRun(["forward-plan", "list", "--database", database])
        #expect(run.out.contains("\"Budget\",\"\",\"Council\",\"2027-03-01\""))
        #expect(try await store.history(of: Authority.fixture().id.rawValue + "/forward-plan/budget").map(\.actor) == ["quorum forward-plan import"])
    }
}
