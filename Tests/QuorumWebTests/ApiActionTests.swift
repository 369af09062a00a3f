import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

let administrator = User(email: "admin@example.gov.uk", name: "Ash Admin", role: .administrator)

/// A token for `user`, as `quorum token create` makes one: the secret to send, with only its hash stored.
func apiToken(for user: User, in store: SQLiteStore) async throws -> String {
    if try await store.user(user.id) == nil { try await store.addUser(user, passwordHash: "unused", by: "test", at: fixedNow) }
    let secret = "qrm_" + Tokens.random()
    _ = try await store.addApiToken(for: user.id, name: "test", tokenHash: Tokens.hash(secret), by: "test", at: fixedNow)
    return secret
}

/// Sends `body` as JSON, with the token if there is one.
func api(
    _ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, token: String?, _ body: [String: String]? = nil,
    headers: HTTPFields = [:]
) async throws -> (status: HTTPResponse.Status, headers: HTTPFields, json: [String: Any]) {
    var fields = headers
    if let token { fields[.authorization] = "Bearer " + token }
    var buffer: ByteBuffer?
    if let body {
        fields[.contentType] = "application/json"
        buffer = ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: body))
    }
    return try await client.execute(uri: "/api/v1" + path, method: method, headers: fields, body: buffer) { response in
        let json = (try? JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))) as? [String: Any] ?? [:]
        return (response.status, response.headers, json)
    }
}

/// A meeting to move in the permission tests: Tuesday 3 March 2026, 2pm, scheduled in Quorum.
let scheduledMeetingID = Meeting.ID(under: Committee.fixture().id, "2026-03-03")

func scheduleMeeting(in store: SQLiteStore) async throws {
    let meeting = Meeting(of: Committee.fixture().id, on: LocalDateTime(CalendarDay(2026, 3, 3), TimeOfDay(hour: 14)!), venue: "Shire Hall")
    try await store.addMeetings([meeting], by: "test", at: fixedNow)
}

/// Everything a change could touch: if this is the same after a request, the request changed nothing.
func everything(_ store: SQLiteStore) async throws -> String {
    let recommendations = try await store.recommendations(RecommendationFilter())
    let withheld = try await store.withheld().map(\.title)
    let warnings = try await store.warningsToCheck(limit: 1000).unchecked.map(\.id)
    let audit = try await store.auditEntries(entityId: nil, since: nil).count
    let meetings = try await store.meetings(MeetingFilter())
    let questions = try await store.questionsToHandle(from: CalendarDay(2000, 1, 1)).map(\.question)
    return "\(recommendations)\n\(withheld)\n\(warnings)\n\(audit)\n\(meetings)\n\(questions)"
}

@Suite("The API's actions, with tokens")
struct ApiActionTests {
    static let unsent = Paths.recommendationID("/recommendations/children-and-young-people-scrutiny-committee/2024-01-23/data-5").rawValue
    static let awaiting = Paths.recommendationID(awaitingPath).rawValue
    static let accepted = Paths.recommendationID("/recommendations/children-and-young-people-scrutiny-committee/2025-01-21/safeguarding-annual-report-2").rawValue

    /// Every action, with a body that is good for it, and the roles allowed to do it.
    static func actions(_ store: SQLiteStore) async throws -> [(HTTPRequest.Method, String, [String: String]?, Set<User.Role>)] {
        let target = ExemptRoutes.key(try #require(try await store.withheld().first).target)
        let warning = try #require(try await store.warningsToCheck(limit: 10).unchecked.first).id
        let trackers: Set<User.Role> = [.administrator, .scrutinyOfficer]
        if try await store.meeting(scheduledMeetingID) == nil { try await scheduleMeeting(in: store) }
        return [
            (.get, "/me", nil, Set(User.Role.allCases)),
            (.post, "/events", ["committee": "children-and-young-people-scrutiny-committee", "dates": "2026-04-14, 2026-06-02", "time": "2pm", "venue": "Shire Hall"],
                [.administrator, .clerk]),
            (.post, "/events/\(scheduledMeetingID.rawValue)/reschedule", ["date": "2026-03-10"], [.administrator, .clerk]),
            (.post, "/recommendations", [
                "committee": "children-and-young-people-scrutiny-committee", "meeting": "2025-03-18", "topic": "Home to school transport",
                "number": "A1", "text": "Publish the routes.", "addressee": "cabinet", "response_rule": "twoMonths",
            ], trackers),
            (.post, "/recommendations/\(unsent)/sent", ["sent": "2025-10-01"], trackers),
            (.post, "/recommendations/\(awaiting)/extension", ["due": "2026-03-31", "reason": "The partnership meets in March."], trackers),
            (.post, "/recommendations/\(awaiting)/response", ["outcome": "accepted", "received": "2025-03-03", "text": "Agreed."],
                [.administrator, .scrutinyOfficer, .executiveResponder]),
            (.post, "/recommendations/\(unsent)/not-pursued", ["reason": "Overtaken by the new budget."], trackers),
            (.post, "/recommendations/\(accepted)/implementation", ["status": "inProgress", "review": "2026-06-01"], trackers),
            (.post, "/recommendations/\(accepted)/close", [:], trackers),
            (.get, "/exempt", nil, [.administrator, .clerk]),
            (.post, "/exempt", ["target": target, "reason": "The contract has been awarded and published."], [.administrator, .clerk]),
            (.get, "/warnings", nil, [.administrator, .clerk, .scrutinyOfficer, .executiveResponder]),
            (.get, "/questions", nil, [.administrator, .clerk]),
            (.post, "/questions/\(try await pendingQuestion(store).rawValue)/accept", nil, [.administrator, .clerk]),
            (.post, "/warnings/\(warning)/checked", nil, [.administrator, .clerk, .scrutinyOfficer, .executiveResponder]),
        ]
    }

    @Test(
        "Each role and a caller without a valid token × each action: allowed, or 401/403 with nothing changed",
        arguments: [nil, "no token", "a revoked token", "a disabled account"] + [administrator, clerk, scrutinyOfficer, responder, councillor].map(\.email))
    func permissionMatrix(caller: String?) async throws {
        try await withAccounts { client, store in
            var token: String?
            var role: User.Role?
            switch caller {
            case nil, "no token": token = caller == nil ? nil : "qrm_" + Tokens.random()
            case "a revoked token":
                token = try await apiToken(for: scrutinyOfficer, in: store)
                try await store.revokeApiToken(try #require(try await store.apiTokens().first).id, by: "test", at: fixedNow)
            case "a disabled account":
                token = try await apiToken(for: scrutinyOfficer, in: store)
                var disabled = scrutinyOfficer
                disabled.isDisabled = true
                try await store.updateUser(disabled, by: "test", at: fixedNow)
            case let email?:
                let user = try #require([administrator, clerk, scrutinyOfficer, responder, councillor].first { $0.email == email })
                token = try await apiToken(for: user, in: store)
                role = user.role
            }
            for (method, path, body, allowed) in try await Self.actions(store) {
                let before = try await everything(store)
                let answer = try await api(client, method, path, token: token, body)
                let what = "\(method) \(path) as \(caller ?? "anonymous")"
                if let role, allowed.contains(role) {
                    #expect((200..<300).contains(answer.status.code), "\(what): \(answer.json)")
                    #expect(answer.headers[.cacheControl] == "private, no-store", "\(what)")
                } else {
                    #expect(answer.status == (role == nil ? .unauthorized : .forbidden), "\(what): \(answer.json)")
                    if role == nil { #expect(answer.headers[.wwwAuthenticate] == "Bearer realm=\"quorum\"", "\(what)") }
                    #expect((answer.json["error"] as? [String: Any])?["message"] is String, "\(what)")
                    #expect(try await everything(store) == before, "\(what) changed something")
                }
            }
        }
    }

    @Test("A scrutiny officer's token adds a recommendation (201, its address, audited as them); problems are a 422 naming each field, and nothing is written")
    func create() async throws {
        try await withAccounts { client, store in
            let token = try await apiToken(for: scrutinyOfficer, in: store)
            let before = try await everything(store)
            var answer = try await api(client, .post, "/recommendations", token: token, ["committee": "no-such-committee", "meeting": "18/03/2025", "addressee": "partner"])
            #expect(answer.status == .unprocessableContent)
            let fields = try #require((answer.json["error"] as? [String: Any])?["fields"] as? [String: String])
            #expect(fields["committee"] == "Select the committee that made it")
            #expect(fields["meeting"] == "The date of the meeting that made it must be a real date")
            #expect(fields["addressee_name"] == "Enter whom it is addressed to")
            #expect(fields["response_rule"] == "Select which rule gives the time to respond")
            #expect(Set(fields.keys) == ["committee", "meeting", "topic", "number", "text", "addressee_name", "response_rule"])
            #expect(try await everything(store) == before)

            answer = try await api(client, .post, "/recommendations", token: token)
            #expect(answer.status == .unprocessableContent)
            let notJSON = try await client.execute(
                uri: "/api/v1/recommendations", method: .post, headers: [.authorization: "Bearer " + token], body: ByteBuffer(string: "topic=x")
            ) { $0.status }
            #expect(notJSON == .badRequest)

            let body = [
                "committee": "children-and-young-people-scrutiny-committee", "meeting": "2025-03-18", "topic": "Home to school transport", "number": "A1",
                "text": "Publish the routes.", "addressee": "partner", "addressee_name": "Herefordshire Safeguarding Children Partnership",
                "response_rule": "twentyEightDays",
            ]
            answer = try await api(client, .post, "/recommendations", token: token, body)
            #expect(answer.status == .created)
            #expect(answer.headers[.eTag] == nil && answer.headers[.cacheControl] == "private, no-store", "the answer to a change is nobody else's")
            let id = try #require(answer.json["id"] as? String)
            #expect(answer.headers[.location] == "/api/v1/recommendations/" + id)
            #expect(answer.json["response_rule"] as? String == "twentyEightDays" && answer.json["addressee"] as? String == "Herefordshire Safeguarding Children Partnership")
            #expect(try await store.history(of: id).map(\.actor) == [scrutinyOfficer.id.rawValue])
            // It reads back as it was written, and the same one again is refused beside its number.
            let read = try await api(client, .get, "/recommendations/" + id, token: nil)
            #expect(read.status == .ok && read.json["text"] as? String == "Publish the routes.")
            answer = try await api(client, .post, "/recommendations", token: token, body)
            #expect(answer.status == .unprocessableContent && ((answer.json["error"] as? [String: Any])?["fields"] as? [String: String])?["number"] != nil)
        }
    }

    @Test("The officer's steps by API: sent works out the due date; an extension must be a later working day; a step that no longer applies is 409")
    func progress() async throws {
        try await withAccounts { client, store in
            let token = try await apiToken(for: scrutinyOfficer, in: store)
            var answer = try await api(client, .post, "/recommendations/\(Self.unsent)/sent", token: token, ["sent": "2025-10-01"])
            #expect(answer.status == .ok)
            #expect(answer.json["date_sent"] as? String == "2025-10-01" && answer.json["due_date"] as? String == "2025-12-01")
            answer = try await api(client, .post, "/recommendations/\(Self.unsent)/extension", token: token, ["due": "2026-01-31", "reason": "Budget."])
            #expect(answer.status == .unprocessableContent)
            #expect(((answer.json["error"] as? [String: Any])?["fields"] as? [String: String])?["due"]
                == "The new due date must be a working day; Saturday 31 January 2026 is at a weekend")
            answer = try await api(client, .post, "/recommendations/\(Self.unsent)/extension", token: token, ["due": "2026-01-30", "reason": "Budget."])
            #expect(answer.status == .ok && answer.json["due_date"] as? String == "2026-01-30")
            answer = try await api(client, .post, "/recommendations/\(Self.unsent)/not-pursued", token: token, ["reason": "Overtaken."])
            #expect(answer.status == .ok && answer.json["outcome"] as? String == "notPursued")
            let before = try await everything(store)
            answer = try await api(client, .post, "/recommendations/\(Self.unsent)/sent", token: token, ["sent": "2025-10-02"])
            #expect(answer.status == .conflict)
            // Not pursued, it takes no response either.
            answer = try await api(client, .post, "/recommendations/\(Self.unsent)/response", token: token, ["outcome": "accepted", "received": "2025-10-02", "text": "Yes."])
            #expect(answer.status == .conflict)
            answer = try await api(client, .post, "/recommendations/\(Self.unsent)/publish", token: token, [:])
            #expect(answer.status == .methodNotAllowed && answer.headers[.allow] == "GET, HEAD")
            answer = try await api(client, .get, "/recommendations/\(Self.unsent)/sent", token: token)
            #expect(answer.status == .methodNotAllowed && answer.headers[.allow] == "POST")
            answer = try await api(client, .put, "/recommendations", token: token, [:])
            #expect(answer.status == .methodNotAllowed && answer.headers[.allow] == "GET, HEAD, POST")
            #expect((answer.json["error"] as? [String: Any])?["status"] as? Int == 405, "the API's 405 is its JSON error")
            answer = try await api(client, .post, "/recommendations/no/such/thing/sent", token: token, [:])
            #expect(answer.status == .notFound)
            #expect(try await everything(store) == before)
            let history = try await store.history(of: Self.unsent).filter { $0.actor == scrutinyOfficer.id.rawValue }
            #expect(history.map(\.changes) == ["dueOn, sentOn", "extensionGranted", "response"])
        }
    }

    @Test("A responder's token lists their queue and records a response; a date in the future is refused; the website's cookie is not accepted in place of a token")
    func response() async throws {
        try await withAccounts { client, store in
            let token = try await apiToken(for: responder, in: store)
            let me = try await api(client, .get, "/me", token: token)
            #expect(me.json["role"] as? String == "executiveResponder")
            #expect((me.json["queue"] as? [[String: Any]])?.compactMap { $0["id"] as? String }.contains(Self.awaiting) == true)
            // A signed-in browser's cookie is no token: another site cannot make it post here.
            let session = try await signIn(client, as: responder)
            var answer = try await api(client, .post, "/recommendations/\(Self.awaiting)/response", token: nil,
                ["outcome": "accepted", "received": "2025-03-03", "text": "Agreed."], headers: [.cookie: session.cookie])
            #expect(answer.status == .unauthorized)
            answer = try await api(client, .post, "/recommendations/\(Self.awaiting)/response", token: token, ["outcome": "resolved", "received": "2030-01-01", "text": ""])
            let fields = try #require((answer.json["error"] as? [String: Any])?["fields"] as? [String: String])
            #expect(fields == [
                "outcome": "Select the outcome the response states", "received": "The date the response was received must be today or in the past",
                "text": "Enter the response",
            ])
            answer = try await api(client, .post, "/recommendations/\(Self.awaiting)/response", token: token, ["outcome": "acceptedInPart", "received": "2025-03-03", "text": "Agreed in part."])
            #expect(answer.status == .ok && answer.json["outcome"] as? String == "acceptedInPart" && answer.json["received_date"] as? String == "2025-03-03")
            #expect(try await store.history(of: Self.awaiting).last?.actor == responder.id.rawValue)
            #expect(try await store.apiTokens().first?.lastUsedAt == fixedNow)
        }
    }

    @Test("A clerk's token lists what is exempt and releases it with a reason; the list is never kept by a cache nor shown without the token")
    func exempt() async throws {
        try await withAccounts { client, store in
            let token = try await apiToken(for: clerk, in: store)
            let list = try await api(client, .get, "/exempt", token: token)
            #expect(list.headers[.cacheControl] == "private, no-store")
            // A browser whose session has ended still sends its cookie; what the token is shown stays private.
            let stale = try await api(client, .get, "/exempt", token: token, headers: [.cookie: "quorum_session=ended"])
            #expect(stale.status == .ok && stale.headers[.cacheControl] == "private, no-store")
            let results = try #require(list.json["results"] as? [[String: Any]])
            #expect(results.count == 3)
            let target = try #require(results.first?["target"] as? String)
            #expect(try await api(client, .get, "/exempt", token: nil).status == .unauthorized)
            var answer = try await api(client, .post, "/exempt", token: token, ["target": target, "reason": ""])
            #expect(answer.status == .unprocessableContent)
            answer = try await api(client, .post, "/exempt", token: token, ["target": target, "reason": "The contract has been awarded and published."])
            #expect(answer.status == .ok && answer.json["target"] as? String == target)
            #expect(try await store.withheld().contains { ExemptRoutes.key($0.target) == target } == false)
            #expect(try await store.auditLog(limit: 5).contains { $0.actor == clerk.id.rawValue && $0.changes.contains("The contract has been awarded") })
        }
    }

    @Test("A change sent with the version it was made on is refused with 409 once the record has changed since, and nothing is written")
    func versions() async throws {
        try await withAccounts { client, store in
            let token = try await apiToken(for: scrutinyOfficer, in: store)
            let read = try await api(client, .get, "/recommendations/\(Self.unsent)", token: nil)
            let opened = try #require(read.json["version"] as? String)
            var answer = try await api(client, .post, "/recommendations/\(Self.unsent)/sent", token: token, ["sent": "2025-10-01", "version": opened])
            #expect(answer.status == .ok)
            let now = try #require(answer.json["version"] as? String)
            #expect(now != opened)
            let before = try await everything(store)
            answer = try await api(client, .post, "/recommendations/\(Self.unsent)/extension", token: token, ["due": "2026-01-30", "reason": "Budget.", "version": opened])
            #expect(answer.status == .conflict && ((answer.json["error"] as? [String: Any])?["message"] as? String)?.contains("changed since the version sent") == true)
            #expect(try await everything(store) == before)
            answer = try await api(client, .post, "/recommendations/\(Self.unsent)/extension", token: token, ["due": "2026-01-30", "reason": "Budget.", "version": now])
            #expect(answer.status == .ok)
        }
    }
}
