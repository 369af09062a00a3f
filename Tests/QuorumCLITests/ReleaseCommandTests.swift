import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

/// An agenda pack with one exempt item, written for the test.
private let exemptPack = """
    Herefordshire Council

    Agenda

    Children Scrutiny Committee

    Date: Tuesday 18 March 2025

    Time: 2.00 pm

    Place: Shire Hall, Hereford

    Membership

    Chairperson\tCouncillor Ann Example

    Agenda

    \tPages
    1. APOLOGIES FOR ABSENCE To receive apologies for absence.\t
    2. LAND AT HOLMER To consider the sale. Exempt by virtue of paragraph 3 of Schedule 12A.\t
    """

@Test("quorum release lists what is exempt, publishes an item only with a reason and a name, and audits it")
func releaseCommand() async throws {
    try await withDatabase { database in
        let folder = URL(fileURLWithPath: database).deletingLastPathComponent()
        let file = folder.appendingPathComponent("exempt.txt")
        try exemptPack.write(to: file, atomically: true, encoding: .utf8)
        #expect(try await quorumRun(["import", "--database", database, file.path]).status == 0)

        let list = try await quorumRun(["release", "--database", database, "--list"])
        #expect(list.status == 0)
        #expect(list.out.contains("Item 2: LAND AT HOLMER — Exempt: Paragraph 3 of Schedule 12A"))
        let id = "herefordshire-council/children-scrutiny-committee/2025-03-18/items/2"
        #expect(list.out.contains("--item \(id)"), "\(list.out)")

        // Without a reason, or for something that is not exempt, nothing changes.
        let noReason = try await quorumRun(["release", "--database", database, "--item", id, "--by", "Simon Cann"])
        #expect(noReason.status != 0 && noReason.err.contains("--reason"))
        let notExempt = try await quorumRun(["release", "--database", database, "--item", "herefordshire-council/children-scrutiny-committee/2025-03-18/items/1", "--reason", "x", "--by", "A"])
        #expect(notExempt.status != 0 && notExempt.err.contains("is not exempt"))

        let released = try await quorumRun(["release", "--database", database, "--item", id, "--reason", "The sale has completed", "--by", "Simon Cann"])
        #expect(released.status == 0, "\(released.err)")
        #expect(released.out.contains("Released: Item 2 “LAND AT HOLMER” (was Exempt: Paragraph 3 of Schedule 12A)"))
        let store = try SQLiteStore(path: database)
        #expect(try await store.agendaItems(of: .init("herefordshire-council/children-scrutiny-committee/2025-03-18")).allSatisfy { !$0.access.isExempt })
        #expect(try await store.auditLog(limit: 5).contains { $0.actor == "Simon Cann" && $0.changes.contains("The sale has completed") })
        #expect(try await quorumRun(["release", "--database", database, "--list"]).out == "Nothing is held as exempt.\n")
    }
}
