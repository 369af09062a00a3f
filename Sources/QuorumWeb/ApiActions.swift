import Foundation
import HTTPTypes
import Hummingbird
import QuorumDomain
import QuorumStorage

/// What can be done through the website can be done through the API, by a program holding a token made with
/// `quorum token create`, sent as `Authorization: Bearer …`. The token acts as its account, with the account's role,
/// and every change is checked by the same rules as the website's forms (`RecommendationChanges`) and audited the
/// same way. Only a token is accepted, never the website's cookie, so another site cannot make a signed-in browser
/// post here.
struct ApiActions {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.page("/api/v1/me", use: me)
        Self.resource("/api/v1/recommendations/**", actions: Set(Self.actions.keys), on: router, show: recommendation, act: recommendationAction)
        router.page("/api/v1/questions", use: questions)
        Self.resource("/api/v1/questions/**", actions: Set(Self.questionSteps.keys), on: router, show: question, act: questionAction)
        router.form("/api/v1/exempt", show: withheld, submit: release)
        router.page("/api/v1/warnings", use: warnings)
        router.action("/api/v1/warnings/:id/checked", use: markChecked)
    }

    /// The paths after a recommendation's identifier, each a step of `RecommendationChanges`, or the response.
    static let actions: [String: RecommendationChanges.Step?] = [
        "response": nil, "sent": .sent, "extension": .extend, "not-pursued": .notPursued, "implementation": .implementation, "close": .close,
    ]

    /// The actions on a meeting, after its identifier.
    static let meetingActions: Set<String> = ["reschedule", "cancel", "agenda", "publish-agenda", "minutes", "publish-minutes"]

    /// A record whose identifier has slashes, and its actions, share one route: the last part says which. The record's
    /// address answers GET and HEAD, its actions POST, and each says so (405 with `Allow`) to any other method.
    static func resource(
        _ path: RouterPath, actions: Set<String>, on router: Router<QuorumRequestContext>,
        show: @escaping @Sendable (Request, QuorumRequestContext) async throws -> Response,
        act: @escaping @Sendable (Request, QuorumRequestContext) async throws -> Response
    ) {
        @Sendable func isAction(_ context: QuorumRequestContext) -> Bool {
            context.parameters.getCatchAll().last.map { actions.contains(String($0)) } ?? false
        }
        for method: HTTPRequest.Method in [.get, .head] {
            router.on(path, method: method) { request, context in
                isAction(context) ? methodNotAllowed(request, allowing: "POST") : try await show(request, context)
            }
        }
        router.on(path, method: .post) { request, context in
            isAction(context) ? try await act(request, context) : methodNotAllowed(request, allowing: "GET, HEAD")
        }
        for method: HTTPRequest.Method in [.put, .patch, .delete, .trace, .options, HTTPRequest.Method("QUERY")!] {
            router.on(path, method: method) { request, context in methodNotAllowed(request, allowing: isAction(context) ? "POST" : "GET, HEAD") }
        }
    }

    // MARK: Who is asking

    /// The account whose token the request carries, or a 401 that says how to send one.
    func caller(_ request: Request) async throws -> User {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            throw Self.unauthorized("This needs a token: send Authorization: Bearer followed by a token made with quorum token create.")
        }
        let token = header.dropFirst("bearer ".count).trimmingCharacters(in: .whitespaces)
        guard !token.isEmpty, let user = try await store.apiTokenUser(tokenHash: Tokens.hash(token), now: today()) else {
            throw Self.unauthorized("That token is not one Quorum holds, or it has been revoked, or its account is disabled.")
        }
        return user
    }

    private static func unauthorized(_ message: String) -> HTTPError {
        HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer realm=\"quorum\""], message: message)
    }

    private static func forbidden(_ message: String) -> HTTPError { HTTPError(.forbidden, message: message) }

    // MARK: The account

    func me(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let user = try await caller(request)
        let awaiting = user.role == .executiveResponder ? try await store.recommendations(RecommendationFilter(stage: .awaiting)) : []
        let queue = try await rows(awaiting.filter(user.hasInQueue)).map(ApiRecommendation.init)
        return try json(ApiAccount(user, queue: queue), request: request, context: context)
    }

    // MARK: Recommendations

    /// `POST /api/v1/recommendations`: a recommendation entered directly.
    func create(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let user = try await caller(request)
        guard user.mayTrackRecommendations else { throw Self.forbidden("Only a scrutiny officer or an administrator can add recommendations.") }
        let values = try await ApiSubmission(request)
        switch try await RecommendationChanges.new(values, store: store) {
        case .failure(let errors): return try refused(errors, request: request, context: context)
        case .success(let recommendation):
            do {
                try await store.addRecommendation(recommendation, by: user.id.rawValue, at: today())
            } catch StoreError.invalid(let message) {
                return try refused(FieldErrors(messages: ["number": message]), request: request, context: context)
            }
            var response = try json(ApiRecommendation(try await row(recommendation)), status: .created, request: request, context: context)
            response.headers[.location] = "/api/v1/recommendations/" + recommendation.id.rawValue
            return response
        }
    }

    /// `GET /api/v1/recommendations/{id}`: one recommendation, as the tracker lists it.
    func recommendation(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let id = context.parameters.getCatchAll().joined(separator: "/")
        guard let recommendation = try await store.recommendation(.init(id)) else { throw HTTPError(.notFound, message: "There is no such recommendation.") }
        var answer = ApiRecommendation(try await row(recommendation))
        answer.version = EditVersion.of(recommendation)
        return try json(answer, request: request, context: context)
    }

    /// `POST /api/v1/recommendations/{id}/{action}`: the response, or one of the scrutiny officer's steps.
    func recommendationAction(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        var parts = context.parameters.getCatchAll().map(String.init)
        guard let action = parts.popLast(), let step = Self.actions[action] else { throw HTTPError(.notFound) }
        let user = try await caller(request)
        guard let recommendation = try await store.recommendation(.init(parts.joined(separator: "/"))) else {
            throw HTTPError(.notFound, message: "There is no such recommendation.")
        }
        let day = todayInLondon(today).day
        let rules = try await store.deadlineRules()
        let values = try await ApiSubmission(request)
        let result: Result<RecommendationChange, FieldErrors>
        if let step {
            guard user.mayTrackRecommendations else {
                throw Self.forbidden("Only a scrutiny officer or an administrator can record a recommendation's progress.")
            }
            result = try RecommendationChanges.progress(step, values, to: recommendation, rules: rules[recommendation.committee], today: day)
        } else {
            guard user.mayAnswer(recommendation) else {
                throw Self.forbidden("This account cannot record a response to this recommendation: it is not addressed to a body the account answers for.")
            }
            result = try RecommendationChanges.response(values, to: recommendation, today: day)
        }
        switch result {
        case .failure(let errors): return try refused(errors, request: request, context: context)
        case .success(let change):
            let stored = try await store.updateRecommendation(
                recommendation.id, by: user.id.rawValue, at: today(), EditVersion.guarded(change, expected: values[EditVersion.field]))
            var answer = ApiRecommendation(TrackerRow(stored, rules: rules[stored.committee], today: day))
            answer.version = EditVersion.of(stored)
            return try json(answer, request: request, context: context)
        }
    }

    private func rows(_ recommendations: [Recommendation]) async throws -> [TrackerRow] {
        let rules = try await store.deadlineRules()
        let day = todayInLondon(today).day
        return recommendations.map { TrackerRow($0, rules: rules[$0.committee], today: day) }
    }

    private func row(_ recommendation: Recommendation) async throws -> TrackerRow { try await rows([recommendation])[0] }

    // MARK: Meetings

    /// `POST /api/v1/events`: meetings a clerk schedules, one or a year's programme.
    func createMeetings(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let user = try await caller(request)
        guard user.mayScheduleMeetings else { throw Self.forbidden(Self.democraticServicesOnly) }
        switch try await MeetingChanges.new(try await ApiSubmission(request), store: store, today: todayInLondon(today).day) {
        case .failure(let errors): return try refused(errors, request: request, context: context)
        case .success(let meetings):
            do {
                try await store.addMeetings(meetings, by: user.id.rawValue, at: today())
            } catch StoreError.invalid(let message) {
                return try refused(FieldErrors(messages: ["dates": message]), request: request, context: context)
            }
            let events = meetings.map { ApiEvent($0, agenda: nil) }
            return try json(
                ListResponse(results: events, pagination: .init(page: 1, per_page: events.count, total: events.count, max_page: 1)), status: .created,
                request: request, context: context)
        }
    }

    /// `POST /api/v1/events/{id}/reschedule` or `/cancel`.
    func meetingAction(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        var parts = context.parameters.getCatchAll().map(String.init)
        guard let action = parts.popLast(), Self.meetingActions.contains(action) else { throw HTTPError(.notFound) }
        let user = try await caller(request)
        guard let meeting = try await store.meeting(.init(parts.joined(separator: "/"))) else { throw HTTPError(.notFound, message: "There is no such event.") }
        guard user.mayScheduleMeetings else { throw Self.forbidden(Self.democraticServicesOnly) }
        let values = try await ApiSubmission(request)
        if ["agenda", "publish-agenda", "minutes", "publish-minutes"].contains(action) {
            return try await cycleAction(action, values, meeting: meeting, user: user, request: request, context: context)
        }
        let result =
            action == "cancel" ? try MeetingChanges.cancel(values, meeting) : try MeetingChanges.reschedule(values, meeting, today: todayInLondon(today).day)
        switch result {
        case .failure(let errors): return try refused(errors, request: request, context: context)
        case .success(let change):
            do {
                let stored = try await store.updateMeeting(meeting.id, by: user.id.rawValue, at: today(), EditVersion.guarded(change, expected: values[EditVersion.field]))
                var event = ApiEvent(stored, agenda: nil)
                event.version = EditVersion.of(stored)
                return try json(event, request: request, context: context)
            } catch StoreError.invalid(let message) {
                return try refused(FieldErrors(messages: ["date": message]), request: request, context: context)
            }
        }
    }

    private static let democraticServicesOnly = "Only democratic services (a clerk or an administrator) can schedule, move or cancel meetings, or build agendas and write minutes."

    /// The agenda and the minutes through the API, by the same rules as their pages: a step with the pages' field names
    /// (`step` is one of the forms' steps), or publication. The answer is the working agenda or minutes with its version.
    private func cycleAction(
        _ action: String, _ values: ApiSubmission, meeting: Meeting, user: User, request: Request, context: QuorumRequestContext
    ) async throws -> Response {
        guard let committee = try await store.committee(meeting.committee) else { throw HTTPError(.notFound, message: "There is no such event.") }
        let actor = user.id.rawValue
        do {
            switch action {
            case "agenda":
                guard let agenda = try await store.agenda(of: meeting.id), let step = AgendaChanges.Step(rawValue: values["step"]) else {
                    return try refused(FieldErrors(messages: ["step": "Give a step: " + AgendaChanges.Step.allCases.map(\.rawValue).joined(separator: ", ")]), request: request, context: context)
                }
                let (standard, previous) = try await AgendaBuilding.standardItems(in: store, for: committee, meeting)
                switch AgendaChanges.change(step, values, on: agenda, standard: standard, previousMeeting: previous) {
                case .failure(let errors): return try refused(errors, request: request, context: context)
                case .success(let change):
                    let stored = try await store.updateAgenda(meeting.id, by: actor, at: today(), EditVersion.guarded(change, expected: values[EditVersion.field]))
                    return try json(ApiAgenda(stored), request: request, context: context)
                }
            case "publish-agenda":
                let expected = values[EditVersion.field]
                try await store.publishAgenda(
                    meeting.id, by: actor, at: today(), on: todayInLondon(today),
                    check: { if !expected.isEmpty, EditVersion.of($0) != expected { throw EditVersion.Conflict() } })
                guard let agenda = try await store.agenda(of: meeting.id) else { throw HTTPError(.notFound) }
                return try json(ApiAgenda(agenda), request: request, context: context)
            case "minutes":
                guard let minutes = try await store.minutes(of: meeting.id), let step = MinutesChanges.Step(rawValue: values["step"]) else {
                    return try refused(FieldErrors(messages: ["step": "Give a step: " + MinutesChanges.Step.allCases.map(\.rawValue).joined(separator: ", ")]), request: request, context: context)
                }
                let setting = try await MinutesWriting.setting(in: store, committee, meeting)
                switch MinutesChanges.change(step, values, on: minutes, setting) {
                case .failure(let errors): return try refused(errors, request: request, context: context)
                case .success(let change):
                    let stored = try await store.updateMinutes(meeting.id, by: actor, at: today(), EditVersion.guarded(change, expected: values[EditVersion.field]))
                    return try json(ApiMinutes(stored), request: request, context: context)
                }
            default:
                let expected = values[EditVersion.field]
                let stored = try await store.publishMinutes(
                    meeting.id, by: actor, at: today(), today: todayInLondon(today).day,
                    check: { if !expected.isEmpty, EditVersion.of($0) != expected { throw EditVersion.Conflict() } })
                return try json(ApiMinutes(stored), request: request, context: context)
            }
        } catch StoreError.invalid(let message) {
            throw HTTPError(.conflict, message: message)
        } catch let refusal as ChangeRefusal {
            return try refused(FieldErrors(messages: [refusal.field: refusal.message]), request: request, context: context)
        }
    }

    // MARK: The public's questions

    static let questionSteps: [String: QuestionChanges.Step] = ["accept": .accept, "reject": .reject, "answer": .answer, "supplementary": .supplementary]

    /// The caller, who must be democratic services to see the public's questions with their askers' email addresses.
    private func questionHandler(_ request: Request) async throws -> User {
        let user = try await caller(request)
        guard user.mayHandleQuestions else { throw Self.forbidden("Only democratic services (a clerk or an administrator) can see and decide on the public's questions.") }
        return user
    }

    /// A question with its asker's email, or 404.
    private func heldQuestion(_ id: Question.ID) async throws -> (question: Question, email: String?) {
        guard let held = try await store.questionToHandle(id) else {
            throw HTTPError(.notFound, message: "There is no such question.")
        }
        return held
    }

    /// `GET /api/v1/questions`: the questions to coming meetings.
    func questions(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let paging = try Paging(queryDictionary(request))
        _ = try await questionHandler(request)
        let held = try await store.questionsToHandle(from: todayInLondon(today).day)
        return try json(ListResponse(results: paging.slice(held).map(ApiHeldQuestion.init), pagination: paging.pagination(total: held.count)), request: request, context: context)
    }

    /// `GET /api/v1/questions/{id}`: one, as democratic services see it (within the last year's meetings and those to come).
    func question(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        _ = try await questionHandler(request)
        let held = try await heldQuestion(Question.ID(context.parameters.getCatchAll().joined(separator: "/")))
        return try json(ApiHeldQuestion(held), request: request, context: context)
    }

    /// `POST /api/v1/questions/{id}/accept|reject|answer|supplementary`.
    func questionAction(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        var parts = context.parameters.getCatchAll().map(String.init)
        guard let action = parts.popLast(), let step = Self.questionSteps[action] else { throw HTTPError(.notFound) }
        let id = Question.ID(parts.joined(separator: "/"))
        let user = try await questionHandler(request)
        let held = try await heldQuestion(id)
        let values = try await ApiSubmission(request)
        switch try QuestionChanges.change(step, values, held.question) {
        case .failure(let errors): return try refused(errors, request: request, context: context)
        case .success(let change):
            let stored = try await store.updateQuestion(id, by: user.id.rawValue, at: today(), EditVersion.guarded(change, expected: values[EditVersion.field]))
            return try json(ApiHeldQuestion((stored, held.email)), request: request, context: context)
        }
    }

    // MARK: Exempt information

    func withheld(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let user = try await caller(request)
        guard user.mayReleaseExempt else { throw Self.forbidden(Self.clerksOnly) }
        let paging = try Paging(queryDictionary(request))
        let records = try await store.withheld()
        return try json(
            ListResponse(results: paging.slice(records).map(ApiWithheld.init), pagination: paging.pagination(total: records.count)), request: request,
            context: context)
    }

    /// `POST /api/v1/exempt`: releases what `target` names (as the list gives it), with the `reason`.
    func release(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let user = try await caller(request)
        guard user.mayReleaseExempt else { throw Self.forbidden(Self.clerksOnly) }
        let values = try await ApiSubmission(request)
        guard let record = try await store.withheld().first(where: { ExemptRoutes.key($0.target) == values["target"] }) else {
            return try refused(FieldErrors(messages: ["target": "Nothing with that target is held as exempt; list them with GET /api/v1/exempt"]), request: request, context: context)
        }
        switch RecommendationChanges.releaseReason(values) {
        case .failure(let errors): return try refused(errors, request: request, context: context)
        case .success(let reason):
            try await store.release(record.target, reason: reason, by: user.id.rawValue, at: today())
            return try json(ApiWithheld(record), request: request, context: context)
        }
    }

    private static let clerksOnly = "Only democratic services (a clerk or an administrator) can see and release exempt information."

    // MARK: Import warnings

    func warnings(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let user = try await caller(request)
        guard user.mayCheckWarnings else { throw Self.forbidden(NeedsChecking.officersOnly) }
        let (unchecked, checked) = try await store.warningsToCheck(limit: NeedsChecking.shown)
        return try json(ApiWarnings(results: unchecked.map(ApiWarning.init), checked: checked), request: request, context: context)
    }

    func markChecked(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let user = try await caller(request)
        guard user.mayCheckWarnings else { throw Self.forbidden(NeedsChecking.officersOnly) }
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound, message: "There is no such warning.") }
        do {
            try await store.markWarningChecked(id, by: user.id.rawValue, at: today())
        } catch StoreError.notFound {
            throw HTTPError(.notFound, message: "There is no such warning, or it has already been checked.")
        }
        return try json(["id": id], request: request, context: context)
    }

    // MARK: Answers

    /// Every answer here is for the token's holder alone.
    private func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, request: Request, context: QuorumRequestContext) throws -> Response {
        Body(
            bytes: apiJSON(value), contentType: "application/json; charset=utf-8", status: status,
            headers: [.cacheControl: "private, no-store", .vary: "Authorization"]
        ).response(from: request, context: context)
    }

    /// 422, with what was wrong beside each field's name.
    private func refused(_ errors: FieldErrors, request: Request, context: QuorumRequestContext) throws -> Response {
        let body = ApiError(error: .init(status: 422, message: "Some of what was sent cannot be accepted; see fields.", fields: errors.messages))
        return try json(body, status: .unprocessableContent, request: request, context: context)
    }
}

/// The JSON object an API action is sent: each value text (a number is read as its digits), null as absent. Dates
/// are ISO (2025-03-27). The command line sends its options the same way.
struct ApiSubmission: SubmittedValues {
    let values: [String: String]

    init(values: [String: String]) { self.values = values }

    init(_ request: Request) async throws {
        let body = try await FormSubmission.body(of: request, tooLong: "What was sent is longer than 1 MB.")
        guard body.readableBytes > 0 else {
            values = [:]
            return
        }
        let object: [String: Loose]
        do {
            object = try JSONDecoder().decode([String: Loose].self, from: Data(String(buffer: body).utf8))
        } catch {
            throw HTTPError(.badRequest, message: "The body must be a JSON object whose values are text, such as {\"reason\": \"…\"}.")
        }
        var values: [String: String] = [:]
        for case (let key, .text(let text)) in object { values[key] = text }
        self.values = values
    }

    /// A value as sent: text, a number (read as text), or null (as if left out). Anything else is refused.
    private enum Loose: Decodable {
        case text(String)
        case absent

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .absent
            } else if let text = try? value.decode(String.self) {
                self = .text(text)
            } else if (try? value.decode(Bool.self)) == nil, let number = try? value.decode(Decimal.self) {
                self = .text("\(number)")
            } else {
                throw DecodingError.dataCorruptedError(in: value, debugDescription: "not text")
            }
        }
    }

    subscript(_ name: String) -> String { values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    func date(_ name: String) -> Result<CalendarDay, DateEntry.Problem> {
        let text = self[name]
        if text.isEmpty { return .failure(.missing) }
        return CalendarDay(iso: text).map { .success($0) } ?? .failure(.notReal)
    }
}

/// The API's JSON: keys sorted, slashes as they are.
func apiJSON(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(value)) ?? Data("{}".utf8), as: UTF8.self)
}
