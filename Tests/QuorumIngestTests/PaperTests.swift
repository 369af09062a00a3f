import Foundation
import QuorumDomain
import QuorumIngest
import QuorumTestSupport
import Testing

@Suite("Uploaded papers")
struct PaperTests {
    @Test("A paper's format is known by its content, never its name: a PDF by its header, Word and OpenDocument by their parts; anything else is refused")
    func formats() throws {
        #expect(PaperFormat.of(pdf(["Hello"])) == .pdf)
        #expect(PaperFormat.of(try zipped(docxParts)) == .docx)
        #expect(PaperFormat.of(try zipped(odtParts)) == .odt)
        #expect(PaperFormat.of(try zipped([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "")])) == nil)
        #expect(PaperFormat.of(try zipped([("readme.txt", "not a document")])) == nil)
        #expect(PaperFormat.of(Data("Title,Decision maker\n".utf8)) == nil)
        #expect(PaperFormat.of(Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0])) == nil)
    }

    @Test("A report uploaded on its own is read by the importer's report reader: its cover fills the report's fields and its headings its sections; what it does not say is kept, and exempt stays exempt")
    func reportPaper() {
        let meeting = Meeting.fixture()
        let item = AgendaItem(number: "7", of: meeting.id, position: 7, title: "QUALITY ASSURANCE")
        var held = Report(for: item, title: "QUALITY ASSURANCE")
        held.author = Contact(name: "Sam Writer")
        let text = """
            Title of report: Quality assurance framework
            Meeting: Children and young people scrutiny committee
            Meeting date: Tuesday 3 March 2026
            Report by: Director of Children's Services
            Classification
            Open
            Decision type
            This is not an executive decision
            Wards affected
            (All Wards);
            Purpose
            To set out how the quality of social work practice is audited.
            Recommendation(s)
            That:
            a) the committee notes the framework; and
            b) the committee reviews it in a year.
            Alternative options
            1. None: the framework is statutory guidance.
            Key considerations
            2. Audits are carried out monthly by practice leads.
            """
        let report = readReportPaper(text, for: item, held: held)
        #expect(report.title == "QUALITY ASSURANCE" && report.reportBy == "Director of Children's Services")
        #expect(report.purpose == "To set out how the quality of social work practice is audited.")
        #expect(report.recommendations.map(\.letter) == ["a", "b"] && report.decisionType == .notAnExecutiveDecision)
        #expect(report.text(of: .keyConsiderations)?.contains("Audits are carried out monthly") == true)
        #expect(report.author == Contact(name: "Sam Writer"))
        // An appendix the clerk holds as exempt stays exempt, whatever the paper's cover says, and stays listed.
        var guarded = held
        guarded.appendices = [.init(label: "Appendix 1", title: "Costs", access: .exempt(paragraph: .financialOrBusinessAffairs))]
        let withAppendix = readReportPaper(text + "\nAppendices\nAppendix 1 – Costs\nAppendix 2 – Timeline", for: item, held: guarded)
        #expect(withAppendix.appendix("Appendix 1")?.access == .exempt(paragraph: .financialOrBusinessAffairs))
        #expect(withAppendix.appendix("Appendix 2")?.access == .open)
        #expect(readReportPaper(text, for: item, held: guarded).appendix("Appendix 1")?.access.isExempt == true)
        var secret = held
        secret.classification = .exempt(paragraph: .financialOrBusinessAffairs)
        #expect(readReportPaper(text, for: item, held: secret).classification == .exempt(paragraph: .financialOrBusinessAffairs))
    }
}
