public import Foundation
public import QuorumDomain
import ZIPFoundation

extension PaperFormat {
    /// The format of an uploaded paper, from its content alone, never its name: a PDF by its header; a Word document
    /// or an OpenDocument text by the parts of its ZIP archive (read with ZIPFoundation). `nil` for anything else.
    public static func of(_ data: Data) -> PaperFormat? {
        if data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil { return .pdf }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]), let archive = try? Archive(data: data, accessMode: .read) else { return nil }
        // OpenDocument: a "mimetype" entry saying so. Word: the content types and the main document part.
        if let mimetype = archive["mimetype"], mimetype.uncompressedSize < 200 {
            var text = Data()
            _ = try? archive.extract(mimetype) { text.append($0) }
            if String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) == "application/vnd.oasis.opendocument.text" { return .odt }
        }
        if archive["[Content_Types].xml"] != nil, archive["word/document.xml"] != nil { return .docx }
        return nil
    }
}
