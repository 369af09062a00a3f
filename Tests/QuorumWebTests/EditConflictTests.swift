import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

/// The version a form was opened on, from its hidden field.
func version(in page: String) throws -> String {
    String(try #require(page.firstMatch(of: /name="version" value="([0-9a-f]+)"/)).1)
}

@Suite("Two people editing the same record")
struct EditConflictTests {
    func page(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String)) async throws -> String {
        try await client.execute(uri: path, method: .get, headers: [.cookie: session.cookie]) { String(buffer: $0.body) }
    }

    func post(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String), _ fields: [String: String]) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: formHeaders + [.cookie: session.cookie], body: formBody(fields.merging(["csrf_token": session.csrf]) { a, _ in a })
        ) { $0 }
    }

    @Test("Two people record a response from forms opened on the same version: the second is told, sees the first's, and keeps what they typed; nothing of theirs is written")
    func response() async throws {
        try await withAccounts { client, store in
            try await store.addUser(administrator, passwordHash: try await Passwords(cost: 4).hash(testPassword), by: "test", at: fixedNow)
            let (first, second) = (try await signIn(client, as: responder), try await signIn(client, as: administrator))
            let path = awaitingPath + "/response"
            let opened = try version(in: try await page(client, path, first))
            #expect(try version(in: try await page(client, path, second)) == opened)
            let answer = ["outcome": "accepted", "received-day": "3", "received-month": "3", "received-year": "2025"]
            #expect(try await post(client, path, first, answer.merging(["text": "Agreed by the partnership.", "version": opened]) { $1 }).status == .seeOther)
            let late = try await post(client, path, second, answer.merging(["outcome": "rejected", "text": "Rejected, as typed second.", "version": opened]) { $1 })
            let body = String(buffer: late.body)
            #expect(late.status == .conflict)
            #expect(body.contains("role=\"alert\"") && body.contains("Someone else changed this recommendation while you had the form open"))
            #expect(body.contains("Rejected, as typed second.</textarea>") && body.contains("Agreed by the partnership."))
            #expect(try version(in: body) != opened, "the form now carries the version it shows")
            let stored = try #require(try await store.recommendation(Paths.recommendationID(awaitingPath)))
            #expect(stored.answer?.text == "Agreed by the partnership.")
        }
    }

    @Test("A clerk cancelling a meeting another clerk has just moved is told, with the reason they typed kept; the meeting is not cancelled")
    func meeting() async throws {
        try await withAccounts { client, store in
            try await store.addUser(administrator, passwordHash: try await Passwords(cost: 4).hash(testPassword), by: "test", at: fixedNow)
            try await scheduleMeeting(in: store)
            let path = Paths.meeting(scheduledMeetingID) + "/schedule"
            let (first, second) = (try await signIn(client, as: clerk), try await signIn(client, as: administrator))
            let opened = try version(in: try await page(client, path, second))
            let moved = try await post(client, path, first, [
                "step": "move", "date-day": "10", "date-month": "3", "date-year": "2026", "version": try version(in: try await page(client, path, first)),
            ])
            #expect(moved.status == .seeOther)
            let late = try await post(client, path, second, ["step": "cancel", "reason": "No business, as typed second.", "version": opened])
            let body = String(buffer: late.body)
            #expect(late.status == .conflict && body.contains("Someone else changed this meeting") && body.contains("No business, as typed second.</textarea>"))
            #expect(body.contains("It is at 2.00 pm"))
            #expect(try await store.meeting(scheduledMeetingID)?.status == .scheduled)
        }
    }

    @Test("Two clerks answering the same question: the second is told and keeps the answer they typed; the first's stands")
    func question() async throws {
        try await withAccounts { client, store in
            try await store.addUser(administrator, passwordHash: try await Passwords(cost: 4).hash(testPassword), by: "test", at: fixedNow)
            try await scheduleMeeting(in: store)
            let id = try await pendingQuestion(store)
            try await store.updateQuestion(id, by: "test", at: fixedNow) { $0.status = .accepted }
            let (first, second) = (try await signIn(client, as: clerk), try await signIn(client, as: administrator))
            let opened = try version(in: try await page(client, "/questions", second))
            let fields = ["step": "answer", "question": id.rawValue]
            #expect(try await post(client, "/questions", first, fields.merging(["answer": "In April.", "version": opened]) { $1 }).status == .seeOther)
            let late = try await post(client, "/questions", second, fields.merging(["answer": "In May, as typed second.", "version": opened]) { $1 })
            let body = String(buffer: late.body)
            #expect(late.status == .conflict && body.contains("Someone else changed this question") && body.contains("In May, as typed second.</textarea>"))
            #expect(body.contains("In April."))
            #expect(try await store.questions(at: scheduledMeetingID).first?.status == .answered(response: "In April."))
        }
    }
}
