/// The membership list on the front sheet, in its several printed forms: "Chairperson  Councillor X"
/// rows, tab-separated rows with the co-opted member's body in a third cell, or names followed by
/// a parallel list of bodies in brackets.
enum MembershipList {
    static func read(_ lines: ArraySlice<SourceLine>, diagnostics: inout Diagnostics) -> (members: [CommitteeMember], unparsed: [String]) {
        var members: [CommitteeMember] = []
        var pendingRole: (MemberRole, String)?
        var coOptedLabel: String?
        var bodies: [String] = []
        var unparsed: [String] = []
        for line in joiningRunOnLists(lines) {
            // The list ends where the next part of the page starts ("Attendance", "Quorum: 3").
            if endsList(line.text) { break }
            var segments = segments(of: line)
            // "MEMBERSHIP: Councillors Alder (Chair), …", "To: Councillors …".
            if let first = segments.first, let colon = first.firstIndex(of: ":"),
                ["membership", "to", "members"].contains(first[..<colon].lowercased().trimmedSpaces)
            {
                segments[0] = String(first[first.index(after: colon)...]).trimmedSpaces
            }
            var personInRow: Int?
            var recognised = false
            for segment in segments {
                if segment.isEmpty { continue }
                if let role = roleLabel(segment) {
                    recognised = true
                    if role == .coOpted {
                        coOptedLabel = segment
                    } else {
                        pendingRole = (role, segment)
                    }
                    continue
                }
                if segment.hasPrefix("("), segment.hasSuffix(")") {
                    bodies.append(String(segment.dropFirst().dropLast()).trimmedSpaces)
                    recognised = true
                    continue
                }
                if let index = personInRow, members[index].role == .coOpted, members[index].represents == nil, !segment.lowercased().hasPrefix("vacan") {
                    // The body a co-opted member represents, in the next column.
                    members[index].represents = segment
                    recognised = true
                    continue
                }
                if segment.lowercased().hasPrefix("vacan") {
                    recognised = true
                    continue
                }
                let people = people(in: segment, coOpted: coOptedLabel != nil)
                for var member in people {
                    recognised = true
                    if let (role, label) = pendingRole {
                        member.role = role
                        member.roleAsPublished = label
                        pendingRole = nil
                    } else if member.role == .coOpted, member.roleAsPublished == nil {
                        member.roleAsPublished = coOptedLabel
                    }
                    members.append(member)
                    personInRow = people.count == 1 ? members.count - 1 : nil
                }
            }
            if !recognised {
                diagnostics.unrecognised([line], into: &unparsed, context: "MembershipList")
            }
        }
        // Bodies printed as a parallel list go to the co-opted members in order.
        var queue = bodies[...]
        for index in members.indices where members[index].role == .coOpted && members[index].represents == nil {
            guard let body = queue.popFirst() else { break }
            members[index].represents = body
        }
        for index in members.indices where members[index].role == .coOpted && members[index].roleAsPublished == nil {
            members[index].roleAsPublished = coOptedLabel
        }
        for body in queue { diagnostics.warn(lines.first?.number ?? 0, "MembershipList: body \"\(body)\" has no co-opted member to go with") }
        return (members, unparsed)
    }

    /// Whether a line starts what comes after the membership list.
    static func endsList(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["attendance", "present:", "present", "apologies", "quorum", "agenda", "substitutes:", "media"].contains { lower == $0 || lower.hasPrefix($0 + ":") || lower.hasPrefix($0 + " ") && $0.hasSuffix(":") }
            || lower.hasPrefix("quorum:")
    }

    /// A list that wraps: "Councillors D Ambler, Mrs K Bellamy, …, Ms R Everingham," / "G Fothergill and P Hartigan".
    private static func joiningRunOnLists(_ lines: ArraySlice<SourceLine>) -> [SourceLine] {
        var out: [SourceLine] = []
        for line in lines {
            if let last = out.last, !last.isTableRow, !line.isTableRow, last.text.hasSuffix(",") || last.text.hasSuffix(" and") {
                let joined = last.raw + " " + line.raw.trimmedSpaces
                out[out.count - 1] = SourceLine(
                    number: last.number, raw: joined, text: last.text + " " + line.text, headingLevel: 0, isBold: last.isBold, listLevel: nil,
                    cells: nil, startsBlock: last.startsBlock, indent: last.indent
                )
            } else {
                out.append(line)
            }
        }
        return out
    }

    /// The people a part of a membership line names, with what the brackets and words after each say:
    /// "Councillor Margaret Oduya (Chairman)", "Cllr Rhiannon Tate (Chair)", "Councillors Alder (Chair), Baptiste, …",
    /// "Mr Euan Lister (Quillbrook Older People's Forum) (voting)", "Co-opted member: Mr D Halloran (Body), non-voting".
    static func people(in segment: String, coOpted: Bool) -> [CommitteeMember] {
        var text = segment
        var isCoOpted = coOpted
        var label: String?
        if let colon = text.firstIndex(of: ":"), roleLabel(String(text[..<colon])) == .coOpted {
            label = String(text[..<colon])
            isCoOpted = true
            text = String(text[text.index(after: colon)...]).trimmedSpaces
        }
        var listTitle: String?
        for plural in ["Councillors ", "Cllrs "] where text.hasPrefix(plural) {
            listTitle = "Councillor"
            text = String(text.dropFirst(plural.count))
        }
        // "- co-opted member, non-voting" after a name.
        if let dash = text.rangesCI(of: " - ").first ?? text.rangesCI(of: " – ").first, text[dash.upperBound...].lowercased().contains("co-opted") {
            isCoOpted = true
            label = String(text[dash.upperBound...]).trimmedSpaces
            text = String(text[..<dash.lowerBound])
        }
        let parts = listTitle == nil ? [text] : splitOutsideParentheses(text, on: [", ", " and "])
        var found: [CommitteeMember] = []
        for part in parts {
            var rest = part.trimmedSpaces.trimmingTrailing([".", ","])
            var notes: [String] = []
            // Brackets at the end: roles, bodies, "(voting)". Then words after a comma: "non-voting".
            while true {
                if rest.hasSuffix(", non-voting") || rest.hasSuffix(", voting") {
                    let cut = rest.rangesCI(of: ", ").last!
                    notes.append(String(rest[cut.upperBound...]))
                    rest = String(rest[..<cut.lowerBound])
                    continue
                }
                guard rest.hasSuffix(")"), let open = rest.lastIndex(of: "(") else { break }
                notes.insert(String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)]).trimmedSpaces, at: 0)
                rest = String(rest[..<open]).trimmedSpaces.trimmingTrailing([","])
            }
            var title: String?
            var name = rest
            if let t = listTitle {
                title = t
            } else if let (t, n) = personName(rest) {
                title = t
                name = n
            } else {
                continue
            }
            guard !name.isEmpty, name.first?.isUppercase == true, name.words.count <= 5 else { continue }
            if listTitle != nil, !(looksLikeName(name) || name.words.count == 1 && name.count >= 2) { continue }
            var member = CommitteeMember(name: name, title: title, role: title == "Councillor" && !isCoOpted ? .councillor : .coOpted)
            member.roleAsPublished = label
            for note in notes {
                if let role = roleLabel(note) ?? roleLabel(String(note.split(separator: ",").first ?? "")) {
                    if role != .coOpted { member.role = role; member.roleAsPublished = note }
                } else if ["voting", "non-voting", "non voting"].contains(note.lowercased()) {
                    member.roleAsPublished = [member.roleAsPublished ?? "Co-opted member", note].joined(separator: ", ")
                } else if member.role == .coOpted || title != "Councillor" {
                    member.role = .coOpted
                    member.represents = member.represents ?? note
                }
            }
            if let label, label.lowercased().contains("non-voting") || label.lowercased().contains("voting") {
                member.roleAsPublished = label
            }
            found.append(member)
        }
        return found
    }

    /// Splits a membership line into its printed parts: cells, runs separated by wide spaces, and
    /// a bold label followed by a name.
    private static func segments(of line: SourceLine) -> [String] {
        if let cells = line.cells { return cells.map(\.text) }
        var parts: [String] = []
        var raw = Substring(line.raw)
        if raw.hasPrefix("**"), let close = raw.dropFirst(2).firstRange(of: "**"), !raw[close.upperBound...].trimmedSpaces.isEmpty {
            parts.append(Markup.plain(raw[raw.startIndex..<close.upperBound]))
            raw = raw[close.upperBound...]
        }
        for piece in raw.split(separator: "   ") { parts.append(Markup.plain(piece)) }
        return parts.map(\.trimmedSpaces).filter { !$0.isEmpty }
    }

    static func roleLabel(_ segment: String) -> MemberRole? {
        let s = segment.lowercased().trimmingTrailing([":"])
        // "Co-opted member: Mr D Halloran (…)" names a person; a label is only the label.
        if s.contains(":") { return nil }
        let vice = ["vice-chairperson", "vice chairperson", "vice-chairman", "vice chairman", "vice-chair", "vice chair", "vice-chairwoman"]
        if vice.contains(s) { return .viceChairperson }
        if ["chairperson", "chairman", "chair", "chairwoman"].contains(s) { return .chairperson }
        if s.hasPrefix("co-opted") || s.hasPrefix("co opted") || s.hasPrefix("coopted") { return .coOpted }
        return nil
    }

    /// "Councillor Toni Fagan" → ("Councillor", "Toni Fagan"); "Jan Frances" → (nil, "Jan Frances").
    static func personName(_ segment: String) -> (String?, String)? {
        for title in ["Councillor", "Cllr", "Cllr."] where segment.hasPrefix(title + " ") {
            let name = String(segment.dropFirst(title.count + 1)).trimmedSpaces
            return name.isEmpty ? nil : ("Councillor", name)
        }
        return looksLikeName(segment) ? (nil, segment) : nil
    }
}

/// Whether text looks like a person's name: two to five words, the first capitalised, no digits.
func looksLikeName(_ text: String) -> Bool {
    let words = text.words
    guard (2...5).contains(words.count), text.count <= 50, text.startsUppercase else { return false }
    if text.unicodeScalars.contains(where: { ("0"..."9").contains($0) || ":;()[]/&".unicodeScalars.contains($0) }) { return false }
    let particles: Set<String> = ["de", "van", "von", "da", "le", "la", "du", "der", "den", "di"]
    let roleWords: Set<String> = [
        "Director", "Officer", "Manager", "Head", "Assistant", "Interim", "Chief", "Executive", "Service", "Services", "Clerk",
        "Lead", "Member", "Committee", "Council", "Representative", "Diocese", "Governor", "Team", "Board", "Partnership",
    ]
    if words.contains(where: { roleWords.contains(String($0)) }) { return false }
    for word in words.dropFirst() {
        let w = String(word)
        if w.startsUppercase || particles.contains(w) || w.hasPrefix("l'") || w.hasPrefix("d'") { continue }
        return false
    }
    return true
}
