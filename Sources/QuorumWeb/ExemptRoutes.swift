import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// For democratic services: everything held as exempt, and releasing each once its Schedule 12A paragraph no
/// longer applies, with the reason. Until then nothing of it is public; the release is audited, and a later import
/// that marks it exempt again does not undo it (the store's rule, shared with `quorum release`).
struct ExemptRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/exempt", show: show, submit: release)
    }

    func show(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        guard session.user.mayReleaseExempt else { throw Self.notAllowed }
        return try await render(session: session, submitted: nil, reason: "", error: nil)
    }

    func release(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        guard session.user.mayReleaseExempt else { throw Self.notAllowed }
        let key = form["target"]
        guard let record = try await store.withheld().first(where: { Self.key($0.target) == key }) else {
            throw HTTPError(.badRequest, message: "That is no longer held as exempt. Go back and reload the page.")
        }
        let reason: String
        switch RecommendationChanges.releaseReason(form) {
        case .failure(let errors):
            var page = try await render(session: session, submitted: key, reason: form["reason"], error: errors["reason"])
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        case .success(let given): reason = given
        }
        try await store.release(record.target, reason: reason, by: session.user.id.rawValue, at: today())
        return redirect(to: "/exempt")
    }

    private func render(session: UserSession, submitted: String?, reason: String, error: String?) async throws -> HTML {
        let withheld = try await store.withheld()
        let meetings = Dictionary(try await store.meetings(Array(Set(withheld.map(\.meeting)))).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let committees = Dictionary(try await store.committees().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var groups: [ExemptPage.Group] = []
        for record in withheld {
            let meeting = meetings[record.meeting]
            let heading = meeting.map { "\(committees[$0.committee]?.name ?? "Committee"), \($0.start.day.councilStyle)" } ?? record.meeting.rawValue
            let key = Self.key(record.target)
            let form = FormView.post(
                "/exempt", csrfToken: session.csrfToken,
                fields: [
                    FormField(.hidden, name: "target", label: "", value: key),
                    FormField(
                        .textArea(rows: 2), name: "reason", label: "Why may “\(record.title)” now be published?",
                        error: submitted == key ? error : nil, value: submitted == key ? reason : ""),
                ], submit: "Release it")
            let entry = ExemptPage.Entry(title: record.title, access: record.access.label, href: meeting.map { Paths.meeting($0.id) }, form: form)
            if groups.last?.heading == heading { groups[groups.count - 1].entries.append(entry) } else { groups.append(.init(heading: heading, entries: [entry])) }
        }
        return HTML(ExemptPage(title: "Exempt information", groups: groups))
    }

    /// One text naming what to release, carried by the form.
    static func key(_ target: ReleaseTarget) -> String {
        switch target {
        case .agendaItem(let id): "item:" + id.rawValue
        case .appendix(let id, let label): "appendix:" + id.rawValue + "|" + label
        case .minute(let id): "minute:" + id.rawValue
        }
    }

    private static let notAllowed = HTTPError(.forbidden, message: "Only democratic services (a clerk or an administrator) can release exempt information.")
}

struct ExemptPage: Sendable {
    let title: String
    let groups: [Group]

    struct Group: Sendable {
        let heading: String
        var entries: [Entry]
    }

    struct Entry: Sendable {
        let title: String
        let access: String
        let href: String?
        let form: FormView
    }
}
