import Foundation
import PropertyBased
@testable import QuorumWeb
import Testing

/// The byte-level text handling every page goes through agrees with the character-level reading it replaced.
@Suite struct FormattingTests {
    /// Characters papers carry: markup, quotes, accents, emoji, every kind of line break and space.
    static let alphabet: [Character] = [
        "a", "Z", "1", " ", "\t", "\u{A0}", "\u{2003}", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
        "\u{3000}", "\u{202F}", "<", ">", "&", "\"", "'", "é", "£", "–", "…", "👩🏽‍⚖️", "e\u{301}",
    ]
    static let text = Gen<Character?>.element(of: alphabet).map { $0 ?? "a" }.string(of: 0...40)

    @Test func escapingMatchesTheCharacterReading() async {
        let entities: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\"": "&quot;", "'": "&#39;"]
        await propertyCheck(count: 500, input: Self.text) { text in
            let expected = text.map { entities[$0] ?? String($0) }.joined()
            #expect(escapedHTML(text) == expected)
        }
        #expect(escapedHTML("<script>alert('x')</script>") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
        #expect(escapedHTML("\"><img src=x onerror=1>") == "&quot;&gt;&lt;img src=x onerror=1&gt;")
    }

    @Test("A view escapes every value put into its markup, writes nothing for an absent one, and trusted HTML as it stands")
    func viewsEscapeValues() {
        let hostile = "\"><img src=x onerror=1><script>"
        let absent: String? = nil
        var h = HTMLWriter()
        h += "<a href=\"\(hostile)\">\(Optional(hostile))\(absent)</a> \(3)"
        h += "<svg>\(TrustedHTML("<b>kept</b>"))</svg>"
        #expect(h.html == "<a href=\"&quot;&gt;&lt;img src=x onerror=1&gt;&lt;script&gt;\">&quot;&gt;&lt;img src=x onerror=1&gt;&lt;script&gt;</a> 3<svg><b>kept</b></svg>")
    }

    @Test("Addresses are made from identifiers' last parts, found by bytes, as splitting the identifier at each slash finds them")
    func addressesMatchTheSplitReading() async {
        let parts = Gen<String?>.element(of: ["herefordshire", "é", "", "items", "recommendations", "2025-03-18", "7", "👩🏽‍⚖️"]).map { $0 ?? "" }
        let ids = parts.array(of: 0...7).map { $0.joined(separator: "/") }
        /// The reference reading: the last `count` parts, each non-empty, with a non-empty part before them.
        func tail(_ id: String, _ count: Int) -> [Substring]? {
            let split = id.split(separator: "/", omittingEmptySubsequences: false)
            guard split.count > count else { return nil }
            let last = Array(split.suffix(count))
            guard !last.contains(where: \.isEmpty), split.dropLast(count).contains(where: { !$0.isEmpty }) else { return nil }
            return last
        }
        await propertyCheck(count: 500, input: ids) { id in
            let meeting = tail(id, 2).map { "/committees/\($0[0])/meetings/\($0[1])" } ?? "/"
            #expect(Paths.meeting(.init(rawValue: id)) == meeting)
            let item = tail(id, 4).flatMap { $0[2] == "items" ? "/committees/\($0[0])/meetings/\($0[1])/items/\($0[3])" : nil } ?? "/"
            #expect(Paths.agendaItem(.init(rawValue: id)) == item)
            let recommendation = tail(id, 4).flatMap { $0[1] == "recommendations" ? "/recommendations/\($0[0])/\($0[2])/\($0[3])" : nil } ?? "/"
            #expect(Paths.recommendation(.init(rawValue: id)) == recommendation)
        }
        #expect(Paths.recommendation(.init("herefordshire/scrutiny/recommendations/2025-03-18/budget-1")) == "/recommendations/scrutiny/2025-03-18/budget-1")
    }

    @Test func paragraphsMatchTheCharacterReading() async {
        await propertyCheck(count: 500, input: Self.text) { text in
            let expected = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            #expect(paragraphs(text) == expected)
        }
        #expect(paragraphs("  One\r\n\r\n\tTwo  \n\n") == ["One", "Two"])
    }
}
