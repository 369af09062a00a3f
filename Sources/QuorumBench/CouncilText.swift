/// Writes plausible committee prose from `CouncilVocabulary`: sentences, paragraphs and figures.
struct CouncilText {
    var random: SeededRandom
    /// The subjects this committee talks about, mixed into its text so search finds them.
    let topics: [String]

    private typealias V = CouncilVocabulary

    mutating func nounPhrase() -> String {
        let noun = random.chance(0.3) ? random.pick(topics) : random.pick(V.nouns)
        return "the \(random.pick(V.adjectives)) \(noun)"
    }

    mutating func figure() -> String {
        switch random.int(0...3) {
        case 0: "\(random.int(40...98))% (\(random.int(18...24))/\(random.int(19...25)))"
        case 1: "£\(random.int(1...9)).\(random.int(0...9)) million"
        case 2: "\(random.int(12...480)) cases"
        default: "£\(random.int(20...900)),000"
        }
    }

    mutating func sentence() -> String {
        let text: String
        switch random.int(0...5) {
        case 0, 1:
            text = "\(random.pick(V.subjects)) \(random.pick(V.reportingVerbs)) \(nounPhrase()) \(random.pick(V.predicates))"
        case 2:
            text = "\(random.pick(V.connectives)) \(nounPhrase()) \(random.pick(V.predicates)), with a figure of \(figure()) for the year"
        case 3:
            text = "\(capitalised(nounPhrase())) for \(random.pick(topics)) \(random.pick(V.predicates))"
        case 4:
            text = "\(random.pick(V.subjects)) \(random.pick(V.reportingVerbs)) \(nounPhrase()) and \(nounPhrase()) \(random.pick(V.predicates))"
        default:
            text = "\(random.pick(V.connectives)) the committee would receive an update on \(random.pick(topics)) and \(nounPhrase())"
        }
        return capitalised(text) + "."
    }

    mutating func paragraph(sentences range: ClosedRange<Int> = 3...6) -> String {
        (0..<random.int(range)).map { _ in sentence() }.joined(separator: " ")
    }

    mutating func paragraphs(_ range: ClosedRange<Int>) -> String {
        (0..<random.int(range)).map { _ in paragraph() }.joined(separator: "\n\n")
    }

    /// "That the Cabinet Member commissions …", the form of a resolution or recommendation.
    mutating func resolution(to addressee: String) -> String {
        "That \(addressee) \(random.pick(["reviews", "reports back on", "publishes", "strengthens", "provides members with", "prioritises"])) \(nounPhrase()) for \(random.pick(topics)) \(random.pick(["within six months", "before the next budget round", "by the end of the municipal year", "and shares the findings with the committee"]))."
    }
}

/// The text with its first letter in capitals: "the service" becomes "The service".
func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }
