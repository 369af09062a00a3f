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
        /// Appendices named by a clause that said nothing of them yet ("Appendix 2 – not for publication").
        var pendingLabels: [String]?
        var lastVerdict: Verdict?
        let isOnlyOfficial = reading == .classification && clauses.count == 1 && clauses[0].words == ["official"]
        for (index, clause) in clauses.enumerated() {
            let words = clause.words
            paragraphs += ExemptMarking.citedParagraphs(words)
            if ExemptMarking.isExclusion(words) {
                exclusionFound = true
                continue
            }
            let labels = ExemptMarking.appendixLabels(words)
            var verdict = ExemptMarking.verdict(words, reading: reading, officialIsOpen: isOnlyOfficial)
            // "Open, except Appendix 2", "Appendix 1 is not exempt but Appendix 2 is": the contrast says the opposite.
            if verdict == nil, clause.contrast, labels != nil, let last = lastVerdict {
                verdict = last == .open ? .exempt(nil) : .open
            }
            guard let verdict else {
                if let labels { pendingLabels = labels } else if index > 0, clauses[index - 1].endsSentence { pendingLabels = nil }
                continue
            }
            lastVerdict = verdict
            let scope = labels ?? (index > 0 && !clauses[index - 1].endsSentence ? pendingLabels : nil)
            pendingLabels = nil
            if let scope {
                for label in scope { appendixSaid[label, default: []].append(verdict) }
                // "This report and its appendices are exempt" speaks of the report as well.
                if labels != nil, ExemptMarking.speaksOfWholeToo(words) { wholeSaid.append(verdict) }
            } else if exclusionFound, case .exempt = verdict, ExemptMarking.speaksOfFollowing(words) {
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

    /// What `text` marks exempt or excludes, for a caller that acts only on those (an item, a minute, a banner, an
    /// appendix's head): a text with none of the words any exempt marking or exclusion needs is not read clause by
    /// clause, which is most of the text of a pack.
    static func exemptOnly(_ text: String) -> ExemptMarking {
        mayMarkExempt(text) ? ExemptMarking(text) : ExemptMarking()
    }

    /// The words without which `verdict` finds nothing exempt and `isExclusion` no exclusion, in lower case: every
    /// marking phrase, every word `isMarked` accepts, and the exclusion's words. "part" counts only before "ii", "2",
    /// "b" or "two".
    private static let exemptCues: [[UInt8]] = [
        "exempt", "exclu", "absence", "100a", "confiden", "private", "restricted", "publication", "published", "public inspection",
        "not open", "closed", "sch", "virtue",
    ].map { Array($0.utf8) }

    static func mayMarkExempt(_ text: String) -> Bool {
        // Lower case, with each run of spaces, tabs and no-break spaces one space, as the clauses' words see it.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingNBSP = false
        for byte in text.utf8 {
            if pendingNBSP {
                pendingNBSP = false
                if byte == 0xA0 {
                    if bytes.last != 32 { bytes.append(32) }
                    continue
                }
                bytes.append(0xC2)
            }
            switch byte {
            case 65...90: bytes.append(byte + 32)
            case 32, 9: if bytes.last != 32 { bytes.append(32) }
            case 0xC2: pendingNBSP = true
            default: bytes.append(byte)
            }
        }
        if pendingNBSP { bytes.append(0xC2) }
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b == UInt8(ascii: "p"), i + 4 <= n, bytes[i + 1] == UInt8(ascii: "a"), bytes[i + 2] == UInt8(ascii: "r"), bytes[i + 3] == UInt8(ascii: "t") {
                var j = i + 4
                while j < n, bytes[j] == 32 || bytes[j] == UInt8(ascii: "-") { j += 1 }
                if j > i + 4 {
                    let next = bytes[j..<min(n, j + 3)]
                    if next.starts(with: "ii".utf8) || next.starts(with: "2".utf8) || next.starts(with: "two".utf8)
                        || (next.first == UInt8(ascii: "b") && (next.count == 1 || !(next[next.startIndex + 1] >= 97 && next[next.startIndex + 1] <= 122)))
                    {
                        return true
                    }
                }
            }
            // Only the bytes that start a cue are looked at further.
            if b == UInt8(ascii: "e") || b == UInt8(ascii: "a") || b == UInt8(ascii: "1") || b == UInt8(ascii: "c") || b == UInt8(ascii: "p")
                || b == UInt8(ascii: "r") || b == UInt8(ascii: "n") || b == UInt8(ascii: "s") || b == UInt8(ascii: "v")
            {
                for cue in exemptCues where cue[0] == b && i + cue.count <= n && bytes[i..<(i + cue.count)].elementsEqual(cue) { return true }
            }
            i += 1
        }
        return false
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
    /// Words that open a clause saying the opposite of the one before.
    private static let contrasts: Set<String> = ["but", "except", "whereas", "although", "however", "excluding", "save"]

    /// One clause: its lower-cased words, whether it follows a contrast ("but", "except"), and whether a full stop ends it.
    struct Clause: Hashable, Sendable {
        var words: [String]
        var contrast = false
        var endsSentence = false
    }

    /// The clauses of a text. Clauses end at full stops, semicolons, colons, brackets, dashes, commas, line ends, and
    /// the words "but", "except", "whereas", "with", "although". "(s)" and "(4)" stay with their word
    /// ("item(s)" → "items", "100A(4)" → "100a4"); "10-12" reads "10 to 12".
    /// A letter or digit; ASCII is decided without looking up Unicode properties, which is most of the text's cost.
    @inline(__always)
    private static func isWordCharacter(_ c: Character) -> Bool {
        if let a = c.asciiValue { return (a >= 97 && a <= 122) || (a >= 48 && a <= 57) || (a >= 65 && a <= 90) }
        return c.isLetter || c.isNumber
    }

    static func clauses(_ text: String) -> [Clause] {
        var result: [Clause] = []
        var current = Clause(words: [])
        var word = ""
        func endWord() {
            guard !word.isEmpty else { return }
            if contrasts.contains(word) {
                endClause()
                current.contrast = true
            } else if word == "with" {
                endClause()
            } else {
                current.words.append(word)
            }
            word = ""
        }
        func endClause(sentence: Bool = false) {
            if !current.words.isEmpty {
                current.endsSentence = sentence
                result.append(current)
            }
            current = Clause(words: [])
        }
        let characters = Array(text.lowercased())
        var i = 0
        while i < characters.count {
            let c = characters[i]
            defer { i += 1 }
            if isWordCharacter(c) {
                word.append(c)
                continue
            }
            if c == "'" || c == "’" { continue }  // "isn't" → "isnt"
            let next = i + 1 < characters.count ? characters[i + 1] : " "
            if c == "(", !word.isEmpty, i + 2 < characters.count, characters[i + 2] == ")", characters[i + 1].isLetter || characters[i + 1].isNumber,
                characters[i + 1] == "s" || characters[i + 1].isNumber
            {
                word.append(characters[i + 1])
                i += 2
                continue
            }
            if c == "." {
                let isAbbreviation = abbreviations.contains(word) || (word.isEmpty && current.words.last.map(abbreviations.contains) == true)
                endWord()
                if !isAbbreviation, next.isWhitespace || next == "\"" || next == ")" { endClause(sentence: true) }
                continue
            }
            if c == "-" || c == "–", !word.isEmpty, next.isNumber, word.allSatisfy(\.isNumber) {
                endWord()  // "10-12" → "10 to 12"
                current.words.append("to")
                continue
            }
            if c == "-", !word.isEmpty, next.isLetter || next.isNumber {
                endWord()  // "non-exempt" → "non", "exempt", one clause
                continue
            }
            endWord()
            if ";:()[],–—\n\r|".contains(c) || c == "-" { endClause(sentence: c == "\n" || c == ";") }
        }
        endWord()
        endClause(sentence: true)
        return result
    }

    /// The lower-cased words of a text, ignoring clauses.
    static func words(_ text: String) -> [String] { clauses(text).flatMap(\.words) }

    private static func has(_ words: [String], _ sequence: [String]) -> Bool {
        guard words.count >= sequence.count else { return false }
        for start in 0...(words.count - sequence.count) where words[start] == sequence[0] && words[start..<(start + sequence.count)].elementsEqual(sequence) {
            return true
        }
        return false
    }

    /// The words councils use to say something is open, including "not exempt" and its forms.
    private static let negations: [[String]] = [
        ["not", "exempt"], ["non", "exempt"], ["no", "exempt"], ["isnt", "exempt"], ["arent", "exempt"], ["nonexempt"],
        ["not", "contain", "exempt"], ["not", "contain", "any", "exempt"], ["contains", "no", "exempt"],
        ["not", "confidential"], ["non", "confidential"], ["not", "restricted"], ["unrestricted"], ["not", "private"],
        ["not", "part", "ii"], ["not", "part", "2"],
    ]

    /// Phrases that mark something exempt wherever they stand.
    private static let markings: [[String]] = [
        ["not", "for", "publication"], ["not", "for", "public", "inspection"], ["withheld", "from", "publication"], ["in", "confidence"],
        ["not", "open", "to"], ["not", "to", "be", "published"], ["closed", "session"], ["closed", "meeting"], ["reason", "for", "exemption"],
        ["exempt", "from", "publication"], ["exempted", "from", "publication"], ["sch12a"], ["schedule", "12", "a"], ["sch", "12", "a"],
    ]

    private static let markedThings: Set<String> = [
        "item", "items", "report", "reports", "business", "session", "meeting", "appendix", "appendices", "annex", "information",
        "paper", "papers", "document", "documents", "minute", "minutes", "agenda", "part", "matter", "matters", "figures", "annexes",
    ]

    /// What one clause says, or `nil` when it says nothing of exemption.
    static func verdict(_ clause: [String], reading: Reading, officialIsOpen: Bool = false) -> Verdict? {
        var words = clause
        if markings.contains(where: { has(words, $0) }) { return .exempt(cited(words)) }
        var negative = false
        for phrase in negations {
            while let start = firstIndex(of: phrase, in: words) {
                negative = true
                words.removeSubrange(start..<(start + phrase.count))
            }
        }
        // "None of the appendices are exempt".
        if words.first == "none", clause.contains("exempt") { return .open }
        if words.contains("open") || (reading == .classification && (words == ["public"] || words == ["part", "i"] || words == ["part", "1"]))
            || (officialIsOpen && words == ["official"])
        {
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
            case "exempt", "exempted":
                // "exempt from council tax", "exempt accommodation" are not markings; "exempt from publication" is.
                if next == "from", !["publication", "disclosure", "the"].contains(afterNext) { continue }
                if next == "accommodation" || next == "properties" || next == "property" { continue }
                return true
            case "exemption" where ["paragraph", "paragraphs", "para", "under", "category"].contains(next) || words.contains("12a"):
                return true
            case "part" where ["ii", "2", "b", "two"].contains(next) && afterNext != "of":
                // "PART II", "(Part 2)", "Part B item"; not "Local Plan Part 2".
                if i == 0 || markedThings.contains(afterNext) || ["exempt", "confidential", "private"].contains(afterNext) { return true }
            case "12a" where ["schedule", "sch"].contains(previous):
                return true
            case "virtue" where previous == "by" && next == "of" && ["paragraph", "paragraphs", "para", "paras"].contains(afterNext):
                return true
            case "private", "confidential", "restricted":
                if reading == .classification || words.count == 1 || markedThings.contains(next) || ["in", "strictly", "commercially", "is", "are", "be", "remains", "marked"].contains(previous)
                    || (w == "private" && next == "and" && afterNext == "confidential")
                {
                    return true
                }
            case "sensitive" where reading == .classification:
                return true
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
    static func citedParagraphs(_ clause: [String]) -> [Schedule12A] {
        var found: [Schedule12A] = []
        for (i, w) in clause.enumerated() where ["paragraph", "paragraphs", "para", "paras"].contains(w) {
            var j = i + 1
            var numbers: [Schedule12A] = []
            while j < clause.count, let n = Int(clause[j]) {
                if let p = Schedule12A(rawValue: n) { numbers.append(p) }
                j += 1
                if j < clause.count, clause[j] == "and" || clause[j] == "to" { j += 1 }
            }
            guard !numbers.isEmpty else { continue }
            let tail = clause[j..<min(clause.count, j + 6)]
            let byVirtue = i >= 2 && clause[i - 1] == "of" && clause[i - 2] == "virtue"
            let cue = i > 0 && ["exemption", "exempt", "under", "12a"].contains(clause[i - 1])
            if byVirtue || cue || tail.contains("12a") || tail.contains("schedule") || tail.contains("sch") || i == 0 { found += numbers }
        }
        if let index = clause.firstIndex(of: "12a"), index + 1 < clause.count, let n = Int(clause[index + 1]), let p = Schedule12A(rawValue: n) {
            found.append(p)
        }
        return found
    }

    /// Whether a clause excludes the public: "that the press and public be excluded", "Exclusion of the public",
    /// "in the absence of the press and public", "under section 100A(4) of the Local Government Act 1972".
    static func isExclusion(_ clause: [String]) -> Bool {
        let excluding = clause.contains { ["excluded", "exclude", "exclusion", "excluding", "excludes", "absence"].contains($0) }
        if excluding && (clause.contains("public") || clause.contains("press")) { return true }
        return clause.contains("100a4") || has(clause, ["100a", "4"])
    }

    private static func speaksOfFollowing(_ clause: [String]) -> Bool {
        clause.contains("following") || clause.contains("next") || clause.contains("remaining") || clause.contains("below")
    }

    /// Whether a clause about appendices names the paper itself too: "This report and its appendices are exempt".
    private static func speaksOfWholeToo(_ clause: [String]) -> Bool {
        guard let first = clause.firstIndex(where: { appendixWords.contains($0) }) else { return false }
        return clause[..<first].contains { ["report", "item", "paper", "papers", "document", "it"].contains($0) }
    }

    static let appendixWords: Set<String> = ["appendix", "appendices", "annex", "annexes", "annexe", "appendixes"]

    /// The appendices a clause speaks of, by key, or `nil` when it speaks of the paper as a whole. A clause about
    /// "the appendix" or "appendices" without a label speaks of every appendix (""). "Appendices A to C" names A, B, C.
    static func appendixLabels(_ clause: [String]) -> [String]? {
        var labels: [String] = []
        var mentioned = false
        var j = 0
        while j < clause.count {
            guard appendixWords.contains(clause[j]) else {
                j += 1
                continue
            }
            mentioned = true
            j += 1
            while j < clause.count {
                let w = clause[j]
                if w == "and" || w == "or" {
                    j += 1
                    continue
                }
                if w == "to", let from = labels.last, j + 1 < clause.count, isLabel(clause[j + 1]) {
                    labels += expand(from, clause[j + 1])
                    j += 2
                    continue
                }
                guard isLabel(w) else { break }
                labels.append(w)
                j += 1
            }
        }
        guard mentioned else { return nil }
        return labels.isEmpty ? [""] : labels
    }

    private static func isLabel(_ word: String) -> Bool {
        if word.count == 1, word.first!.isLetter { return true }
        if word.allSatisfy({ "ivx".contains($0) }) { return true }
        guard let first = word.first, first.isNumber else { return false }
        return word.dropFirst().allSatisfy { $0.isNumber } || (word.last!.isLetter && word.dropLast().allSatisfy(\.isNumber))
    }

    /// The labels after `from` up to `to`: "a", "c" → "b", "c"; "1", "3" → "2", "3".
    private static func expand(_ from: String, _ to: String) -> [String] {
        if let a = Int(from), let b = Int(to), a < b, b - a <= 26 { return ((a + 1)...b).map(String.init) }
        if from.count == 1, to.count == 1, let a = from.unicodeScalars.first?.value, let b = to.unicodeScalars.first?.value, a < b, b - a <= 26 {
            return ((a + 1)...b).compactMap { Unicode.Scalar($0).map { String(Character($0)) } }
        }
        return [to]
    }

    /// Which items an exclusion covers: those it numbers, the next one, or (in doubt) all that follow.
    static func exclusionScope(_ words: [String]) -> Exclusion.Scope {
        var numbers: [String] = []
        for (i, w) in words.enumerated() where w == "item" || w == "items" {
            var j = i + 1
            if j < words.count, words[j] == "no" || words[j] == "nos" || words[j] == "number" || words[j] == "numbers" { j += 1 }
            while j < words.count {
                let n = words[j]
                if n == "to", let from = numbers.last.flatMap({ Int($0) }), j + 1 < words.count, let to = Int(words[j + 1]), from < to, to - from <= 30 {
                    numbers += ((from + 1)...to).map(String.init)
                    j += 2
                    continue
                }
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
        if words.contains("remaining") || words.contains("below") || words.contains("subsequent") { return .allFollowing }
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
        guard mayMarkExempt(text) else { return false }
        let words = ExemptMarking.words(text)
        guard !words.isEmpty, words.count <= 30 else { return false }
        let marking = ExemptMarking(text)
        if marking.exclusion != nil { return true }
        if case .exempt = marking.whole { return true }
        return false
    }

    /// Whether a line speaks of the items after it: "PART II", "The following items are exempt", "Exempt items".
    static func speaksOfWhatFollows(_ text: String) -> Bool {
        let marking = ExemptMarking(text)
        if let exclusion = marking.exclusion { return exclusion.scope != .itself }
        let words = ExemptMarking.words(text)
        return words.first == "part" || words.contains("following") || words.contains("items") || words.contains("remaining") || words.contains("business")
    }

    /// Decides each agenda item's access from its own words, the private part of the agenda it is in (from
    /// `privateFrom`, an index into `items`), and the exclusion resolutions before it. In doubt, an item is exempt
    /// and an officer is warned.
    static func mark(_ items: inout [PrintedItem], privateFrom: Int?, paragraph: Schedule12A? = nil, diagnostics: inout Diagnostics) {
        var covered: [Int: Schedule12A?] = [:]
        if let privateFrom {
            for index in items.indices where index >= privateFrom { covered[index] = .some(paragraph) }
        }
        for index in items.indices {
            let item = items[index]
            let marking = ExemptMarking.exemptOnly(([item.title, item.description] + item.unparsed).joined(separator: "\n"))
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
            for (key, verdict) in marking.appendices {
                if let access = ExemptMarking.access(verdict, fallback: marking.exemptParagraph), access.isExempt { items[index].appendixAccess[key] = access }
            }
        }
        for (index, paragraph) in covered {
            // An item marked exempt by its own words ("(Part II)") without a paragraph takes the one its exclusion gives.
            if case .exempt(nil) = items[index].access, let paragraph {
                items[index].access = .exempt(paragraph: paragraph)
                continue
            }
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
            let marking = ExemptMarking.exemptOnly(([minute.title] + minute.text + minute.resolutions).joined(separator: "\n"))
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
