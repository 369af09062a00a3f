/// Who attended: "Present:", "Councillors:", "Co-opted Member:", "Virtual attendees", "In attendance:",
/// "Officers:"; and, from the standard minutes, apologies, named substitutes and declarations.
enum MinutesAttendance {
    private enum Group { case present, councillors, coOpted, virtual, inAttendance, officers }

    private static func group(for label: String) -> Group? {
        let l = label.lowercased()
        if l.hasPrefix("present") { return .present }
        if l.hasPrefix("virtual") || l.contains("remote") || l.contains("virtually") { return .virtual }
        if l.hasPrefix("co-opted") || l.hasPrefix("co opted") { return .coOpted }
        if l.hasPrefix("councillor") { return .councillors }
        if l.contains("in attendance") || l.hasPrefix("also present") { return .inAttendance }
        if l.hasPrefix("officer") { return .officers }
        return nil
    }

    /// Splits "**Label:** value" / "Label: value" into label and value.
    private static func label(_ line: SourceLine) -> (String, String)? {
        if line.raw.hasPrefix("**"), let close = line.raw.dropFirst(2).firstRange(of: "**") {
            let label = Markup.plain(line.raw[line.raw.startIndex..<close.upperBound]).trimmingTrailing([":"])
            if group(for: label) != nil || label.hasSuffix(":") {
                return (label, Markup.plain(line.raw[close.upperBound...]).drop { $0 == ":" || $0 == " " }.trimmedSpaces)
            }
        }
        if let colon = line.text.firstIndex(of: ":") {
            let label = String(line.text[..<colon])
            if label.words.count <= 4, group(for: label) != nil { return (label, String(line.text[line.text.index(after: colon)...]).trimmedSpaces) }
        }
        for prefix in ["Virtual attendees", "Virtual attendee", "In attendance", "Present"] where line.text.hasPrefix(prefix + " ") {
            return (prefix, String(line.text.dropFirst(prefix.count)).trimmedSpaces)
        }
        return nil
    }

    static func read(_ lines: [SourceLine], into minutes: inout Minutes, diagnostics: inout Diagnostics) {
        var current: Group?
        for line in unwrapped(lines) {
            // "APOLOGIES:  Councillor Makepeace and Mrs M Kowalczyk": a list of its own, which ends the one before.
            if !line.isTableRow, let colon = line.text.firstIndex(of: ":"), line.text[..<colon].lowercased().hasPrefix("apolog"),
                String(line.text[..<colon]).words.count <= 3
            {
                let names = line.text[line.text.index(after: colon)...].trimmedSpaces
                if !names.isEmpty, !["none", "nil", "none received"].contains(names.lowercased().trimmingTrailing(["."])) {
                    readApologies(["Apologies were received from " + names], into: &minutes)
                }
                current = nil
                continue
            }
            // "Apologies for absence were received from Councillor F Iles.": a sentence, not a list.
            if line.text.hasPrefixCI("apologies for absence were received from") || line.text.hasPrefixCI("apologies were received from") {
                readApologies([line.text], into: &minutes)
                current = nil
                continue
            }
            var value = line.text
            if let (label, rest) = label(line) {
                current = group(for: label)
                value = rest
                if current == nil {
                    diagnostics.unrecognised([line], into: &minutes.unparsed, context: "Minutes attendance")
                    continue
                }
            }
            guard let group = current else {
                diagnostics.unrecognised([line], into: &minutes.unparsed, context: "Minutes attendance")
                continue
            }
            var people = attendees(in: value, defaultTitle: group == .councillors ? "Councillor" : nil)
            // An officer on a line of their own: "Dr Ruth Mallory, Director of Public Health[, Organisation]".
            if group == .officers || group == .inAttendance, let person = officerLine(value) { people = [person] }
            switch group {
            case .present:
                // "D Gale (substitute for Councillor E Hart)": a substitution, as well as attendance.
                for person in people {
                    guard let name = person.name, let note = person.description, let member = note.after(ci: "substitute for ") else { continue }
                    let (_, memberName) = splitTitle(member.trimmedSpaces)
                    if let memberName, !minutes.substitutes.contains(where: { $0.substitute == name }) {
                        minutes.substitutes.append(Substitution(substitute: name, member: memberName))
                    }
                }
                // Someone present who is not a councillor ("Mr Marcus Ilori (Healthwatch Tidewick)") is co-opted.
                minutes.present += people.map { a in
                    var a = a
                    if a.role == nil { a.role = a.title == nil || isCouncillorTitle(a.title!) ? .councillor : .coOpted }
                    return a
                }
            case .councillors: minutes.present += people.map { var a = $0; a.role = a.role ?? .councillor; return a }
            case .coOpted: minutes.present += people.map { var a = $0; a.role = .coOpted; return a }
            case .virtual: minutes.virtualAttendees += people
            case .inAttendance: minutes.inAttendance += people
            case .officers: minutes.officers += people
            }
        }
    }

    /// The attendance with each wrapped entry on one line: a line that goes back to the label's margin after a long
    /// line ("Officers: Head of Environmental Services, … and Democratic" / "Services Officer."), or that closes a
    /// bracket the line before left open, continues it. A list laid out one name a line, under its first name or at
    /// the margin after a short line, is left as it is.
    private static func unwrapped(_ lines: [SourceLine]) -> [SourceLine] {
        var out: [SourceLine] = []
        var labelIndent = 0
        for line in lines {
            let labelled = label(line) != nil
            if let last = out.last, !line.isTableRow, !last.isTableRow, !line.startsBlock, !labelled {
                let open = last.text.filter { $0 == "(" }.count > last.text.filter { $0 == ")" }.count
                let wrapped = last.raw.count >= 60 && line.indent <= labelIndent && !last.text.hasSuffix(".")
                if open || wrapped {
                    out[out.count - 1] = last.rewritten(last.text + " " + line.text)
                    continue
                }
            }
            if labelled { labelIndent = line.indent }
            out.append(line)
        }
        return out
    }

    /// "Simon Cann (Committee Clerk), Ruth Coals (QA Lead)" and "Frank Cornthwaite, Dave Davies and Ben
    /// Proctor" and "Mr Andy James – education co-optee" → attendees.
    static func attendees(in text: String, defaultTitle: String?) -> [Attendee] {
        var pieces: [String] = []
        for part in splitOutsideParentheses(text, on: [", ", "; "]) {
            // "A (x) B (y)" without commas: split after each closing bracket.
            var current = ""
            var depth = 0
            for c in part {
                current.append(c)
                if c == "(" { depth += 1 }
                if c == ")" {
                    depth -= 1
                    if depth == 0 {
                        pieces.append(current)
                        current = ""
                    }
                }
            }
            if !current.trimmedSpaces.isEmpty { pieces.append(current) }
        }
        var out: [Attendee] = []
        for piece in pieces.flatMap(splitNames) {
            var p = piece.trimmedSpaces.trimmingTrailing(["."])
            // "… (Housing Services Manager) and Mr M Ollerenshaw (…)": the name after the bracket, without its "and".
            if p.hasPrefix("and ") { p = String(p.dropFirst(4)).trimmedSpaces }
            if p.isEmpty { continue }
            var attendee = Attendee()
            if let open = p.firstIndex(of: "("), p.hasSuffix(")") {
                let inner = String(p[p.index(after: open)..<p.index(before: p.endIndex)]).trimmedSpaces
                p = String(p[..<open]).trimmedSpaces
                if let role = chairRole(inner) { attendee.role = role } else { attendee.description = inner }
            }
            for dash in [" – ", " - ", " — "] {
                if let r = p.firstRange(of: dash) {
                    attendee.description = String(p[r.upperBound...]).trimmedSpaces
                    p = String(p[..<r.lowerBound]).trimmedSpaces
                    break
                }
            }
            let (title, name) = splitTitle(p)
            if let name, looksLikeName(name) || (title != nil && !name.isEmpty) {
                attendee.title = title ?? defaultTitle
                attendee.name = name
            } else if attendee.description == nil {
                attendee.description = p
            } else {
                attendee.description = p + " (" + attendee.description! + ")"
            }
            out.append(attendee)
        }
        return out
    }

    static func isCouncillorTitle(_ title: String) -> Bool { ["councillor", "cllr", "cllr."].contains(title.lowercased()) }

    /// "Dr Ruth Mallory, Director of Public Health" → one officer with the job title; nil unless the line is a name
    /// followed by words that are not names.
    static func officerLine(_ text: String) -> Attendee? {
        let parts = splitOutsideParentheses(text, on: [", "])
        guard parts.count >= 2 else { return nil }
        let (title, name) = splitTitle(parts[0].trimmedSpaces)
        guard let name, looksLikeName(name), !parts.dropFirst().contains(where: { looksLikeName($0.trimmedSpaces) }) else { return nil }
        var attendee = Attendee()
        attendee.title = title
        attendee.name = name
        attendee.description = parts.dropFirst().map(\.trimmedSpaces).joined(separator: ", ")
        return attendee
    }

    /// Splits "A and B" when both sides are names.
    private static func splitNames(_ piece: String) -> [String] {
        let parts = piece.components(ci: " and ")
        guard parts.count > 1 else { return [piece] }
        // "C Frost and D Gale (substitute for …)": a name with its note in brackets is still a name.
        func core(_ p: String) -> String { (p.firstIndex(of: "(").map { String(p[..<$0]) } ?? p).trimmedSpaces }
        if parts.allSatisfy({ p in let (_, n) = splitTitle(core(p)); return n.map(looksLikeName) ?? false || p.trimmedSpaces.hasPrefix("(") }) {
            return parts
        }
        return [piece]
    }

    static let titles = ["Councillors", "Councillor", "Cllr", "Mr.", "Mrs.", "Ms.", "Miss", "Mr", "Mrs", "Ms", "Dr", "Mx"]

    /// "Councillor Toni Fagan" → ("Councillor", "Toni Fagan").
    static func splitTitle(_ text: String) -> (String?, String?) {
        for t in titles where text.hasPrefix(t + " ") {
            let title = t == "Councillors" ? "Councillor" : t
            return (title, String(text.dropFirst(t.count)).trimmedSpaces)
        }
        return (nil, text)
    }

    static func chairRole(_ text: String) -> MemberRole? {
        let t = text.lowercased()
        if t.hasPrefix("vice") && t.contains("chair") { return .viceChairperson }
        if t == "chairperson" || t == "chairman" || t == "chair" || t == "in the chair" { return .chairperson }
        return nil
    }

    /// Sentences of a minute.
    private static func sentences(_ text: [String]) -> [String] {
        text.flatMap { $0.split(separator: ". ").map { String($0).trimmedSpaces } }
    }

    static func readApologies(_ text: [String], into minutes: inout Minutes) {
        for sentence in sentences(text) where sentence.containsCI("apolog") {
            guard let list = sentence.after(ci: " from ") else { continue }
            let isNoted = sentence.containsCI("noted")
            var title: String?
            for part in splitOutsideParentheses(list, on: [", ", " and from "]) {
                for (index, piece) in splitBeforeNames(part).enumerated() {
                    var p = piece.trimmedSpaces.trimmingTrailing(["."])
                    if p.startsLowercase, let last = minutes.apologies.indices.last {
                        minutes.apologies[last].description = [minutes.apologies[last].description, p].compactMap { $0 }.joined(separator: ", ")
                        continue
                    }
                    var description: String?
                    if let open = p.firstIndex(of: "("), p.hasSuffix(")") {
                        description = String(p[p.index(after: open)..<p.index(before: p.endIndex)])
                        p = String(p[..<open]).trimmedSpaces
                    }
                    let (t, name) = splitTitle(p)
                    if p.hasPrefix("Councillors ") { title = "Councillor" } else if index == 0 { title = nil }
                    guard let name, !name.isEmpty, !minutes.apologies.contains(where: { $0.name == name }) else { continue }
                    minutes.apologies.append(Apology(name: name, title: t ?? title, description: description, isNoted: isNoted))
                }
            }
        }
    }

    /// Splits "X and Y" where Y starts with a capital (a new name).
    private static func splitBeforeNames(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for (index, part) in text.components(ci: " and ").enumerated() {
            if index == 0 {
                current = part
            } else if part.trimmedSpaces.startsUppercase {
                out.append(current)
                current = part
            } else {
                current += " and " + part
            }
        }
        out.append(current)
        return out
    }

    static func readSubstitutes(_ text: [String], into minutes: inout Minutes) {
        for sentence in sentences(text) where sentence.containsCI("substitute for") {
            guard let before = sentence.before(ci: "substitute for"), let after = sentence.after(ci: "substitute for") else { continue }
            guard let substitute = firstName(in: before), let member = firstName(in: after) else { continue }
            minutes.substitutes.append(Substitution(substitute: substitute, member: member))
        }
    }

    static func readDeclarations(_ text: [String], line: Int, into minutes: inout Minutes) {
        for sentence in sentences(text) where sentence.containsCI("declare") {
            let lower = sentence.lowercased()
            if lower.hasPrefix("no ") || lower.hasPrefix("there were no") || lower.hasPrefix("none") { continue }
            guard let member = firstName(in: sentence) else { continue }
            var kind: String?
            if let afterDeclared = sentence.after(ci: "declared "), let k = afterDeclared.before(ci: "interest") {
                var words = k.words
                if let f = words.first, f == "a" || f == "an" { words.removeFirst() }
                kind = words.joined(separator: " ").trimmedSpaces
                if kind?.isEmpty == true { kind = nil }
            }
            var item: String?
            if let afterItem = sentence.after(ci: "item ") {
                item = afterItem.prefix { $0.isNumber || $0.isLetter && $0.isLowercase }.description
                if item?.isEmpty == true { item = nil }
            }
            let reason = sentence.after(ci: " because ") ?? sentence.after(ci: " as ")
            minutes.declarations.append(Declaration(member: member, item: item, kind: kind, reason: reason?.trimmingTrailing(["."]), text: sentence))
        }
    }

    /// The first "Councillor X Y" (or capitalised name) in the text, without the title.
    private static func firstName(in text: String) -> String? {
        let words = text.words
        var i = 0
        while i < words.count {
            let w = String(words[i])
            if MinutesAttendance.titles.contains(w) {
                var name: [Substring] = []
                var j = i + 1
                while j < words.count, words[j].first?.isUppercase == true, name.count < 4 {
                    name.append(words[j].trimmingCharacters(",.;"))
                    j += 1
                }
                if !name.isEmpty { return name.joined(separator: " ") }
            }
            i += 1
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(_ set: String) -> Substring {
        var s = self
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return s
    }
}
