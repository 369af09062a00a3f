import Foundation
import QuorumDomain
import QuorumTestSupport
import Testing

/// The one rule for what each audience sees.
@Suite("Visibility")
struct VisibilityTests {
    let meeting = Meeting.fixture(on: CalendarDay(2025, 3, 18), status: .agendaPublished)
    var exemptItem: AgendaItem {
        AgendaItem(number: "9", of: meeting.id, position: 9, title: "LAND AT HOLMER", description: "Sale of the Holmer site.",
            pages: PageRange(first: 40, last: 44), access: .exempt(paragraph: .financialOrBusinessAffairs))
    }
    var openItem: AgendaItem { AgendaItem(number: "8", of: meeting.id, position: 8, title: "BUDGET OUTTURN", pages: PageRange(first: 30, last: 39)) }
    var openReport: Report {
        var report = Report(for: openItem, title: "Budget outturn")
        report.appendices = [.init(label: "Appendix 1", title: "Summary"), .init(label: "Appendix 2", title: "Holmer bids", access: .exempt(paragraph: nil))]
        report.sections = [
            .init(kind: .keyConsiderations, heading: "Key considerations", text: "The outturn."),
            .init(kind: .other, heading: "Appendix 1 – Summary", text: "A summary.", appendix: "Appendix 1"),
            .init(kind: .other, heading: "Appendix 2 – Holmer bids", text: "The bids.", appendix: "Appendix 2"),
            .init(kind: .other, heading: "Appendix 3 – Unlisted", text: "Not in the list.", appendix: "Appendix 3"),
        ]
        return report
    }

    @Test("The public sees an exempt item's number and paragraph, never its title, description, pages or report")
    func publicExemptItem() {
        let agenda = Visibility.public.agenda([openItem, exemptItem], reports: [openReport, Report(for: exemptItem, title: "Holmer")], of: meeting)
        let exempt = agenda[1]
        #expect(exempt.item.number == "9" && exempt.item.title == "Exempt item" && exempt.item.pages == nil && exempt.report == nil)
        #expect(exempt.item.description == "This item is exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972 and is not published.")
        #expect(agenda[0].item == openItem && agenda[0].report != nil)
    }

    @Test("An officer sees everything as it is")
    func officerSeesAll() {
        let reports = [openReport, Report(for: exemptItem, title: "Holmer")]
        let agenda = Visibility.officer.agenda([openItem, exemptItem], reports: reports, of: meeting)
        #expect(agenda.map(\.item) == [openItem, exemptItem])
        #expect(agenda.map(\.report) == reports)
        let minute = MinuteItem(number: 58, of: meeting.id, title: "LAND AT HOLMER", text: "Agreed.", access: .exempt(paragraph: .individual))
        #expect(Visibility.officer.minute(minute) == minute)
        #expect(Visibility.officer.maySeePapers(of: Meeting.fixture(on: CalendarDay(2025, 5, 27), status: .scheduled)))
    }

    @Test("An open report's exempt appendix keeps its label; its title and the text printed inside it are withheld, as is text of an unlisted appendix")
    func exemptAppendix() throws {
        let report = try #require(Visibility.public.report(openReport, of: openItem, in: meeting))
        #expect(report.appendices.map(\.label) == ["Appendix 1", "Appendix 2"])
        #expect(report.appendices[1].title == "Exempt under Schedule 12A: not published")
        #expect(report.sections.map(\.heading) == ["Key considerations", "Appendix 1 – Summary"])
    }

    @Test("A report is readable only under its own item, and only when the item and report are open")
    func reportRules() {
        var exemptReport = openReport
        exemptReport.classification = .exempt(paragraph: .legalPrivilege)
        #expect(Visibility.public.report(exemptReport, of: openItem, in: meeting) == nil)
        #expect(Visibility.public.report(Report(for: exemptItem, title: "Holmer"), of: exemptItem, in: meeting) == nil)
        #expect(Visibility.public.report(openReport, of: exemptItem, in: meeting) == nil)
        #expect(Visibility.officer.report(exemptReport, of: openItem, in: meeting) == exemptReport)
    }

    @Test("An exempt minute shows its number and “Minute exempt under paragraph N”; nothing else")
    func exemptMinute() {
        let minute = MinuteItem(
            number: 58, of: meeting.id, title: "LAND AT HOLMER", text: "The sale was agreed.", resolutions: [.init(text: "That the site be sold.")],
            access: .exempt(paragraph: .financialOrBusinessAffairs))
        let shown = Visibility.public.minute(minute)
        #expect(shown.number == 58 && shown.title == "Exempt item" && shown.resolutions.isEmpty)
        #expect(shown.text == "Minute exempt under paragraph 3 of Schedule 12A to the Local Government Act 1972.")
        let open = MinuteItem(number: 57, of: meeting.id, title: "MINUTES", text: "Confirmed.")
        #expect(Visibility.public.minute(open) == open)
    }

    @Test("The papers of a meeting that is only scheduled are public from the moment its agenda is published")
    func publication() {
        let scheduled = Meeting.fixture(on: CalendarDay(2025, 3, 18), status: .scheduled)
        #expect(Visibility.public.agenda([openItem], reports: [openReport], of: scheduled).isEmpty)
        #expect(Visibility.public.minutes([MinuteItem(number: 1, of: scheduled.id, title: "A", text: "")], of: scheduled).isEmpty)
        #expect(Visibility.public.report(openReport, of: openItem, in: scheduled) == nil)
        for status: Meeting.Status in [.agendaPublished, .held(endedAt: nil), .minutesApproved(endedAt: nil), .cancelled(reason: nil)] {
            let meeting = Meeting.fixture(on: CalendarDay(2025, 3, 18), status: status)
            #expect(Visibility.public.agenda([openItem], reports: [openReport], of: meeting).count == 1)
        }
    }

    @Test("Fail closed: a later paper never opens exempt information, and a stated paragraph is never lost")
    func merging() {
        let three = Access.exempt(paragraph: .financialOrBusinessAffairs)
        #expect(three.merged(with: .open, released: false).access == three)
        #expect(three.merged(with: .open, released: false).warning != nil)
        #expect(Access.open.merged(with: three, released: false).access == three)
        #expect(Access.open.merged(with: three, released: true).access == .open)
        #expect(three.merged(with: .exempt(paragraph: nil), released: false).access == three)
        #expect(Access.exempt(paragraph: nil).merged(with: three, released: false).access == three)
        #expect(Access.open.merged(with: .open, released: false) == (.open, nil))
    }

    @Test("Access is stored as one string, and the keyed form of earlier versions still reads")
    func coding() throws {
        for access: Access in [.open, .exempt(paragraph: nil), .exempt(paragraph: .crimePrevention)] {
            let data = try JSONEncoder().encode([access])
            #expect(try JSONDecoder().decode([Access].self, from: data) == [access])
        }
        #expect(String(decoding: try JSONEncoder().encode([Access.exempt(paragraph: .legalPrivilege)]), as: UTF8.self) == #"["exempt: paragraph 5"]"#)
        let old = Data(#"[{"exempt":{"paragraph":3}},{"open":{}}]"#.utf8)
        #expect(try JSONDecoder().decode([Access].self, from: old) == [.exempt(paragraph: .financialOrBusinessAffairs), .open])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Access].self, from: Data(#"["secret"]"#.utf8)) }
    }

    @Test("The public sees a question once it is accepted or answered; one received and not decided, or rejected, only officers see; a meeting takes questions until its deadline")
    func questions() {
        let meeting = Meeting(of: .init("council/committee"), on: LocalDateTime(CalendarDay(2026, 3, 3), TimeOfDay(hour: 14)!), venue: "Hall")
        let statuses: [Question.Status] = [.received, .accepted, .rejected(reason: "Off the agenda."), .answered(response: "Yes.")]
        let asked = statuses.enumerated().map { n, status in
            Question(number: "PQ \(n + 1)", at: meeting.id, asker: .publicMember(name: "A", place: nil), addressee: "Chair", text: "?", status: status)
        }
        #expect(Visibility.public.questions(asked, of: meeting).map(\.number) == ["PQ 2", "PQ 4"])
        #expect(Visibility.officer.questions(asked, of: meeting) == asked)
        // Questions close at 5 pm, four working days before: Wednesday 25 February 2026.
        let calendar = WorkingCalendar.englandAndWales
        #expect(meeting.takesQuestions(at: LocalDateTime(CalendarDay(2026, 2, 25), TimeOfDay(hour: 17)!), rules: .standard, calendar: calendar))
        #expect(!meeting.takesQuestions(at: LocalDateTime(CalendarDay(2026, 2, 25), TimeOfDay(hour: 17, minute: 1)!), rules: .standard, calendar: calendar))
        var cancelled = meeting
        cancelled.status = .cancelled(reason: nil)
        #expect(!cancelled.takesQuestions(at: LocalDateTime(CalendarDay(2026, 1, 5), TimeOfDay(hour: 9)!), rules: .standard, calendar: calendar))
    }
}
