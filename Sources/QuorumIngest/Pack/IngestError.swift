/// Why a file could not be read as an agenda pack, and where.
public struct IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// The 1-based line the problem was found at (0 when it concerns the whole file).
    public var line: Int
    public var kind: Kind

    public init(file: String, line: Int, kind: Kind) {
        self.file = file
        self.line = line
        self.kind = kind
    }

    /// What went wrong.
    public enum Kind: Sendable, Hashable {
        /// The file has no text at all.
        case empty
        /// The file holds binary data (NUL bytes or mostly non-text bytes), e.g. a PDF not yet converted.
        case binary
        /// The bytes are not valid UTF-8; the associated value is the first bad line.
        case notUTF8(line: Int)
        /// The text is not an agenda pack: the front sheet lacks the committee or meeting date.
        case notAnAgendaPack(reason: String)
        /// The pack stops part-way through.
        /// The file could not be read or converted to text at all.
        case unreadable(reason: String)
        /// Importing with `--strict`, the pack had warnings.
        case warnings(count: Int, first: String)
    }

    /// `file:line: reason`, so editors can jump to it.
    public var description: String {
        let reason: String
        switch kind {
        case .empty: reason = "the file is empty"
        case .binary: reason = "the file is binary, not text (convert PDFs with pdftotext first)"
        case .notUTF8(let line): reason = "the file is not UTF-8 text (first bad byte on line \(line))"
        case .notAnAgendaPack(let why): reason = "not an agenda pack: \(why)"
        case .unreadable(let why): reason = why
        case .warnings(let count, let first): reason = "\(count) warning\(count == 1 ? "" : "s") with --strict, the first: \(first)"
        }
        // A reason that is about the whole file (it is missing, empty, a directory) names no line.
        return line > 0 ? "\(file):\(line): \(reason)" : "\(file): \(reason)"
    }
}
