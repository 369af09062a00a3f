import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// For officers: what the imports could not read cleanly, each linked to its record and the line of the paper it
/// came from, to be checked and marked so.
struct NeedsChecking {
    let store: any QuorumStore
    let today: @Sendable () -> Date
    static let shown = 200

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/needs-checking", show: show, submit: markChecked)
    }

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        guard session.user.mayCheckWarnings else { throw HTTPError(.forbidden, message: Self.officersOnly) }
        let (unchecked, checked) = try await store.warningsToCheck(limit: Self.shown)
        let rows = unchecked.map { stored in
            NeedsCheckingPage.Row(
                message: stored.warning.message, source: stored.warning.source, record: stored.warning.entity + " " + stored.warning.entityId,
                href: Self.href(stored.warning),
                form: .post(
                    "/needs-checking", csrfToken: session.csrfToken, fields: [FormField(.hidden, name: "warning", label: "", value: String(stored.id))],
                    submit: "Mark as checked"))
        }
        let page = NeedsCheckingPage(
            title: "Needs checking", rows: rows,
            summary: (rows.count == Self.shown ? "The newest \(Self.shown) not yet checked." : "\(rows.count) not yet checked.")
                + (checked > 0 ? " \(checked) already checked." : ""))
        return HTML(page)
    }

    func markChecked(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        guard session.user.mayCheckWarnings else { throw HTTPError(.forbidden, message: Self.officersOnly) }
        guard let id = Int64(form["warning"]) else { throw HTTPError(.badRequest, message: "Go back and choose a warning to mark as checked.") }
        do {
            try await store.markWarningChecked(id, by: session.user.id.rawValue, at: today())
        } catch StoreError.notFound {
            throw HTTPError(.badRequest, message: "That warning is no longer held. Go back and reload the page.")
        }
        return redirect(to: "/needs-checking")
    }

    /// The page of the record a warning is on, where it has one.
    static func href(_ warning: RecordWarning) -> String? {
        switch warning.entity {
        case "recommendation": Paths.recommendation(.init(warning.entityId))
        case "meeting": Paths.meeting(.init(warning.entityId))
        case "agendaItem": Paths.agendaItem(.init(warning.entityId))
        case "report": Paths.agendaItem(.init(String(warning.entityId.dropLast("/report".count))))
        default: nil
        }
    }

    static let officersOnly = "Only council officers can see what needs checking and mark it checked."
}

struct NeedsCheckingPage: Sendable {
    let title: String
    let rows: [Row]
    let summary: String

    struct Row: Sendable {
        let message: String
        let source: String?
        let record: String
        let href: String?
        let form: FormView
    }
}
