import Foundation
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

/// A small agenda pack, one line per PDF text line.
let miniPack = [
    "Agenda", "", "Audit and Governance Committee", "", "Date: Tuesday 18 March 2025", "", "Time: 10.00 am", "",
    "Place: Council Chamber, Town Hall, Exampleton", "", "For any further information please contact:", "",
    "Jane Smith, Democratic Services Officer", "", "Tel: 01234 567890", "", "Email: jane.smith@exampleton.gov.uk", "",
    "Agenda for the meeting of the Audit and Governance Committee", "", "Membership", "", "Chairperson Councillor Alan Brown", "",
    "Councillor Beth Green", "", "Agenda", "", "1. APOLOGIES FOR ABSENCE To receive apologies for absence.", "",
    "2. DATE OF THE NEXT MEETING Tuesday 20 May 2025, 10am.",
]

let hasPdftotext = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext")
}

@Test("A PDF agenda pack is converted with pdftotext and imported", .enabled(if: hasPdftotext, "needs pdftotext (poppler-utils), which .ci/run installs"))
func pdfImport() async throws {
    try await withDatabase { database in
        let file = URL(fileURLWithPath: database).deletingLastPathComponent().appendingPathComponent("audit.pdf")
        try pdf(miniPack).write(to: file)
        let result = try await quorumRun(["import", "--database", database, file.path])
        #expect(result.status == 0, "\(result.err)")
        let store = try SQLiteStore(path: database)
        let committee = try #require(try await store.committees().first)
        #expect(committee.name == "Audit and Governance Committee")
        let meeting = try #require(try await store.meetings(of: committee.id).first)
        #expect(meeting.start.iso == "2025-03-18T10:00")
        #expect(try await store.agendaItems(of: meeting.id).map(\.number) == ["1", "2"])
    }
}
