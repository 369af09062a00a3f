import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// For democratic services: building a meeting's agenda (the council's standard items, substantive items with their
/// reports, order, exemption) and publishing it, then any later change as a dated supplement. The public sees the
/// agenda only as published; everything here is the working copy.
struct AgendaBuilding {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/committees/:committee/meetings/:date/agenda", show: show, submit: submit)
        router.form("/committees/:committee/meetings/:date/agenda/items/:item", show: showItem, submit: submitItem)
    }

    // MARK: The agenda

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        let (committee, meeting) = try await findMeeting(in: store, context)
        guard session.user.mayScheduleMeetings else { throw Self.notAllowed }
        guard let agenda = try await store.agenda(of: meeting.id) else { throw HTTPError(.notFound) }
        return try await render(committee, meeting, agenda, session: session, step: nil, values: [:], errors: [:])
    }

    func submit(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let (committee, meeting) = try await findMeeting(in: store, context)
        guard session.user.mayScheduleMeetings else { throw Self.notAllowed }
        guard let agenda = try await store.agenda(of: meeting.id) else { throw HTTPError(.notFound) }
        let actor = session.user.id.rawValue
        if form["step"] == "publish" {
            do {
                let publication = try await store.publishAgenda(
                    meeting.id, by: actor, at: today(), on: todayInLondon(today),
                    check: { if !form[EditVersion.field].isEmpty, EditVersion.of($0) != form[EditVersion.field] { throw EditVersion.Conflict() } })
                return redirect(to: Paths.meeting(meeting.id) + "/agenda?published=\(publication.number)")
            } catch StoreError.invalid(let message) {
                return try await refused(committee, meeting, session, "publish", form, ["publish": message], request, context)
            } catch is EditVersion.Conflict {
                return try await conflict(committee, meeting, session, "publish", form, request, context)
            }
        }
        guard let step = AgendaChanges.Step(rawValue: form["step"]), step != .edit, step != .report else {
            throw HTTPError(.badRequest, message: "The form asked for something this page does not do.")
        }
        let (standard, previous) = try await standardItems(for: committee, meeting)
        switch AgendaChanges.change(step, form, on: agenda, standard: standard, previousMeeting: previous) {
        case .failure(let errors):
            return try await refused(committee, meeting, session, step.rawValue, form, errors.messages, request, context)
        case .success(let change):
            do {
                try await store.updateAgenda(meeting.id, by: actor, at: today(), EditVersion.guarded(change, expected: form[EditVersion.field]))
            } catch StoreError.invalid(let message) {
                return try await refused(committee, meeting, session, step.rawValue, form, ["item": message], request, context)
            } catch is EditVersion.Conflict {
                return try await conflict(committee, meeting, session, step.rawValue, form, request, context)
            }
            return redirect(to: Paths.meeting(meeting.id) + "/agenda" + (step == .add ? "#items" : ""))
        }
    }

    private func refused(
        _ committee: Committee, _ meeting: Meeting, _ session: UserSession, _ step: String, _ form: FormSubmission, _ errors: [String: String],
        _ request: Request, _ context: QuorumRequestContext
    ) async throws -> Response {
        guard let agenda = try await store.agenda(of: meeting.id) else { throw HTTPError(.notFound) }
        var page = try await render(committee, meeting, agenda, session: session, step: step, values: form.fields, errors: errors)
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func conflict(
        _ committee: Committee, _ meeting: Meeting, _ session: UserSession, _ step: String, _ form: FormSubmission, _ request: Request,
        _ context: QuorumRequestContext
    ) async throws -> Response {
        guard let agenda = try await store.agenda(of: meeting.id) else { throw HTTPError(.notFound) }
        var page = try await render(committee, meeting, agenda, session: session, step: step, values: form.fields, errors: [:], notice: EditVersion.notice("agenda"))
        page.status = .conflict
        return try page.response(from: request, context: context)
    }

    /// The council's standard items, and the day of the committee's previous meeting (for the minutes item).
    private func standardItems(for committee: Committee, _ meeting: Meeting) async throws -> ([StandardAgendaItem], CalendarDay?) {
        try await Self.standardItems(in: store, for: committee, meeting)
    }

    /// The council's standard items, and the day of the committee's previous meeting (for the minutes item).
    static func standardItems(in store: any QuorumStore, for committee: Committee, _ meeting: Meeting) async throws -> ([StandardAgendaItem], CalendarDay?) {
        let standard = try await store.standardAgendaItems(of: committee.authority)
        let previous = try await store.meetings(MeetingFilter(committee: committee.id, to: meeting.start.day.adding(days: -1), newestFirst: true, limit: 5))
            .first { if case .cancelled = $0.status { false } else { true } }
        return (standard, previous?.start.day)
    }

    private func render(
        _ committee: Committee, _ meeting: Meeting, _ agenda: Agenda, session: UserSession, step: String?, values: [String: String], errors: [String: String],
        notice: String? = nil
    ) async throws -> HTML {
        let papers = try await store.meetingPapers(meeting.id)
        let rules = papers?.authority?.rules ?? .standard
        let deadlines = ReportDeadlines(meetingDay: meeting.start.day, workProgramme: papers?.reportDeadline, rules: rules, calendar: .englandAndWales)
        let publications = papers?.publications ?? []
        let (standard, _) = try await standardItems(for: committee, meeting)
        let published = (papers?.agendaItems ?? [], try await store.reports(of: meeting.id))
        // Items changed since publication, and those with papers uploaded since: what the next supplement carries.
        let unpublishedPapers = Set(try await store.papers(of: meeting.id).filter { $0.publication == nil }.map(\.itemNumber))
        let changed = Set(agenda.changes(fromPublished: published.0, reports: published.1).map(\.id) + agenda.items.filter { unpublishedPapers.contains($0.number) }.map(\.id))
        let action = Paths.meeting(meeting.id) + "/agenda"
        let version = EditVersion.field(for: agenda)
        func value(_ name: String) -> String { values[name] ?? "" }
        func error(_ forStep: String, _ name: String) -> String? { step == forStep ? errors[name] : nil }
        func button(_ step: AgendaChanges.Step, _ item: AgendaItem, _ label: String) -> FormView {
            .post(action, csrfToken: session.csrfToken,
                fields: [FormField(.hidden, name: "step", label: "", value: step.rawValue), FormField(.hidden, name: "item", label: "", value: Self.key(item.id)), version],
                submit: label)
        }
        let rows = agenda.items.enumerated().map { index, item -> AgendaBuilderPage.Row in
            let report = agenda.report(of: item.id)
            var state: String
            if !agenda.isFixed(item.id) { state = agenda.isPublished ? "New: goes out in the next supplement" : "Not yet published" } else if changed.contains(item.id) {
                state = "Changed since publication: goes out in the next supplement"
            } else { state = "Published" }
            if item.isExempt, !agenda.isPublished || changed.contains(item.id) { state += "; exempt, so the public sees only its number" }
            var buttons: [FormView] = []
            if !agenda.isPublished {
                if index > 0 { buttons.append(button(.up, item, "Move item \(item.number) up")) }
                if index < agenda.items.count - 1 { buttons.append(button(.down, item, "Move item \(item.number) down")) }
            }
            if !agenda.isFixed(item.id) { buttons.append(button(.remove, item, "Remove item \(item.number)")) }
            return .init(
                number: item.number, title: item.title, description: item.description, access: item.access.label, state: state,
                report: report.map { r in
                    ["Report by \(r.reportBy.isEmpty ? "a lead officer not yet named" : r.reportBy)", r.author.map { "written by \($0.name)" }].compactMap { $0 }.joined(separator: ", ")
                },
                edit: Link(text: "Change item \(item.number)", href: action + "/items/" + Self.key(item.id)), buttons: buttons)
        }
        let missing = agenda.missing(standard)
        let standardForm: FormView? =
            agenda.isPublished || missing.isEmpty
            ? nil
            : .post(action, csrfToken: session.csrfToken, fields: [FormField(.hidden, name: "step", label: "", value: "standard"), version],
                submit: "Add the standard items (\(missing.count))")
        let addForm = FormView.post(
            action + "#add", csrfToken: session.csrfToken,
            fields: [
                FormField(.hidden, name: "step", label: "", value: "add"), version,
                FormField(.text(type: "text", width: 60), name: "title", label: "Title", hint: "As the agenda prints it, for example QUALITY ASSURANCE.",
                    error: error("add", "title"), value: step == "add" ? value("title") : ""),
                FormField(.textArea(rows: 3), name: "description", label: "What the item is for", hint: "For example, To scrutinise the improvement plan.",
                    error: error("add", "description"), value: step == "add" ? value("description") : ""),
                FormField(.radios, name: "kind", label: "Does it have a report?", error: error("add", "kind"), value: step == "add" ? value("kind") : "",
                    options: [("report", "Yes: a substantive item with a report"), ("item", "No")]),
                FormField(.text(type: "text", width: 60), name: "lead_officer", label: "Lead officer (for an item with a report)",
                    hint: "The role the report is by, for example Director of Children's Services.", error: error("add", "lead_officer"),
                    value: step == "add" ? value("lead_officer") : ""),
                FormField(.text(type: "text", width: 40), name: "author_name", label: "Report author (optional)", error: error("add", "author_name"),
                    value: step == "add" ? value("author_name") : "", autocomplete: "off"),
                FormField(.text(type: "email", width: 40), name: "author_email", label: "Report author's email (optional)", error: error("add", "author_email"),
                    value: step == "add" ? value("author_email") : "", autocomplete: "off"),
                FormField(.select, name: "access", label: "Open or exempt", hint: "An exempt item is taken in private; the public sees only its number and the paragraph.",
                    error: error("add", "access"), value: step == "add" ? value("access") : "open", options: AgendaChanges.accessOptions),
            ], submit: "Add the item")
        let next = publications.last.map { $0.number + 1 } ?? (agenda.isPublished ? 1 : 0)
        let label = next == 0 ? "Publish the agenda" : "Publish supplement \(next)"
        let pending = agenda.items.filter { changed.contains($0.id) }.map(\.number)
        var publishText: String
        if !agenda.isPublished {
            publishText = "Publishing makes the agenda and its open reports public at once, on the website, in search, the feeds and the API. It must be published by \(deadlines.publication.councilStyle)."
        } else if pending.isEmpty {
            publishText = "Nothing has changed since the last publication."
        } else {
            publishText = "Supplement \(next) will publish item\(pending.count == 1 ? "" : "s") \(pending.joined(separator: ", ")), dated today."
        }
        let publishForm = FormView.post(
            action, csrfToken: session.csrfToken, fields: [FormField(.hidden, name: "step", label: "", value: "publish"), version], submit: label)
        let page = AgendaBuilderPage(
            title: "Agenda for \(committee.name), \(meeting.start.day.councilStyle)",
            status: agenda.isPublished ? "Published. Items published cannot be moved or removed; a change to one goes out in a supplement." : "Not yet published: the public sees none of it.",
            deadlines: [
                "Reports due from their writers by \(deadlines.report.councilStyle)" + (deadlines.reportFromWorkProgramme ? " (the work programme's date)." : "."),
                "Clearance: every reviewer signed off by \(deadlines.clearance.councilStyle).",
                "Agenda published by \(deadlines.publication.councilStyle) (\(rules.agendaClearWorkingDays) clear working days before the meeting).",
            ],
            publications: publications.map { $0.summary + ($0.number == 0 && $0.at.day > deadlines.publication ? " (after the deadline)" : "") },
            items: rows, hasItems: !rows.isEmpty, standardForm: standardForm, addForm: addForm, publishText: publishText,
            publishForm: (agenda.isPublished && pending.isEmpty) ? nil : publishForm, publishError: error("publish", "publish") ?? (step != "add" ? errors["item"] ?? errors["standard"] : nil),
            back: Link(text: "Back to the meeting", href: Paths.meeting(meeting.id)), frontSheet: Link(text: "The agenda's front sheet, to print", href: Paths.meeting(meeting.id) + "/front-sheet"),
            notice: notice)
        return HTML(page)
    }

    // MARK: One item

    func showItem(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        let (committee, meeting) = try await findMeeting(in: store, context)
        guard session.user.mayScheduleMeetings else { throw Self.notAllowed }
        let (agenda, item) = try await findItem(meeting, context)
        return try renderItem(committee, meeting, agenda, item, session: session, step: nil, values: [:], errors: [:], papers: try await store.papers(of: meeting.id))
    }

    func submitItem(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request, limit: PaperUpload.limit)
        try form.checkToken(session.csrfToken)
        let (committee, meeting) = try await findMeeting(in: store, context)
        guard session.user.mayScheduleMeetings else { throw Self.notAllowed }
        let (agenda, item) = try await findItem(meeting, context)
        if form["step"] == "upload" {
            let errors: [String: String]
            do {
                let upload = try await PaperUpload.read(form, for: item, in: agenda, meeting: meeting, by: session.user.id.rawValue, now: todayInLondon(today))
                try await store.addPaper(
                    upload.paper, bytes: upload.bytes, by: session.user.id.rawValue, at: today(), agenda: EditVersion.guarded(upload.change, expected: form[EditVersion.field]))
                return redirect(to: Paths.meeting(meeting.id) + "/agenda/items/" + Self.key(item.id) + "#papers")
            } catch let refusal as FieldErrors {
                errors = refusal.messages
            } catch StoreError.invalid(let message) {
                errors = ["paper": message]
            } catch let refusal as ChangeRefusal {
                errors = ["paper": refusal.message]
            } catch is EditVersion.Conflict {
                let (current, currentItem) = try await findItem(meeting, context)
                var page = try renderItem(
                    committee, meeting, current, currentItem, session: session, step: "upload", values: form.fields, errors: [:], notice: EditVersion.notice("agenda"),
                    papers: try await store.papers(of: meeting.id))
                page.status = .conflict
                return try page.response(from: request, context: context)
            }
            let (current, currentItem) = try await findItem(meeting, context)
            var page = try renderItem(committee, meeting, current, currentItem, session: session, step: "upload", values: form.fields, errors: errors, papers: try await store.papers(of: meeting.id))
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        }
        guard let step = AgendaChanges.Step(rawValue: form["step"]), step == .edit || step == .report else {
            throw HTTPError(.badRequest, message: "The form asked for something this page does not do.")
        }
        var values = form.fields
        values["item"] = Self.key(item.id)
        let submitted = ApiSubmission(values: values)
        let (standard, previous) = try await standardItems(for: committee, meeting)
        var errors: [String: String]
        switch AgendaChanges.change(step, submitted, on: agenda, standard: standard, previousMeeting: previous) {
        case .failure(let refused): errors = refused.messages
        case .success(let change):
            do {
                try await store.updateAgenda(meeting.id, by: session.user.id.rawValue, at: today(), EditVersion.guarded(change, expected: form[EditVersion.field]))
                return redirect(to: Paths.meeting(meeting.id) + "/agenda")
            } catch StoreError.invalid(let message) {
                errors = ["title": message]
            } catch is EditVersion.Conflict {
                let (current, currentItem) = try await findItem(meeting, context)
                var page = try renderItem(committee, meeting, current, currentItem, session: session, step: step.rawValue, values: form.fields, errors: [:], notice: EditVersion.notice("agenda"), papers: try await store.papers(of: meeting.id))
                page.status = .conflict
                return try page.response(from: request, context: context)
            }
        }
        var page = try renderItem(committee, meeting, agenda, item, session: session, step: step.rawValue, values: form.fields, errors: errors, papers: try await store.papers(of: meeting.id))
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func findItem(_ meeting: Meeting, _ context: QuorumRequestContext) async throws -> (Agenda, AgendaItem) {
        guard let agenda = try await store.agenda(of: meeting.id),
            let item = agenda.item(Paths.agendaItemID(meeting.id, number: try context.parameters.require("item")))
        else { throw HTTPError(.notFound) }
        return (agenda, item)
    }

    private func renderItem(
        _ committee: Committee, _ meeting: Meeting, _ agenda: Agenda, _ item: AgendaItem, session: UserSession, step: String?, values: [String: String],
        errors: [String: String], notice: String? = nil, papers: [Paper]
    ) throws -> HTML {
        let action = Paths.meeting(meeting.id) + "/agenda/items/" + Self.key(item.id)
        let version = EditVersion.field(for: agenda)
        let report = agenda.report(of: item.id)
        func field(_ forStep: String, _ name: String, _ held: String) -> (value: String, error: String?) {
            step == forStep ? (values[name] ?? "", errors[name]) : (held, nil)
        }
        let title = field("edit", "title", item.title)
        let description = field("edit", "description", item.description)
        let access = field("edit", "access", item.access.code)
        var itemFields = [
            FormField(.hidden, name: "step", label: "", value: "edit"), version,
            FormField(.text(type: "text", width: 60), name: "title", label: "Title", error: title.error, value: title.value),
            FormField(.textArea(rows: 3), name: "description", label: "What the item is for", error: description.error, value: description.value),
            FormField(.select, name: "access", label: "Open or exempt",
                hint: agenda.isFixed(item.id) && item.isExempt ? "It was published as exempt: to make it public, release it from the exempt information page." : "Made exempt, a published item is withheld at once.",
                error: access.error, value: access.value, options: AgendaChanges.accessOptions),
        ]
        if let report {
            let lead = field("edit", "lead_officer", report.reportBy)
            let name = field("edit", "author_name", report.author?.name ?? "")
            let email = field("edit", "author_email", report.author?.email ?? "")
            itemFields += [
                FormField(.text(type: "text", width: 60), name: "lead_officer", label: "Lead officer", hint: "The role the report is by.", error: lead.error, value: lead.value),
                FormField(.text(type: "text", width: 40), name: "author_name", label: "Report author", error: name.error, value: name.value, autocomplete: "off"),
                FormField(.text(type: "email", width: 40), name: "author_email", label: "Report author's email", error: email.error, value: email.value, autocomplete: "off"),
            ]
        }
        var sections: [ProgressPage.Section] = [
            .init(heading: "The item", intro: "Its number, \(item.number), \(agenda.isPublished ? "is fixed now the agenda is published" : "follows its place on the agenda").",
                form: .post(action, csrfToken: session.csrfToken, fields: itemFields, submit: "Save the item"))
        ]
        if let report {
            let purpose = field("report", "purpose", report.purpose)
            let decision = field("report", "decision_type", report.decisionType.rawValue)
            let wards = field("report", "wards_affected", report.wardsAffected)
            let recommendations = field("report", "recommendations", report.recommendations.map { "\($0.letter)) \($0.text)" }.joined(separator: "\n"))
            var reportFields = [
                FormField(.hidden, name: "step", label: "", value: "report"), version,
                FormField(.select, name: "decision_type", label: "Decision type", error: decision.error, value: decision.value,
                    options: Report.DecisionType.allCases.map { ($0.rawValue, $0.label) }),
                FormField(.text(type: "text", width: 60), name: "wards_affected", label: "Wards affected", hint: "All wards, or the wards named.", error: wards.error, value: wards.value),
                FormField(.textArea(rows: 4), name: "purpose", label: "Purpose", error: purpose.error, value: purpose.value),
                FormField(.textArea(rows: 5), name: "recommendations", label: "Recommendations", hint: "One on each line; they are lettered a), b), … in order.",
                    error: recommendations.error, value: recommendations.value),
            ]
            for kind in Report.SectionKind.allCases where kind != .other {
                let section = field("report", "section_" + kind.rawValue, report.text(of: kind) ?? "")
                reportFields.append(FormField(.textArea(rows: 4), name: "section_" + kind.rawValue, label: kind.heading, error: section.error, value: section.value))
            }
            sections.append(.init(
                heading: "The report", intro: "The cover sheet's fixed sections, as the council's template prints them. It is published with the agenda, or in a supplement if it comes later.",
                form: .post(action, csrfToken: session.csrfToken, fields: reportFields, submit: "Save the report")))
        }
        if let report {
            let part = step == "upload" ? values["part"] ?? "report" : "report"
            let held = papers.filter { $0.itemNumber == item.number }
            sections.append(.init(
                heading: "Papers",
                intro: "Upload the report or an appendix as a PDF, Word document or OpenDocument text, of at most \(PaperUpload.limit >> 20) MB; each file is checked by its content, not its name. A PDF of the report is read into the report's fields and sections, so it reads as a web page. Papers go public with the next publication, and never while exempt.",
                form: .post(
                    action + "#papers", csrfToken: session.csrfToken,
                    fields: [
                        FormField(.hidden, name: "step", label: "", value: "upload"), version,
                        FormField(.file(accept: ".pdf,.docx,.odt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text"),
                            name: "paper", label: "The file", error: step == "upload" ? errors["paper"] : nil),
                        FormField(.select, name: "part", label: "It is", error: step == "upload" ? errors["part"] : nil, value: part,
                            options: [("report", "The report")] + report.appendices.map { ($0.label, "\($0.label): \($0.title)") } + [("new", "A new appendix")]),
                        FormField(.text(type: "text", width: 40), name: "appendix_title", label: "The new appendix's title", hint: "For a new appendix, numbered after the others.",
                            error: step == "upload" ? errors["appendix_title"] : nil, value: step == "upload" ? values["appendix_title"] ?? "" : ""),
                        FormField(.select, name: "appendix_access", label: "The new appendix is", error: step == "upload" ? errors["appendix_access"] : nil,
                            value: step == "upload" ? values["appendix_access"] ?? item.access.code : item.access.code, options: AgendaChanges.accessOptions),
                    ], submit: "Upload"),
                links: held.map { paper in
                    Link(
                        text: paper.describedForDownload + ": " + paper.filename + ", uploaded \(paper.uploadedAt.councilStyle)"
                            + (paper.publication.map { $0 == 0 ? ", published with the agenda" : ", published in supplement \($0)" } ?? ", not yet published"),
                        href: Paths.meeting(meeting.id) + "/papers/" + paper.key)
                }))
        }
        let page = ProgressPage(
            title: "Item \(item.number): \(item.title)", text: "On the agenda for \(committee.name), \(meeting.start.day.councilStyle).", sections: sections,
            back: Link(text: "Back to the agenda", href: Paths.meeting(meeting.id) + "/agenda"), notice: notice)
        return HTML(page)
    }

    /// The last part of an item's identifier, as its address gives it.
    static func key(_ id: AgendaItem.ID) -> String { String(id.rawValue.split(separator: "/").last ?? "") }

    private static let notAllowed = HTTPError(.forbidden, message: "Only democratic services (a clerk or an administrator) can build and publish agendas.")
}

struct AgendaBuilderPage: Sendable {
    let title: String
    let status: String
    let deadlines: [String]
    let publications: [String]
    let items: [Row]
    let hasItems: Bool
    let standardForm: FormView?
    let addForm: FormView
    let publishText: String
    let publishForm: FormView?
    let publishError: String?
    let back: Link
    let frontSheet: Link
    let notice: String?

    struct Row: Sendable {
        let number: String
        let title: String
        let description: String
        let access: String
        let state: String
        let report: String?
        let edit: Link
        let buttons: [FormView]
    }
}
