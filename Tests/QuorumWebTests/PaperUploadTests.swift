import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

let hasPdftotext = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
    FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext")
}

@Suite("Uploading papers", .enabled(if: hasPdftotext, "needs pdftotext (poppler-utils), which .ci/run installs"))
struct PaperUploadTests {
    let agendaPath = Paths.meeting(scheduledMeetingID) + "/agenda"

    func post(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String), _ fields: [String: String]) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: formHeaders + [.cookie: session.cookie], body: formBody(fields.merging(["csrf_token": session.csrf]) { a, _ in a })
        ) { $0 }
    }

    func upload(
        _ client: any TestClientProtocol, _ item: String, _ session: (cookie: String, csrf: String), _ fields: [String: String], _ name: String, _ bytes: Data
    ) async throws -> TestResponse {
        let (headers, body) = multipartBody(
            fields.merging(["step": "upload", "csrf_token": session.csrf]) { a, _ in a }, file: ("paper", name, "application/octet-stream", Array(bytes)))
        return try await client.execute(uri: agendaPath + "/items/" + item, method: .post, headers: headers + [.cookie: session.cookie], body: body) { $0 }
    }

    /// The standard items, then QUALITY ASSURANCE (7) with a report, then the exempt CONTRACT AWARD (8).
    func build(_ client: any TestClientProtocol, _ session: (cookie: String, csrf: String)) async throws {
        #expect(try await post(client, agendaPath, session, ["step": "standard"]).status == .seeOther)
        #expect(try await post(client, agendaPath, session, [
            "step": "add", "title": "QUALITY ASSURANCE", "description": "To brief the committee.", "kind": "report", "lead_officer": "Director", "access": "open",
        ]).status == .seeOther)
        #expect(try await post(client, agendaPath, session, [
            "step": "add", "title": "CONTRACT AWARD", "description": "The bids.", "kind": "report", "lead_officer": "Head of Procurement", "access": "exempt: paragraph 3",
        ]).status == .seeOther)
    }

    static let cover = [
        "Title of report: Quality assurance framework", "Meeting: Children and young people scrutiny committee", "Meeting date: Tuesday 3 March 2026",
        "Report by: Director of Children's Services", "Classification", "Open", "Decision type", "This is not an executive decision", "Purpose",
        "To set out how the quality of social work practice is audited.", "Recommendation(s)", "That the committee notes the framework.", "Key considerations",
        "1. Audits are carried out monthly by practice leads.",
    ]

    @Test("A clerk uploads the report as a PDF: it is checked by content, kept with its checksum, read into the report so it reads as a web page, and served to the public, with its type and name, only once published; an exempt appendix and an exempt item's paper never are")
    func uploadAndServe() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let session = try await signIn(client, as: clerk)
            try await build(client, session)

            var response = try await upload(client, "7", session, ["part": "report"], "report.pdf", Data("This is plain text with a PDF name.".utf8))
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("report.pdf is not a PDF, a Word document or an OpenDocument text"))
            #expect(try await store.papers(of: scheduledMeetingID).isEmpty)

            response = try await upload(client, "7", session, ["part": "report"], "Quality assurance.pdf", pdf(Self.cover))
            #expect(response.status == .seeOther, "\(String(buffer: response.body).firstMatch(of: /error-message[^<]*<[^<]*<\/span>([^<]*)/)?.1 ?? "")")
            let report = try #require(try await store.agenda(of: scheduledMeetingID)?.reports.first { $0.title == "QUALITY ASSURANCE" })
            #expect(report.reportBy == "Director of Children's Services" && report.purpose == "To set out how the quality of social work practice is audited.")
            #expect(report.text(of: .keyConsiderations)?.contains("Audits are carried out monthly") == true)
            response = try await upload(client, "7", session, ["part": "new", "appendix_title": "Costs", "appendix_access": "exempt: paragraph 3"], "costs.docx", try zipped(docxParts))
            #expect(response.status == .seeOther)
            response = try await upload(client, "8", session, ["part": "report"], "bids.odt", try zipped(odtParts))
            #expect(response.status == .seeOther)
            let papers = try await store.papers(of: scheduledMeetingID)
            #expect(papers.map { "\($0.itemNumber) \($0.appendix ?? "report") \($0.format.rawValue)" } == ["7 report pdf", "7 Appendix 1 docx", "8 report odt"])
            let reportPaper = try #require(papers.first)
            #expect(try await store.contents(of: reportPaper)?.count == reportPaper.size)
            let path = Paths.meeting(scheduledMeetingID) + "/papers/"

            // Before publication: officers only.
            for paper in papers { _ = try await get(client, path + paper.key, status: .notFound) }
            try await client.execute(uri: path + reportPaper.key, method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/pdf")
                #expect(response.headers[.cacheControl] == "private, no-store")
            }
            let builder = try await client.execute(uri: agendaPath + "/items/7", method: .get, headers: [.cookie: session.cookie]) { String(buffer: $0.body) }
            #expect(builder.contains("The report (PDF,") && builder.contains("not yet published"))

            #expect(try await post(client, agendaPath, session, ["step": "publish"]).status == .seeOther)
            try await client.execute(uri: path + reportPaper.key, method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/pdf")
                #expect(response.headers[.contentDisposition] == "inline; filename=\"Quality assurance.pdf\"; filename*=UTF-8''Quality%20assurance.pdf")
                #expect(Data(buffer: response.body) == pdf(Self.cover))
            }
            _ = try await get(client, path + papers[1].key, status: .notFound)
            _ = try await get(client, path + papers[2].key, status: .notFound)
            let page = try await get(client, Paths.meeting(scheduledMeetingID) + "/items/7")
            #expect(page.contains("The report (PDF,") && page.contains("To set out how the quality of social work practice is audited.") && !page.contains("Appendix 1 (Word"))
            #expect(page.contains("<li>That the committee notes the framework.</li>"), "a recommendation printed without a letter is shown without one")

            // A paper uploaded after publication goes out in the next supplement.
            response = try await upload(client, "7", session, ["part": "new", "appendix_title": "Audit calendar", "appendix_access": "open"], "calendar.odt", try zipped(odtParts + [("styles.xml", "<s/>")]))
            #expect(response.status == .seeOther)
            let later = try #require(try await store.papers(of: scheduledMeetingID).last)
            _ = try await get(client, path + later.key, status: .notFound)
            #expect(try await client.execute(uri: agendaPath, method: .get, headers: [.cookie: session.cookie]) { String(buffer: $0.body) }.contains("Supplement 1 will publish item 7"))
            #expect(try await post(client, agendaPath, session, ["step": "publish"]).status == .seeOther)
            #expect(try await store.publications(of: scheduledMeetingID).last?.items == ["7"])
            try await client.execute(uri: path + later.key, method: .get) { response in
                #expect(response.status == .ok && response.headers[.contentType] == "application/vnd.oasis.opendocument.text")
            }
            #expect(try await store.history(of: reportPaper.id.rawValue).map(\.action) == [.created, .updated])
        }
    }
}
