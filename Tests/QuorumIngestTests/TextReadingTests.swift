import QuorumDomain
import Foundation
import Testing
@testable import QuorumIngest

/// The small readers every stage relies on.
@Suite("Reading dates, times and markup")
struct TextReadingTests {
    @Test("Dates are read as councils print them", arguments: [
        ("Tuesday 18 March 2025", CalendarDay(2025, 3, 18)),
        ("28-Jan-25", CalendarDay(2025, 1, 28)),
        ("07 September 2021", CalendarDay(2021, 9, 7)),
        ("18th March 2025", CalendarDay(2025, 3, 18)),
        ("on 26/11/2024 at noon", CalendarDay(2024, 11, 26)),
    ])
    func dates(text: String, expected: CalendarDay) {
        #expect(DateText.firstDate(in: text) == expected)
    }

    @Test("Text that is not a date stays text", arguments: ["N/A", "TBC", "February 2025", "31 February 2025", "Summer 2021"])
    func notDates(text: String) {
        #expect(DateText.firstDate(in: text) == nil)
        #expect(PublishedDate(cell: text) == PublishedDate(text: text))
    }

    @Test("Times are read on the 24-hour clock", arguments: [
        ("2.00 pm", TimeOfDay(hour: 14, minute: 0)), ("16:56", TimeOfDay(hour: 16, minute: 56)), ("5:31pm", TimeOfDay(hour: 17, minute: 31)),
        ("Tuesday 27 May 2025, 2pm", TimeOfDay(hour: 14, minute: 0)), ("12.15 am", TimeOfDay(hour: 0, minute: 15)),
    ])
    func times(text: String, expected: TimeOfDay?) {
        #expect(DateText.firstTime(in: text) == expected)
    }

    @Test("Sums of money and section numbers are not times", arguments: ["£5.0 million", "Section 4.5.7", "Time Not Specified", "pages 9 - 20"])
    func notTimes(text: String) {
        #expect(DateText.firstTime(in: text) == nil)
    }

    @Test("Markdown and HTML markup is stripped to plain text")
    func markup() {
        #expect(Markup.plain("**Councillor Toni Fagan**") == "Councillor Toni Fagan")
        #expect(Markup.plain("Email: [simon.cann@herefordshire.gov.uk](mailto:simon.cann@herefordshire.gov.uk)") == "Email: simon.cann@herefordshire.gov.uk")
        #expect(Markup.plain("<p><b>Response:</b> <i>Yes &amp; no</i></p>") == "Response: Yes & no")
        #expect(Markup.plain("\\*The Corporate Director") == "*The Corporate Director")
        #expect(Markup.paragraphs("<b>Title</b> <ul><li>One</li><li>• Two</li></ul>") == ["Title", "One", "Two"])
        #expect(Markup.boldRuns("<li><b>Liz Farr</b></li><li>Other</li>") == ["Liz Farr"])
    }

    @Test("Tables in tab, pipe and HTML form all become rows of cells")
    func tables() {
        let text = "Rec. No.\tRecommendation\n| a | b |\n|---|---|\n<table><tr><td>x</td><td><b>y</b></td></tr></table>\n--\t--"
        let lines = normalise(text).lines
        #expect(lines[0].cells?.map(\.text) == ["Rec. No.", "Recommendation"])
        #expect(lines.count == 3)
        #expect(lines[2].cells?.map(\.text) == ["x", "y"])
        #expect(lines[1].cells?.map(\.text) == ["a", "b"])
    }

    @Test("Page numbers and repeated running headers are dropped")
    func pageFurniture() {
        let page = "Audit Committee 5 May 2025\nReal content line\n\n12\n"
        let text = (1...4).map { page.replacingOccurrences(of: "12", with: "\($0)") }.joined(separator: "\u{0C}")
        let lines = normalise(text).lines
        #expect(lines.map(\.text) == Array(repeating: "Real content line", count: 4))
    }
}
