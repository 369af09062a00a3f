public import Foundation
import ZIPFoundation

/// A one-page PDF that sets `lines` in Helvetica, built by hand so the test needs no PDF library.
public func pdf(_ lines: [String]) -> Data {
    let text = lines.map { line in
        "(" + line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)") + ") Tj T*"
    }.joined(separator: "\n")
    let stream = "BT /F1 10 Tf 40 800 Td 12 TL\n\(text)\nET"
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    var body = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
        offsets.append(body.utf8.count)
        body += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = body.utf8.count
    body += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { body += String(format: "%010d 00000 n \n", offset) }
    body += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Data(body.utf8)
}


/// A ZIP archive holding `entries`, as a word processor writes one (each stored, the first first, as ODF asks of its
/// `mimetype`), made with ZIPFoundation.
public func zipped(_ entries: [(String, String)]) throws -> Data {
    let archive = try Archive(data: Data(), accessMode: .create)
    for (path, text) in entries {
        let bytes = Data(text.utf8)
        try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .none) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
    }
    guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
    return data
}

/// The parts of a Word document and of an OpenDocument text, enough for their format to be known.
public let docxParts = [("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>")]
public let odtParts = [("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>")]
