import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

@Suite("The questions supplement")
struct QuestionsSupplementTests {
    @Test("Democratic services publish the accepted questions and their answers as a dated supplement: not before the agenda nor twice the same, a page to print with no email address, listed on the meeting's page and in the feed")
    func supplement() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let id = try await pendingQuestion(store)
            try await store.updateQuestion(id, by: "clerk", at: fixedNow) { $0.status = .answered(response: "The routes are reviewed each spring.") }
            let session = try await signIn(client, as: clerk)
            let path = Paths.meeting(scheduledMeetingID) + "/questions"
            func publish() async throws -> TestResponse {
                try await client.execute(
                    uri: "/questions", method: .post, headers: formHeaders + [.cookie: session.cookie],
                    body: formBody(["step": "publish", "meeting": scheduledMeetingID.rawValue, "csrf_token": session.csrf])) { $0 }
            }
            var response = try await publish()
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("The agenda has not been published"))
            _ = try await get(client, path, status: .notFound)
            try await store.updateAgenda(scheduledMeetingID, by: "clerk", at: fixedNow) { try $0.addStandardItems(StandardAgendaItem.standard, previousMeeting: nil) }
            try await store.publishAgenda(scheduledMeetingID, by: "clerk", at: fixedNow, on: LocalDateTime(fixedNow, in: .london)) { _ in }
            let dashboard = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session.cookie]) { String(buffer: $0.body) }
            #expect(dashboard.contains(": agenda published; questions by") && !dashboard.contains("answering for"), "the clerk's dashboard says the agenda is out")
            response = try await publish()
            #expect(response.status == .seeOther && response.headers[.location] == path)
            let page = try await get(client, path)
            #expect(page.contains("Supplement 1 published Monday 1 December 2025") && page.contains("with the questions and their answers"))
            #expect(page.contains("The routes are reviewed each spring.") && page.contains("Ann Example, Leominster") && !page.contains("ann@example.com"))
            #expect(try await get(client, Paths.meeting(scheduledMeetingID)).contains("href=\"\(path)\""))
            #expect(try await get(client, "/feed.atom").contains("Questions and answers, Supplement 1"))
            #expect(try await store.publications(of: scheduledMeetingID).map(\.label) == ["Agenda", "Supplement 1"])
            // Nothing has changed: no second supplement. A changed answer goes out in the next.
            response = try await publish()
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("has changed since the questions were last published"))
            try await store.updateQuestion(id, by: "clerk", at: fixedNow) { $0.status = .answered(response: "The routes are reviewed each spring and autumn.") }
            #expect(try await publish().status == .seeOther)
            #expect(try await store.publications(of: scheduledMeetingID).map(\.label) == ["Agenda", "Supplement 1", "Supplement 2"])
        }
    }
}
