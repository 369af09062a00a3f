/// Turns the inline markup that PDF-to-text converters produce (markdown emphasis, links and escapes;
/// HTML tags and entities) into plain text.
enum Markup {
    /// Plain text on one line, whitespace collapsed.
    static func plain<S: StringProtocol>(_ raw: S) -> String {
        if isPlain(raw.utf8) { return String(raw).trimmedSpaces }
        return render(Array(raw.unicodeScalars), breaks: false).first ?? ""
    }

    /// No markup and no runs of white space: the text is already plain.
    private static func isPlain<U: Collection>(_ bytes: U) -> Bool where U.Element == UInt8 {
        var previousSpace = false
        for b in bytes {
            switch b {
            case UInt8(ascii: "<"), UInt8(ascii: "*"), UInt8(ascii: "&"), UInt8(ascii: "["), UInt8(ascii: "\\"), UInt8(ascii: "_"), 9, 10, 13, 0xE2, 0xC2, 12:
                return false
            case UInt8(ascii: " "):
                if previousSpace { return false }
                previousSpace = true
            default:
                previousSpace = false
            }
        }
        return true
    }

    /// Plain paragraphs: `<p>`, `<li>`, `<br>` and bullets ("•") start a new one.
    static func paragraphs<S: StringProtocol>(_ raw: S) -> [String] {
        render(Array(raw.unicodeScalars), breaks: true)
    }

    /// The plain text of each bold run (`<b>`, `<strong>`, `**…**`), in order.
    static func boldRuns<S: StringProtocol>(_ raw: S) -> [String] {
        let text = String(raw)
        var runs: [String] = []
        for (open, close) in [("<b>", "</b>"), ("<strong>", "</strong>")] {
            var rest = Substring(text)
            while let o = rest.firstRange(of: open), let c = rest[o.upperBound...].firstRange(of: close) {
                let inner = plain(rest[o.upperBound..<c.lowerBound])
                if !inner.isEmpty { runs.append(inner) }
                rest = rest[c.upperBound...]
            }
        }
        var rest = Substring(text)
        while let o = rest.firstRange(of: "**"), let c = rest[o.upperBound...].firstRange(of: "**") {
            let inner = plain(rest[o.upperBound..<c.lowerBound])
            if !inner.isEmpty { runs.append(inner) }
            rest = rest[c.upperBound...]
        }
        return runs
    }

    private static let breakingTags: Set<String> = [
        "p", "br", "li", "ul", "ol", "div", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "blockquote",
    ]
    private static let knownTags: Set<String> = [
        "b", "i", "u", "em", "strong", "a", "span", "sup", "sub", "td", "th", "font", "img", "thead", "tbody", "s", "small",
        "col", "colgroup", "caption",
    ]
    private static let entities: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "#39": "'", "ndash": "–", "mdash": "—",
        "rsquo": "’", "lsquo": "‘", "pound": "£", "hellip": "…",
    ]

    private static func render(_ a: [Unicode.Scalar], breaks: Bool) -> [String] {
        var out: [String] = []
        var current = String.UnicodeScalarView()
        var pendingSpace = false
        func emit(_ s: Unicode.Scalar) {
            if pendingSpace, !current.isEmpty { current.append(" ") }
            pendingSpace = false
            current.append(s)
        }
        func emitText(_ text: String) { for s in text.unicodeScalars { if s == " " { pendingSpace = true } else { emit(s) } } }
        func paragraphBreak() {
            if breaks {
                if !current.isEmpty { out.append(String(current)) }
                current = String.UnicodeScalarView()
                pendingSpace = false
            } else {
                pendingSpace = true
            }
        }
        let n = a.count
        var i = 0
        while i < n {
            let s = a[i]
            switch s {
            case "<":
                var close = i + 1
                while close < n, close - i < 400, a[close] != ">", a[close] != "<" { close += 1 }
                guard close < n, a[close] == ">" else {
                    emit(s)
                    i += 1
                    continue
                }
                let inner = String(String.UnicodeScalarView(a[(i + 1)..<close]))
                if inner.hasPrefix("http") || inner.hasPrefix("mailto:") || (inner.contains("@") && !inner.contains(" ")) {
                    emitText(inner.hasPrefix("mailto:") ? String(inner.dropFirst(7)) : inner)
                    i = close + 1
                    continue
                }
                var name = inner.hasPrefix("/") ? inner.dropFirst() : Substring(inner)
                name = name.prefix { $0.isLetter || $0.isNumber }
                let tag = name.lowercased()
                if breakingTags.contains(tag) {
                    paragraphBreak()
                } else if knownTags.contains(tag) {
                    if tag == "td" || tag == "th" { pendingSpace = true }
                } else {
                    emit(s)
                    i += 1
                    continue
                }
                i = close + 1
            case "&":
                var end = i + 1
                while end < n, end - i < 9, a[end] != ";", a[end] != " " { end += 1 }
                if end < n, a[end] == ";" {
                    let name = String(String.UnicodeScalarView(a[(i + 1)..<end]))
                    if let e = entities[name] {
                        if e == " " { pendingSpace = true } else { emit(e) }
                        i = end + 1
                        continue
                    }
                    if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let e = Unicode.Scalar(code) {
                        emit(e)
                        i = end + 1
                        continue
                    }
                }
                emit(s)
                i += 1
            case "*":
                i += (i + 1 < n && a[i + 1] == "*") ? 2 : 1
            case "_" where i + 1 < n && a[i + 1] == "_":
                i += 2
            case "\\":
                if i + 1 < n, a[i + 1].isASCII, a[i + 1].properties.isPatternSyntax {
                    emit(a[i + 1])
                    i += 2
                } else {
                    emit(s)
                    i += 1
                }
            case "[":
                // [text](url) → text
                var k = i + 1
                var depth = 0
                while k < n, k - i < 2000 {
                    if a[k] == "\\" { k += 2; continue }
                    if a[k] == "[" { depth += 1 }
                    if a[k] == "]" { if depth == 0 { break }; depth -= 1 }
                    k += 1
                }
                if k + 1 < n, a[k] == "]", a[k + 1] == "(" {
                    var m = k + 2
                    while m < n, a[m] != ")", a[m] != " " { m += 1 }
                    if m < n, a[m] == ")" {
                        let label = render(Array(a[(i + 1)..<k]), breaks: false).first ?? ""
                        emitText(label)
                        i = m + 1
                        continue
                    }
                }
                emit(s)
                i += 1
            case "•":
                paragraphBreak()
                i += 1
            case " ", "\t", "\u{A0}", "\r", "\n", "\u{0C}":
                pendingSpace = true
                i += 1
            default:
                emit(s)
                i += 1
            }
        }
        if !current.isEmpty { out.append(String(current)) }
        return out
    }
}
