/// A paper uploaded for an agenda item: its report, or one of the report's appendices, as a PDF, Word or
/// OpenDocument file. A paper becomes public with the publication of the agenda or supplement that carries it, and
/// only while its item, its report and (for an appendix) the appendix are open; a later version is a new paper, and
/// every version published is kept. A paper follows its item when the agenda is renumbered before publication.
public struct Paper: Hashable, Sendable, Identifiable, Encodable {
    public typealias ID = Identifier<Paper>
    public let id: ID
    public var meeting: Meeting.ID
    /// The number of its agenda item ("7", "8a").
    public var itemNumber: String
    /// The appendix it is ("Appendix 2"), or `nil` for the report itself.
    public var appendix: String?
    /// The name it was uploaded under, as the sender's computer had it.
    public var filename: String
    public var format: PaperFormat
    /// Its size in bytes.
    public var size: Int
    /// Its SHA-256, in hexadecimal: the file on disk is named by it and checked against it when served.
    public var sha256: String
    /// When and by whom it was uploaded.
    public var uploadedAt: LocalDateTime
    public var uploadedBy: String
    /// The publication (0 the agenda, 1… a supplement) that made it public; `nil` until then.
    public var publication: Int?

    public init(
        meeting: Meeting.ID, itemNumber: String, appendix: String?, filename: String, format: PaperFormat, size: Int, sha256: String,
        uploadedAt: LocalDateTime, uploadedBy: String, publication: Int? = nil
    ) {
        self.id = ID(under: meeting, "papers/" + String(sha256.prefix(16)))
        self.meeting = meeting
        self.itemNumber = itemNumber
        self.appendix = appendix
        self.filename = filename
        self.format = format
        self.size = size
        self.sha256 = sha256
        self.uploadedAt = uploadedAt
        self.uploadedBy = uploadedBy
        self.publication = publication
    }

    /// The part of its identifier its address names it by.
    public var key: String { String(sha256.prefix(16)) }

    /// "the report" or "Appendix 2".
    public var part: String { appendix ?? "the report" }

    /// The newest version of each part of each item among `papers`: what is offered for download.
    public static func latest(_ papers: [Paper]) -> [Paper] {
        var newest: [String: Paper] = [:]
        for paper in papers {
            let slot = paper.itemNumber + "\u{0}" + (paper.appendix ?? "")
            if let held = newest[slot], held.uploadedAt > paper.uploadedAt { continue }
            newest[slot] = paper
        }
        return newest.values.sorted { ($0.itemNumber, $0.appendix ?? "") < ($1.itemNumber, $1.appendix ?? "") }
    }
}

/// The formats a paper may be uploaded in.
public enum PaperFormat: String, Hashable, Sendable, Codable, CaseIterable {
    case pdf, docx, odt

    public var mediaType: String {
        switch self {
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .odt: "application/vnd.oasis.opendocument.text"
        }
    }

    public var label: String {
        switch self {
        case .pdf: "PDF"
        case .docx: "Word document"
        case .odt: "OpenDocument text"
        }
    }

    public var fileExtension: String { rawValue }
}
