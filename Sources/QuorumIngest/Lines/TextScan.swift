// Small, allocation-light string scanning. Swift Regex and NSRegularExpression are slow on Linux,
// and every line of a pack passes through these.

extension String {
    /// Trimmed of spaces, tabs and line breaks.
    var trimmedSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceLike })!
        return String(scalars[first...last])
    }

    /// ASCII-lowercased copy (non-ASCII characters are kept as they are).
    var asciiLowercased: String {
        var bytes = Array(utf8)
        for i in bytes.indices where bytes[i] >= 65 && bytes[i] <= 90 { bytes[i] += 32 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Case-insensitive (ASCII) containment without Foundation.
    func containsCI(_ needle: String) -> Bool { utf8.rangeCI(of: needle.utf8) != nil }

    /// Case-insensitive (ASCII) prefix test.
    func hasPrefixCI(_ prefix: String) -> Bool {
        var a = utf8.makeIterator()
        for b in prefix.utf8 {
            guard let c = a.next(), c.lowerASCII == b.lowerASCII else { return false }
        }
        return true
    }

    /// The text after the first case-insensitive occurrence of `needle`, or nil.
    func after(ci needle: String) -> String? {
        guard let r = utf8.rangeCI(of: needle.utf8) else { return nil }
        return String(self[r.upperBound...])
    }

    /// The text before the first case-insensitive occurrence of `needle`, or nil.
    func before(ci needle: String) -> String? {
        guard let r = utf8.rangeCI(of: needle.utf8) else { return nil }
        return String(self[..<r.lowerBound])
    }

    /// Ranges of all case-insensitive occurrences.
    func rangesCI(of needle: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = []
        var start = utf8.startIndex
        while let r = utf8[start...].rangeCI(of: needle.utf8) {
            found.append(r)
            start = r.upperBound
        }
        return found
    }

    /// Words split on spaces.
    var words: [Substring] { split(separator: " ", omittingEmptySubsequences: true) }

    /// Whether the text has at least one letter and no lowercase letters ("APOLOGIES FOR ABSENCE").
    var isUppercaseTitle: Bool {
        var hasLetter = false
        for s in unicodeScalars {
            if s.properties.isLowercase { return false }
            if s.properties.isAlphabetic { hasLetter = true }
        }
        return hasLetter
    }

    /// Letters and digits only, lowercased: for comparing titles loosely.
    var foldedKey: String {
        String(String.UnicodeScalarView(unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
            .lowercased()
    }

    /// Content words (lowercased, 3+ letters, not "the"/"and"…) for loose title matching.
    var contentWords: Set<String> {
        let stop: Set<String> = ["the", "and", "for", "with", "from", "into", "made", "update", "report", "committee", "scrutiny", "young", "people", "children"]
        var out = Set<String>()
        var current = ""
        for s in unicodeScalars {
            if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                current.unicodeScalars.append(s)
            } else {
                if current.count >= 3 { out.insert(current.lowercased()) }
                current = ""
            }
        }
        if current.count >= 3 { out.insert(current.lowercased()) }
        return out.subtracting(stop)
    }

    /// Whether the text starts with an uppercase letter.
    var startsUppercase: Bool { unicodeScalars.first?.properties.isUppercase ?? false }

    /// Whether the text starts with a lowercase letter.
    var startsLowercase: Bool { unicodeScalars.first?.properties.isLowercase ?? false }

    /// Removes one trailing character from `set` repeatedly (e.g. ";", ".").
    func trimmingTrailing(_ set: [Character]) -> String {
        var s = Substring(self)
        while let last = s.last, set.contains(last) || last == " " { s = s.dropLast() }
        return String(s)
    }
}

extension Unicode.Scalar {
    var isSpaceLike: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\u{A0}" || self == "\u{0C}" }
}

extension UInt8 {
    var lowerASCII: UInt8 { self >= 65 && self <= 90 ? self + 32 : self }
    var isDigitASCII: Bool { self >= 48 && self <= 57 }
}

extension Substring.UTF8View {
    fileprivate func rangeCI<Needle: Collection>(of needle: Needle) -> Range<String.Index>? where Needle.Element == UInt8 {
        guard let first = needle.first?.lowerASCII else { return startIndex..<startIndex }
        var i = startIndex
        while i != endIndex {
            if self[i].lowerASCII == first {
                var j = i
                var matched = true
                for b in needle {
                    guard j != endIndex, self[j].lowerASCII == b.lowerASCII else { matched = false; break }
                    j = index(after: j)
                }
                if matched { return i..<j }
            }
            i = index(after: i)
        }
        return nil
    }
}

extension String.UTF8View {
    fileprivate func rangeCI<Needle: Collection>(of needle: Needle) -> Range<String.Index>? where Needle.Element == UInt8 {
        self[...].rangeCI(of: needle)
    }
}

/// Splits text on `separator` where it is not inside parentheses.
func splitOutsideParentheses(_ text: String, on separators: [String]) -> [String] {
    var parts: [String] = []
    var depth = 0
    var current = ""
    var i = text.startIndex
    outer: while i < text.endIndex {
        let c = text[i]
        if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
        if depth == 0 {
            for sep in separators where text[i...].hasPrefix(sep) {
                parts.append(current)
                current = ""
                i = text.index(i, offsetBy: sep.count)
                continue outer
            }
        }
        current.append(c)
        i = text.index(after: i)
    }
    parts.append(current)
    return parts.map(\.trimmedSpaces).filter { !$0.isEmpty }
}

extension Substring {
    var trimmedSpaces: String { String(self).trimmedSpaces }
}
