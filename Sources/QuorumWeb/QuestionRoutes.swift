import Foundation
import HTTPTypes
import Hummingbird
import QuorumDomain
import QuorumStorage

/// The public's written questions to a meeting: asked through a form until the question deadline, then decided on and
/// answered by democratic services. A question is public once accepted (the rule is `Visibility.questions`), and its
/// asker's email address never is.
struct QuestionRoutes {
    let store: any QuorumStore
    let today: @Sendable () -> Date
    let site: WebConfiguration
    /// How many questions one address may send in an hour.
    static let perHour = 5

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/committees/:committee/meetings/:date/questions/new", show: askForm, submit: ask)
        router.page("/committees/:committee/meetings/:date/questions/received", use: received)
        router.form("/questions", show: list, submit: decide)
        router.page("/committees/:committee/meetings/:date/questions", use: supplement)
    }

    // MARK: The public's form

    func askForm(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let (committee, meeting) = try await findMeeting(in: store, context)
        try await refuseWhenClosed(meeting)
        let token = Cookies.value(Cookies.formToken, in: request).flatMap { $0.count == 64 ? $0 : nil } ?? Tokens.random()
        var response = try render(committee, meeting, token: token, values: [:], errors: [:]).response(from: request, context: context)
        response.headers.append(HTTPField(name: .setCookie, value: Cookies.header(Cookies.formToken, token, secure: site.isHTTPS)))
        response.headers[.cacheControl] = "private, no-store"
        return response
    }

    func ask(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let form = try await FormSubmission(request)
        let token = Cookies.value(Cookies.formToken, in: request)
        try form.checkToken(token)
        let (committee, meeting) = try await findMeeting(in: store, context)
        try await refuseWhenClosed(meeting)
        let now = today()
        if try await store.questionSubmissions(from: context.visitorAddress, since: now.addingTimeInterval(-3600)) >= Self.perHour {
            throw HTTPError(
                .tooManyRequests,
                message: "\(Self.perHour) questions have been sent from this connection in the last hour, which is as many as the form takes. Please try again in an hour, or write to democratic services.")
        }
        switch QuestionChanges.submission(form) {
        case .failure(let errors):
            var page = try render(committee, meeting, token: token ?? "", values: form.fields, errors: errors.messages)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        case .success(let asked):
            try await store.submitQuestion(
                to: meeting.id, name: asked.name, place: asked.place, email: asked.email, addressee: asked.addressee, text: asked.text,
                receivedAt: todayInLondon(today), from: context.visitorAddress, at: now)
            return redirect(to: Paths.meeting(meeting.id) + "/questions/received")
        }
    }

    func received(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let (committee, meeting) = try await findMeeting(in: store, context)
        let page = ErrorPage(
            title: "Your question has been received",
            message: "Democratic services will check it against the council's rules for public questions and tell you by email whether it is accepted for the meeting of \(committee.name) on \(meeting.when). An accepted question and its written answer are published with the meeting's papers; your email address never is.",
            status: 200)
        return HTML(page)
    }

    /// After the deadline, or for a meeting held or cancelled, the form says so, and when questions closed.
    private func refuseWhenClosed(_ meeting: Meeting) async throws {
        let rules = try await store.deadlineRules()[meeting.committee]
        guard !meeting.takesQuestions(at: todayInLondon(today), rules: rules, calendar: .englandAndWales) else { return }
        let deadline = meeting.deadlines(rules: rules, calendar: .englandAndWales).questions
        let message: String
        switch meeting.status {
        case .cancelled: message = "This meeting was cancelled, so it takes no questions."
        case .held, .minutesApproved: message = "This meeting has been held, so it takes no more questions."
        default:
            message = meeting.knownFrom == nil
                ? "Questions for this meeting closed at \(deadlineStyle(deadline)). The next meeting's page says when its questions close."
                : "This meeting's time is not yet confirmed, so it does not take questions yet."
        }
        throw HTTPError(.forbidden, message: message)
    }

    private func render(_ committee: Committee, _ meeting: Meeting, token: String, values: [String: String], errors: [String: String]) throws -> HTML {
        let page = FormPage(
            title: "Ask a question at the meeting of \(committee.name) on \(meeting.start.day.councilStyle)",
            intro: [
                "Anyone who lives or works in the area may ask one written question. It is checked against the council's rules; an accepted question and its written answer are published with the meeting's papers, with your name and town. Your email address is only for democratic services to reply to, and is never published.",
            ],
            form: .post(
                Paths.meeting(meeting.id) + "/questions/new", csrfToken: token,
                fields: [
                    FormField(.text(type: "text", width: 40), name: "name", label: "Your name", error: errors["name"], value: values["name"] ?? "", autocomplete: "name"),
                    FormField(
                        .text(type: "text", width: 30), name: "place", label: "Your town or village", error: errors["place"], value: values["place"] ?? "",
                        autocomplete: "address-level2"),
                    FormField(
                        .text(type: "email", width: 40), name: "email", label: "Your email address", hint: "Only for democratic services to reply to.",
                        error: errors["email"], value: values["email"] ?? "", autocomplete: "email"),
                    FormField(
                        .text(type: "text", width: 40), name: "addressee", label: "Who is the question for?",
                        hint: "For example, the Cabinet Member for Children and Young People, or the chair of the committee.", error: errors["addressee"],
                        value: values["addressee"] ?? ""),
                    FormField(
                        .textArea(rows: 8), name: "text", label: "Your question", hint: "At most \(QuestionChanges.longest) characters.", error: errors["text"],
                        value: values["text"] ?? ""),
                ], submit: "Send the question"),
            back: Link(text: "Back to the meeting", href: Paths.meeting(meeting.id)))
        return HTML(page)
    }

    // MARK: Democratic services

    func list(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        guard session.user.mayHandleQuestions else { throw Self.notAllowed }
        return try await renderList(session: session, submitted: nil, values: [:], errors: [:])
    }

    func decide(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        guard session.user.mayHandleQuestions else { throw Self.notAllowed }
        if form["step"] == "publish" {
            let meeting = Meeting.ID(form["meeting"])
            do {
                try await store.publishQuestions(meeting, by: session.user.id.rawValue, at: today(), on: todayInLondon(today))
            } catch StoreError.invalid(let message) {
                var page = try await renderList(session: session, submitted: nil, values: [:], errors: [:], notice: message)
                page.status = .unprocessableContent
                return try page.response(from: request, context: context)
            }
            return redirect(to: Paths.meeting(meeting) + "/questions")
        }
        guard let step = QuestionChanges.Step(rawValue: form["step"]) else { throw HTTPError(.badRequest, message: "Go back, reload the page and choose what to do.") }
        let id = Question.ID(form["question"])
        guard let question = try await store.questionToHandle(id)?.question else { throw HTTPError(.badRequest, message: "That question is no longer held. Go back and reload the page.") }
        switch try QuestionChanges.change(step, form, question) {
        case .failure(let errors):
            var page = try await renderList(session: session, submitted: (id, step), values: form.fields, errors: errors.messages)
            page.status = .unprocessableContent
            return try page.response(from: request, context: context)
        case .success(let change):
            do {
                try await store.updateQuestion(id, by: session.user.id.rawValue, at: today(), EditVersion.guarded(change, expected: form[EditVersion.field]))
            } catch is EditVersion.Conflict {
                var page = try await renderList(
                    session: session, submitted: (id, step), values: form.fields, errors: [:], notice: EditVersion.notice("question") + " (\(question.number))")
                page.status = .conflict
                return try page.response(from: request, context: context)
            }
            return redirect(to: "/questions#" + Self.anchor(id))
        }
    }

    private func renderList(
        session: UserSession, submitted: (Question.ID, QuestionChanges.Step)?, values: [String: String], errors: [String: String], notice: String? = nil
    ) async throws -> HTML {
        let day = todayInLondon(today).day
        let held = try await store.questionsToHandle(from: day)
        let meetings = Dictionary(try await store.meetings(Array(Set(held.map(\.question.meeting)))).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let committees = Dictionary(try await store.committees().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let rules = try await store.deadlineRules()
        var groups: [QuestionsPage.MeetingGroup] = []
        for (question, email) in held {
            guard let meeting = meetings[question.meeting] else { continue }
            func field(_ step: QuestionChanges.Step, _ name: String) -> (value: String, error: String?) {
                guard let submitted, submitted.0 == question.id, submitted.1 == step else { return ("", nil) }
                return (values[name] ?? "", errors[name])
            }
            let forms = QuestionChanges.steps(for: question).map { step -> FormView in
                let hidden = [
                    FormField(.hidden, name: "step", label: "", value: step.rawValue), FormField(.hidden, name: "question", label: "", value: question.id.rawValue),
                    EditVersion.field(for: question),
                ]
                let action = "/questions"
                switch step {
                case .accept:
                    return .post(action, csrfToken: session.csrfToken, fields: hidden, submit: "Accept \(question.number)")
                case .reject:
                    let reason = field(step, "reason")
                    return .post(
                        action, csrfToken: session.csrfToken,
                        fields: hidden + [FormField(.textArea(rows: 2), name: "reason", label: "Why is \(question.number) not accepted?", hint: "The asker is told this.", error: reason.error, value: reason.value)],
                        submit: "Reject \(question.number)")
                case .answer:
                    let answer = field(step, "answer")
                    var current = answer.value
                    if current.isEmpty, case .answered(let text) = question.status { current = text }
                    return .post(
                        action, csrfToken: session.csrfToken,
                        fields: hidden + [FormField(.textArea(rows: 5), name: "answer", label: "The written answer to \(question.number)", error: answer.error, value: current)],
                        submit: "Publish the answer")
                case .supplementary:
                    let text = field(step, "supplementary")
                    let response = field(step, "response")
                    return .post(
                        action, csrfToken: session.csrfToken,
                        fields: hidden + [
                            FormField(.textArea(rows: 3), name: "supplementary", label: "Supplementary question asked at the meeting", error: text.error,
                                value: text.value.isEmpty ? question.supplementary?.text ?? "" : text.value),
                            FormField(.textArea(rows: 3), name: "response", label: "The answer given (optional)", error: response.error,
                                value: response.value.isEmpty ? question.supplementary?.response ?? "" : response.value),
                        ], submit: "Record the supplementary")
                }
            }
            let asker: String =
                switch question.asker {
                case .publicMember(let name, let place?): "\(name), \(place)"
                case .publicMember(let name, nil): name
                case .councillor: "a councillor"
                }
            var answer: String?
            if case .answered(let text) = question.status { answer = text }
            if case .rejected(let reason) = question.status { answer = reason }
            let entry = QuestionsPage.Entry(
                anchor: Self.anchor(question.id), number: question.number, addressee: question.addressee, status: question.status.label, asker: asker,
                email: email, received: question.receivedAt?.councilStyle, text: paragraphs(question.text), answer: answer, forms: forms)
            let heading = "\(committees[meeting.committee]?.name ?? "Committee"), \(meeting.start.day.councilStyle)"
            if groups.last?.href == Paths.meeting(meeting.id) {
                groups[groups.count - 1] = .init(
                    heading: heading, href: groups[groups.count - 1].href, deadline: groups[groups.count - 1].deadline, questions: groups[groups.count - 1].questions + [entry],
                    publish: groups[groups.count - 1].publish)
            } else {
                let deadline = deadlineStyle(meeting.deadlines(rules: rules[meeting.committee], calendar: .englandAndWales).questions)
                let publish = FormView.post(
                    "/questions", csrfToken: session.csrfToken,
                    fields: [FormField(.hidden, name: "step", label: "", value: "publish"), FormField(.hidden, name: "meeting", label: "", value: meeting.id.rawValue)],
                    submit: "Publish the accepted questions and answers to \(meeting.start.day.councilStyle) as a supplement")
                groups.append(.init(heading: heading, href: Paths.meeting(meeting.id), deadline: "at " + deadline, questions: [entry], publish: publish))
            }
        }
        let waiting = held.filter { $0.question.status.awaitsDecision }.count
        let page = QuestionsPage(
            title: "Questions to coming meetings",
            summary: held.isEmpty ? "No questions have been put to a coming meeting." : "\(waiting) waiting for a decision, of \(held.count) to coming meetings.",
            meetings: groups, notice: notice)
        return HTML(page)
    }

    static func anchor(_ id: Question.ID) -> String { "q-" + slugged(id.rawValue) }

    /// The supplement of a meeting's questions and their answers, as published: the questions the public may see (those
    /// accepted), their written answers and any supplementary asked at the meeting, with when each supplement went out.
    func supplement(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let (committee, meeting) = try await findMeeting(in: store, context)
        let publications = try await store.publications(of: meeting.id).filter(\.isQuestions)
        guard !publications.isEmpty else { throw HTTPError(.notFound, message: "No questions to this meeting have been published.") }
        let questions = Visibility.public.questions(try await store.questions(at: meeting.id), of: meeting)
        let people = Dictionary(try await store.people(questions.compactMap { if case .councillor(let id) = $0.asker { id } else { nil } }).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let entries = questions.map { question -> QuestionsSupplementPage.Entry in
            let asker: String =
                switch question.asker {
                case .publicMember(let name, let place?): "\(name), \(place)"
                case .publicMember(let name, nil): name
                case .councillor(let id): people[id]?.styledName ?? "A councillor"
                }
            var answer: [String] = []
            if case .answered(let text) = question.status { answer = paragraphs(text) }
            return .init(
                number: question.number, asker: asker, addressee: question.addressee, text: paragraphs(question.text),
                answer: answer.isEmpty ? ["A written answer will be given at the meeting."] : answer,
                supplementary: question.supplementary.map { [$0.number.map { "\($0): " } ?? "", $0.text].joined() },
                supplementaryAnswer: question.supplementary?.response)
        }
        let page = QuestionsSupplementPage(
            title: "Questions and answers: \(committee.name), \(meeting.start.day.councilStyle)", meeting: Link(text: "\(committee.name), \(meeting.start.day.councilStyle)", href: Paths.meeting(meeting.id)),
            published: publications.map(\.summary), questions: entries, hasQuestions: !entries.isEmpty)
        return HTML(page)
    }

    private static let notAllowed = HTTPError(.forbidden, message: "Only democratic services (a clerk or an administrator) can decide on and answer the public's questions.")
}

/// The rules for the public's questions, whoever handles them.
enum QuestionChanges {
    static let longest = 2_000

    /// What the public sends: `name`, `place`, `email`, `addressee` and `text`.
    static func submission(_ values: some SubmittedValues) -> Result<(name: String, place: String, email: String, addressee: String, text: String), FieldErrors> {
        var errors = FieldErrors()
        let (name, place, email, addressee, text) = (values["name"], values["place"], values["email"], values["addressee"], values["text"])
        if name.isEmpty { errors["name"] = "Enter your name" } else if name.count > 100 { errors["name"] = "Your name must be 100 characters or fewer" }
        if place.isEmpty { errors["place"] = "Enter your town or village" } else if place.count > 100 { errors["place"] = "Your town or village must be 100 characters or fewer" }
        if email.isEmpty {
            errors["email"] = "Enter your email address"
        } else if !isEmailAddress(email) {
            errors["email"] = "Enter an email address in the correct format, like name@example.com"
        }
        if addressee.isEmpty { errors["addressee"] = "Enter who the question is for" } else if addressee.count > 200 {
            errors["addressee"] = "Who the question is for must be 200 characters or fewer"
        }
        if text.isEmpty { errors["text"] = "Enter your question" } else if text.count > longest { errors["text"] = "Your question must be \(longest) characters or fewer" }
        guard errors.isEmpty else { return .failure(errors) }
        return .success((name, place, email, addressee, text))
    }

    enum Step: String, Sendable {
        case accept, reject, answer, supplementary
    }

    static func steps(for question: Question) -> [Step] {
        switch question.status {
        case .received: [.accept, .reject]
        case .accepted: [.answer, .supplementary]
        case .answered: [.answer, .supplementary]
        case .rejected: []
        }
    }

    static func change(_ step: Step, _ values: some SubmittedValues, _ question: Question) throws -> Result<@Sendable (inout Question) throws -> Void, FieldErrors> {
        guard steps(for: question).contains(step) else { throw noLongerApplies }
        let change: @Sendable (inout Question) throws -> Void
        switch step {
        case .accept: change = { $0.status = .accepted }
        case .reject:
            let reason = values["reason"]
            guard !reason.isEmpty else { return .failure(FieldErrors(messages: ["reason": "Enter why the question is not accepted"])) }
            change = { $0.status = .rejected(reason: reason) }
        case .answer:
            let answer = values["answer"]
            guard !answer.isEmpty else { return .failure(FieldErrors(messages: ["answer": "Enter the written answer"])) }
            guard answer.count <= 20_000 else { return .failure(FieldErrors(messages: ["answer": "The answer must be 20,000 characters or fewer"])) }
            change = { $0.status = .answered(response: answer) }
        case .supplementary:
            let text = values["supplementary"]
            let response = values["response"]
            guard !text.isEmpty else { return .failure(FieldErrors(messages: ["supplementary": "Enter the supplementary question as it was asked"])) }
            change = { q in
                q.supplementary = .init(number: q.supplementary?.number ?? "S" + q.number, text: text, response: response.isEmpty ? nil : response)
            }
        }
        return .success { q in
            guard steps(for: q).contains(step) else { throw noLongerApplies }
            try change(&q)
        }
    }

    static let noLongerApplies = HTTPError(.conflict, message: "That question has already been decided on. Reload the page to see where it has got to.")

    /// Something, an @, something with a dot: the form only catches mistakes; the reply shows whether it works.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, text.count <= 254, !text.contains(where: { $0.isWhitespace }) else { return false }
        let domain = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return domain.count >= 2 && domain.allSatisfy { !$0.isEmpty }
    }
}
