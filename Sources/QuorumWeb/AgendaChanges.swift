import Foundation
import Hummingbird
import QuorumDomain

/// A change to a meeting's working agenda, made by the store in one audited transaction.
typealias AgendaChange = @Sendable (inout Agenda) throws -> Void

/// The rules for building an agenda, whoever asks and however (the website's forms, the API): each step read from
/// submitted values, tried on the agenda as it stands so that what is wrong comes back beside its field, and made again
/// on the agenda as the store's transaction reads it.
enum AgendaChanges {
    enum Step: String, Sendable, CaseIterable {
        case standard, add, up, down, remove, edit, report
    }

    /// The change `step` asks for, or what is wrong with what was sent.
    static func change(
        _ step: Step, _ values: some SubmittedValues, on agenda: Agenda, standard: [StandardAgendaItem], previousMeeting: CalendarDay?
    ) -> Result<AgendaChange, FieldErrors> {
        var errors = FieldErrors()
        let item = values["item"].isEmpty ? nil : Paths.agendaItemID(agenda.meeting, number: values["item"])
        let change: AgendaChange
        switch step {
        case .standard:
            change = { try $0.addStandardItems(standard, previousMeeting: previousMeeting) }
        case .add:
            let access = access(values, &errors)
            let hasReport = values["kind"] == "report"
            if values["kind"].isEmpty { errors["kind"] = "Select whether the item has a report" }
            let author = hasReport ? author(values, &errors) : nil
            guard errors.isEmpty, let access else { return .failure(errors) }
            let new = Agenda.NewItem(
                title: values["title"], description: values["description"], access: access,
                report: hasReport ? Agenda.ReportCover(leadOfficer: values["lead_officer"], author: author) : nil)
            change = { _ = try $0.add(new, standard: standard) }
        case .up, .down, .remove:
            guard let item else { return .failure(FieldErrors(messages: ["item": "Choose an item"])) }
            if step == .remove {
                change = { try $0.remove(item) }
            } else {
                let by = step == .up ? -1 : 1
                change = { try $0.move(item, by: by) }
            }
        case .edit:
            guard let item, let held = agenda.item(item) else { return .failure(FieldErrors(messages: ["item": "That item is not on the agenda"])) }
            let access = access(values, &errors)
            let hasReport = agenda.report(of: held.id) != nil
            let author = hasReport ? author(values, &errors) : nil
            guard errors.isEmpty, let access else { return .failure(errors) }
            let cover = hasReport ? Agenda.ReportCover(leadOfficer: values["lead_officer"], author: author) : nil
            let (title, description) = (values["title"], values["description"])
            change = { try $0.edit(item, title: title, description: description, access: access, cover: cover) }
        case .report:
            guard let item, var report = agenda.report(of: item) else { return .failure(FieldErrors(messages: ["item": "That item has no report"])) }
            guard let decision = Report.DecisionType(rawValue: values["decision_type"]) else {
                return .failure(FieldErrors(messages: ["decision_type": "Select the decision type"]))
            }
            report.decisionType = decision
            report.purpose = values["purpose"]
            report.wardsAffected = values["wards_affected"]
            report.recommendations = lettered(values["recommendations"])
            report.sections = Report.SectionKind.allCases.filter { $0 != .other }.map { kind in
                Report.Section(kind: kind, heading: kind.heading, text: values["section_" + kind.rawValue])
            } + report.sections.filter { $0.kind == .other }
            for (name, text) in [("purpose", report.purpose), ("recommendations", values["recommendations"])] where text.count > 20_000 {
                errors[name] = "This must be 20,000 characters or fewer"
            }
            if let long = report.sections.first(where: { $0.text.count > 100_000 }) { errors["section_" + long.kind.rawValue] = "This section must be 100,000 characters or fewer" }
            guard errors.isEmpty else { return .failure(errors) }
            let written = report
            change = { try $0.updateReport(written) }
        }
        // Tried on the agenda as it stands, so a refusal comes back beside its field.
        var trial = agenda
        do {
            try change(&trial)
        } catch let refusal as Agenda.Refusal {
            return .failure(FieldErrors(messages: [refusal.field: refusal.message]))
        } catch {
            return .failure(FieldErrors(messages: ["item": "\(error)"]))
        }
        return .success(change)
    }

    /// "open", "exempt" or "exempt: paragraph 3".
    private static func access(_ values: some SubmittedValues, _ errors: inout FieldErrors) -> Access? {
        guard let access = Access(values["access"].isEmpty ? "open" : values["access"]) else {
            errors["access"] = "Select whether the item is open or exempt, and under which paragraph"
            return nil
        }
        if access.isExempt, access.paragraph == nil {
            errors["access"] = "Select the paragraph of Schedule 12A the item is exempt under"
            return nil
        }
        return access
    }

    /// The report's author, with an email address that looks like one (the cover prints it for questions about the report).
    private static func author(_ values: some SubmittedValues, _ errors: inout FieldErrors) -> Contact? {
        let email = values["author_email"].trimmingCharacters(in: .whitespaces)
        if !email.isEmpty, !QuestionChanges.isEmailAddress(email) { errors["author_email"] = "Enter the author's email address in the correct format, like name@example.gov.uk" }
        if !email.isEmpty, values["author_name"].isEmpty { errors["author_name"] = "Enter the author's name with their email address" }
        return values["author_name"].isEmpty ? nil : Contact(name: values["author_name"], email: email.isEmpty ? nil : email)
    }

    /// Recommendations a line each, lettered a), b), … as the cover prints them; a letter typed is kept.
    static func lettered(_ text: String) -> [Report.LetteredRecommendation] {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return lines.enumerated().map { index, line in
            let letter = String(UnicodeScalar(UInt8(97 + index % 26)))
            if line.count > 2, let close = line.firstIndex(of: ")"), line.distance(from: line.startIndex, to: close) == 1, line.first!.isLetter {
                return .init(letter: String(line.first!), text: line[line.index(after: close)...].trimmingCharacters(in: .whitespaces))
            }
            return .init(letter: letter, text: line)
        }
    }

    /// The choices of open or exempt, with each paragraph of Schedule 12A in the Act's words.
    static let accessOptions: [(String, String)] =
        [("open", "Open: taken in public")]
        + Schedule12A.allCases.map { (Access.exempt(paragraph: $0).code, "Exempt under paragraph \($0.rawValue): \($0.summary)") }

    static let noLongerApplies = HTTPError(.conflict, message: "The agenda changed while you had the page open. Reload it to see where it has got to.")
}
