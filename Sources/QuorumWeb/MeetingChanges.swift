import Foundation
import Hummingbird
public import QuorumDomain
public import QuorumStorage

/// A change to one meeting, made by the store in one audited transaction. It checks again, on the meeting as the
/// transaction reads it, that it still applies.
typealias MeetingChange = @Sendable (inout Meeting) throws -> Void

/// The rules for scheduling, moving and cancelling meetings, whoever asks and however (a form, the API, the CLI).
enum MeetingChanges {
    /// At most this many meetings at once: a year's programme, with room to spare.
    static let mostAtOnce = 60

    /// New meetings of one committee: `committee` (a slug), `dates` (one or more, on separate lines or with commas),
    /// `time` and `venue`. Each date must be a real one, today or later, and given once.
    static func new(_ values: some SubmittedValues, store: any QuorumStore, today: CalendarDay) async throws -> Result<[Meeting], FieldErrors> {
        var errors = FieldErrors()
        let committee = values["committee"].isEmpty ? nil : try await store.committee(slug: values["committee"])
        if committee == nil { errors["committee"] = "Select the committee that is to meet" }
        var days: [CalendarDay] = []
        // One date a line (a browser sends \r\n), or several on a line with semicolons or commas; a comma inside one date
        // ("Tuesday, 2 June 2026") is kept when the whole line reads as a date.
        let typed = values["dates"].split(whereSeparator: { $0.isNewline || $0 == ";" }).flatMap { line -> [String] in
            let line = line.trimmingCharacters(in: .whitespaces)
            return typedDay(line) != nil ? [line] : line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }.filter { !$0.isEmpty }
        if typed.isEmpty { errors["dates"] = "Enter the date of the meeting, or a date on each line for several" }
        for text in typed {
            guard let day = typedDay(text) else {
                errors["dates"] = "‘\(text)’ is not a date: write it like 2 6 2026, 2/6/2026, 2 June 2026 or 2026-06-02"
                break
            }
            if day < today {
                errors["dates"] = "\(day.councilStyle) has passed: a meeting is scheduled for today or later"
                break
            }
            if days.contains(day) {
                errors["dates"] = "\(day.councilStyle) is given twice"
                break
            }
            days.append(day)
        }
        if typed.count > mostAtOnce { errors["dates"] = "Enter at most \(mostAtOnce) dates at once" }
        let time = time(values, &errors)
        let venue = venue(values, &errors, required: true)
        guard errors.isEmpty, let committee, let time, let venue else { return .failure(errors) }
        return .success(days.sorted().map { Meeting(of: committee.id, on: LocalDateTime($0, time), venue: venue) })
    }

    /// Whether the meeting can still be moved or cancelled: not once it has been held, nor once it is cancelled.
    static func isOpen(_ meeting: Meeting) -> Bool {
        switch meeting.status {
        case .scheduled, .agendaPublished: meeting.knownFrom == nil
        case .held, .minutesApproved, .cancelled: false
        }
    }

    /// Moves the meeting, or changes its time or place: `date`, `time` and `venue`, each left as it is when not given.
    static func reschedule(_ values: some SubmittedValues, _ meeting: Meeting, today: CalendarDay) throws -> Result<MeetingChange, FieldErrors> {
        guard isOpen(meeting) else { throw noLongerApplies }
        var errors = FieldErrors()
        var day = meeting.start.day
        switch values.date("date") {
        case .success(let value):
            if value < today { errors["date"] = "The new date must be today or later" } else { day = value }
        case .failure(.missing): break
        case .failure(let problem): errors["date"] = problem.message(for: "The new date")
        }
        let time = values["time"].isEmpty ? meeting.start.time : Self.time(values, &errors)
        let venue = values["venue"].isEmpty ? meeting.venue : Self.venue(values, &errors, required: false)
        guard errors.isEmpty, let time, let venue else { return .failure(errors) }
        let start = LocalDateTime(day, time)
        if start == meeting.start, venue == meeting.venue {
            return .failure(FieldErrors(messages: ["date": "Enter a new date, time or place: these are the ones it has"]))
        }
        return .success { m in
            guard isOpen(m) else { throw noLongerApplies }
            m.start = start
            m.venue = venue
        }
    }

    /// Cancels the meeting, with the `reason` the public is given.
    static func cancel(_ values: some SubmittedValues, _ meeting: Meeting) throws -> Result<MeetingChange, FieldErrors> {
        guard isOpen(meeting) else { throw noLongerApplies }
        let reason = values["reason"]
        if reason.isEmpty { return .failure(FieldErrors(messages: ["reason": "Enter why the meeting is cancelled"])) }
        if reason.count > 2_000 { return .failure(FieldErrors(messages: ["reason": "The reason must be 2,000 characters or fewer"])) }
        return .success { m in
            guard isOpen(m) else { throw noLongerApplies }
            m.status = .cancelled(reason: reason)
        }
    }

    static let noLongerApplies = HTTPError(.conflict, message: "This meeting has been held or cancelled, so it can no longer be moved or cancelled.")

    private static func time(_ values: some SubmittedValues, _ errors: inout FieldErrors) -> TimeOfDay? {
        let text = values["time"]
        if text.isEmpty {
            errors["time"] = "Enter the time the meeting starts"
            return nil
        }
        guard let time = typedTime(text) else {
            errors["time"] = "‘\(text)’ is not a time we can read: write it like 2pm, 2.30pm or 14:30"
            return nil
        }
        return time
    }

    private static func venue(_ values: some SubmittedValues, _ errors: inout FieldErrors, required: Bool) -> String? {
        let venue = values["venue"]
        if venue.isEmpty, required {
            errors["venue"] = "Enter where the meeting is held"
            return nil
        }
        if venue.count > 500 {
            errors["venue"] = "The place must be 500 characters or fewer"
            return nil
        }
        return venue
    }
}

/// For `quorum meetings add`: the meetings `values` describe (`committee`, `dates`, `time`, `venue`, with ISO dates),
/// checked as the website and the API check them; or what is wrong, beside each field's name.
public func newMeetings(from values: [String: String], store: any QuorumStore, today: CalendarDay) async throws -> (meetings: [Meeting], errors: [String: String]) {
    switch try await MeetingChanges.new(ApiSubmission(values: values), store: store, today: today) {
    case .success(let meetings): (meetings, [:])
    case .failure(let errors): ([], errors.messages)
    }
}

