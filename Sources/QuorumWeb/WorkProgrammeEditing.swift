import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// For scrutiny officers and democratic services: keeping a committee's work programme, its sessions (meetings and
/// briefings with their report deadlines and planning sessions) and its topics. Changes are public at once.
struct WorkProgrammeEditing {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/committees/:committee/work-programme/edit", show: show, submit: submit)
        router.form("/committees/:committee/work-programme/topics/:topic", show: showTopic, submit: submitTopic)
        router.form("/committees/:committee/work-programme/sessions/:session", show: showSession, submit: submitSession)
    }

    private struct Opened {
        let session: UserSession
        let committee: Committee
        let programme: WorkProgramme
        let forwardPlan: [ForwardPlanEntry]
    }

    private func open(_ request: Request, _ context: QuorumRequestContext) async throws -> Opened {
        let session = try context.requireUser(for: request)
        guard let committee = try await store.committee(slug: try context.parameters.require("committee")) else { throw HTTPError(.notFound) }
        guard session.user.mayPlanWorkProgramme else {
            throw HTTPError(.forbidden, message: "Only scrutiny officers and democratic services can change the work programme.")
        }
        guard let programme = try await store.workProgramme(of: committee.id) else { throw HTTPError(.notFound) }
        return Opened(session: session, committee: committee, programme: programme, forwardPlan: try await store.forwardPlan(of: committee.authority))
    }

    /// Makes `step`, guarded by the version of the part it was opened on; returns the errors to show, or nil when made.
    private func make(
        _ step: WorkProgrammeChanges.Step, _ values: some SubmittedValues, version: String, _ opened: Opened, part: @escaping @Sendable (WorkProgramme) -> (any Encodable & Sendable)?
    ) async throws -> (errors: [String: String], conflict: Bool)? {
        switch WorkProgrammeChanges.change(step, values, on: opened.programme, forwardPlan: opened.forwardPlan) {
        case .failure(let errors): return (errors.messages, false)
        case .success(let change):
            do {
                try await store.updateWorkProgramme(
                    opened.committee.id, by: opened.session.user.id.rawValue, at: today(),
                    EditVersion.guarded(change, expected: version, part: { programme in part(programme).map(AnyEncodable.init) }))
                return nil
            } catch StoreError.invalid(let message) {
                return (["title": message], false)
            } catch is EditVersion.Conflict {
                return ([:], true)
            }
        }
    }

    // MARK: The programme

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        try render(try await open(request, context), step: nil, values: [:], errors: [:])
    }

    func submit(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let opened = try await open(request, context)
        guard let step = WorkProgrammeChanges.Step(rawValue: form["step"]), [.addSession, .addTopic].contains(step) else {
            throw HTTPError(.badRequest, message: "The form asked for something this page does not do.")
        }
        guard let problem = try await make(step, form, version: "", opened, part: { _ in nil }) else {
            return redirect(to: Paths.committee(opened.committee.id) + "/work-programme/edit#" + (step == .addSession ? "sessions" : "topics"))
        }
        var page = try render(try await open(request, context), step: step.rawValue, values: form.fields, errors: problem.errors)
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func render(_ opened: Opened, step: String?, values: [String: String], errors: [String: String]) throws -> HTML {
        let committee = opened.committee
        let base = Paths.committee(committee.id) + "/work-programme"
        let from = municipalYearStart(of: todayInLondon(today).day)
        func typed(_ forStep: String, _ name: String, _ held: String = "") -> (value: String, error: String?) {
            step == forStep ? (values[name] ?? "", errors[name]) : (held, nil)
        }
        let current = opened.programme.sessions.filter { $0.day >= from }
        let sessionRows = current.map { session in
            session.row(href: base + "/sessions/" + WorkProgrammeChanges.key(session.id.rawValue), topics: opened.programme.topics(of: session.id).count)
        }
        let kind = typed("add_session", "session_kind", WorkProgrammeSession.Kind.committeeMeeting.rawValue)
        let day = typed("add_session", "session_day")
        let deadline = typed("add_session", "report_deadline")
        let planning = typed("add_session", "planning")
        let sessionForm = FormView.post(
            base + "/edit#sessions", csrfToken: opened.session.csrfToken,
            fields: [
                FormField(.hidden, name: "step", label: "", value: "add_session"),
                FormField(.radios, name: "session_kind", label: "What kind of session", error: kind.error, value: kind.value, options: WorkProgrammeChanges.sessionKinds),
                FormField(.date, name: "session_day", label: "Its date", hint: "For example, 16 9 2026.", error: day.error, value: step == "add_session" ? DateEntry.typed("session_day", in: values) : ""),
                FormField(.date, name: "report_deadline", label: "Report deadline (optional)", hint: "When officers' reports are due.", error: deadline.error,
                    value: step == "add_session" ? DateEntry.typed("report_deadline", in: values) : ""),
                FormField(.text(type: "text", width: 20), name: "planning", label: "Planning session (optional)",
                    hint: "The pre-meeting lines of enquiry session: a date, such as 4 September 2026, or TBC.", error: planning.error, value: planning.value),
            ], submit: "Add the session")

        var topicRows: [WorkPage.Row] = []
        for session in current {
            for item in opened.programme.topics(of: session.id) {
                topicRows.append(.init(
                    text: item.title, href: base + "/topics/" + WorkProgrammeChanges.key(item.id.rawValue),
                    details: ["\(item.state.label): \(session.kind.label.lowercased()), \(session.day.councilStyle)"]))
            }
        }
        for item in opened.programme.items where item.session == nil {
            topicRows.append(.init(
                text: item.title, href: base + "/topics/" + WorkProgrammeChanges.key(item.id.rawValue),
                details: [item.state.label + ({ if case .deferred(let reason?) = item.state { ": \(reason)" } else { "" } }())]))
        }
        let topicForm = FormView.post(
            base + "/edit#topics", csrfToken: opened.session.csrfToken,
            fields: [FormField(.hidden, name: "step", label: "", value: "add_topic")]
                + Self.topicFields(typedValue: { typed("add_topic", $0).value }, error: { typed("add_topic", $0).error }, forwardPlan: opened.forwardPlan)
                + [
                    FormField(.select, name: "session", label: "Schedule it for", error: typed("add_topic", "session").error, value: typed("add_topic", "session").value,
                        options: [("", "No session yet: a potential topic")] + current.map { (WorkProgrammeChanges.key($0.id.rawValue), "\($0.kind.label), \($0.day.councilStyle)") })
                ], submit: "Add the topic")
        let page = WorkPage(
            title: "Work programme of \(committee.name)",
            intro: ["Changes are public at once, on the committee's page, the work programme and its CSV, the API and search."],
            links: [Link(text: "The work programme as the council publishes it", href: base), Link(text: "The forward plan", href: "/forward-plan")],
            sections: [
                .init(id: "sessions", heading: "Sessions from \(municipalYear(of: from)) on", rows: sessionRows, empty: "No sessions are planned.",
                    forms: [.init(heading: "Add a session", form: sessionForm)]),
                .init(id: "topics", heading: "Topics", rows: topicRows, empty: "There are no topics.", forms: [.init(heading: "Add a topic", form: topicForm)]),
            ], back: Link(text: "Back to the committee", href: Paths.committee(committee.id)), problem: errors["title"].flatMap { step == "add_topic" ? nil : $0 })
        return HTML(page)
    }

    /// The fields that say what a topic is, shared by adding and changing one.
    static func topicFields(typedValue: (String) -> String, error: (String) -> String?, forwardPlan: [ForwardPlanEntry]) -> [FormField] {
        [
            FormField(.text(type: "text", width: 60), name: "title", label: "Topic", error: error("title"), value: typedValue("title")),
            FormField(.select, name: "scrutiny_type", label: "Kind of scrutiny", error: error("scrutiny_type"), value: typedValue("scrutiny_type"),
                options: [("", "Not set")] + WorkProgrammeItem.ScrutinyType.allCases.map { ($0.rawValue, $0.label) }),
            FormField(.textArea(rows: 4), name: "objectives", label: "Objectives", error: error("objectives"), value: typedValue("objectives")),
            FormField(.textArea(rows: 3), name: "evidence_required", label: "Evidence required", error: error("evidence_required"), value: typedValue("evidence_required")),
            FormField(.text(type: "text", width: 60), name: "report_writer", label: "Report or presentation writer", hint: "A name and role: Liz Farr, Service Director Education.",
                error: error("report_writer"), value: typedValue("report_writer")),
            FormField(.textArea(rows: 3), name: "attendees", label: "Other attendees", hint: "One on each line.", error: error("attendees"), value: typedValue("attendees")),
            FormField(.text(type: "text", width: 60), name: "lead_officer", label: "Lead officer (optional)", error: error("lead_officer"), value: typedValue("lead_officer")),
            FormField(.text(type: "text", width: 60), name: "origin", label: "Where it came from (optional)", hint: "A recommendation, the forward plan, a member.",
                error: error("origin"), value: typedValue("origin")),
            FormField(.select, name: "forward_plan", label: "The forward plan decision it scrutinises (optional)", error: error("forward_plan"), value: typedValue("forward_plan"),
                options: [("", "None")] + forwardPlan.map { (WorkProgrammeChanges.key($0.id.rawValue), $0.title + ($0.dueDate.map { ", due \($0.councilStyle)" } ?? "")) }),
        ]
    }

    // MARK: One topic

    func showTopic(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let opened = try await open(request, context)
        return try renderTopic(opened, try topic(opened, context), step: nil, values: [:], errors: [:])
    }

    func submitTopic(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let opened = try await open(request, context)
        let item = try topic(opened, context)
        guard let step = WorkProgrammeChanges.Step(rawValue: form["step"]), [.editTopic, .moveTopic, .removeTopic].contains(step) else {
            throw HTTPError(.badRequest, message: "The form asked for something this page does not do.")
        }
        var values = form.fields
        values["topic"] = WorkProgrammeChanges.key(item.id.rawValue)
        let id = item.id
        guard let problem = try await make(step, ApiSubmission(values: values), version: form[EditVersion.field], opened, part: { $0.item(id) }) else {
            return redirect(to: Paths.committee(opened.committee.id) + "/work-programme/" + (step == .removeTopic ? "edit#topics" : "topics/" + values["topic"]!))
        }
        let now = try await open(request, context)
        guard let current = now.programme.item(id) else { return redirect(to: Paths.committee(opened.committee.id) + "/work-programme/edit#topics") }
        var page = try renderTopic(
            now, current, step: step.rawValue, values: form.fields, errors: problem.errors, notice: problem.conflict ? EditVersion.notice("topic") : nil)
        page.status = problem.conflict ? .conflict : .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func topic(_ opened: Opened, _ context: QuorumRequestContext) throws -> WorkProgrammeItem {
        guard let item = opened.programme.item(WorkProgrammeChanges.topicID(opened.committee.id, try context.parameters.require("topic"))) else {
            throw HTTPError(.notFound)
        }
        return item
    }

    private func renderTopic(_ opened: Opened, _ item: WorkProgrammeItem, step: String?, values: [String: String], errors: [String: String], notice: String? = nil) throws
        -> HTML
    {
        let base = Paths.committee(opened.committee.id) + "/work-programme"
        let action = base + "/topics/" + WorkProgrammeChanges.key(item.id.rawValue)
        let version = EditVersion.field(for: item)
        let held = item.topic
        let heldValues: [String: String] = [
            "title": held.title, "scrutiny_type": held.scrutinyType?.rawValue ?? "", "objectives": held.objectives, "evidence_required": held.evidenceRequired,
            "report_writer": held.reportWriter, "attendees": held.otherAttendees.joined(separator: "\n"), "lead_officer": held.leadOfficer, "origin": held.origin,
            "forward_plan": held.forwardPlanEntry.map { WorkProgrammeChanges.key($0.rawValue) } ?? "",
        ]
        func value(_ forStep: String, _ name: String, _ fallback: String = "") -> String { step == forStep ? values[name] ?? "" : heldValues[name] ?? fallback }
        func error(_ forStep: String, _ name: String) -> String? { step == forStep ? errors[name] : nil }
        let editForm = FormView.post(
            action, csrfToken: opened.session.csrfToken,
            fields: [FormField(.hidden, name: "step", label: "", value: "edit_topic"), version]
                + Self.topicFields(typedValue: { value("edit_topic", $0) }, error: { error("edit_topic", $0) }, forwardPlan: opened.forwardPlan),
            submit: "Save the topic")
        let stateNow: String =
            switch item.state {
            case .scheduled: "scheduled"
            case .potential: "potential"
            case .deferred: "deferred"
            case .delivered: "delivered"
            }
        let sessions = opened.programme.sessions.filter { $0.day >= municipalYearStart(of: todayInLondon(today).day) || $0.id == item.session }
        let moveForm = FormView.post(
            action, csrfToken: opened.session.csrfToken,
            fields: [
                FormField(.hidden, name: "step", label: "", value: "move_topic"), version,
                FormField(.radios, name: "state", label: "Where it stands", error: error("move_topic", "state"), value: value("move_topic", "state", stateNow),
                    options: WorkProgrammeChanges.topicStates),
                FormField(.select, name: "session", label: "Session", error: error("move_topic", "session"),
                    value: step == "move_topic" ? values["session"] ?? "" : item.session.map { WorkProgrammeChanges.key($0.rawValue) } ?? "",
                    options: [("", "None")] + sessions.map { (WorkProgrammeChanges.key($0.id.rawValue), "\($0.kind.label), \($0.day.councilStyle)") }),
                FormField(.textArea(rows: 2), name: "reason", label: "Why it is deferred (when deferred)", error: error("move_topic", "reason"),
                    value: step == "move_topic" ? values["reason"] ?? "" : { if case .deferred(let reason) = item.state { reason ?? "" } else { "" } }()),
            ], submit: "Move the topic")
        var sections = [
            WorkPage.Section(id: "topic", heading: "The topic", forms: [.init(heading: nil, form: editForm)]),
            WorkPage.Section(id: "state", heading: "Scheduling", intro: ["Now: \(item.state.label)."], forms: [.init(heading: nil, form: moveForm)]),
        ]
        switch item.state {
        case .potential, .deferred:
            sections.append(.init(
                id: "remove", heading: "Remove it", intro: ["A topic the committee will not take up leaves the programme; the audit log keeps it."],
                forms: [.init(heading: nil, form: .post(action, csrfToken: opened.session.csrfToken, fields: [FormField(.hidden, name: "step", label: "", value: "remove_topic"), version], submit: "Remove the topic"))]))
        default: break
        }
        let page = WorkPage(
            title: item.title, intro: ["On the work programme of \(opened.committee.name)."], sections: sections,
            back: Link(text: "Back to the work programme", href: base + "/edit#topics"), notice: notice, problem: error("remove_topic", "topic") ?? error("move_topic", "topic"))
        return HTML(page)
    }

    // MARK: One session

    func showSession(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let opened = try await open(request, context)
        return try renderSession(opened, try session(opened, context), values: nil, errors: [:])
    }

    func submitSession(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let user = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(user.csrfToken)
        let opened = try await open(request, context)
        let held = try session(opened, context)
        guard let step = WorkProgrammeChanges.Step(rawValue: form["step"]), [.editSession, .removeSession].contains(step) else {
            throw HTTPError(.badRequest, message: "The form asked for something this page does not do.")
        }
        var values = form.fields
        values["session"] = WorkProgrammeChanges.key(held.id.rawValue)
        let id = held.id
        guard let problem = try await make(step, ApiSubmission(values: values), version: form[EditVersion.field], opened, part: { $0.session(id) }) else {
            return redirect(to: Paths.committee(opened.committee.id) + "/work-programme/edit#sessions")
        }
        let now = try await open(request, context)
        guard let current = now.programme.session(id) else { return redirect(to: Paths.committee(opened.committee.id) + "/work-programme/edit#sessions") }
        var page = try renderSession(now, current, values: form.fields, errors: problem.errors, notice: problem.conflict ? EditVersion.notice("session") : nil)
        page.status = problem.conflict ? .conflict : .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func session(_ opened: Opened, _ context: QuorumRequestContext) throws -> WorkProgrammeSession {
        guard let session = opened.programme.session(WorkProgrammeChanges.sessionID(opened.committee.id, try context.parameters.require("session"))) else {
            throw HTTPError(.notFound)
        }
        return session
    }

    private func renderSession(_ opened: Opened, _ session: WorkProgrammeSession, values: [String: String]?, errors: [String: String], notice: String? = nil) throws -> HTML {
        let base = Paths.committee(opened.committee.id) + "/work-programme"
        let action = base + "/sessions/" + WorkProgrammeChanges.key(session.id.rawValue)
        let version = EditVersion.field(for: session)
        let planning: String =
            switch session.planning {
            case .on(let day): day.councilStyle
            case .toBeConfirmed: "TBC"
            case .none: ""
            }
        let form = FormView.post(
            action, csrfToken: opened.session.csrfToken,
            fields: [
                FormField(.hidden, name: "step", label: "", value: "edit_session"), version,
                FormField(.date, name: "report_deadline", label: "Report deadline", error: errors["report_deadline"],
                    value: values.map { DateEntry.typed("report_deadline", in: $0) } ?? session.reportDeadline?.iso ?? ""),
                FormField(.text(type: "text", width: 20), name: "planning", label: "Planning session", hint: "A date, or TBC; empty for none.", error: errors["planning"],
                    value: values?["planning"] ?? planning),
            ], submit: "Save the session")
        let remove = FormView.post(
            action, csrfToken: opened.session.csrfToken, fields: [FormField(.hidden, name: "step", label: "", value: "remove_session"), version], submit: "Remove the session")
        let topics = opened.programme.topics(of: session.id).map { WorkPage.Row(text: $0.title, href: base + "/topics/" + WorkProgrammeChanges.key($0.id.rawValue)) }
        let page = WorkPage(
            title: "\(session.kind.label), \(session.day.councilStyle)", intro: ["On the work programme of \(opened.committee.name)."],
            sections: [
                .init(id: "session", heading: "Deadlines", forms: [.init(heading: nil, form: form)]),
                .init(id: "topics", heading: "Topics", rows: topics, empty: "No topics are planned for it.", forms: [.init(heading: "Remove the session", form: remove)]),
            ], back: Link(text: "Back to the work programme", href: base + "/edit#sessions"), notice: notice, problem: errors["session"])
        return HTML(page)
    }
}

extension WorkProgrammeSession {
    /// "Committee meeting, Tuesday 16 September 2025" with its deadlines and how many topics it has, for lists.
    func row(href: String, topics: Int) -> WorkPage.Row {
        var details: [String] = []
        if let deadline = reportDeadline { details.append("Reports due \(deadline.councilStyle)") }
        switch planning {
        case .on(let day): details.append("Planning session \(day.councilStyle)")
        case .toBeConfirmed: details.append("Planning session to be confirmed")
        case .none: break
        }
        details.append(topics == 0 ? "No topics yet" : "\(topics) topic\(topics == 1 ? "" : "s")")
        return WorkPage.Row(text: "\(kind.label), \(day.councilStyle)", href: href, details: details)
    }
}

/// Any encodable value, for fingerprinting a part of a record.
struct AnyEncodable: Encodable {
    let value: any Encodable
    init(_ value: any Encodable) { self.value = value }
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
