import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

/// A question from the public to the scheduled meeting, waiting for a decision.
func pendingQuestion(_ store: SQLiteStore) async throws -> Question.ID {
    if let held = try await store.questions(at: scheduledMeetingID).first { return held.id }
    return try await store.submitQuestion(
        to: scheduledMeetingID, name: "Ann Example", place: "Leominster", email: "ann@example.com", addressee: "The chair", text: "When?",
        receivedAt: LocalDateTime(CalendarDay(2025, 12, 1), TimeOfDay(hour: 9)!), from: "192.0.2.1", at: fixedNow
    ).id
}

@Suite("Who may do what on the website")
struct PermissionMatrixTests {
    /// Every signed-in page that changes something, with a submission that is good for it, and the roles allowed.
    static func actions(_ store: SQLiteStore) async throws -> [(path: String, fields: [String: String], allowed: Set<User.Role>)] {
        let target = ExemptRoutes.key(try #require(try await store.withheld().first).target)
        let warning = try #require(try await store.warningsToCheck(limit: 10).unchecked.first).id
        let unsent = "/recommendations/children-and-young-people-scrutiny-committee/2024-01-23/data-5"
        let trackers: Set<User.Role> = [.administrator, .scrutinyOfficer]
        if try await store.meeting(scheduledMeetingID) == nil { try await scheduleMeeting(in: store) }
        return [
            ("/meetings/new", ["committee": "children-and-young-people-scrutiny-committee", "dates": "14 4 2026", "time": "2pm", "venue": "Shire Hall"],
                [.administrator, .clerk]),
            (Paths.meeting(scheduledMeetingID) + "/schedule", ["step": "move", "date-day": "10", "date-month": "3", "date-year": "2026"], [.administrator, .clerk]),
            ("/recommendations/new", [
                "committee": "children-and-young-people-scrutiny-committee", "meeting-day": "18", "meeting-month": "3", "meeting-year": "2025",
                "topic": "Home to school transport", "number": "A1", "text": "Publish the routes.", "addressee": "cabinet", "response_rule": "twoMonths",
            ], trackers),
            (unsent + "/progress", ["step": "sent", "sent-day": "1", "sent-month": "10", "sent-year": "2025"], trackers),
            (awaitingPath + "/response", ["outcome": "accepted", "received-day": "3", "received-month": "3", "received-year": "2025", "text": "Agreed."],
                [.administrator, .scrutinyOfficer, .executiveResponder]),
            ("/exempt", ["target": target, "reason": "The contract has been awarded and published."], [.administrator, .clerk]),
            ("/needs-checking", ["warning": String(warning)], [.administrator, .clerk, .scrutinyOfficer, .executiveResponder]),
            ("/questions", ["step": "accept", "question": try await pendingQuestion(store).rawValue], [.administrator, .clerk]),
            (Paths.meeting(scheduledMeetingID) + "/agenda", ["step": "standard"], [.administrator, .clerk]),
            (upcomingMeetingPath + "/minutes", ["step": "ended", "ended_at": "4.15pm"], [.administrator, .clerk]),
            (committeePath + "/work-programme/edit", ["step": "add_topic", "title": "Home education", "session": ""], [.administrator, .clerk, .scrutinyOfficer]),
            ("/forward-plan/edit", ["step": "add", "title": "Budget", "decision_maker": "Council", "decision_type": "key"], [.administrator, .clerk, .scrutinyOfficer]),
            ("/plans/childrens-services-improvement-plan/figures", ["step": "audit", "month": "September 2025", "good": "50"],
                [.administrator, .clerk, .scrutinyOfficer]),
        ]
    }

    @Test(
        "The anonymous visitor and each role × each page that changes something: shown and done, or sent to sign in or refused with 403, and then nothing changed",
        arguments: [nil, administrator, clerk, scrutinyOfficer, responder, councillor] as [User?])
    func matrix(user: User?) async throws {
        try await withAccounts { client, store in
            var session: (cookie: String, csrf: String)?
            if let user {
                if user.role == .administrator { try await store.addUser(user, passwordHash: try await Passwords(cost: 4).hash(testPassword), by: "test", at: fixedNow) }
                session = try await signIn(client, as: user)
            }
            let who = user.map { "\($0.role)" } ?? "anonymous"
            try await client.execute(uri: "/dashboard", method: .get, headers: session.map { [.cookie: $0.cookie] } ?? [:]) { response in
                #expect(response.status == (session == nil ? .seeOther : .ok), "dashboard as \(who)")
            }
            for (path, fields, allowed) in try await Self.actions(store) {
                let before = try await everything(store)
                let headers: HTTPFields = session.map { [.cookie: $0.cookie] } ?? [:]
                let shown = try await client.execute(uri: path, method: .get, headers: headers) { $0 }
                let done = try await client.execute(
                    uri: path, method: .post, headers: formHeaders + headers, body: formBody(fields.merging(["csrf_token": session?.csrf ?? ""]) { a, _ in a })
                ) { $0 }
                if let user, allowed.contains(user.role) {
                    #expect(shown.status == .ok, "GET \(path) as \(who)")
                    #expect(done.status == .seeOther, "POST \(path) as \(who): \(String(buffer: done.body).prefix(300))")
                    #expect(try await everything(store) != before, "POST \(path) as \(who) changed nothing")
                } else {
                    if user == nil {
                        #expect(shown.status == .seeOther && shown.headers[.location] == "/sign-in?next=" + path, "GET \(path) as \(who)")
                        #expect(done.status == .seeOther && done.headers[.location]?.hasPrefix("/sign-in") == true, "POST \(path) as \(who)")
                    } else {
                        #expect(shown.status == .forbidden, "GET \(path) as \(who)")
                        #expect(done.status == .forbidden, "POST \(path) as \(who)")
                    }
                    #expect(try await everything(store) == before, "POST \(path) as \(who) changed something")
                }
            }
        }
    }
}
