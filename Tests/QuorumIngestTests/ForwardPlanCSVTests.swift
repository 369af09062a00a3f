import QuorumDomain
import QuorumIngest
import QuorumTestSupport
import Testing

@Suite("The forward plan from CSV")
struct ForwardPlanCSVTests {
    let authority = Authority.fixture().id

    @Test("Columns named as councils name them, in any order; dates as people write them; a quoted field over two lines keeps the next row's line right")
    func reads() throws {
        let text = """
            Decision type,Report title and purpose,Decision maker,Decision due,Date added,Officer contact,Directorate
            Key,School capital programme,Cabinet,2 June 2026,01/04/2026,"Jo Smith,
            Head of Capital",Children and Young People
            Non-key,Fees and charges,Cabinet member finance,2026-07-14,,,Resources

            """
        let entries = try ForwardPlanCSV.entries(text, authority: authority).get()
        #expect(entries.map(\.title) == ["School capital programme", "Fees and charges"])
        #expect(entries[0].decisionType == .key && entries[0].dueDate == CalendarDay(2026, 6, 2) && entries[0].uploadedOn == CalendarDay(2026, 4, 1))
        #expect(entries[0].officerContacts == "Jo Smith,\nHead of Capital" && entries[1].officerContacts == nil && entries[1].directorate == "Resources")
        #expect(entries[0].hasEnoughNotice(rules: .standard) == true)
        #expect(entries[0].id.rawValue == authority.rawValue + "/forward-plan/school-capital-programme")
    }

    @Test("A row that cannot be read fails the file, each problem with its line; a header without the needed columns says which")
    func refuses() {
        let text = "Title,Decision maker,Due date,Decision type\nBudget,Council,\"31st of\nMarch\",Key\nFees,,2026-07-14,Maybe\n"
        guard case .failure(let problems) = ForwardPlanCSV.entries(text, authority: authority) else {
            Issue.record("a bad file was read")
            return
        }
        #expect(problems.all.map(\.description) == [
            "line 2: the due date ‘31st of\nMarch’ is not a date (write 2 June 2026 or 2026-06-02)", "line 4: the decision maker is empty",
            "line 4: the decision type ‘Maybe’ is neither Key nor Non-key",
        ])
        guard case .failure(let header) = ForwardPlanCSV.entries("Subject line,Who\nA,B\n", authority: authority) else { return }
        #expect(header.all.map(\.message) == ["the header has no Title column", "the header has no Decision maker column"])
        guard case .failure(let empty) = ForwardPlanCSV.entries("", authority: authority) else { return }
        #expect(empty.all.map(\.message) == ["the file is empty"])
    }
}
