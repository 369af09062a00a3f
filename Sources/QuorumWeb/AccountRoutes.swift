import Foundation
import HTTPTypes
import Hummingbird
import QuorumDomain
import QuorumStorage

/// Signing in and out, changing one's password, and each role's dashboard.
struct AccountRoutes {
    let store: any QuorumStore
    let site: WebConfiguration
    let today: @Sendable () -> Date
    var passwords: Passwords { Passwords(cost: site.passwordCost) }

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/sign-in", show: signInPage, submit: signIn)
        router.action("/sign-out", use: signOut)
        router.form("/account/password", show: passwordPage, submit: changePassword)
        router.page("/dashboard", use: dashboard)
    }

    // MARK: Signing in

    func signInPage(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        if context.session != nil { return redirect(to: "/dashboard") }
        let token = Cookies.value(Cookies.signInToken, in: request).flatMap { $0.count == 64 ? $0 : nil } ?? Tokens.random()
        let next = safeNext(queryDictionary(request)["next"])
        var response = try renderSignIn(token: token, next: next, email: "", errors: [:]).response(from: request, context: context)
        response.headers.append(HTTPField(name: .setCookie, value: Cookies.header(Cookies.signInToken, token, secure: site.isHTTPS)))
        response.headers[.cacheControl] = "private, no-store"
        return response
    }

    func signIn(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormSubmission(request)
        let token = Cookies.value(Cookies.signInToken, in: request)
        try form.checkToken(token)
        let email = form["email"]
        let next = safeNext(form["next"])
        var errors: [String: String] = [:]
        if email.isEmpty { errors["email"] = "Enter your email address" }
        if form.fields["password", default: ""].isEmpty { errors["password"] = "Enter your password" }
        func again(_ errors: [String: String], status: HTTPResponse.Status = .unprocessableContent) throws -> Response {
            var page = try renderSignIn(token: token ?? Tokens.random(), next: next, email: email, errors: errors)
            page.status = status
            return try page.response(from: request, context: context)
        }
        guard errors.isEmpty else { return try again(errors) }
        let now = today()
        let limit = site.signInLimit
        let failed = try await store.failedSignIns(email: email, address: context.visitorAddress, since: now.addingTimeInterval(-Double(limit.windowSeconds)))
        if failed.account >= limit.attempts || failed.address >= limit.attempts {
            return try again(
                ["email": "Too many attempts to sign in. Wait \(limit.windowSeconds / 60) minutes, then try again, or ask an administrator to reset your password"],
                status: .tooManyRequests)
        }
        // A check against a hash even for an unknown address, so the time taken does not say which addresses exist.
        let credentials = try await store.credentials(email: email)
        let matches = try await passwords.verify(form.fields["password", default: ""], against: credentials?.passwordHash ?? Self.unknownAccountHash)
        guard let credentials, matches, !credentials.user.isDisabled else {
            try await store.recordSignInAttempt(email: email, address: context.visitorAddress, succeeded: false, at: now)
            return try again(["email": "The email address or password is not right"])
        }
        try await store.recordSignInAttempt(email: email, address: context.visitorAddress, succeeded: true, at: now)
        let sessionToken = Tokens.random()
        try await store.startSession(
            UserSession(tokenHash: Tokens.hash(sessionToken), user: credentials.user, csrfToken: Tokens.random(), startedAt: now, lastSeenAt: now))
        return redirect(
            to: next ?? "/dashboard",
            cookies: [
                Cookies.header(Cookies.session, sessionToken, secure: site.isHTTPS),
                Cookies.header(Cookies.signInToken, "", secure: site.isHTTPS, maxAge: 0),
            ])
    }

    /// A bcrypt hash of nothing anyone can type, at the lowest cost, checked when no account has the address.
    static let unknownAccountHash = "$2b$04$" + String(repeating: "A", count: 53)

    func signOut(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormSubmission(request)
        guard let session = context.session else { return redirect(to: "/") }
        try form.checkToken(session.csrfToken)
        try await store.endSession(tokenHash: session.tokenHash)
        return redirect(to: "/", cookies: [Cookies.header(Cookies.session, "", secure: site.isHTTPS, maxAge: 0)])
    }

    private func renderSignIn(token: String, next: String?, email: String, errors: [String: String]) throws -> HTML {
        var fields = [
            FormField(.text(type: "email", width: 30), name: "email", label: "Email address", error: errors["email"], value: email, autocomplete: "username"),
            FormField(.text(type: "password", width: 30), name: "password", label: "Password", error: errors["password"], autocomplete: "current-password"),
        ]
        if let next { fields.append(FormField(.hidden, name: "next", label: "", value: next)) }
        let page = FormPage(
            title: "Sign in", intro: ["For council officers and councillors. Everything the public may see is on this site without an account."],
            form: .post("/sign-in", csrfToken: token, fields: fields, submit: "Sign in"))
        return HTML(page)
    }

    /// Where to go after signing in: a path on this site only, never another site.
    private func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), next != "/sign-in" else { return nil }
        return next
    }

    // MARK: The password

    func passwordPage(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        try renderPassword(try context.requireUser(for: request), errors: [:])
    }

    func changePassword(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let current = form.fields["current", default: ""]
        let new = form.fields["new", default: ""]
        var errors: [String: String] = [:]
        if current.isEmpty { errors["current"] = "Enter your current password" }
        if let problem = Passwords.problem(with: new) { errors["new"] = problem }
        if form.fields["confirm", default: ""] != new { errors["confirm"] = "Enter the same new password again" }
        if errors["current"] == nil, let held = try await store.credentials(email: session.user.email),
            !(try await passwords.verify(current, against: held.passwordHash))
        {
            errors["current"] = "Your current password is not right"
        }
        guard errors.isEmpty else {
            var page = try renderPassword(session, errors: errors)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        }
        try await store.setPassword(of: session.user.id, passwordHash: try await passwords.hash(new), by: session.user.id.rawValue, at: today())
        // Every session ended with the change, this one too: sign in again with the new password.
        return redirect(to: "/sign-in?next=/dashboard", cookies: [Cookies.header(Cookies.session, "", secure: site.isHTTPS, maxAge: 0)])
    }

    private func renderPassword(_ session: UserSession, errors: [String: String]) throws -> HTML {
        let page = FormPage(
            title: "Change your password", intro: ["You will be asked to sign in again with the new password, here and on any other device."],
            form: .post(
                "/account/password", csrfToken: session.csrfToken,
                fields: [
                    FormField(.text(type: "password", width: 30), name: "current", label: "Current password", error: errors["current"], autocomplete: "current-password"),
                    FormField(
                        .text(type: "password", width: 30), name: "new", label: "New password", hint: "At least 12 characters. A few unrelated words make a good one.",
                        error: errors["new"], autocomplete: "new-password"),
                    FormField(.text(type: "password", width: 30), name: "confirm", label: "New password again", error: errors["confirm"], autocomplete: "new-password"),
                ], submit: "Change password"))
        return HTML(page)
    }

    // MARK: The dashboard

    func dashboard(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        let user = session.user
        let day = todayInLondon(today).day
        let committees = Dictionary(try await store.committees().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = try await store.deadlineRules()
        func rulesFor(_ r: Recommendation) -> DeadlineRules { rules[r.committee] }
        let awaiting = try await store.recommendations(RecommendationFilter(stage: .awaiting))
        var sections: [DashboardPage.Section] = []
        switch user.role {
        case .executiveResponder:
            let queue = awaiting.filter(user.hasInQueue)
            sections.append(.init(
                heading: "Recommendations awaiting your response", empty: "Nothing is waiting for a response from the bodies you answer for.",
                rows: queue.map { DashboardPage.Row($0, committees: committees, rules: rulesFor($0), today: day, user: user) }))
        case .administrator, .scrutinyOfficer:
            let overdue = awaiting.filter { $0.isOverdue(on: day, rules: rulesFor($0)) }
            let dueSoon = awaiting.filter { r in
                guard !r.isOverdue(on: day, rules: rulesFor(r)), let due = r.effectiveDueDate(rules: rulesFor(r)) else { return false }
                return due <= day.adding(days: 14)
            }
            sections.append(.init(
                heading: "Overdue for a response", empty: "No recommendation is overdue.",
                rows: overdue.map { DashboardPage.Row($0, committees: committees, rules: rulesFor($0), today: day, user: user) }))
            sections.append(.init(
                heading: "Due within 14 days", empty: "No response is due in the next 14 days.",
                rows: dueSoon.map { DashboardPage.Row($0, committees: committees, rules: rulesFor($0), today: day, user: user) }))
            let checks = awaiting.compactMap { r -> DashboardPage.Row? in
                let found = r.needsChecking(on: day, rules: rulesFor(r), calendar: .englandAndWales)
                guard !found.isEmpty else { return nil }
                return DashboardPage.Row(r, committees: committees, rules: rulesFor(r), today: day, user: user, note: found.joined(separator: " "))
            }
            sections.append(.init(
                heading: "Needs checking", empty: "Nothing awaiting a response has dates that contradict each other or the rule.",
                rows: Array(checks.prefix(50)), more: checks.count > 50 ? "The first 50 of \(checks.count)." : nil))
            sections.append(.init(
                heading: "Awaiting a response, with no date sent recorded", empty: "Every recommendation awaiting a response has its date sent.",
                rows: awaiting.filter { $0.sentOn == nil && $0.addressee != .committee }.prefix(50).map {
                    DashboardPage.Row($0, committees: committees, rules: rulesFor($0), today: day, user: user)
                }))
        case .clerk, .councillor:
            break
        }
        var links: [Link] = []
        if user.role.isOfficer { links.append(Link(text: "Import warnings that need checking", href: "/needs-checking")) }
        if user.mayScheduleMeetings { links.append(Link(text: "Schedule meetings", href: "/meetings/new")) }
        if user.mayHandleQuestions {
            let waiting = try await store.questionsToHandle(from: day).filter { $0.question.status.awaitsDecision }.count
            links.append(Link(text: waiting == 0 ? "Questions from the public: none waiting" : "Questions from the public: \(waiting) waiting for a decision", href: "/questions"))
        }
        if user.mayReleaseExempt {
            let held = try await store.withheld().count
            links.append(Link(text: held == 0 ? "Exempt information: none is held" : "Exempt information held: \(held), to review and release", href: "/exempt"))
        }
        let upcoming = try await store.meetings(MeetingFilter(from: day, limit: 10))
        let page = DashboardPage(
            title: "Your dashboard", name: user.name, role: user.role.label, answersFor: user.answersFor.isEmpty ? nil : user.answersFor.joined(separator: "; "), links: links,
            sections: sections,
            upcoming: upcoming.map { meeting in
                let deadlines = meeting.deadlines(rules: rules[meeting.committee], calendar: .englandAndWales)
                return DashboardPage.Meeting(
                    link: MeetingLink(meeting, committee: committees[meeting.committee]?.name ?? ""),
                    agenda: Visibility.public.maySeePapers(of: meeting) ? "agenda published" : "agenda to be published by \(deadlines.agendaPublication.councilStyle)",
                    questionsBy: deadlineStyle(deadlines.questions),
                    warnings: user.role.isOfficer
                        ? Optional(meeting.scheduleWarnings(today: day, rules: rules[meeting.committee], calendar: .englandAndWales).map(\.message).joined(separator: " "))
                            .flatMap { $0.isEmpty ? nil : $0 } : nil)
            })
        return HTML(page)
    }
}

/// A page that is a form and little else.
struct FormPage: Sendable {
    let title: String
    let intro: [String]
    let form: FormView
    var back: Link? = nil
    /// Said first, as an alert: the record changed while the form was open.
    var notice: String? = nil
}

struct DashboardPage: Sendable {
    let title: String
    let name: String
    let role: String
    /// For an executive responder: whom they answer for.
    let answersFor: String?
    /// The officer pages this role works in.
    let links: [Link]
    var hasLinks: Bool { !links.isEmpty }
    let sections: [Section]
    let upcoming: [Meeting]

    struct Section: Sendable {
        let heading: String
        let empty: String
        let rows: [Row]
        var more: String? = nil
        var hasRows: Bool { !rows.isEmpty }
    }

    struct Row: Sendable {
        let committee: String
        let meeting: String
        let number: String
        let text: String
        let addressee: String
        let sent: String
        let due: String
        let href: String
        let respondHref: String?
        /// Why it is listed, where the heading does not say.
        let note: String?

        init(_ r: Recommendation, committees: [Committee.ID: Committee], rules: DeadlineRules, today: CalendarDay, user: User, note: String? = nil) {
            self.note = note
            committee = committees[r.committee]?.name ?? ""
            meeting = r.meetingDay.councilStyle
            number = r.number
            text = r.text
            addressee = r.addressee.label
            sent = r.sentOn?.councilStyle ?? "Not recorded"
            due = r.effectiveDueDate(rules: rules)?.councilStyle ?? "Not set"
            href = Paths.recommendation(r.id)
            respondHref = user.mayAnswer(r) ? Paths.recommendation(r.id) + "/response" : nil
        }
    }

    struct Meeting: Sendable {
        let link: MeetingLink
        /// "agenda published", or when it is to be.
        let agenda: String
        let questionsBy: String
        /// For officers: a missed or near deadline, a day the council does not work.
        let warnings: String?
    }
}
