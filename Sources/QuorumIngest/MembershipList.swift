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
        for line in lines {
            let segments = segments(of: line)
            var personInRow: Int?
            var recognised = false
            for segment in segments {
                if segment.isEmpty { continue }
                if let role = roleLabel(segment) {
                    recognised = true
                    if role == .coOpted {
                        coOptedLabel = segment
                        // "Co-Opted Member" printed under names already listed
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
                if line.isTableRow, let index = personInRow, members[index].role == .coOpted, members[index].represents == nil {
                    members[index].represents = segment
                    recognised = true
                    continue
                }
                if let (title, name) = personName(segment) {
                    recognised = true
                    var member = CommitteeMember(name: name, title: title, role: title == nil ? .coOpted : .councillor)
                    if let (role, label) = pendingRole {
                        member.role = role
                        member.roleAsPublished = label
                        pendingRole = nil
                    } else if title == nil {
                        member.roleAsPublished = coOptedLabel
                    }
                    members.append(member)
                    personInRow = members.count - 1
                    continue
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
