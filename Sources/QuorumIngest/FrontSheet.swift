import QuorumDomain
/// The front sheet: committee, meeting date, time, place and the clerk's contact details.
struct FrontSheet {
    var committee: String
    var date: PackDate
    var dateLine: Int
    var time: PackTime?
    var venue: String?
    var clerk: Contact?
    /// Indices of the lines the front sheet used.
    var used: Set<Int>

    /// Reads the front sheet from the lines before the membership list or agenda.
    static func read(_ lines: [SourceLine], in range: Range<Int>, file: String) throws(IngestError) -> FrontSheet {
        var used = Set<Int>()
        var dateIndex: Int?
        var dateValue = ""
        var time: PackTime?
        var venue: String?
        var phone: String?
        var email: String?
        var committee: String?
        var telIndex: Int?
        for i in range {
            let line = lines[i]
            if dateIndex == nil, let v = labelledValue(line, ["Date"]) {
                dateIndex = i
                dateValue = v
                used.insert(i)
            } else if time == nil, let v = labelledValue(line, ["Time"]) {
                time = DateText.firstTime(in: v)
                used.insert(i)
            } else if venue == nil, let v = labelledValue(line, ["Place", "Venue", "Location"]) {
                venue = v
                used.insert(i)
            } else if phone == nil, let v = labelledValue(line, ["Tel", "Telephone", "Phone"]) {
                phone = v
                telIndex = i
                used.insert(i)
            } else if email == nil, let v = labelledValue(line, ["Email", "E-mail"]) {
                email = v.words.first.map(String.init)
                used.insert(i)
            } else if ["agenda", "public pack", "notice of meeting", "agenda pack"].contains(line.text.lowercased()) {
                used.insert(i)
            } else if committee == nil, let rest = line.text.after(ci: "agenda for the meeting of ") {
                committee = rest.hasPrefixCI("the ") ? String(rest.dropFirst(4)) : rest
                used.insert(i)
            }
        }
        guard let dateIndex else {
            throw IngestError(file: file, line: lines[range].first?.number ?? 1, kind: .notAnAgendaPack(reason: "the front sheet gives no meeting date (no \"Date:\" line)"))
        }
        guard let date = DateText.firstDate(in: dateValue) else {
            throw IngestError(file: file, line: lines[dateIndex].number, kind: .notAnAgendaPack(reason: "the meeting date \"\(dateValue.excerpt)\" is not a date"))
        }
        if committee == nil {
            // The committee is named just above the date: the last line that is not a document label.
            let generic: Set<String> = ["agenda", "public pack", "notice of meeting", "supplement", "agenda pack"]
            if let i = (range.lowerBound..<dateIndex).last(where: { !generic.contains(lines[$0].text.lowercased()) && !lines[$0].isTableRow }) {
                committee = lines[i].text
                used.insert(i)
            }
        }
        guard let committee, !committee.isEmpty else {
            throw IngestError(file: file, line: lines[dateIndex].number, kind: .notAnAgendaPack(reason: "the front sheet names no committee"))
        }
        var clerk: Contact?
        if let telIndex {
            // "Simon Cann, Democratic Services Officer" just above the telephone number.
            for i in stride(from: telIndex - 1, through: max(range.lowerBound, telIndex - 3), by: -1) {
                let parts = splitOutsideParentheses(lines[i].text, on: [", "])
                if parts.count >= 2, !lines[i].text.contains(":"), parts[0].words.count <= 5 {
                    clerk = Contact(name: parts[0], role: parts.dropFirst().joined(separator: ", "), phone: phone, email: email)
                    used.insert(i)
                    break
                }
            }
        }
        if clerk == nil, phone != nil || email != nil {
            clerk = Contact(name: "", role: nil, phone: phone, email: email)
        }
        return FrontSheet(committee: committee, date: date, dateLine: lines[dateIndex].number, time: time, venue: venue, clerk: clerk, used: used)
    }
}
