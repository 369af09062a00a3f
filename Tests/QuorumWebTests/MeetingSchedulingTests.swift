import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

@Suite("Scheduling meetings")
struct MeetingSchedulingTests {
    let committeeSlug = "children-and-young-people-scrutiny-committee"

    func post(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String), _ fields: [String: String]) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: formHeaders + [.cookie: session.cookie], body: formBody(fields.merging(["csrf_token": session.csrf]) { a, _ in a })
        ) { $0 }
    }

    @Test("A clerk schedules a year's programme at once: each problem is shown beside its field with what was typed kept; then every meeting has its page, deadlines and calendar entry, audited")
    func schedule() async throws {
        try await withAccounts { client, store in
            let clerkSession = try await signIn(client, as: clerk)
            var response = try await post(client, "/meetings/new", clerkSession, ["committee": committeeSlug, "dates": "3 3 2026\n31 2 2026", "time": "teatime", "venue": ""])
            var body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent)
            #expect(body.contains("‘31 2 2026’ is not a date: write it like 2 6 2026, 2/6/2026, 2 June 2026 or 2026-06-02"))
            #expect(body.contains("‘teatime’ is not a time we can read: write it like 2pm, 2.30pm or 14:30"))
            #expect(body.contains("Enter where the meeting is held"))
            #expect(body.contains("3 3 2026\n31 2 2026</textarea>") && body.contains("value=\"teatime\""))
            response = try await post(client, "/meetings/new", clerkSession, ["committee": committeeSlug, "dates": "1 11 2025", "time": "2pm", "venue": "Shire Hall"])
            #expect(String(buffer: response.body).contains("Saturday 1 November 2025 has passed: a meeting is scheduled for today or later"))
            #expect(try await store.meetings(MeetingFilter(from: CalendarDay(2025, 12, 1))).isEmpty)

            response = try await post(client, "/meetings/new", clerkSession, [
                "committee": committeeSlug, "dates": "3 March 2026\r\n2026-04-14, 2/6/2026", "time": "2.00 pm", "venue": "Shire Hall, St Peter's Square, Hereford, HR1 2HX",
            ])
            #expect(response.status == .seeOther && response.headers[.location] == committeePath)
            let scheduled = try await store.meetings(MeetingFilter(from: CalendarDay(2025, 12, 1)))
            #expect(scheduled.map(\.start.day) == [CalendarDay(2026, 3, 3), CalendarDay(2026, 4, 14), CalendarDay(2026, 6, 2)])
            #expect(scheduled.allSatisfy { $0.start.time == TimeOfDay(hour: 14)! && $0.status == .scheduled })
            let page = try await get(client, committeePath + "/meetings/2026-03-03")
            #expect(page.contains("Tuesday 3 March 2026, 2.00 pm") && page.contains("Shire Hall, St Peter&#39;s Square") || page.contains("Shire Hall, St Peter&#x27;s Square"))
            #expect(page.contains("<dt>Agenda published by</dt><dd>Monday 23 February 2026</dd>"))
            #expect(try await get(client, committeePath + "/calendar.ics").replacingOccurrences(of: "\r\n ", with: "").contains("UID:" + Meeting.ID(under: Committee.fixture().id, "2026-04-14").rawValue + "@quorum"))
            // The same day again is refused, and nothing of that submission is added.
            response = try await post(client, "/meetings/new", clerkSession, ["committee": committeeSlug, "dates": "10 3 2026\n3 3 2026", "time": "2pm", "venue": "Shire Hall"])
            #expect(String(buffer: response.body).contains("The committee already meets on Tuesday 3 March 2026."))
            #expect(try await store.meeting(Meeting.ID(under: Committee.fixture().id, "2026-03-10")) == nil)
            #expect(try await store.history(of: scheduled[0].id.rawValue).map { "\($0.action.rawValue) \($0.actor)" } == ["created \(clerk.id.rawValue)"])
        }
    }

    @Test("Moving a meeting keeps its address and says where it moved from; cancelling keeps it with the reason; calendars see each change; then it cannot be changed again")
    func moveAndCancel() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let path = Paths.meeting(scheduledMeetingID)
            let clerkSession = try await signIn(client, as: clerk)
            let signedIn = try await client.execute(uri: path, method: .get, headers: [.cookie: clerkSession.cookie]) { String(buffer: $0.body) }
            #expect(signedIn.contains("href=\"\(path)/schedule\">Move or cancel this meeting</a>"))
            #expect(!(try await get(client, path)).contains("Move or cancel"))
            func event() async throws -> String {
                // Unfolded: iCalendar folds lines longer than 75 octets.
                let calendar = try await get(client, committeePath + "/calendar.ics").replacingOccurrences(of: "\r\n ", with: "")
                let start = try #require(calendar.range(of: "UID:\(scheduledMeetingID.rawValue)@quorum"))
                let rest = calendar[start.lowerBound...]
                return String(rest[..<(rest.range(of: "END:VEVENT")?.lowerBound ?? rest.endIndex)])
            }
            #expect(try await event().contains("SEQUENCE:0"))

            var response = try await post(client, path + "/schedule", clerkSession, ["step": "move", "date-day": "3", "date-month": "3", "date-year": "2026"])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("Enter a new date, time or place: these are the ones it has"))
            response = try await post(client, path + "/schedule", clerkSession, ["step": "move", "date-day": "10", "date-month": "3", "date-year": "2026", "time": "10.30am"])
            #expect(response.status == .seeOther && response.headers[.location] == path)
            var page = try await get(client, path)
            #expect(page.contains("Tuesday 10 March 2026, 10.30 am") && page.contains("Moved from Tuesday 3 March 2026."))
            var entry = try await event()
            #expect(entry.contains("DTSTART;TZID=Europe/London:20260310T103000") && entry.contains("SEQUENCE:1") && entry.contains("STATUS:CONFIRMED"))

            response = try await post(client, path + "/schedule", clerkSession, ["step": "cancel", "reason": ""])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("Enter why the meeting is cancelled"))
            response = try await post(client, path + "/schedule", clerkSession, ["step": "cancel", "reason": "There is no business to transact."])
            #expect(response.status == .seeOther)
            page = try await get(client, path)
            #expect(page.contains("This meeting was cancelled: There is no business to transact."))
            entry = try await event()
            #expect(entry.contains("STATUS:CANCELLED") && entry.contains("SEQUENCE:6"))
            try await client.execute(uri: path + "/schedule", method: .get, headers: [.cookie: clerkSession.cookie]) { #expect($0.status == .conflict) }
            #expect(try await post(client, path + "/schedule", clerkSession, ["step": "cancel", "reason": "Again."]).status == .conflict)
            let history = try await store.history(of: scheduledMeetingID.rawValue).filter { $0.actor == clerk.id.rawValue }
            #expect(history.map(\.changes) == ["scheduleRevision, start", "scheduleRevision, status"])
            // A later import of the committee's papers never lowers what calendars were told.
            try await store.importPack(.everyKind(), publishedFor: CalendarDay(2025, 5, 27), by: "import", at: fixedNow)
            #expect(try await store.meeting(scheduledMeetingID)?.scheduleRevision == 2)
        }
    }

    @Test("Officers are warned, on the meeting's page, of a missed or near agenda deadline and of a meeting on a day the council does not work; the public is not")
    func warnings() async throws {
        try await withAccounts { client, store in
            // Saturday 6 December 2025: its agenda was due by Friday 28 November, and today is Monday 1 December.
            let saturday = Meeting(of: Committee.fixture().id, on: LocalDateTime(CalendarDay(2025, 12, 6), TimeOfDay(hour: 10)!), venue: "Shire Hall")
            let soon = Meeting(of: Committee.fixture().id, on: LocalDateTime(CalendarDay(2025, 12, 11), TimeOfDay(hour: 14)!), venue: "Shire Hall")
            try await store.addMeetings([saturday, soon], by: "test", at: fixedNow)
            let officer = try await signIn(client, as: scrutinyOfficer)
            let page = try await client.execute(uri: Paths.meeting(saturday.id), method: .get, headers: [.cookie: officer.cookie]) { String(buffer: $0.body) }
            #expect(page.contains("<li>The meeting falls on a day the council does not work.</li>"))
            #expect(page.contains("<li>The agenda should have been published by Friday 28 November 2025, and has not been.</li>"))
            let near = try await client.execute(uri: Paths.meeting(soon.id), method: .get, headers: [.cookie: officer.cookie]) { String(buffer: $0.body) }
            #expect(near.contains("<li>The agenda must be published by Wednesday 3 December 2025, in 2 working days.</li>"))
            #expect(!(try await get(client, Paths.meeting(saturday.id))).contains("To check"))
        }
    }

    @Test("Dates and times are read as people type them", arguments: [
        ("2026-06-02", CalendarDay(2026, 6, 2)), ("2/6/2026", CalendarDay(2026, 6, 2)), ("2 6 2026", CalendarDay(2026, 6, 2)),
        ("2 June 2026", CalendarDay(2026, 6, 2)), ("Tuesday 2 June 2026", CalendarDay(2026, 6, 2)), ("2 Jun 2026", CalendarDay(2026, 6, 2)),
        ("Tuesday, 2 June 2026", CalendarDay(2026, 6, 2)), ("Monday 2 June 2026", nil),
        ("31 2 2026", nil), ("2 Ju 2026", nil), ("2 6 26", nil), ("June", nil),
    ] as [(String, CalendarDay?)])
    func typedDays(text: String, day: CalendarDay?) {
        #expect(typedDay(text) == day)
    }

    @Test("Times are read as people type them", arguments: [
        ("14:30", TimeOfDay(hour: 14, minute: 30)), ("14.30", TimeOfDay(hour: 14, minute: 30)), ("2.30pm", TimeOfDay(hour: 14, minute: 30)),
        ("2:30 p.m.", TimeOfDay(hour: 14, minute: 30)), ("2pm", TimeOfDay(hour: 14)), ("10 am", TimeOfDay(hour: 10)), ("12pm", TimeOfDay(hour: 12)),
        ("12am", TimeOfDay(hour: 0)), ("09:30", TimeOfDay(hour: 9, minute: 30)), ("10.00", TimeOfDay(hour: 10)), ("2.30", nil),
        ("14", nil), ("13pm", nil), ("2.3pm", nil), ("25:00", nil), ("noon", nil),
    ] as [(String, TimeOfDay?)])
    func typedTimes(text: String, time: TimeOfDay?) {
        #expect(typedTime(text) == time)
    }
}
