/// HTML as the views write it: the markup in a view's source is taken as it stands, and every value put into it is
/// escaped, unless it is `TrustedHTML` (an SVG chart Quorum drew, a snippet whose
/// text was escaped before its `<mark>`s were added). The compiler checks every field a view reads.
struct HTMLWriter {
    private(set) var html: String

    init(capacity: Int = 16_384) {
        html = String()
        html.reserveCapacity(capacity)
    }

    static func += (writer: inout HTMLWriter, markup: Markup) {
        writer.html += markup.html
    }

    /// Each text as a paragraph: how papers' text, split at its line breaks, is shown.
    mutating func paragraphs(_ texts: [String]) {
        for text in texts { self += "<p>\(text)</p>" }
    }
}

/// A piece of markup written in a view's source, with values interpolated into it: a `String` is escaped, a number is
/// written as digits, an absent value writes nothing, and trusted HTML is written as it stands.
struct Markup: ExpressibleByStringInterpolation {
    let html: String

    init(stringLiteral literal: String) {
        html = literal
    }

    init(stringInterpolation: StringInterpolation) {
        html = stringInterpolation.html
    }

    struct StringInterpolation: StringInterpolationProtocol {
        var html: String

        init(literalCapacity: Int, interpolationCount: Int) {
            html = String()
            html.reserveCapacity(literalCapacity + interpolationCount * 24)
        }

        mutating func appendLiteral(_ literal: String) {
            html += literal
        }

        mutating func appendInterpolation(_ text: String) {
            html += escapedHTML(text)
        }

        mutating func appendInterpolation(_ text: String?) {
            if let text { html += escapedHTML(text) }
        }

        mutating func appendInterpolation(_ number: Int) {
            html += String(number)
        }

        mutating func appendInterpolation(_ number: Int?) {
            if let number { html += String(number) }
        }

        /// HTML Quorum made itself and escaped as it did: written as it stands.
        mutating func appendInterpolation(_ trusted: TrustedHTML?) {
            if let trusted { html += trusted.html }
        }
    }
}

/// Markup Quorum made itself, every text in it already escaped (a chart, a search snippet with its `<mark>`s): the
/// one kind of value a view writes without escaping.
struct TrustedHTML: Sendable {
    let html: String
    init(_ html: String) { self.html = html }
}

/// A part of a page that writes itself: a form, a field, a chart with its table.
protocol HTMLComponent {
    func write(to h: inout HTMLWriter)
}

/// A whole page: its title, for the `<title>` and usually its `<h1>`, and its content inside the site's layout.
protocol PageView: HTMLComponent, Sendable {
    var title: String { get }
}

/// HTML text escaping: `<`, `>`, `&`, `"` and `'` become entities, everything else is kept. It reads UTF-8 bytes (every
/// character escaped is ASCII, so no multi-byte character can contain one) and hands back text with nothing to
/// escape untouched.
func escapedHTML(_ text: String) -> String {
    var text = text
    let escaped: String? = text.withUTF8 { bytes in
        guard let first = firstMarkupByte(bytes) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        out.append(contentsOf: bytes[..<first])
        for byte in bytes[first...] {
            switch byte {
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x27: out.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
    return escaped ?? text
}

/// Where the first byte that HTML gives a meaning (`<`, `>`, `&`, `"`, `'`) is, looked for eight bytes at a time: most
/// texts have none, and byte by byte the search was a few per cent of a long list's CPU.
private func firstMarkupByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let raw = UnsafeRawBufferPointer(bytes)
    let ones: UInt64 = 0x0101_0101_0101_0101
    /// Whether any of the word's bytes is `byte`: XOR makes those bytes zero, and a zero byte is the one whose top bit
    /// survives both the subtraction's borrow and the mask of the word's own top bits.
    func holds(_ word: UInt64, _ byte: UInt64) -> Bool {
        let x = word ^ (ones &* byte)
        return (x &- ones) & ~x & (ones &* 0x80) != 0
    }
    var index = 0
    while index + 8 <= raw.count {
        let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        if holds(word, 0x3C) || holds(word, 0x3E) || holds(word, 0x26) || holds(word, 0x22) || holds(word, 0x27) { break }
        index += 8
    }
    while index < raw.count {
        switch bytes[index] {
        case 0x3C, 0x3E, 0x26, 0x22, 0x27: return index
        default: index += 1
        }
    }
    return nil
}
