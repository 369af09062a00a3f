public import QuorumDomain

/// What a member of the public typed into the search box, understood: words, "exact phrases" and
/// prefixes (`scrut*`), all of which must match.
public struct SearchQuery: Sendable, Hashable {
    /// One thing to match: a word or a phrase, perhaps as a prefix.
    public struct Term: Sendable, Hashable {
        public var words: [String]
        public var isPrefix: Bool
        public init(words: [String], isPrefix: Bool = false) {
            self.words = words
            self.isPrefix = isPrefix
        }
    }

    /// The kinds of public text that can be searched.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case report, minute, question, recommendation, workProgramme

        public var label: String {
            switch self {
            case .report: "Reports"
            case .minute: "Minutes"
            case .question: "Questions"
            case .recommendation: "Recommendations"
            case .workProgramme: "Work programme"
            }
        }
    }

    public var terms: [Term]
    public var committee: Committee.ID?
    public var from: CalendarDay?
    public var to: CalendarDay?
    public var kind: Kind?
    public var limit: Int
    public var offset: Int
    /// What was odd about the words typed, in plain English, to show beside the results.
    public var notices: [String]

    public init(terms: [Term], committee: Committee.ID? = nil, from: CalendarDay? = nil, to: CalendarDay? = nil, kind: Kind? = nil, limit: Int = 20, offset: Int = 0) {
        self.terms = terms
        self.committee = committee
        self.from = from
        self.to = to
        self.kind = kind
        self.limit = limit
        self.offset = offset
        self.notices = []
    }

    /// The most that is searched for: a query past these costs a stranger nothing and the site a great deal.
    public static let maxCharacters = 200
    public static let maxTerms = 10
    public static let maxWordLength = 40

    /// Understands what was typed. Quotes make phrases, a trailing `*` makes a prefix; anything else that
    /// is not a letter or digit separates words. An unclosed quote is read as closed at the end. Only the first
    /// `maxCharacters` characters and `maxTerms` distinct terms are searched, each word at most `maxWordLength` long.
    public init(parsing typed: String) {
        self.init(terms: [])
        let text = String(typed.prefix(SearchQuery.maxCharacters))
        var current: [String] = []
        var word = ""
        var inPhrase = false
        var sawOperatorCharacters = false
        func endWord(prefix: Bool = false) {
            if !word.isEmpty { current.append(word.lowercased()) }
            word = ""
            if !inPhrase && !current.isEmpty {
                terms.append(Term(words: current, isPrefix: prefix))
                current = []
            }
        }
        for character in text {
            if character == "\"" || character == "“" || character == "”" {
                endWord()
                if inPhrase, !current.isEmpty { terms.append(Term(words: current)) }
                current = []
                inPhrase.toggle()
            } else if character == "*" {
                if inPhrase {
                    if !word.isEmpty { current.append(word.lowercased()) }
                    word = ""
                } else {
                    endWord(prefix: true)
                }
            } else if character.isLetter || character.isNumber {
                word.append(character)
            } else {
                if !"' ’-\t\n".contains(character) { sawOperatorCharacters = true }
                if inPhrase {
                    if !word.isEmpty { current.append(word.lowercased()) }
                    word = ""
                } else {
                    endWord()
                }
            }
        }
        if inPhrase {
            if !word.isEmpty { current.append(word.lowercased()) }
            if !current.isEmpty { terms.append(Term(words: current)) }
            notices.append("Your search had an opening quotation mark with no closing one, so we searched as if it closed at the end.")
        } else {
            endWord()
        }
        if sawOperatorCharacters {
            notices.append("Punctuation is ignored: use quotation marks for an exact phrase and * at the end of a word to match its beginning.")
        }
        // The same word typed many times is one term; very long words and very long queries are cut.
        var seen = Set<Term>()
        terms = terms.map { Term(words: $0.words.map { String($0.prefix(SearchQuery.maxWordLength)) }.prefix(SearchQuery.maxTerms).map { $0 }, isPrefix: $0.isPrefix) }
            .filter { seen.insert($0).inserted }
        if terms.count > SearchQuery.maxTerms || typed.count > SearchQuery.maxCharacters {
            terms = Array(terms.prefix(SearchQuery.maxTerms))
            notices.append("Only the first \(SearchQuery.maxTerms) words (\(SearchQuery.maxCharacters) characters) of a search are used.")
        }
    }

    public var isEmpty: Bool { terms.isEmpty }
}

/// One page of search results, best first.
public struct SearchResults: Sendable, Hashable {
    public struct Hit: Sendable, Hashable {
        public var kind: SearchQuery.Kind
        public var entityId: String
        public var committee: Committee.ID?
        public var meeting: Meeting.ID?
        public var day: CalendarDay?
        public var title: String
        /// The matching passage with the matched words between `SearchResults.markStart` and `markEnd`.
        public var snippet: String

        public init(
            kind: SearchQuery.Kind, entityId: String, committee: Committee.ID?, meeting: Meeting.ID?, day: CalendarDay?, title: String, snippet: String
        ) {
            self.kind = kind
            self.entityId = entityId
            self.committee = committee
            self.meeting = meeting
            self.day = day
            self.title = title
            self.snippet = snippet
        }
    }

    public var hits: [Hit]
    /// How many match in all, across every page, counted up to `countLimit` + 1: a common word is not counted
    /// through all its matches for a number nobody reads.
    public var total: Int

    /// Counted no further than this; more is "more than 1,000". When more match, the newest this many are the
    /// ones ranked and paged through.
    public static let countLimit = 1_000

    /// Whether there are more matches than `countLimit`.
    public var isOverLimit: Bool { total > Self.countLimit }

    /// How many can be paged through: every match, or the newest `countLimit` of them.
    public var ranked: Int { min(total, Self.countLimit) }

    public init(hits: [Hit], total: Int) {
        self.hits = hits
        self.total = total
    }

    /// Private-use characters that bracket matched words in a snippet; the web layer escapes the text and then
    /// turns these into highlight tags, so nothing a user typed can become markup.
    public static let markStart: Character = "\u{E000}"
    public static let markEnd: Character = "\u{E001}"
}
