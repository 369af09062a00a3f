/// Question tables ("Question Number | Questioner | Supplementary Question | Question to"), each
/// followed by its response, as appended to minutes or published as a supplement.
enum Questions {
    private struct Columns {
        var number: Int
        var questioner: Int?
        var text: Int?
        var addressee: Int?
        var isSupplementary: Bool
    }

    /// Reads every question table in the lines; `used` holds the numbers of the lines consumed.
    static func read(_ lines: [SourceLine], diagnostics: inout Diagnostics) -> (questions: [Question], used: Set<Int>) {
        var questions: [Question] = []
        var used = Set<Int>()
        var columns: Columns?
        var current: Question?
        var response: [String] = []
        func flush() {
            guard var q = current else { return }
            if let first = q.text.first, first.isLowercase {
                diagnostics.warn(q.line, "Question \(q.number): its text starts mid-sentence (“\(q.text.excerpt)”); its beginning may be missing from the pack")
            }
            if !response.isEmpty { q.response = response.joined(separator: "\n") }
            questions.append(q)
            current = nil
            response = []
        }
        for line in lines {
            if let cells = line.cells, let header = header(cells) {
                flush()
                columns = header
                used.insert(line.number)
                continue
            }
            guard let columns else { continue }
            used.insert(line.number)
            if let cells = line.cells, !(line.filledCells.first?.hasPrefix("Response") ?? false) {
                func cell(_ i: Int?) -> Cell? { i.flatMap { $0 < cells.count ? cells[$0] : nil } }
                let number = cell(columns.number)?.text ?? ""
                if !number.isEmpty, number.count <= 12, number.contains(where: \.isNumber) {
                    flush()
                    let (questioner, place) = questionerAndPlace(cell(columns.questioner))
                    current = Question(
                        number: number, kind: kind(of: number, supplementary: columns.isSupplementary), questioner: questioner,
                        place: place, addressee: cell(columns.addressee)?.text.nonEmpty, text: paragraphs(cell(columns.text)),
                        line: line.number
                    )
                } else if current != nil {
                    if let extra = cell(columns.questioner)?.text.nonEmpty {
                        if current!.place == nil { current!.place = extra } else { current!.questioner += " " + extra }
                    }
                    if let more = cell(columns.text).map(paragraphs), !more.isEmpty {
                        // A cell that carries on over a page break carries on its sentence too.
                        let last = current!.text.split(separator: "\n").last.map(String.init) ?? ""
                        let separator = current!.text.isEmpty ? "" : TemplateText.continuesAfterBreak(last, more) ? " " : "\n"
                        current!.text += separator + more
                    }
                    if let to = cell(columns.addressee)?.text.nonEmpty {
                        current!.addressee = [current!.addressee, to].compactMap { $0 }.joined(separator: " ")
                    }
                } else {
                    diagnostics.warn(line.number, "Questions: row without a question number: \"\(line.text.excerpt)\"")
                }
                continue
            }
            guard current != nil else {
                diagnostics.warn(line.number, "Questions: text outside any question: \"\(line.text.excerpt)\"")
                continue
            }
            var text = line.text
            let paragraphs = Markup.paragraphs(line.raw)
            if paragraphs.count > 1, paragraphs[0].hasPrefixCI("response by "), paragraphs[0].words.count <= 12 {
                current!.respondent = String(paragraphs[0].dropFirst("response by ".count)).trimmedSpaces
                text = paragraphs.dropFirst().joined(separator: "\n")
            } else if text.hasPrefixCI("response by "), response.isEmpty, text.words.count <= 12 {
                current!.respondent = String(text.dropFirst("response by ".count)).trimmedSpaces
                if let cells = line.cells, cells.count > 1 { continue }
                text = ""
            } else if text.hasPrefixCI("response:") {
                text = String(text.dropFirst("response:".count)).trimmedSpaces
            } else if text.hasPrefixCI("response by "), let colon = text.firstIndex(of: ":") {
                current!.respondent = String(text[text.index(text.startIndex, offsetBy: 12)..<colon]).trimmedSpaces
                text = String(text[text.index(after: colon)...]).trimmedSpaces
            }
            if !text.isEmpty { response.append(text) }
        }
        flush()
        return (questions, used)
    }

    /// A header row: a "Question … Number" (or "No") column and a questioner column.
    private static func header(_ cells: [Cell]) -> Columns? {
        let heads = cells.map { $0.text.lowercased() }
        guard let number = heads.firstIndex(where: { $0.contains("question") && ($0.contains("number") || $0.contains("no")) || $0 == "no." || $0 == "number" }),
            let questioner = heads.firstIndex(where: { $0.contains("questioner") || $0 == "name" || $0.contains("asked by") })
        else { return nil }
        let text = heads.indices.first { $0 != number && heads[$0].contains("question") && !heads[$0].hasSuffix(" to") && !heads[$0].contains("questioner") }
        let addressee = heads.indices.first { heads[$0].hasSuffix(" to") || heads[$0].contains("addressed") || heads[$0] == "to" }
        return Columns(
            number: number, questioner: questioner, text: text, addressee: addressee,
            isSupplementary: heads.contains { $0.contains("supplementary") }
        )
    }

    private static func kind(of number: String, supplementary: Bool) -> QuestionKind {
        let prefix = number.prefix { $0.isLetter }.uppercased()
        if supplementary || prefix.hasPrefix("S") { return .supplementary }
        if prefix.hasPrefix("M") || prefix.hasPrefix("C") { return .member }
        return .public
    }

    private static func paragraphs(_ cell: Cell?) -> String {
        guard let cell else { return "" }
        return cell.paragraphs.joined(separator: "\n")
    }

    /// "Ms. Hannah Currie Hereford" → ("Ms. Hannah Currie", "Hereford"); separate paragraphs are
    /// name and place.
    private static func questionerAndPlace(_ cell: Cell?) -> (String, String?) {
        guard let cell else { return ("", nil) }
        let paragraphs = cell.paragraphs
        if paragraphs.count >= 2 { return (paragraphs[0], paragraphs.dropFirst().joined(separator: " ")) }
        let words = cell.text.words
        let titled = words.first.map { MinutesAttendance.titles.contains(String($0)) } ?? false
        let nameWords = titled ? words.count - 1 : words.count
        if nameWords >= 3, let last = words.last {
            return (words.dropLast().joined(separator: " "), String(last))
        }
        return (cell.text, nil)
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
