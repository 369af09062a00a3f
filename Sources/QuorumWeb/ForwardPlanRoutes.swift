import Foundation
import Hummingbird
import NIOCore
import QuorumDomain
import QuorumIngest
import QuorumStorage

/// The executive's forward plan, which scrutiny reads to choose pre-decision topics: public at /forward-plan, kept by
/// officers at /forward-plan/edit (entered one at a time, or uploaded as CSV).
struct ForwardPlanRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/forward-plan", use: page)
        router.form("/forward-plan/edit", show: show, submit: submit)
    }

    /// The most a CSV upload of the forward plan may be.
    static let uploadLimit = 5 << 20

    func page(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        var councils: [ForwardPlanPage.Council] = []
        var topics: [ForwardPlanEntry.ID: [Link]] = [:]
        for committee in try await store.committees() {
            for item in try await store.workProgrammeItems(of: committee.id) {
                guard let entry = item.forwardPlanEntry else { continue }
                topics[entry, default: []].append(Link(text: "\(item.title) (\(committee.name))", href: Paths.committee(committee.id) + "/work-programme"))
            }
        }
        let rules = Dictionary(try await store.authorities().map { ($0.id, $0.rules) }, uniquingKeysWith: { a, _ in a })
        for authority in try await store.authorities() {
            let entries = try await store.forwardPlan(of: authority.id)
            guard !entries.isEmpty else { continue }
            councils.append(.init(
                name: authority.name,
                entries: entries.map { entry in
                    let notice = entry.hasEnoughNotice(rules: rules[entry.authority] ?? .standard)
                    return ForwardPlanPage.Entry(
                        title: entry.title, purpose: paragraphs(entry.purpose),
                        decision: entry.decisionMaker + (entry.dueDate.map { ", \($0.councilStyle)" } ?? ""),
                        contacts: [entry.leadCabinetMember, entry.officerContacts].compactMap { $0 }.joined(separator: "; "), directorate: entry.directorate ?? "",
                        uploaded: entry.uploadedOn?.councilStyle ?? "",
                        type: ([entry.decisionType.label, entry.exemptionsAndUrgency].filter { !$0.isEmpty }).joined(separator: ". ")
                            + (notice == false ? ". Less than \((rules[entry.authority] ?? .standard).keyDecisionNoticeDays) days' notice" : ""),
                        topics: topics[entry.id] ?? [], hasTopics: topics[entry.id] != nil)
                }))
        }
        let page = ForwardPlanPage(
            title: "Forward plan", councils: councils, hasCouncils: !councils.isEmpty,
            editHref: context.session?.user.mayPlanWorkProgramme == true ? "/forward-plan/edit" : nil)
        return HTML(page)
    }

    // MARK: Keeping it

    private func open(_ request: Request, _ context: QuorumRequestContext) async throws -> (UserSession, Authority) {
        let session = try context.requireUser(for: request)
        guard session.user.mayPlanWorkProgramme else { throw HTTPError(.forbidden, message: "Only scrutiny officers and democratic services can change the forward plan.") }
        let councils = try await store.authorities()
        // Every form names its council, so that a change never lands on another council's plan.
        if let wanted = queryDictionary(request)["council"] {
            guard let authority = councils.first(where: { $0.id.rawValue == wanted }) else { throw HTTPError(.notFound) }
            return (session, authority)
        }
        guard councils.count == 1, let only = councils.first else {
            throw HTTPError(
                .badRequest, message: "Choose the council whose forward plan to change: " + councils.map { "/forward-plan/edit?council=\($0.id.rawValue)" }.joined(separator: ", "))
        }
        return (session, only)
    }

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let (session, authority) = try await open(request, context)
        return try await render(session, authority, step: nil, values: [:], errors: [:])
    }

    func submit(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request, limit: Self.uploadLimit)
        try form.checkToken(session.csrfToken)
        let (_, authority) = try await open(request, context)
        let change: @Sendable (inout [ForwardPlanEntry]) throws -> Void
        switch form["step"] {
        case "add":
            switch Self.entry(form, authority: authority.id) {
            case .failure(let errors): return try await refused(session, authority, "add", form, errors.messages, request, context)
            case .success(let entry):
                change = { entries in
                    guard !entries.contains(where: { $0.id == entry.id }) else { throw ChangeRefusal("title", "The forward plan already has “\(entry.title)”") }
                    entries.append(entry)
                }
            }
        case "upload":
            guard let file = form.files["file"] else {
                return try await refused(session, authority, "upload", form, ["file": "Select a CSV file of the forward plan"], request, context)
            }
            let bytes = Data(file.bytes.readableBytesView)
            let text = String(data: bytes, encoding: .utf8) ?? String(data: bytes, encoding: .windowsCP1252) ?? ""
            switch ForwardPlanCSV.entries(text, authority: authority.id) {
            case .failure(let problems):
                let shown = problems.all.prefix(10).map { "\(file.filename) \($0)" }.joined(separator: "; ")
                return try await refused(
                    session, authority, "upload", form,
                    ["file": "Nothing was imported. " + shown + (problems.all.count > 10 ? "; and \(problems.all.count - 10) more" : "")], request, context)
            case .success(let read):
                change = { entries in
                    for entry in read {
                        if let index = entries.firstIndex(where: { $0.id == entry.id }) { entries[index] = entry } else { entries.append(entry) }
                    }
                }
            }
        case "remove":
            let key = form["entry"]
            change = { entries in
                guard entries.contains(where: { WorkProgrammeChanges.key($0.id.rawValue) == key }) else { throw ChangeRefusal("entry", "That decision is not on the forward plan") }
                entries.removeAll { WorkProgrammeChanges.key($0.id.rawValue) == key }
            }
        default: throw HTTPError(.badRequest, message: "The form asked for something this page does not do.")
        }
        do {
            try await store.updateForwardPlan(of: authority.id, by: session.user.id.rawValue, at: today(), change)
        } catch let refusal as ChangeRefusal {
            return try await refused(session, authority, form["step"], form, [refusal.field: refusal.message], request, context)
        }
        return redirect(to: Self.editPath(authority) + (form["step"] == "upload" ? "&uploaded=1" : "") + "#entries")
    }

    /// Where a council's forward plan is changed: every form posts here, naming its council.
    static func editPath(_ authority: Authority) -> String {
        "/forward-plan/edit?council=" + (authority.id.rawValue.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-._~"))) ?? "")
    }

    /// An entry from the form's fields, or what is wrong with them.
    static func entry(_ values: some SubmittedValues, authority: Authority.ID) -> Result<ForwardPlanEntry, FieldErrors> {
        var errors = FieldErrors()
        let title = values["title"]
        if title.isEmpty { errors["title"] = "Enter the report's title" } else if title.count > 500 { errors["title"] = "The title must be 500 characters or fewer" }
        if values["decision_maker"].isEmpty { errors["decision_maker"] = "Enter who takes the decision: Cabinet, or the cabinet member" }
        var due: CalendarDay?
        switch values.date("due") {
        case .success(let day): due = day
        case .failure(.missing): break
        case .failure(let problem): errors["due"] = problem.message(for: "The date the decision is due")
        }
        var uploaded: CalendarDay?
        switch values.date("uploaded") {
        case .success(let day): uploaded = day
        case .failure(.missing): break
        case .failure(let problem): errors["uploaded"] = problem.message(for: "The date it went on the plan")
        }
        guard let type = Report.DecisionType(rawValue: values["decision_type"].isEmpty ? Report.DecisionType.nonKey.rawValue : values["decision_type"]) else {
            errors["decision_type"] = "Select whether it is a key decision"
            return .failure(errors)
        }
        for name in ["purpose", "lead_cabinet_member", "officer_contacts", "directorate", "exemptions"] where values[name].count > 5_000 {
            errors[name] = "This must be 5,000 characters or fewer"
        }
        guard errors.isEmpty else { return .failure(errors) }
        func optional(_ name: String) -> String? { values[name].isEmpty ? nil : values[name] }
        return .success(
            ForwardPlanEntry(
                id: ForwardPlanEntry.id(for: title, of: authority), authority: authority, title: title, purpose: values["purpose"],
                decisionMaker: values["decision_maker"], dueDate: due, leadCabinetMember: optional("lead_cabinet_member"), officerContacts: optional("officer_contacts"),
                directorate: optional("directorate"), uploadedOn: uploaded, decisionType: type, exemptionsAndUrgency: values["exemptions"]))
    }

    private func refused(
        _ session: UserSession, _ authority: Authority, _ step: String, _ form: FormSubmission, _ errors: [String: String], _ request: Request,
        _ context: QuorumRequestContext
    ) async throws -> Response {
        var page = try await render(session, authority, step: step, values: form.fields, errors: errors)
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func render(_ session: UserSession, _ authority: Authority, step: String?, values: [String: String], errors: [String: String]) async throws -> HTML {
        let entries = try await store.forwardPlan(of: authority.id)
        func typed(_ forStep: String, _ name: String) -> (value: String, error: String?) { step == forStep ? (values[name] ?? "", errors[name]) : ("", nil) }
        let rows = entries.map { entry in
            WorkPage.Row(
                text: entry.title, details: [entry.decisionMaker + (entry.dueDate.map { ", due \($0.councilStyle)" } ?? "") + ". " + entry.decisionType.label],
                buttons: [
                    .post(
                        Self.editPath(authority), csrfToken: session.csrfToken,
                        fields: [FormField(.hidden, name: "step", label: "", value: "remove"), FormField(.hidden, name: "entry", label: "", value: WorkProgrammeChanges.key(entry.id.rawValue))],
                        submit: "Remove “\(entry.title)”")
                ])
        }
        let add = FormView.post(
            Self.editPath(authority) + "#add", csrfToken: session.csrfToken,
            fields: [
                FormField(.hidden, name: "step", label: "", value: "add"),
                FormField(.text(type: "text", width: 60), name: "title", label: "Report title", error: typed("add", "title").error, value: typed("add", "title").value),
                FormField(.textArea(rows: 3), name: "purpose", label: "Purpose", error: typed("add", "purpose").error, value: typed("add", "purpose").value),
                FormField(.text(type: "text", width: 40), name: "decision_maker", label: "Decision maker", hint: "Cabinet, or the cabinet member.",
                    error: typed("add", "decision_maker").error, value: typed("add", "decision_maker").value),
                FormField(.date, name: "due", label: "When the decision is due (optional)", error: typed("add", "due").error,
                    value: step == "add" ? DateEntry.typed("due", in: values) : ""),
                FormField(.text(type: "text", width: 40), name: "lead_cabinet_member", label: "Lead cabinet member (optional)", error: typed("add", "lead_cabinet_member").error,
                    value: typed("add", "lead_cabinet_member").value),
                FormField(.text(type: "text", width: 60), name: "officer_contacts", label: "Officer contacts (optional)", error: typed("add", "officer_contacts").error,
                    value: typed("add", "officer_contacts").value),
                FormField(.text(type: "text", width: 40), name: "directorate", label: "Directorate (optional)", error: typed("add", "directorate").error,
                    value: typed("add", "directorate").value),
                FormField(.date, name: "uploaded", label: "When it went on the plan (optional)", error: typed("add", "uploaded").error,
                    value: step == "add" ? DateEntry.typed("uploaded", in: values) : ""),
                FormField(.radios, name: "decision_type", label: "Decision type", error: typed("add", "decision_type").error,
                    value: step == "add" ? values["decision_type"] ?? "" : Report.DecisionType.nonKey.rawValue,
                    options: [(Report.DecisionType.key.rawValue, "Key"), (Report.DecisionType.nonKey.rawValue, "Non-key")]),
                FormField(.text(type: "text", width: 60), name: "exemptions", label: "Exemptions and urgency (optional)", error: typed("add", "exemptions").error,
                    value: typed("add", "exemptions").value),
            ], submit: "Add the decision")
        let upload = FormView.post(
            Self.editPath(authority) + "#upload", csrfToken: session.csrfToken,
            fields: [
                FormField(.hidden, name: "step", label: "", value: "upload"),
                FormField(.file(accept: ".csv,text/csv"), name: "file", label: "CSV file of the forward plan",
                    hint: "A header row, then a decision on each line. Title and Decision maker are needed; Purpose, Due date, Lead cabinet member, Officer contacts, Directorate, Date uploaded, Decision type (Key or Non-key) and Exemptions and urgency are read where given. A decision already on the plan, by its title, is updated. A file with a line that cannot be read imports nothing, and says which line.",
                    error: typed("upload", "file").error),
            ], submit: "Upload")
        let page = WorkPage(
            title: "Forward plan of \(authority.name)", intro: ["The executive's coming decisions, which the committees read to choose pre-decision scrutiny. Changes are public at once."],
            links: [Link(text: "The forward plan as the public sees it", href: "/forward-plan")],
            sections: [
                .init(id: "entries", heading: "Decisions", rows: rows, empty: "No decisions are on the plan."),
                .init(id: "add", heading: "Add a decision", forms: [.init(heading: nil, form: add)]),
                .init(id: "upload", heading: "Upload the plan as CSV", forms: [.init(heading: nil, form: upload)]),
            ], back: Link(text: "Back to the forward plan", href: "/forward-plan"), problem: errors["entry"])
        return HTML(page)
    }
}

struct ForwardPlanPage: Sendable {
    let title: String
    let councils: [Council]
    let hasCouncils: Bool
    let editHref: String?

    struct Council: Sendable {
        let name: String
        let entries: [Entry]
    }

    struct Entry: Sendable {
        let title: String
        let purpose: [String]
        let decision: String
        let contacts: String
        let directorate: String
        let uploaded: String
        let type: String
        let topics: [Link]
        let hasTopics: Bool
    }
}
