public import QuorumDomain

/// The executive's forward plan from a CSV file, a row an upcoming decision, with the columns councils publish: title,
/// purpose, decision maker, due date, lead cabinet member, officer contacts, directorate, the date it went on the plan,
/// decision type (Key or Non-key) and exemptions and urgency. Only the title and the decision maker are required; the
/// header may name the columns in any order, as councils word them. A row that cannot be read fails the whole file, with
/// its line, so that an upload writes all or nothing.
public enum ForwardPlanCSV {
    public static func entries(_ text: String, authority: Authority.ID) -> Result<[ForwardPlanEntry], CSVTable.Problems> {
        let table: CSVTable
        do { table = try CSVTable(text) } catch { return .failure(.init([error])) }
        let title = table.column("title", "report title", "report title and purpose", "decision", "subject")
        let decisionMaker = table.column("decision maker", "decision-maker", "decision maker and due date", "decision taker")
        var problems: [CSVTable.Problem] = []
        if title == nil { problems.append(.init(line: 1, message: "the header has no Title column")) }
        if decisionMaker == nil { problems.append(.init(line: 1, message: "the header has no Decision maker column")) }
        guard problems.isEmpty else { return .failure(.init(problems)) }
        let purpose = table.column("purpose", "summary")
        let due = table.column("due date", "decision due", "date of decision", "decision date", "expected decision date")
        let member = table.column("lead cabinet member", "cabinet member", "portfolio holder", "lead member")
        let officers = table.column("officer contacts", "officer contact", "officer contact(s)", "lead officer", "contact")
        let directorate = table.column("directorate", "department", "service")
        let uploaded = table.column("date uploaded", "date uploaded onto plan", "date added", "first published", "uploaded")
        let type = table.column("decision type", "key decision", "type", "key or non-key")
        let exemptions = table.column("exemptions and urgency", "exemptions", "exempt", "urgency")
        var entries: [ForwardPlanEntry] = []
        var ids: Set<ForwardPlanEntry.ID> = []
        for row in table.rows {
            func day(_ column: Int?, _ name: String) -> CalendarDay? {
                let text = row[column]
                guard !text.isEmpty else { return nil }
                guard let day = typedDay(text) else {
                    problems.append(.init(line: row.line, message: "the \(name) ‘\(text)’ is not a date (write 2 June 2026 or 2026-06-02)"))
                    return nil
                }
                return day
            }
            let name = row[title]
            if name.isEmpty { problems.append(.init(line: row.line, message: "the title is empty")) }
            if name.count > 500 { problems.append(.init(line: row.line, message: "the title is longer than 500 characters")) }
            let maker = row[decisionMaker]
            if maker.isEmpty { problems.append(.init(line: row.line, message: "the decision maker is empty")) }
            let decision: QuorumDomain.Report.DecisionType
            switch row[type].lowercased().filter({ $0.isLetter }) {
            case "key", "keydecision", "yes", "y": decision = .key
            case "nonkey", "notkey", "no", "n", "": decision = .nonKey
            default:
                problems.append(.init(line: row.line, message: "the decision type ‘\(row[type])’ is neither Key nor Non-key"))
                decision = .nonKey
            }
            let (dueDate, uploadedOn) = (day(due, "due date"), day(uploaded, "date uploaded"))
            let base = ForwardPlanEntry.id(for: name, of: authority)
            var id = base
            var n = 2
            while ids.contains(id) {
                id = ForwardPlanEntry.ID(base.rawValue + "-\(n)")
                n += 1
            }
            ids.insert(id)
            func optional(_ text: String) -> String? { text.isEmpty ? nil : text }
            entries.append(
                ForwardPlanEntry(
                    id: id, authority: authority, title: name, purpose: row[purpose], decisionMaker: maker, dueDate: dueDate,
                    leadCabinetMember: optional(row[member]), officerContacts: optional(row[officers]), directorate: optional(row[directorate]),
                    uploadedOn: uploadedOn, decisionType: decision, exemptionsAndUrgency: row[exemptions]))
        }
        if table.rows.isEmpty { problems.append(.init(line: 2, message: "the file has a header but no decisions")) }
        return problems.isEmpty ? .success(entries) : .failure(.init(problems))
    }
}
