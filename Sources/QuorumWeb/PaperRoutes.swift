import Foundation
import HTTPTypes
import Hummingbird
import QuorumDomain
import QuorumStorage

/// Uploaded papers, served as they were uploaded (with their type and name) to whoever `Visibility` lets read them:
/// the public once published, and never an exempt one; officers always.
struct PaperRoutes {
    let store: any QuorumStore

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/committees/:committee/meetings/:date/papers/:paper", use: paper)
    }

    func paper(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let (_, meeting) = try await findMeeting(in: store, context)
        let key = try context.parameters.require("paper")
        guard let paper = try await store.papers(of: meeting.id).first(where: { $0.key == key }) else { throw HTTPError(.notFound) }
        let officer = context.session.map { $0.user.role.isOfficer && !$0.user.isDisabled } ?? false
        let visibility = officer ? Visibility.officer : Visibility.public
        // The item as this audience sees it: for officers the working agenda, for the public the published record.
        let entries: [Visibility.AgendaEntry]
        if officer, let agenda = try await store.agenda(of: meeting.id) {
            entries = visibility.agenda(agenda.items, reports: agenda.reports, of: meeting)
        } else {
            entries = visibility.agenda(try await store.agendaItems(of: meeting.id), reports: try await store.reports(of: meeting.id), of: meeting)
        }
        guard let entry = entries.first(where: { $0.item.number == paper.itemNumber }), !visibility.papers([paper], for: entry).isEmpty else {
            throw HTTPError(.notFound)
        }
        guard let bytes = try await store.contents(of: paper) else {
            throw HTTPError(.internalServerError, message: "The file of this paper is missing or damaged on the server. Democratic services have been told.")
        }
        var headers: HTTPFields = [
            .contentType: paper.format.mediaType, .contentDisposition: Self.disposition(paper.filename, format: paper.format),
            .eTag: "\"\(paper.sha256.prefix(32))\"",
        ]
        headers[.cacheControl] = officer ? "private, no-store" : "public, max-age=60"
        if request.hasCopy(tagged: headers[.eTag]!) { return Response(status: .notModified, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `inline; filename="report.pdf"; filename*=UTF-8''…`: the name it was uploaded under, made safe for a header, with
    /// the extension its content has.
    static func disposition(_ filename: String, format: PaperFormat) -> String {
        var name = String(filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "paper")
        name = String(name.unicodeScalars.filter { $0.value >= 32 && $0.value != 127 }.map(Character.init)).trimmingCharacters(in: .whitespaces)
        if name.isEmpty { name = "paper" }
        if !name.lowercased().hasSuffix("." + format.fileExtension) { name += "." + format.fileExtension }
        let ascii = String(name.map { $0.isASCII && $0 != "\"" && $0 != "\\" && $0 != ";" ? $0 : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? ascii
        return "inline; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}

extension Paper {
    /// "The report (PDF, 240 KB)", "Appendix 2 (Word document, 1.2 MB)".
    var describedForDownload: String {
        let size = size < 1_000_000 ? "\(max(1, size / 1000)) KB" : String(format: "%.1f MB", Double(size) / 1_000_000)
        return (appendix ?? "The report") + " (\(format.label), \(size))"
    }
}
