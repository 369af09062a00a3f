import QuorumDomain

/// What a passage of a paper says about exempt information (Schedule 12A to the Local Government Act 1972), in
/// any of the ways councils mark it: "exempt", "Part II", "NOT FOR PUBLICATION", "private", "confidential",
/// "restricted", "closed session", "by virtue of paragraph 3", "para. 3 of Sch. 12A", a Schedule 12A citation alone,
/// and resolutions that "the public and press be excluded". A phrase about a part ("Appendix 1 is not exempt") says
/// nothing of the rest.
///
/// The passage is read clause by clause on its words, never its layout, so the same marking is recognised on an
/// agenda, a report cover, a heading, a list of appendices or in the minutes.
struct ExemptMarking: Hashable, Sendable {
    enum Verdict: Hashable, Sendable {
        case exempt(Schedule12A?)
        case open
    }

    /// An exclusion of the press and public, and the items it covers.
    struct Exclusion: Hashable, Sendable {
        enum Scope: Hashable, Sendable {
            /// The items with these printed numbers.
            case items([String])
            /// The one item that follows.
            case next
            /// The item (or minute) the exclusion is printed in: "excluded during consideration of this item".
            case itself
            /// Every item that follows (what "the following items", or no scope at all, means: fail closed).
            case allFollowing
        }
        var paragraph: Schedule12A?
        var scope: Scope
    }

    /// What it says of the paper as a whole.
    var whole: Verdict?
    /// What it says of appendices, by `Report.Appendix.key` ("1", "a"); "" for appendices it does not name.
    var appendices: [String: Verdict] = [:]
    var exclusion: Exclusion?
    /// Why the paper's status is in doubt, when it says both open and exempt of the same part.
    var doubt: String?

    /// How much a marking word must prove. A classification field is nothing but a marking, so any of its words
    /// counts there; elsewhere "private", "confidential" and "restricted" count only as markings ("PRIVATE",
    /// "private session", "confidential report"), never as ordinary words ("private fostering").
    enum Reading { case classification, text }

    /// The access a verdict gives, with the paragraph filled in from `fallback` when the verdict has none.
    static func access(_ verdict: Verdict?, fallback: Schedule12A? = nil) -> Access? {
        switch verdict {
        case .exempt(let paragraph): .exempt(paragraph: paragraph ?? fallback)
        case .open: .open
        case nil: nil
        }
    }

    var isEmpty: Bool { whole == nil && appendices.isEmpty && exclusion == nil }

    var exemptParagraph: Schedule12A? {
        if case .exempt(let paragraph) = whole { paragraph } else { nil }
    }

    init() {}

    init(_ text: String, reading: Reading = .text) {
        let clauses = ExemptMarking.clauses(text)
        var paragraphs: [Schedule12A] = []
        var wholeSaid: [Verdict] = []
        var appendixSaid: [String: [Verdict]] = [:]
        var exclusionFound = false
        for (index, clause) in clauses.enumerated() {
            paragraphs += ExemptMarking.citedParagraphs(clause, previous: index > 0 ? clauses[index - 1] : nil)
            if ExemptMarking.isExclusion(clause) {
                exclusionFound = true
                continue
            }
            guard let verdict = ExemptMarking.verdict(clause, reading: reading) else { continue }
            if let labels = ExemptMarking.appendixLabels(clause) {
                for label in labels { appendixSaid[label, default: []].append(verdict) }
            } else if exclusionFound, case .exempt = verdict, ExemptMarking.speaksOfFollowing(clause) {
                // "… the following item is likely to disclose exempt information": part of the exclusion, not of this item.
                continue
            } else {
                wholeSaid.append(verdict)
            }
        }
        let paragraph = paragraphs.first
        func settle(_ said: [Verdict], _ what: String) -> Verdict? {
            let exempt = said.contains { if case .exempt = $0 { true } else { false } }
            let open = said.contains(.open)
            if exempt && open { doubt = doubt ?? "\(what) is said to be both open and exempt" }
            guard exempt else { return open ? .open : nil }
            let stated = said.lazy.compactMap { if case .exempt(let p?) = $0 { p } else { nil } }.first
            return .exempt(stated ?? paragraph)
        }
        whole = settle(wholeSaid, "It")
        for (label, said) in appendixSaid { appendices[label] = settle(said, label.isEmpty ? "An appendix" : "Appendix \(label.uppercased())") }
        if exclusionFound {
            exclusion = Exclusion(paragraph: paragraph, scope: ExemptMarking.exclusionScope(ExemptMarking.words(text)))
        }
    }

    /// This finding with `other`'s added: exempt wins over open, and the first stated paragraph is kept.
    func adding(_ other: ExemptMarking) -> ExemptMarking {
        var result = self
        func combine(_ a: Verdict?, _ b: Verdict?) -> Verdict? {
            switch (a, b) {
            case (nil, let v), (let v, nil): return v
            case (.exempt(let p), .exempt(let q)): return .exempt(p ?? q)
            case (.exempt, .open), (.open, .exempt):
                result.doubt = result.doubt ?? "It is said to be both open and exempt"
                return a == .open ? b : a
            case (.open, .open): return .open
            }
        }
        result.whole = combine(whole, other.whole)
        for (label, verdict) in other.appendices { result.appendices[label] = combine(appendices[label], verdict) }
        result.exclusion = exclusion ?? other.exclusion
        result.doubt = result.doubt ?? other.doubt
        return result
    }

    // MARK: Reading the words

    /// Abbreviations whose full stop does not end a clause: "para. 3 of Sch. 12A".
    private static let abbreviations: Set<String> = ["para", "paras", "sch", "s", "ss", "no", "nos", "app", "apps", "cllr", "mr", "mrs", "ms", "dr", "st", "reg"]

    /// The clauses of a text, each as its lower-cased words. Clauses end at full stops, semicolons, colons, brackets,
    /// dashes, commas, line ends, and the words "but", "except", "whereas", "with", "although".
    static func clauses(_ text: String) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            if ["but", "except", "whereas", "with", "although", "however"].contains(word) {
                endClause()
            } else {
                current.append(word)
            }
            word = ""
        }
        func endClause() {
            if !current.isEmpty { result.append(current) }
            current = []
        }
        let characters = Array(text.lowercased())
        for (i, c) in characters.enumerated() {
            if c.isLetter || c.isNumber {
                word.append(c)
                continue
            }
            if c == "'" || c == "’" { continue }  // "isn't" → "isnt"
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            if c == "." {
                let isAbbreviation = abbreviations.contains(word) || (word.isEmpty && current.last.map(abbreviations.contains) == true)
                endWord()
                if !isAbbreviation, next.isWhitespace || next == "\"" || next == ")" { endClause() }
                continue
            }
            if c == "-", !word.isEmpty, next.isLetter || next.isNumber {
                endWord()  // "non-exempt" → "non", "exempt", one clause
                continue
            }
            endWord()
            if ";:()[],–—\n\r|".contains(c) || c == "-" { endClause() }
        }
        endWord()
        endClause()
        return result
    }

    /// The lower-cased words of a text, ignoring clauses.
    static func words(_ text: String) -> [String] { clauses(text).flatMap { $0 } }

    private static func has(_ words: [String], _ sequence: [String]) -> Bool {
        guard words.count >= sequence.count else { return false }
        for start in 0...(words.count - sequence.count) where Array(words[start..<(start + sequence.count)]) == sequence { return true }
        return false
    }

    /// The words councils use to say something is open, including "not exempt" and its forms.
    private static let negations: [[String]] = [
        ["not", "exempt"], ["non", "exempt"], ["no", "exempt"], ["isnt", "exempt"], ["arent", "exempt"], ["nonexempt"],
        ["not", "confidential"], ["non", "confidential"], ["not", "restricted"], ["unrestricted"], ["not", "private"],
        ["not", "part", "ii"], ["not", "part", "2"],
    ]

    private static let markedThings: Set<String> = [
        "item", "items", "report", "reports", "business", "session", "meeting", "appendix", "appendices", "annex", "information",
        "paper", "papers", "document", "documents", "minute", "minutes", "agenda", "part", "matter", "matters",
    ]

    /// What one clause says, or `nil` when it says nothing of exemption.
    static func verdict(_ clause: [String], reading: Reading) -> Verdict? {
        var words = clause
        var negative = false
        for phrase in negations {
            while let start = firstIndex(of: phrase, in: words) {
                negative = true
                words.removeSubrange(start..<(start + phrase.count))
            }
        }
        if words.contains("open") || (reading == .classification && (words == ["public"] || words == ["official"] || words == ["part", "i"] || words == ["part", "1"])) {
            negative = true
        }
        let positive = isMarked(words, reading: reading)
        switch (positive, negative) {
        case (true, _): return .exempt(cited(words))
        case (false, true): return .open
        case (false, false): return nil
        }
    }

    private static func firstIndex(of phrase: [String], in words: [String]) -> Int? {
        guard words.count >= phrase.count else { return nil }
        return (0...(words.count - phrase.count)).first { Array(words[$0..<($0 + phrase.count)]) == phrase }
    }

    /// Whether the words mark something exempt.
    static func isMarked(_ words: [String], reading: Reading) -> Bool {
        for (i, w) in words.enumerated() {
            let next = i + 1 < words.count ? words[i + 1] : ""
            let afterNext = i + 2 < words.count ? words[i + 2] : ""
            let previous = i > 0 ? words[i - 1] : ""
            switch w {
            case "exempt":
                // "exempt from council tax", "exempt accommodation" are not markings; "exempt from publication" is.
                if next == "from", !["publication", "disclosure", "the"].contains(afterNext) { continue }
                if next == "accommodation" { continue }
                return true
            case "part" where ["ii", "2", "b", "two"].contains(next) && afterNext != "of":
                return true
            case "12a" where ["schedule", "sch"].contains(previous):
                return true
            case "publication" where previous == "for" && i >= 2 && words[i - 2] == "not":
                return true
            case "virtue" where previous == "by" && next == "of" && ["paragraph", "paragraphs", "para", "paras"].contains(afterNext):
                return true
            case "closed" where ["session", "meeting", "part"].contains(next):
                return true
            case "private", "confidential", "restricted":
                if reading == .classification || words.count == 1 || markedThings.contains(next) || previous == "in" || previous == "strictly"
                    || (w == "private" && next == "and" && afterNext == "confidential")
                {
                    return true
                }
            default:
                continue
            }
        }
        return false
    }

    /// The paragraph a marking clause itself states ("exempt under paragraph 3").
    private static func cited(_ words: [String]) -> Schedule12A? {
        for (i, w) in words.enumerated() where ["paragraph", "paragraphs", "para", "paras"].contains(w) || (w == "12a" && i > 0) {
            if i + 1 < words.count, let n = Int(words[i + 1]), let paragraph = Schedule12A(rawValue: n) { return paragraph }
        }
        return nil
    }

    /// Paragraphs of Schedule 12A a clause cites: after "by virtue of", before "of Schedule 12A", or in a clause that
    /// is nothing but the citation ("Exempt – paragraph 3"). "Paragraph 12 of the report" is not a citation.
    static func citedParagraphs(_ clause: [String], previous: [String]?) -> [Schedule12A] {
        var found: [Schedule12A] = []
        for (i, w) in clause.enumerated() where ["paragraph", "paragraphs", "para", "paras"].contains(w) {
            var j = i + 1
            var numbers: [Schedule12A] = []
            while j < clause.count, let n = Int(clause[j]) {
                if let p = Schedule12A(rawValue: n) { numbers.append(p) }
                j += 1
                if j < clause.count, clause[j] == "and" { j += 1 }
            }
            guard !numbers.isEmpty else { continue }
            let tail = clause[j..<min(clause.count, j + 6)]
            let byVirtue = i >= 2 && clause[i - 1] == "of" && clause[i - 2] == "virtue"
            if byVirtue || tail.contains("12a") || tail.contains("schedule") || tail.contains("sch") || i == 0 { found += numbers }
        }
        if let index = clause.firstIndex(of: "12a"), index + 1 < clause.count, let n = Int(clause[index + 1]), let p = Schedule12A(rawValue: n) {
            found.append(p)
        }
        return found
    }

    /// Whether a clause excludes the public: "that the press and public be excluded", "Exclusion of the public",
    /// "under section 100A(4) of the Local Government Act 1972".
    static func isExclusion(_ clause: [String]) -> Bool {
        let excluding = clause.contains { ["excluded", "exclude", "exclusion", "excluding", "excludes"].contains($0) }
        if excluding && (clause.contains("public") || clause.contains("press")) { return true }
        return has(clause, ["100a", "4"]) || clause.contains("100a4")
    }

    private static func speaksOfFollowing(_ clause: [String]) -> Bool {
        clause.contains("following") || clause.contains("next") || clause.contains("remaining") || clause.contains("below")
    }

    /// The appendices a clause speaks of, by key, or `nil` when it speaks of the paper as a whole. A clause about
    /// "the appendix" or "appendices" without a label speaks of every appendix ("").
    static func appendixLabels(_ clause: [String]) -> [String]? {
        guard let start = clause.firstIndex(where: { ["appendix", "appendices", "annex", "annexes", "appendixes"].contains($0) }) else { return nil }
        var labels: [String] = []
        var j = start + 1
        while j < clause.count {
            let w = clause[j]
            if w == "and" || w == "to" || w == "or" {
                j += 1
                continue
            }
            guard isLabel(w) else { break }
            labels.append(w)
            j += 1
        }
        return labels.isEmpty ? [""] : labels
    }

    private static func isLabel(_ word: String) -> Bool {
        if word.count == 1, word.first!.isLetter { return true }
        if word.allSatisfy({ "ivx".contains($0) }) { return true }
        guard let first = word.first, first.isNumber else { return false }
        return word.dropFirst().allSatisfy { $0.isNumber } || (word.last!.isLetter && word.dropLast().allSatisfy(\.isNumber))
    }

    /// Which items an exclusion covers: those it numbers, the next one, or (in doubt) all that follow.
    static func exclusionScope(_ words: [String]) -> Exclusion.Scope {
        var numbers: [String] = []
        for (i, w) in words.enumerated() where w == "item" || w == "items" {
            var j = i + 1
            if j < words.count, words[j] == "no" || words[j] == "nos" || words[j] == "number" || words[j] == "numbers" { j += 1 }
            while j < words.count {
                let n = words[j]
                if n == "and" || n == "to" {
                    j += 1
                    continue
                }
                guard let first = n.first, first.isNumber, n.count <= 4 else { break }
                numbers.append(n)
                j += 1
            }
        }
        if !numbers.isEmpty { return .items(numbers) }
        if let i = words.firstIndex(where: { $0 == "following" || $0 == "next" }) {
            let rest = words[(i + 1)...].prefix(3)
            return rest.contains("item") && !rest.contains("items") ? .next : .allFollowing
        }
        if has(words, ["this", "item"]) || has(words, ["this", "report"]) || has(words, ["this", "matter"]) { return .itself }
        // Printed under an item of its own ("EXCLUSION OF THE PRESS AND PUBLIC"), it covers what follows; printed in
        // an item about something else, that item.
        let titled = words.prefix(8)
        return titled.contains { $0.hasPrefix("exclu") } && (titled.contains("public") || titled.contains("press")) ? .allFollowing : .itself
    }
}

extension ExemptMarking {
    /// Whether a line between agenda items opens the private part of the agenda: "PART II – EXEMPT ITEMS",
    /// "Items not for publication", "Exclusion of the press and public". Every item after it is exempt.
    static func opensPrivatePart(_ text: String) -> Bool {
        let words = ExemptMarking.words(text)
        guard !words.isEmpty, words.count <= 16 else { return false }
        let marking = ExemptMarking(text)
        if marking.exclusion != nil { return true }
        if case .exempt = marking.whole { return true }
        return false
    }

    /// Decides each agenda item's access from its own words, the private part of the agenda it is in (from
    /// `privateFrom`, an index into `items`), and the exclusion resolutions before it. In doubt, an item is exempt
    /// and an officer is warned.
    static func mark(_ items: inout [AgendaItem], privateFrom: Int?, diagnostics: inout Diagnostics) {
        var covered: [Int: Schedule12A?] = [:]
        if let privateFrom {
            for index in items.indices where index >= privateFrom { covered[index] = .some(nil) }
        }
        for index in items.indices {
            let item = items[index]
            let marking = ExemptMarking(([item.title, item.description] + item.unparsed).joined(separator: "\n"))
            if let exclusion = marking.exclusion {
                let following = Array(items.indices.dropFirst(index + 1))
                let targets: [Int]
                switch exclusion.scope {
                case .items(let numbers): targets = items.indices.filter { numbers.contains(items[$0].number.lowercased()) }
                case .next: targets = Array(following.prefix(1))
                case .allFollowing: targets = following
                case .itself: targets = [index]
                }
                for target in targets { covered[target] = .some(covered[target].flatMap { $0 } ?? exclusion.paragraph) }
                if case .items(let numbers) = exclusion.scope, targets.count < numbers.count {
                    diagnostics.warn(item.line, "Agenda: the exclusion of the public at item \(item.number) names items that are not on the agenda")
                }
            }
            if let doubt = marking.doubt {
                items[index].access = .exempt(paragraph: marking.exemptParagraph)
                diagnostics.warn(item.line, "Agenda item \(item.number): \(doubt); it is held as exempt until an officer checks it")
            } else if case .exempt(let paragraph) = marking.whole {
                items[index].access = .exempt(paragraph: paragraph)
            }
        }
        for (index, paragraph) in covered {
            guard !items[index].access.isExempt else { continue }
            items[index].access = .exempt(paragraph: paragraph)
        }
    }
}

extension ExemptMarking {
    /// Decides each minute's access from its own words and the resolutions before it that excluded the public. The
    /// exclusion names agenda items, not minutes, so it covers as many of the minutes after it as it names items.
    static func mark(_ minutes: inout [MinuteItem], diagnostics: inout Diagnostics) {
        var covered: [Int: Schedule12A?] = [:]
        for index in minutes.indices {
            let minute = minutes[index]
            let marking = ExemptMarking(([minute.title] + minute.text + minute.resolutions).joined(separator: "\n"))
            if let exclusion = marking.exclusion {
                let following = Array(minutes.indices.dropFirst(index + 1))
                let targets: [Int] =
                    switch exclusion.scope {
                    case .items(let numbers): Array(following.prefix(numbers.count))
                    case .next: Array(following.prefix(1))
                    case .allFollowing: following
                    case .itself: [index]
                    }
                for target in targets { covered[target] = .some(covered[target].flatMap { $0 } ?? exclusion.paragraph) }
            }
            if let doubt = marking.doubt {
                minutes[index].access = .exempt(paragraph: marking.exemptParagraph)
                diagnostics.warn(minute.line, "Minute \(minute.number): \(doubt); it is held as exempt until an officer checks it")
            } else if case .exempt(let paragraph) = marking.whole {
                minutes[index].access = .exempt(paragraph: paragraph)
            }
        }
        for (index, paragraph) in covered where !minutes[index].access.isExempt {
            minutes[index].access = .exempt(paragraph: paragraph)
        }
    }
}
