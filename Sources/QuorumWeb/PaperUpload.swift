import Foundation
import NIOCore
import NIOPosix
import QuorumDomain
import QuorumIngest
import QuorumStorage

/// A paper uploaded for an agenda item, read from its form: the file checked by its content, the part it is (the
/// report, an appendix, a new appendix), and the change it makes to the working agenda (a PDF of the report is read by
/// the importer's report reader; a new appendix is listed on the report).
struct PaperUpload: Sendable {
    let paper: Paper
    let bytes: Data
    let change: @Sendable (inout Agenda) throws -> Void

    /// The most a paper may be.
    static let limit = 20 << 20

    static func read(_ form: FormSubmission, for item: AgendaItem, in agenda: Agenda, meeting: Meeting, by actor: String, now: LocalDateTime) async throws -> PaperUpload {
        guard let report = agenda.report(of: item.id) else {
            throw FieldErrors(messages: ["paper": "Item \(item.number) has no report to attach a paper to"])
        }
        guard let file = form.files["paper"], file.bytes.readableBytes > 0 else { throw FieldErrors(messages: ["paper": "Select the file to upload"]) }
        let bytes = Data(file.bytes.readableBytesView)
        guard let format = PaperFormat.of(bytes) else {
            throw FieldErrors(messages: ["paper": "\(file.filename) is not a PDF, a Word document or an OpenDocument text: its content was checked, not its name"])
        }
        var appendix: String?
        var change: @Sendable (inout Agenda) throws -> Void = { _ in }
        switch form["part"] {
        case "report", "":
            if format == .pdf {
                let text: String
                do {
                    text = try await PDFText.text(of: bytes)
                } catch let failure as PDFText.Failure {
                    throw FieldErrors(messages: ["paper": "\(file.filename) could not be read: \(failure.description). Nothing was kept."])
                } catch {
                    throw FieldErrors(messages: ["paper": "\(file.filename) could not be read (\(error)). Nothing was kept."])
                }
                // Reading a long paper takes a while: on NIO's thread pool, not on the few threads every page is served from.
                let read = try await NIOThreadPool.singleton.runIfActive { readReportPaper(text, for: item, held: report) }
                change = { try $0.updateReport(read) }
            }
        case "new":
            let title = form["appendix_title"]
            if title.isEmpty { throw FieldErrors(messages: ["appendix_title": "Enter the new appendix's title"]) }
            if title.count > 300 { throw FieldErrors(messages: ["appendix_title": "The title must be 300 characters or fewer"]) }
            guard let access = Access(form["appendix_access"].isEmpty ? "open" : form["appendix_access"]), !access.isExempt || access.paragraph != nil else {
                throw FieldErrors(messages: ["appendix_access": "Select whether the appendix is open or exempt, and under which paragraph"])
            }
            let numbers = report.appendices.compactMap { Int($0.label.split(separator: " ").last ?? "") }
            let label = "Appendix \((numbers.max() ?? 0) + 1)"
            appendix = label
            // An appendix of an exempt item is exempt whatever was chosen.
            let added = Report.Appendix(label: label, title: title, access: item.access.isExempt ? item.access : access)
            change = { agenda in
                guard var held = agenda.report(of: item.id) else { throw ChangeRefusal("paper", "Item \(item.number) has no report") }
                held.appendices.append(added)
                try agenda.updateReport(held)
            }
        default:
            guard let listed = report.appendix(form["part"]) else { throw FieldErrors(messages: ["part": "Select the report or one of its appendices"]) }
            appendix = listed.label
        }
        let name = String(file.filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? "paper").prefix(200)
        let sha = bytes.sha256Hex
        let paper = Paper(
            meeting: meeting.id, itemNumber: item.number, appendix: appendix, filename: String(name), format: format, size: bytes.count, sha256: sha,
            uploadedAt: now, uploadedBy: actor)
        return PaperUpload(paper: paper, bytes: bytes, change: change)
    }
}
