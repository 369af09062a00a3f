import Foundation
import Hummingbird
import QuorumDomain
import QuorumStorage

/// For democratic services: scheduling a committee's meetings (one, or a year's programme at once), and moving or
/// cancelling one. Each change keeps the meeting's address and history, and calendars see it (iCalendar SEQUENCE).
struct MeetingScheduling {
    let store: any QuorumStore
    let today: @Sendable () -> Date

    func addRoutes(to router: Router<QuorumRequestContext>) {
        router.form("/meetings/new", show: newForm, submit: create)
        router.form("/committees/:committee/meetings/:date/schedule", show: scheduleForm, submit: reschedule)
    }

    func newForm(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        guard session.user.mayScheduleMeetings else { throw Self.notAllowed }
        var values: [String: String] = [:]
        if let committee = queryDictionary(request)["committee"] { values["committee"] = String(committee.prefix(200)) }
        return try await renderNew(session: session, values: values, errors: [:])
    }

    func create(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        guard session.user.mayScheduleMeetings else { throw Self.notAllowed }
        var errors: FieldErrors
        switch try await MeetingChanges.new(form, store: store, today: todayInLondon(today).day) {
        case .failure(let refused): errors = refused
        case .success(let meetings):
            do {
                try await store.addMeetings(meetings, by: session.user.id.rawValue, at: today())
                return redirect(to: meetings.count == 1 ? Paths.meeting(meetings[0].id) : Paths.committee(meetings[0].committee))
            } catch StoreError.invalid(let message) {
                errors = FieldErrors(messages: ["dates": message])
            }
        }
        var page = try await renderNew(session: session, values: form.fields, errors: errors.messages)
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func renderNew(session: UserSession, values: [String: String], errors: [String: String]) async throws -> HTML {
        let committees = try await store.committees().map { ($0.slug, $0.name) }
        let page = FormPage(
            title: "Schedule meetings",
            intro: [
                "One meeting, or a year's programme at once. Each meeting's agenda publication and question deadlines are worked out from the council's calendar."
            ],
            form: .post(
                "/meetings/new", csrfToken: session.csrfToken,
                fields: [
                    FormField(.select, name: "committee", label: "Committee", error: errors["committee"], value: values["committee"] ?? "",
                        options: [("", "Choose a committee")] + committees),
                    FormField(.textArea(rows: 6), name: "dates", label: "Date, or dates", hint: "One on each line, for example 2 6 2026 or 2 June 2026.",
                        error: errors["dates"], value: values["dates"] ?? ""),
                    FormField(.text(type: "text", width: 10), name: "time", label: "Start time", hint: "For example, 2pm or 10.30am.", error: errors["time"],
                        value: values["time"] ?? ""),
                    FormField(.text(type: "text", width: 60), name: "venue", label: "Place", hint: "As the summons gives it, with the postcode.",
                        error: errors["venue"], value: values["venue"] ?? ""),
                ], submit: "Schedule"))
        return HTML(page)
    }

    func scheduleForm(_ request: Request, context: QuorumRequestContext) async throws -> HTML {
        let session = try context.requireUser(for: request)
        let (_, meeting) = try await findMeeting(in: store, context)
        guard session.user.mayScheduleMeetings else { throw Self.notAllowed }
        guard MeetingChanges.isOpen(meeting) else { throw MeetingChanges.noLongerApplies }
        return try render(meeting, session: session, submitted: nil, values: [:], errors: [:])
    }

    func reschedule(_ request: Request, context: QuorumRequestContext) async throws -> Response {
        let session = try context.requireUser(for: request)
        let form = try await FormSubmission(request)
        try form.checkToken(session.csrfToken)
        let (_, meeting) = try await findMeeting(in: store, context)
        guard session.user.mayScheduleMeetings else { throw Self.notAllowed }
        let step = form["step"] == "cancel" ? "cancel" : "move"
        var errors: FieldErrors
        switch step == "cancel" ? try MeetingChanges.cancel(form, meeting) : try MeetingChanges.reschedule(form, meeting, today: todayInLondon(today).day) {
        case .failure(let refused): errors = refused
        case .success(let change):
            do {
                try await store.updateMeeting(meeting.id, by: session.user.id.rawValue, at: today(), EditVersion.guarded(change, expected: form[EditVersion.field]))
                return redirect(to: Paths.meeting(meeting.id))
            } catch StoreError.invalid(let message) {
                errors = FieldErrors(messages: ["date": message])
            } catch is EditVersion.Conflict {
                guard let current = try await store.meeting(meeting.id) else { throw HTTPError(.notFound) }
                var page = try render(current, session: session, submitted: step, values: form.fields, errors: [:], notice: EditVersion.notice("meeting"))
                page.status = .conflict
                return try page.response(from: request, context: context)
            }
        }
        var page = try render(meeting, session: session, submitted: step, values: form.fields, errors: errors.messages)
        page.status = .unprocessableContent
        return try page.response(from: request, context: context)
    }

    private func render(
        _ meeting: Meeting, session: UserSession, submitted: String?, values: [String: String], errors: [String: String], notice: String? = nil
    ) throws -> HTML {
        let version = EditVersion.field(for: meeting)
        let action = Paths.meeting(meeting.id) + "/schedule"
        func value(_ step: String, _ name: String) -> String { submitted == step ? values[name] ?? "" : "" }
        func error(_ step: String, _ name: String) -> String? { submitted == step ? errors[name] : nil }
        let typedDate = submitted == "move" ? DateEntry.typed("date", in: values) : ""
        let page = ProgressPage(
            title: "Move or cancel the meeting of \(meeting.start.day.councilStyle)",
            text: "It is at \(meeting.start.time.councilStyle), \(meeting.venue.isEmpty ? "at a place not recorded" : meeting.venue).",
            sections: [
                .init(
                    heading: "Move it, or change its time or place",
                    intro: "Give only what changes. It keeps its address, and calendars that follow the committee are told.",
                    form: .post(
                        action, csrfToken: session.csrfToken,
                        fields: [
                            FormField(.hidden, name: "step", label: "", value: "move"), version,
                            FormField(.date, name: "date", label: "New date", hint: "For example, 9 6 2026", error: error("move", "date"), value: typedDate),
                            FormField(.text(type: "text", width: 10), name: "time", label: "New start time", hint: "For example, 2pm or 10.30am.",
                                error: error("move", "time"), value: value("move", "time")),
                            FormField(.text(type: "text", width: 60), name: "venue", label: "New place", error: error("move", "venue"), value: value("move", "venue")),
                        ], submit: "Save the change")),
                .init(
                    heading: "Cancel it", intro: "The meeting stays on the record, marked cancelled with the reason.",
                    form: .post(
                        action, csrfToken: session.csrfToken,
                        fields: [
                            FormField(.hidden, name: "step", label: "", value: "cancel"), version,
                            FormField(.textArea(rows: 3), name: "reason", label: "Why is it cancelled?", hint: "The public sees this.",
                                error: error("cancel", "reason"), value: value("cancel", "reason")),
                        ], submit: "Cancel the meeting")),
            ],
            back: Link(text: "Back to the meeting", href: Paths.meeting(meeting.id)), notice: notice)
        return HTML(page)
    }

    private static let notAllowed = HTTPError(.forbidden, message: "Only democratic services (a clerk or an administrator) can schedule, move or cancel meetings.")
}
