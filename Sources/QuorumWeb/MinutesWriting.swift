import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// For democratic services: writing a meeting's minutes (attendance, declarations, numbered minutes with their
/// resolutions, resolutions marked as recommendations, the approval of the previous meeting's minutes) and publishing
/// them as draft minutes. The public sees the minutes only as published.
struct MinutesWriting {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/committees/:committee/meetings/:date/minutes", show: show, submit: submit)
        router.form("/committees/:committee/meetings/:date/minutes/:number", show: showMinute, submit: submitMinute)
    }

    // MARK: The minutes

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let (session, committee, meeting) = try await open(request, context)
        let minutes = try await requireMinutes(meeting)
        return try await render(committee, meeting, minutes, session: session, step: nil, values: [:], errors: [:])
    }

    func submit(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let (_, committee, meeting) = try await open(request, context)
        let minutes = try await requireMinutes(meeting)
        let actor = session.user.id.rawValue
        let anchor = Paths.meeting(meeting.id) + "/minutes"
        if form["step"] == "publish" {
            do {
                try await store.publishMinutes(
                    meeting.id, by: actor, at: today(), today: todayInLondon(today).day,
                    check: { if !form[EditVersion.field].isEmpty, EditVersion.of($0) != form[EditVersion.field] { throw EditVersion.Conflict() } })
                return redirect(to: anchor + "?published=1")
            } catch StoreError.invalid(let message) {
                return try await refused(committee, meeting, session, "publish", form, ["publish": message], request, context)
            } catch is EditVersion.Conflict {
                return try await conflict(committee, meeting, session, "publish", form, request, context)
            }
        }
        guard let step = MinutesChanges.Step(rawValue: form["step"]), ![.edit, .mark, .unmark].contains(step) else {
            throw HTTPError(.badRequest, message: "The form asked for something this page does not do.")
        }
        let setting = try await setting(committee, meeting)
        switch MinutesChanges.change(step, form, on: minutes, setting) {
        case .failure(let errors):
            return try await refused(committee, meeting, session, step.rawValue, form, errors.messages, request, context)
        case .success(let change):
            do {
                try await store.updateMinutes(meeting.id, by: actor, at: today(), EditVersion.guarded(change, expected: form[EditVersion.field]))
            } catch StoreError.invalid(let message) {
                return try await refused(committee, meeting, session, step.rawValue, form, ["publish": message], request, context)
            } catch is EditVersion.Conflict {
                return try await conflict(committee, meeting, session, step.rawValue, form, request, context)
            }
            return redirect(to: anchor + "#" + Self.section(of: step))
        }
    }

    /// The section of the page a step belongs to, to return to after it.
    private static func section(of step: MinutesChanges.Step) -> String {
        switch step {
        case .members, .attendee, .removeAttendee: "attendance"
        case .declare, .withdraw: "declarations"
        case .approve: "approval"
        case .ended: "ended"
        default: "minutes-items"
        }
    }

    private func open(_ request: Request, _ context: QuorumRequestContext) async throws -> (UserSession, Committee, Meeting) {
        let session = try context.requireUser(for: request)
        let (committee, meeting) = try await findMeeting(in: store, context)
        guard session.user.mayWriteMinutes else { throw Self.notAllowed }
        return (session, committee, meeting)
    }

    private func requireMinutes(_ meeting: Meeting) async throws -> Minutes {
        guard let minutes = try await store.minutes(of: meeting.id) else { throw HTTPError(.notFound) }
        return minutes
    }

    /// What the rules need: the members on the day, the published agenda, the previous meeting and the first number.
    private func setting(_ committee: Committee, _ meeting: Meeting) async throws -> MinutesChanges.Setting {
        try await Self.setting(in: store, committee, meeting)
    }

    static func setting(in store: any QuorumStore, _ committee: Committee, _ meeting: Meeting) async throws -> MinutesChanges.Setting {
        guard let papers = try await store.committeePapers(slug: Paths.slug(committee.id), workProgrammeFrom: meeting.start.day) else {
            throw HTTPError(.notFound)
        }
        let people = Dictionary(papers.people.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let members = papers.memberships.filter { $0.isCurrent(on: meeting.start.day) && $0.role != .namedSubstitute }
            .compactMap { membership in people[membership.person].map { (membership, $0) } }
        let previous = papers.meetings.last { $0.start.day < meeting.start.day && !$0.isCancelled && $0.knownFrom == nil }
        return MinutesChanges.Setting(
            meeting: meeting, authority: committee.authority, members: members, agenda: try await store.agendaItems(of: meeting.id), previous: previous,
            firstNumber: try await store.firstMinuteNumber(of: meeting.id) ?? 1)
    }

    private func refused(
        _ committee: Committee, _ meeting: Meeting, _ session: UserSession, _ step: String, _ form: FormSubmission, _ errors: [String: String],
        _ request: Request, _ context: QuorumRequestContext
    ) async throws -> Response {
        var page = try await render(committee, meeting, try await requireMinutes(meeting), session: session, step: step, values: form.fields, errors: errors)
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func conflict(
        _ committee: Committee, _ meeting: Meeting, _ session: UserSession, _ step: String, _ form: FormSubmission, _ request: Request,
        _ context: QuorumRequestContext
    ) async throws -> Response {
        var page = try await render(
            committee, meeting, try await requireMinutes(meeting), session: session, step: step, values: form.fields, errors: [:],
            notice: EditVersion.notice("draft of the minutes"))
        page.status = .conflict
        return try page.response(from: request, context: context)
    }

    private func render(
        _ committee: Committee, _ meeting: Meeting, _ minutes: Minutes, session: UserSession, step: String?, values: [String: String],
        errors: [String: String], notice: String? = nil
    ) async throws -> HTML {
        let setting = try await setting(committee, meeting)
        let people = Dictionary(
            (try await store.people(minutes.attendance.map(\.person) + minutes.declarations.map(\.person)) + minutes.newPeople + setting.members.map(\.person)).map {
                ($0.id, $0)
            }, uniquingKeysWith: { a, _ in a })
        func name(_ id: Person.ID) -> String { people[id]?.styledName ?? MinutesChanges.key(id) }
        let action = Paths.meeting(meeting.id) + "/minutes"
        let version = EditVersion.field(for: minutes)
        func typed(_ forStep: String, _ name: String, _ held: String = "") -> (value: String, error: String?) {
            step == forStep ? (values[name] ?? "", errors[name]) : (held, nil)
        }
        func post(_ step: String, _ fields: [FormField], submit: String, anchor: String? = nil) -> FormView {
            .post(
                action + (anchor.map { "#" + $0 } ?? ""), csrfToken: session.csrfToken,
                fields: [FormField(.hidden, name: "step", label: "", value: step), version] + fields, submit: submit)
        }
        func post(_ step: MinutesChanges.Step, _ fields: [FormField], submit: String, anchor: String? = nil) -> FormView {
            post(step.rawValue, fields, submit: submit, anchor: anchor)
        }
        func button(_ step: MinutesChanges.Step, _ name: String, _ value: String, _ label: String) -> FormView {
            post(step, [FormField(.hidden, name: name, label: "", value: value)], submit: label)
        }
        let members = Set(setting.members.map(\.person.id))

        // Attendance.
        let attendanceRows = minutes.attendance.map { line in
            WorkPage.Row(
                text: "\(name(line.person)): \(line.kind.describe(name))",
                buttons: members.contains(line.person) ? [] : [button(.removeAttendee, "person", MinutesChanges.key(line.person), "Remove \(name(line.person))")])
        }
        let recorded = Dictionary(minutes.attendance.map { ($0.person, $0.kind) }, uniquingKeysWith: { a, _ in a })
        let memberFields = setting.members.map { membership, person in
            let field = "member_" + MinutesChanges.key(person.id)
            let held = typed("members", field, MinutesChanges.choice(recorded[person.id]))
            return FormField(.select, name: field, label: "\(person.styledName) (\(membership.role.label))", error: held.error, value: held.value, options: MinutesChanges.memberChoices)
        }
        let kind = typed("attendee", "attendee_kind")
        let attendeeName = typed("attendee", "attendee_name")
        let substituteFor = typed("attendee", "substitute_for")
        let capacity = typed("attendee", "capacity")
        var attendanceForms: [WorkPage.TitledForm] = []
        if !memberFields.isEmpty {
            attendanceForms.append(.init(heading: "The committee's members", form: post(.members, memberFields, submit: "Save the members' attendance", anchor: "attendance")))
        }
        attendanceForms.append(
            .init(
                heading: "Add someone else",
                form: post(
                    .attendee,
                    [
                        FormField(.text(type: "text", width: 40), name: "attendee_name", label: "Name", hint: "Without a title: Toni Fagan.", error: attendeeName.error,
                            value: attendeeName.value, autocomplete: "off"),
                        FormField(.radios, name: "attendee_kind", label: "In what capacity", error: kind.error, value: kind.value, options: MinutesChanges.attendeeKinds),
                        FormField(.select, name: "substitute_for", label: "The member they substituted for (for a named substitute)", error: substituteFor.error,
                            value: substituteFor.value, options: [("", "Choose a member")] + setting.members.map { (MinutesChanges.key($0.person.id), $0.person.styledName) }),
                        FormField(.text(type: "text", width: 60), name: "capacity", label: "Capacity or job title",
                            hint: "For an officer, the job title (Statutory Scrutiny Officer); for someone in attendance, in what capacity (Cabinet Member for Children and Families).",
                            error: capacity.error, value: capacity.value),
                    ], submit: "Add them", anchor: "attendance")))

        // Declarations.
        let declarationRows = minutes.declarations.map { declaration in
            WorkPage.Row(
                text: "\(name(declaration.person))" + (declaration.agendaItemNumber.map { ", item \($0)" } ?? "") + ": \(declaration.kind)",
                details: [declaration.reason],
                buttons: [button(.withdraw, "declaration", String(declaration.id.rawValue.split(separator: "/").last ?? ""), "Remove the declaration by \(name(declaration.person))")])
        }
        let declarant = typed("declare", "declarant")
        let declaredItem = typed("declare", "declaration_item")
        let declaredKind = typed("declare", "declaration_kind")
        let reason = typed("declare", "reason")
        let attending = minutes.attendance.filter {
            switch $0.kind {
            case .present, .virtual, .substitute, .inAttendance: true
            default: false
            }
        }
        let declarationForm = post(
            .declare,
            [
                FormField(.select, name: "declarant", label: "Who declared it", error: declarant.error, value: declarant.value,
                    options: [("", "Choose someone who attended")] + attending.map { (MinutesChanges.key($0.person), name($0.person)) }),
                FormField(.select, name: "declaration_item", label: "The agenda item it concerns", error: declaredItem.error, value: declaredItem.value,
                    options: [("", "No one item")] + setting.agenda.map { ($0.number, "\($0.number). \(Visibility.officer.item($0).title)") }),
                FormField(.text(type: "text", width: 40), name: "declaration_kind", label: "Kind of interest", hint: "In the words of the code of conduct: Other Interest, non-pecuniary.",
                    error: declaredKind.error, value: declaredKind.value),
                FormField(.textArea(rows: 3), name: "reason", label: "The reason given", error: reason.error, value: reason.value),
            ], submit: "Add the declaration", anchor: "declarations")

        // Minutes.
        let itemRows = minutes.items.map { item in
            let marked = minutes.recommendations.filter { $0.minute == item.number }.count
            var details = [item.access.label + (minutes.published.contains(item.id) ? "; published" : "; not yet published")]
            if !item.resolutions.isEmpty {
                details.append("\(item.resolutions.count) resolution\(item.resolutions.count == 1 ? "" : "s")" + (marked > 0 ? ", \(marked) marked as a recommendation" : ""))
            }
            if item.text.isEmpty { details.append("Nothing minuted yet.") }
            return WorkPage.Row(
                text: "\(item.number). \(item.title)", href: action + "/\(item.number)", details: details,
                buttons: minutes.published.contains(item.id) ? [] : [button(.removeMinute, "minute", String(item.number), "Remove minute \(item.number)")])
        }
        var itemForms: [WorkPage.TitledForm] = []
        let unminuted = setting.agenda.filter { agendaItem in !minutes.items.contains { $0.title.matchesTitle(agendaItem.title) } }
        if !setting.agenda.isEmpty, !unminuted.isEmpty {
            itemForms.append(.init(heading: nil, form: post(.fromAgenda, [], submit: "Add a minute for each agenda item (\(unminuted.count))", anchor: "minutes-items")))
        }
        let minuteTitle = typed("add_minute", "minute_title")
        let minuteAccess = typed("add_minute", "minute_access", "open")
        itemForms.append(
            .init(
                heading: "Add a minute",
                form: post(
                    .addMinute,
                    [
                        FormField(.text(type: "text", width: 60), name: "minute_title", label: "Title", error: minuteTitle.error ?? (step == "from_agenda" ? errors["minutes"] : nil),
                            value: minuteTitle.value),
                        FormField(.select, name: "minute_access", label: "Open or exempt", error: minuteAccess.error, value: minuteAccess.value, options: AgendaChanges.accessOptions),
                    ], submit: "Add the minute", anchor: "minutes-items")))
        if minutes.published.isEmpty, !minutes.items.isEmpty {
            let first = typed("renumber", "first_number", String(minutes.items.first?.number ?? setting.firstNumber))
            itemForms.append(
                .init(
                    heading: "Number the minutes from",
                    form: post(
                        .renumber,
                        [
                            FormField(.text(type: "text", width: 5), name: "first_number", label: "The first minute's number",
                                hint: "Quorum continues the municipal year's numbering from the committee's last minute it holds (\(setting.firstNumber) here); change it if an earlier meeting's minutes are not in Quorum.",
                                error: first.error, value: first.value, inputmode: "numeric"),
                        ], submit: "Renumber", anchor: "minutes-items")))
        }

        var sections = [
            WorkPage.Section(
                id: "attendance", heading: "Attendance",
                intro: ["Members first: present, remote, substitutes and apologies; then others in attendance and officers, in the order recorded."],
                rows: attendanceRows, empty: "No one is recorded yet.", forms: attendanceForms),
            WorkPage.Section(
                id: "declarations", heading: "Declarations of interest", rows: declarationRows, empty: "No declarations are recorded.",
                forms: [.init(heading: "Add a declaration", form: declarationForm)]),
            WorkPage.Section(
                id: "minutes-items", heading: "Minutes",
                intro: [
                    "Minute numbers run on through the municipal year: this meeting's first is \(setting.firstNumber) unless renumbered.",
                    "The minute of an exempt item is exempt: the public sees only its number and the paragraph.",
                ], rows: itemRows, empty: "There are no minutes yet.", forms: itemForms),
        ]
        if let previous = setting.previous, !minutes.items.isEmpty {
            let approved = minutes.approves == previous.id
            let chosen = typed(
                "approve", "approve_minute", String((minutes.items.first { isMinutesTitle($0.title) } ?? minutes.items[0]).number))
            var section = WorkPage.Section(id: "approval", heading: "The minutes of the previous meeting")
            switch previous.status {
            case _ where approved:
                section.intro = ["The committee confirmed the minutes of \(previous.start.day.councilStyle) as a correct record: they become approved when these minutes are published."]
            case .held:
                section.intro = ["The minutes of \(previous.start.day.councilStyle) are published as draft. Record here that the committee confirmed them as a correct record."]
                section.forms = [
                    .init(
                        heading: nil,
                        form: post(
                            .approve,
                            [FormField(.select, name: "approve_minute", label: "The minute in which they were confirmed", error: chosen.error, value: chosen.value,
                                options: minutes.items.map { (String($0.number), "\($0.number). \($0.title)") })],
                            submit: "Record the approval", anchor: "approval"))
                ]
            case .minutesApproved: section.intro = ["The minutes of \(previous.start.day.councilStyle) are approved."]
            default: section.intro = ["The minutes of \(previous.start.day.councilStyle) have not been published, so they cannot be approved yet."]
            }
            sections.append(section)
        }
        let ended = typed("ended", "ended_at", minutes.endedAt.map { $0.councilStyle } ?? "")
        sections.append(
            WorkPage.Section(
                id: "ended", heading: "When the meeting ended",
                forms: [
                    .init(
                        heading: nil,
                        form: post(
                            .ended, [FormField(.text(type: "text", width: 10), name: "ended_at", label: "The time it ended", hint: "For example 4.15pm or 16:15.", error: ended.error, value: ended.value)],
                            submit: "Save the time", anchor: "ended"))
                ]))
        var publish = WorkPage.Section(id: "publish", heading: "Publish")
        if minutes.isPublished {
            publish.intro = ["These are published as draft minutes. A correction goes out when they are published again; they become approved when the next meeting confirms them."]
        } else {
            publish.intro = ["Publishing makes them public at once as the draft minutes, on the website, in search and the API; the meeting is then recorded as held. Resolutions marked as recommendations enter the tracker."]
        }
        publish.forms = [.init(heading: nil, form: post("publish", [], submit: minutes.isPublished ? "Publish the corrected draft" : "Publish the draft minutes"))]
        sections.append(publish)
        let page = WorkPage(
            title: "Minutes of \(committee.name), \(meeting.start.day.councilStyle)",
            intro: [minutes.isPublished ? "Published as draft minutes." : "Not yet published: the public sees none of it."],
            links: [Link(text: "The published meeting page", href: Paths.meeting(meeting.id))],
            sections: sections, back: Link(text: "Back to the meeting", href: Paths.meeting(meeting.id)), notice: notice,
            problem: errors["publish"] ?? errors["minutes"].flatMap { step == "from_agenda" ? nil : $0 } ?? errors["minute"] ?? errors["person"] ?? errors["declaration"])
        return HTML(page)
    }

    // MARK: One minute

    func showMinute(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let (session, committee, meeting) = try await open(request, context)
        let (minutes, item) = try await findMinute(meeting, context)
        return try renderMinute(committee, meeting, minutes, item, session: session, step: nil, values: [:], errors: [:])
    }

    func submitMinute(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let (_, committee, meeting) = try await open(request, context)
        let (minutes, item) = try await findMinute(meeting, context)
        guard let step = MinutesChanges.Step(rawValue: form["step"]), [.edit, .mark, .unmark].contains(step) else {
            throw HTTPError(.badRequest, message: "The form asked for something this page does not do.")
        }
        var values = form.fields
        values["minute"] = String(item.number)
        let setting = try await setting(committee, meeting)
        var errors: [String: String]
        switch MinutesChanges.change(step, ApiSubmission(values: values), on: minutes, setting) {
        case .failure(let refused): errors = refused.messages
        case .success(let change):
            do {
                try await store.updateMinutes(meeting.id, by: session.user.id.rawValue, at: today(), EditVersion.guarded(change, expected: form[EditVersion.field]))
                return redirect(to: Paths.meeting(meeting.id) + "/minutes/\(item.number)" + (step == .edit ? "" : "#resolutions"))
            } catch StoreError.invalid(let message) {
                errors = ["title": message]
            } catch is EditVersion.Conflict {
                let (current, currentItem) = try await findMinute(meeting, context)
                var page = try renderMinute(
                    committee, meeting, current, currentItem, session: session, step: step.rawValue, values: form.fields, errors: [:], notice: EditVersion.notice("draft of the minutes"))
                page.status = .conflict
                return try page.response(from: request, context: context)
            }
        }
        var page = try renderMinute(committee, meeting, minutes, item, session: session, step: step.rawValue, values: form.fields, errors: errors)
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func findMinute(_ meeting: Meeting, _ context: QuorumRequestContext) async throws -> (Minutes, MinuteItem) {
        guard let number = Int(try context.parameters.require("number")), let minutes = try await store.minutes(of: meeting.id),
            let item = minutes.item(numbered: number)
        else { throw HTTPError(.notFound) }
        return (minutes, item)
    }

    private func renderMinute(
        _ committee: Committee, _ meeting: Meeting, _ minutes: Minutes, _ item: MinuteItem, session: UserSession, step: String?, values: [String: String],
        errors: [String: String], notice: String? = nil
    ) throws -> HTML {
        let action = Paths.meeting(meeting.id) + "/minutes/\(item.number)"
        let version = EditVersion.field(for: minutes)
        func typed(_ forStep: String, _ name: String, _ held: String) -> (value: String, error: String?) {
            step == forStep ? (values[name] ?? "", errors[name]) : (held, nil)
        }
        let title = typed("edit", "title", item.title)
        let text = typed("edit", "text", item.text)
        let resolutions = typed("edit", "resolutions", item.resolutions.map(\.text).joined(separator: "\n"))
        let leadIn = typed("edit", "lead_in", item.resolutionLeadIn ?? "")
        let access = typed("edit", "access", item.access.code)
        let editForm = FormView.post(
            action, csrfToken: session.csrfToken,
            fields: [
                FormField(.hidden, name: "step", label: "", value: "edit"), version,
                FormField(.text(type: "text", width: 60), name: "title", label: "Title", error: title.error, value: title.value),
                FormField(.textArea(rows: 10), name: "text", label: "The minute", hint: "The discussion, as minuted. Leave a blank line between paragraphs.", error: text.error,
                    value: text.value),
                FormField(.text(type: "text", width: 40), name: "lead_in", label: "Words before the resolutions (optional)", hint: "The words printed after ‘Resolved:’, for example That:",
                    error: leadIn.error, value: leadIn.value),
                FormField(.textArea(rows: 5), name: "resolutions", label: "Resolutions", hint: "One on each line; several are numbered 1., 2., … in order.",
                    error: resolutions.error, value: resolutions.value),
                FormField(.select, name: "access", label: "Open or exempt",
                    hint: minutes.publishedExempt.contains(item.id) ? "It was published as exempt: to make it public, release it from the exempt information page." : "Made exempt, a published minute is withheld at once.",
                    error: access.error, value: access.value, options: AgendaChanges.accessOptions),
            ], submit: "Save the minute")
        var sections = [WorkPage.Section(id: "minute", heading: "The minute", forms: [.init(heading: nil, form: editForm)])]
        var rows: [WorkPage.Row] = []
        for (index, resolution) in item.resolutions.enumerated() {
            let label = resolution.number.map { "Resolution \($0)" } ?? "The resolution"
            let marked = minutes.recommendations.first { $0.minute == item.number && $0.resolution == index }
            var row = WorkPage.Row(text: "\(label): \(resolution.text)")
            func hidden(_ stepName: String) -> [FormField] {
                [FormField(.hidden, name: "step", label: "", value: stepName), version, FormField(.hidden, name: "resolution", label: "", value: String(index))]
            }
            if let marked {
                row.details = ["A recommendation to \(marked.addressee.label), answered within \(marked.responseRule == .standard ? "two months" : "28 days"): it enters the tracker when the minutes are published."]
                row.buttons = [.post(action + "#resolutions", csrfToken: session.csrfToken, fields: hidden("unmark"), submit: "Not a recommendation")]
            } else if !item.access.isExempt {
                let suffix = "_\(index)"
                let addressee = typed("mark", "addressee" + suffix, "")
                let addresseeName = typed("mark", "addressee_name" + suffix, "")
                let rule = typed("mark", "response_rule" + suffix, "twoMonths")
                row.buttons = [
                    .post(
                        action + "#resolutions", csrfToken: session.csrfToken,
                        fields: hidden("mark") + [
                            FormField(.select, name: "addressee" + suffix, label: "\(label) is a recommendation to", error: addressee.error, value: addressee.value,
                                options: [("", "Choose whom it asks")] + RecommendationChanges.addressees.map { ($0.key, $0.label) }),
                            FormField(.text(type: "text", width: 40), name: "addressee_name" + suffix, label: "Name them (a portfolio, a body, a post)",
                                error: addresseeName.error, value: addresseeName.value),
                            FormField(.select, name: "response_rule" + suffix, label: "Time to respond", error: rule.error, value: rule.value,
                                options: RecommendationChanges.responseRules.map { ($0.0, $0.2) }),
                        ], submit: "Mark it as a recommendation")
                ]
            }
            rows.append(row)
        }
        sections.append(
            WorkPage.Section(
                id: "resolutions", heading: "Resolutions that are recommendations",
                intro: ["A resolution that asks the executive or a partner to act is a recommendation: marked here, it enters the tracker when the minutes are published."],
                rows: rows, empty: item.access.isExempt ? "This minute is exempt." : "This minute has no resolutions."))
        let page = WorkPage(
            title: "Minute \(item.number): \(item.title)", intro: ["In the minutes of \(committee.name), \(meeting.start.day.councilStyle)."], sections: sections,
            back: Link(text: "Back to the minutes", href: Paths.meeting(meeting.id) + "/minutes"), notice: notice)
        return HTML(page)
    }

    private static let notAllowed = HTTPError(.forbidden, message: "Only democratic services (a clerk or an administrator) can write and publish minutes.")
}

extension Attendance.Kind {
    /// "Present (chairperson)", "Named substitute for Councillor Toni Fagan", with people named by `name`.
    func describe(_ name: (Person.ID) -> String) -> String {
        if case .substitute(let member) = self { return "Named substitute for \(name(member))" }
        return label
    }
}
