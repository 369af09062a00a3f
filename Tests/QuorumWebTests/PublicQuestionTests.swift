import Foundation
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

@Suite("The public's questions")
struct PublicQuestionTests {
    /// The form's token and cookie, as a visitor's browser gets them.
    func formToken(_ client: any TestClientProtocol, _ path: String) async throws -> (token: String, cookie: String) {
        try await client.execute(uri: path, method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.cacheControl] == "private, no-store")
            let cookie = try #require(setCookie("quorum_form", in: response))
            let token = try #require(String(buffer: response.body).firstMatch(of: /name="csrf_token" value="([0-9a-f]+)"/)).1
            return (String(token), "quorum_form=\(cookie.value)")
        }
    }

    let good = [
        "name": "Ann Example", "place": "Leominster", "email": "ann@example.com", "addressee": "Cabinet Member Children and Young People",
        "text": "How many children are waiting for a school place in Leominster?",
    ]

    func ask(_ client: any TestClientProtocol, _ path: String, _ fields: [String: String], token: (token: String, cookie: String)?) async throws -> TestResponse {
        var headers = formHeaders
        if let token { headers[.cookie] = token.cookie }
        return try await client.execute(
            uri: path, method: .post, headers: headers, body: formBody(fields.merging(["csrf_token": token?.token ?? ""]) { a, _ in a })) { $0 }
    }

    @Test("A member of the public asks a question before the deadline: problems beside their fields, what was typed kept, the token checked; the clerk accepts and answers it, and only then is it public, without the email address anywhere")
    func askDecideAnswer() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)  // Tuesday 3 March 2026: questions close at 5.00 pm on Wednesday 25 February 2026.
            let meetingPath = Paths.meeting(scheduledMeetingID)
            #expect(try await get(client, meetingPath).contains("href=\"\(meetingPath)/questions/new\">ask a question</a>"))
            let path = meetingPath + "/questions/new"
            let token = try await formToken(client, path)
            #expect(try await ask(client, path, good, token: nil).status == .forbidden)
            var response = try await ask(client, path, ["name": "Ann Example", "email": "ann@", "text": String(repeating: "x", count: 2_001)], token: token)
            var body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent)
            #expect(body.contains("Enter your town or village") && body.contains("Enter an email address in the correct format, like name@example.com"))
            #expect(body.contains("Enter who the question is for") && body.contains("Your question must be 2000 characters or fewer"))
            #expect(body.contains("value=\"Ann Example\" size=\"40\" autocomplete=\"name\"") && body.contains("value=\"ann@\""))
            #expect(try await store.questions(at: scheduledMeetingID).isEmpty)

            response = try await ask(client, path, good, token: token)
            #expect(response.status == .seeOther && response.headers[.location] == meetingPath + "/questions/received")
            #expect(try await get(client, meetingPath + "/questions/received").contains("your email address never is"))
            let asked = try #require(try await store.questions(at: scheduledMeetingID).first)
            #expect(asked.number == "PQ 1" && asked.status == .received && asked.asker == .publicMember(name: "Ann Example", place: "Leominster"))

            // Received, it is not public: not on the page, in the API, or in search.
            func isPublic() async throws -> Bool {
                let page = try await get(client, meetingPath)
                let api = try await get(client, "/api/v1/events/" + scheduledMeetingID.rawValue)
                let search = try await get(client, "/search?q=Leominster+school+place")
                // Search marks the words it matched, so it is found by its title there.
                let found = [page.contains("waiting for a school place"), api.contains("waiting for a school place"), search.contains("Question PQ 1 to Cabinet Member")]
                #expect(Set(found).count == 1, "page, API and search agree: \(found)")
                return found.allSatisfy { $0 }
            }
            #expect(try await isPublic() == false)

            let clerkSession = try await signIn(client, as: clerk)
            let list = try await client.execute(uri: "/questions", method: .get, headers: [.cookie: clerkSession.cookie]) { String(buffer: $0.body) }
            #expect(list.contains("PQ 1 to Cabinet Member Children and Young People: Received") && list.contains("mailto:ann@example.com"))
            func decide(_ fields: [String: String]) async throws -> TestResponse {
                try await client.execute(
                    uri: "/questions", method: .post, headers: formHeaders + [.cookie: clerkSession.cookie],
                    body: formBody(fields.merging(["csrf_token": clerkSession.csrf, "question": asked.id.rawValue]) { a, _ in a })) { $0 }
            }
            #expect(try await decide(["step": "answer", "answer": "Too soon."]).status == .conflict)
            #expect(try await decide(["step": "accept"]).status == .seeOther)
            #expect(try await isPublic())
            response = try await decide(["step": "answer", "answer": ""])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("Enter the written answer"))
            #expect(try await decide(["step": "answer", "answer": "Twelve children are waiting; places are offered in April."]).status == .seeOther)
            let page = try await get(client, meetingPath)
            #expect(page.contains("Ann Example, Leominster") && page.contains("Twelve children are waiting; places are offered in April."))
            for text in [page, try await get(client, "/api/v1/events/" + scheduledMeetingID.rawValue), try await get(client, "/search?q=Leominster"), try await get(client, "/feed.atom")] {
                #expect(!text.contains("ann@example.com"), "the email address is never public")
            }
            let history = try await store.history(of: asked.id.rawValue)
            #expect(history.map(\.actor) == ["public: Ann Example", clerk.id.rawValue, clerk.id.rawValue])
            #expect(history.allSatisfy { !($0.after ?? "").contains("ann@example.com") })
        }
    }

    @Test("After the deadline the form refuses with a message that gives it; a rejected question stays private; one connection may send five an hour")
    func deadlineRejectionAndLimit() async throws {
        try await withAccounts { client, store in
            // Thursday 4 December 2025 at 2pm: questions closed at 5.00 pm on Friday 28 November 2025 (today is Monday 1 December).
            let late = Meeting(of: Committee.fixture().id, on: LocalDateTime(CalendarDay(2025, 12, 4), TimeOfDay(hour: 14)!), venue: "Shire Hall")
            try await store.addMeetings([late], by: "test", at: fixedNow)
            let closed = try await client.execute(uri: Paths.meeting(late.id) + "/questions/new", method: .get) { $0 }
            #expect(closed.status == .forbidden && String(buffer: closed.body).contains("Questions for this meeting closed at 5.00 pm on"))
            #expect(!(try await get(client, Paths.meeting(late.id))).contains("ask a question"))

            try await scheduleMeeting(in: store)
            let path = Paths.meeting(scheduledMeetingID) + "/questions/new"
            let token = try await formToken(client, path)
            for n in 1...5 {
                #expect(try await ask(client, path, good.merging(["text": "Question \(n)?"]) { $1 }, token: token).status == .seeOther)
            }
            let refused = try await ask(client, path, good, token: token)
            #expect(refused.status == .tooManyRequests && String(buffer: refused.body).contains("in the last hour"))
            #expect(try await store.questions(at: scheduledMeetingID).map(\.number) == ["PQ 1", "PQ 2", "PQ 3", "PQ 4", "PQ 5"])

            let clerkSession = try await signIn(client, as: clerk)
            let first = try #require(try await store.questions(at: scheduledMeetingID).first)
            let rejected = try await client.execute(
                uri: "/questions", method: .post, headers: formHeaders + [.cookie: clerkSession.cookie],
                body: formBody(["csrf_token": clerkSession.csrf, "question": first.id.rawValue, "step": "reject", "reason": "It is about a named child."])) { $0 }
            #expect(rejected.status == .seeOther)
            #expect(try await store.questions(at: scheduledMeetingID).first?.status == .rejected(reason: "It is about a named child."))
            #expect(!(try await get(client, Paths.meeting(scheduledMeetingID))).contains("Question 1?"))
        }
    }

    @Test("Democratic services handle questions through the API too: listed with the askers' email, accepted, answered, each audited; others are refused")
    func throughTheApi() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let id = try await pendingQuestion(store)
            let token = try await apiToken(for: clerk, in: store)
            let list = try await api(client, .get, "/questions", token: token)
            let first = try #require((list.json["results"] as? [[String: Any]])?.first)
            #expect(first["email"] as? String == "ann@example.com" && first["status"] as? String == "received")
            #expect(try await api(client, .get, "/questions", token: try await apiToken(for: scrutinyOfficer, in: store)).status == .forbidden)
            var answer = try await api(client, .post, "/questions/\(id.rawValue)/answer", token: token, ["answer": "Soon."])
            #expect(answer.status == .conflict)
            answer = try await api(client, .post, "/questions/\(id.rawValue)/accept", token: token)
            #expect(answer.status == .ok && answer.json["status"] as? String == "accepted")
            answer = try await api(client, .post, "/questions/\(id.rawValue)/answer", token: token, ["answer": ""])
            #expect(answer.status == .unprocessableContent)
            answer = try await api(client, .post, "/questions/\(id.rawValue)/answer", token: token, ["answer": "In April."])
            #expect(answer.status == .ok && answer.json["answer"] as? String == "In April.")
            #expect(try await get(client, "/api/v1/events/" + scheduledMeetingID.rawValue).contains("In April.") == true)
            #expect(try await store.history(of: id.rawValue).suffix(2).allSatisfy { $0.actor == clerk.id.rawValue })
        }
    }
}
