import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Synchronization
import Testing

/// The accounts these tests sign in with, one per role, all with the password `correct horse battery`.
let testPassword = "correct horse battery"
let responder = User(email: "Jo.Smith@example.gov.uk", name: "Jo Smith", role: .executiveResponder, answersFor: ["Herefordshire Safeguarding Children Partnership"])
let otherResponder = User(email: "cabinet@example.gov.uk", name: "Cabinet Office", role: .executiveResponder, answersFor: ["Cabinet"])
let scrutinyOfficer = User(email: "scrutiny@example.gov.uk", name: "Sam Officer", role: .scrutinyOfficer)
let councillor = User(email: "cllr@example.gov.uk", name: "Cllr Lee", role: .councillor)
let clerk = User(email: "clerk@example.gov.uk", name: "Chris Clerk", role: .clerk)
/// Recommendation 1 of 21 January 2025: sent, awaiting the Safeguarding Partnership's response.
let awaitingPath = "/recommendations/children-and-young-people-scrutiny-committee/2025-01-21/safeguarding-annual-report-1"

/// A live server (real HTTP, real cookies) on a store with every kind of record and an account for each role.
func withAccounts(
    _ configuration: WebConfiguration = WebConfiguration(passwordCost: 4), clock: TestClock? = nil,
    _ test: @escaping @Sendable (any TestClientProtocol, SQLiteStore) async throws -> Void
) async throws {
    try await withTemporaryStore { store async throws in
        try await store.save(.everyKind(), by: "test", at: fixedNow)
        let hash = try await Passwords(cost: 4).hash(testPassword)
        for user in [responder, otherResponder, scrutinyOfficer, councillor, clerk] { try await store.addUser(user, passwordHash: hash, by: "test", at: fixedNow) }
        let now: @Sendable () -> Date = { clock?.now.withLock { $0 } ?? fixedNow }
        let app = try await buildApplication(configuration.unhurried, store: store, today: now, logger: Logger(label: "test"))
        try await app.test(.live) { client in try await test(client, store) }
    }
}

/// A clock a test moves on by hand.
final class TestClock: Sendable {
    let now = Mutex(fixedNow)
}

/// The value of the cookie `name` set by `response`, and the whole Set-Cookie line.
func setCookie(_ name: String, in response: TestResponse) -> (value: String, line: String)? {
    for line in response.headers[values: .setCookie] where line.hasPrefix(name + "=") {
        return (String(line.dropFirst(name.count + 1).prefix { $0 != ";" }), line)
    }
    return nil
}

func formBody(_ fields: [String: String]) -> ByteBuffer {
    let allowed = CharacterSet.alphanumerics.union(.init(charactersIn: "-._~"))
    let text = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    return ByteBuffer(string: text)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// The sign-in form's token and cookie, as a browser would get them.
func signInToken(_ client: any TestClientProtocol) async throws -> (token: String, cookie: String) {
    try await client.execute(uri: "/sign-in", method: .get) { response in
        let cookie = try #require(setCookie("quorum_sign_in", in: response))
        let body = String(buffer: response.body)
        let token = try #require(body.firstMatch(of: /name="csrf_token" value="([0-9a-f]+)"/)).1
        #expect(token == cookie.value)
        return (String(token), "quorum_sign_in=\(cookie.value)")
    }
}

/// Signs in as `user`; returns the session cookie ("quorum_session=…") and the CSRF token its pages carry.
func signIn(_ client: any TestClientProtocol, as user: User, password: String = testPassword) async throws -> (cookie: String, csrf: String) {
    let (token, cookie) = try await signInToken(client)
    let session = try await client.execute(
        uri: "/sign-in", method: .post, headers: formHeaders + [.cookie: cookie], body: formBody(["csrf_token": token, "email": user.email, "password": password])
    ) { response in
        #expect(response.status == .seeOther)
        return try #require(setCookie("quorum_session", in: response)).value
    }
    let dashboard = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: "quorum_session=\(session)"]) { String(buffer: $0.body) }
    let csrf = try #require(dashboard.firstMatch(of: /name="csrf_token" value="([0-9a-f]+)"/)).1
    return ("quorum_session=\(session)", String(csrf))
}

extension HTTPFields {
    static func + (lhs: HTTPFields, rhs: HTTPFields) -> HTTPFields {
        var all = lhs
        all.append(contentsOf: rhs)
        return all
    }
}

@Suite("Accounts, sessions and sign-in")
struct AccountTests {
    @Test("Signing in sets an HttpOnly, SameSite=Lax session cookie and lands on the dashboard; signed-in pages are private and never cached")
    func signInAndOut() async throws {
        try await withAccounts { client, _ in
            let (token, cookie) = try await signInToken(client)
            let response = try await client.execute(
                uri: "/sign-in", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["csrf_token": token, "email": "SCRUTINY@example.gov.uk", "password": testPassword])
            ) { $0 }
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/dashboard")
            let line = try #require(setCookie("quorum_session", in: response)).line
            #expect(line.contains("HttpOnly") && line.contains("SameSite=Lax") && line.contains("Path=/") && !line.contains("Secure"))
            let session = "quorum_session=" + (setCookie("quorum_session", in: response)?.value ?? "")
            let csrf = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "private, no-store")
                #expect(response.headers[HTTPField.Name("X-Cache")!] == nil)
                let body = String(buffer: response.body)
                #expect(body.contains("Signed in as Sam Officer (Scrutiny officer)"))
                #expect(body.contains("Overdue for a response"))
                #expect(body.contains("<h2>Needs checking</h2>") && body.contains("It has been awaiting a response for more than a year."))
                return String(try #require(body.firstMatch(of: /name="csrf_token" value="([0-9a-f]+)"/)).1)
            }
            // Signing out without the token is refused; with it, the session ends.
            try await client.execute(uri: "/sign-out", method: .post, headers: formHeaders + [.cookie: session], body: formBody([:])) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/sign-out", method: .post, headers: formHeaders + [.cookie: session], body: formBody(["csrf_token": csrf])) { response in
                #expect(response.status == .seeOther)
                #expect(setCookie("quorum_session", in: response)?.line.contains("Max-Age=0") == true)
            }
            try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/sign-in?next=/dashboard")
            }
        }
    }

    @Test("Each visitor's sign-in form has its own token: the page that sets it is never kept by the page cache")
    func signInTokenIsEachVisitors() async throws {
        try await withAccounts { client, _ in
            let first = try await signInToken(client)
            let second = try await signInToken(client)
            #expect(first.token != second.token)
            try await client.execute(uri: "/sign-in", method: .get) { #expect($0.headers[HTTPField.Name("X-Cache")!] != "hit") }
        }
    }

    @Test("Over https the cookies are Secure")
    func secureCookies() async throws {
        try await withAccounts(WebConfiguration(baseURL: "https://meetings.example.gov.uk", passwordCost: 4)) { client, _ in
            try await client.execute(uri: "/sign-in", method: .get) { response in
                #expect(setCookie("quorum_sign_in", in: response)?.line.contains("Secure") == true)
            }
        }
    }

    @Test("A wrong password is refused beside the field, keeping the address typed; a form without its token is refused with 403")
    func wrongPassword() async throws {
        try await withAccounts { client, _ in
            let (token, cookie) = try await signInToken(client)
            try await client.execute(
                uri: "/sign-in", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["csrf_token": token, "email": responder.email, "password": "not it"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let body = String(buffer: response.body)
                #expect(body.contains("There is a problem"))
                #expect(body.contains("The email address or password is not right"))
                #expect(body.contains("value=\"Jo.Smith@example.gov.uk\""))
                #expect(setCookie("quorum_session", in: response) == nil)
            }
            try await client.execute(
                uri: "/sign-in", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["csrf_token": "forged", "email": responder.email, "password": testPassword])
            ) { response in
                #expect(response.status == .forbidden)
                #expect(setCookie("quorum_session", in: response) == nil)
            }
        }
    }

    @Test("Five failed sign-ins in 15 minutes stop the account signing in, even with the right password, with a message that says so")
    func signInLimit() async throws {
        try await withAccounts { client, _ in
            let (token, cookie) = try await signInToken(client)
            for _ in 1...5 {
                try await client.execute(
                    uri: "/sign-in", method: .post, headers: formHeaders + [.cookie: cookie],
                    body: formBody(["csrf_token": token, "email": councillor.email, "password": "guess"])
                ) { #expect($0.status == .unprocessableContent) }
            }
            try await client.execute(
                uri: "/sign-in", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["csrf_token": token, "email": councillor.email, "password": testPassword])
            ) { response in
                #expect(response.status == .tooManyRequests)
                #expect(String(buffer: response.body).contains("Too many attempts to sign in. Wait 15 minutes"))
                #expect(setCookie("quorum_session", in: response) == nil)
            }
        }
    }

    @Test("A session unused for longer than the idle timeout ends: the next page asks to sign in again")
    func idleExpiry() async throws {
        let clock = TestClock()
        try await withAccounts(WebConfiguration(sessionIdleTimeout: .seconds(3600), passwordCost: 4), clock: clock) { client, _ in
            let (cookie, _) = try await signIn(client, as: clerk)
            clock.now.withLock { $0 += 3000 }
            try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            clock.now.withLock { $0 += 3601 }
            try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
            }
        }
    }

    @Test("A signed-in officer sees a record's history; the same page fetched anonymously afterwards, from the cache or not, has none of it")
    func audiencesNeverMix() async throws {
        try await withAccounts { client, store in
            let (cookie, csrf) = try await signIn(client, as: responder)
            try await client.execute(
                uri: awaitingPath + "/response", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["csrf_token": csrf, "outcome": "accepted", "received-day": "3", "received-month": "3", "received-year": "2025", "text": "We agree."])
            ) { #expect($0.status == .seeOther) }
            let (officer, _) = try await signIn(client, as: scrutinyOfficer)
            try await client.execute(uri: awaitingPath, method: .get, headers: [.cookie: officer]) { response in
                #expect(response.headers[.cacheControl] == "private, no-store")
                let body = String(buffer: response.body)
                #expect(body.contains("Shown to officers only"))
                #expect(body.contains(responder.id.rawValue))
            }
            for _ in 1...2 {
                try await client.execute(uri: awaitingPath, method: .get) { response in
                    let body = String(buffer: response.body)
                    #expect(response.status == .ok)
                    #expect(!body.contains("Shown to officers only") && !body.contains(responder.id.rawValue) && !body.contains("Signed in as"))
                    #expect(body.contains("We agree."))
                }
            }
            // The other way round: an anonymous visitor fills the cache, and a signed-in one is not served from it.
            try await client.execute(uri: "/", method: .get) { _ in }
            try await client.execute(uri: "/", method: .get) { #expect($0.headers[HTTPField.Name("X-Cache")!] == "hit") }
            try await client.execute(uri: "/", method: .get, headers: [.cookie: officer]) { response in
                #expect(response.headers[HTTPField.Name("X-Cache")!] == nil)
                #expect(String(buffer: response.body).contains("Signed in as Sam Officer"))
            }
            _ = store
        }
    }

    @Test("Changing the password needs the current one, a new one of 12 characters typed twice, and ends every session")
    func passwordChange() async throws {
        try await withAccounts { client, store in
            let (cookie, csrf) = try await signIn(client, as: clerk)
            try await client.execute(
                uri: "/account/password", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["csrf_token": csrf, "current": "wrong", "new": "short", "confirm": "different"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let body = String(buffer: response.body)
                #expect(body.contains("Your current password is not right"))
                #expect(body.contains("Enter a password of at least 12 characters"))
                #expect(body.contains("Enter the same new password again"))
                #expect(!body.contains("value=\"short\""))
            }
            try await client.execute(
                uri: "/account/password", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["csrf_token": csrf, "current": testPassword, "new": "a much longer passphrase", "confirm": "a much longer passphrase"])
            ) { #expect($0.status == .seeOther) }
            try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .seeOther) }
            _ = try await signIn(client, as: clerk, password: "a much longer passphrase")
            #expect(try await store.history(of: clerk.id.rawValue).last?.changes == "password")
        }
    }
}

@Suite("Recording a recommendation's response")
struct ResponseTests {
    @Test("Who may record a response: anonymous is sent to sign in, other roles and other bodies' responders get 403, and nothing changes")
    func permissions() async throws {
        try await withAccounts { client, store in
            let before = try await store.recommendation(Paths.recommendationID(awaitingPath))
            try await client.execute(uri: awaitingPath + "/response", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/sign-in?next=" + awaitingPath + "/response")
            }
            for user in [councillor, clerk, otherResponder] {
                let (cookie, csrf) = try await signIn(client, as: user)
                try await client.execute(uri: awaitingPath + "/response", method: .get, headers: [.cookie: cookie]) { response in
                    #expect(response.status == .forbidden, "\(user.role)")
                    // Even an error page for a signed-in person is theirs alone, and shows who is signed in.
                    #expect(response.headers[.cacheControl] == "private, no-store")
                    #expect(String(buffer: response.body).contains("Signed in as \(user.name)"))
                }
                try await client.execute(
                    uri: awaitingPath + "/response", method: .post, headers: formHeaders + [.cookie: cookie],
                    body: formBody(["csrf_token": csrf, "outcome": "rejected", "received-day": "3", "received-month": "3", "received-year": "2025", "text": "No."])
                ) { #expect($0.status == .forbidden, "\(user.role)") }
                try await client.execute(uri: awaitingPath, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(!String(buffer: response.body).contains("Record the response"))
                }
            }
            for user in [responder, scrutinyOfficer] {
                let (cookie, _) = try await signIn(client, as: user)
                try await client.execute(uri: awaitingPath, method: .get, headers: [.cookie: cookie]) { response in
                    #expect(String(buffer: response.body).contains("href=\"\(awaitingPath)/response\""))
                }
                try await client.execute(uri: awaitingPath + "/response", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            }
            #expect(try await store.recommendation(Paths.recommendationID(awaitingPath)) == before)
        }
    }

    @Test("A response with problems shows each beside its field and keeps what was typed; without the token it is refused; a good one is recorded and audited")
    func recording() async throws {
        try await withAccounts { client, store in
            let (cookie, csrf) = try await signIn(client, as: responder)
            let id = Paths.recommendationID(awaitingPath)
            try await client.execute(
                uri: awaitingPath + "/response", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["csrf_token": csrf, "outcome": "", "received-day": "31", "received-month": "2", "received-year": "2025", "text": "Our <b>answer</b>"])
            ) { response in
                #expect(response.status == .unprocessableContent)
                let body = String(buffer: response.body)
                #expect(body.contains("Select the outcome the response states"))
                #expect(body.contains("The date the response was received must be a real date"))
                #expect(body.contains("Our &lt;b&gt;answer&lt;/b&gt;</textarea>"))
                #expect(body.contains("value=\"31\""))
            }
            try await client.execute(
                uri: awaitingPath + "/response", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["outcome": "accepted", "received-day": "3", "received-month": "3", "received-year": "2025", "text": "Agreed."])
            ) { #expect($0.status == .forbidden) }
            #expect(try await store.recommendation(id)?.response == .awaiting)
            try await client.execute(
                uri: awaitingPath + "/response", method: .post, headers: formHeaders + [.cookie: cookie],
                body: formBody(["csrf_token": csrf, "outcome": "acceptedInPart", "received-day": "3", "received-month": "3", "received-year": "2025", "text": "In part."])
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == awaitingPath)
            }
            #expect(try await store.recommendation(id)?.response == .received(on: CalendarDay(2025, 3, 3), text: "In part.", outcome: .acceptedInPart))
            let change = try #require(try await store.history(of: id.rawValue).last)
            #expect(change.actor == responder.id.rawValue && change.action == .updated && change.changes == "response")
            #expect(change.before?.contains("awaiting") == true && change.after?.contains("In part.") == true)
            // The public tracker shows it, and it is no longer overdue.
            #expect(try await get(client, awaitingPath).contains("Accepted in part"))
            // A later import of a paper that still lists it as awaiting does not undo it.
            try await store.importPack(.everyKind(), publishedFor: CalendarDay(2025, 5, 27), by: "import", at: fixedNow)
            #expect(try await store.recommendation(id)?.outcomeLabel == "Accepted in part")
        }
    }
}

extension Paths {
    /// The identifier behind a recommendation's address.
    static func recommendationID(_ path: String) -> Recommendation.ID {
        let parts = path.split(separator: "/")
        return recommendationID(Committee.fixture().id, date: String(parts[2]), key: String(parts[3]))
    }
}

@Suite("A scrutiny officer tracks a recommendation")
struct ProgressTests {
    /// Recommendation 5 of 23 January 2024, to the Cabinet: never sent. Recommendation 2 of 21 January 2025: accepted.
    let unsentPath = "/recommendations/children-and-young-people-scrutiny-committee/2024-01-23/data-5"
    let acceptedPath = "/recommendations/children-and-young-people-scrutiny-committee/2025-01-21/safeguarding-annual-report-2"

    func post(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String), _ fields: [String: String]) async throws -> TestResponse {
        try await client.execute(
            uri: path + "/progress", method: .post, headers: formHeaders + [.cookie: session.cookie], body: formBody(fields.merging(["csrf_token": session.csrf]) { a, _ in a })
        ) { $0 }
    }

    @Test("Sent, it is due by the statutory rule and the council's calendar; an extension needs a later date and a reason; then it is overdue only after that")
    func sentAndExtended() async throws {
        try await withAccounts { client, store in
            let officer = try await signIn(client, as: scrutinyOfficer)
            let id = Paths.recommendationID(unsentPath)
            #expect(try await get(client, unsentPath).contains("Not yet sent"))
            // A date before the meeting that made it is refused beside the field.
            var response = try await post(client, unsentPath, officer, ["step": "sent", "sent-day": "1", "sent-month": "1", "sent-year": "2024"])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("The date it was sent must be on or after the meeting that made it, Tuesday 23 January 2024"))
            response = try await post(client, unsentPath, officer, ["step": "sent", "sent-day": "1", "sent-month": "10", "sent-year": "2025"])
            #expect(response.status == .seeOther)
            let sent = try #require(try await store.recommendation(id))
            #expect(sent.sentOn == CalendarDay(2025, 10, 1))
            #expect(sent.dueOn == responseDueDate(sent: CalendarDay(2025, 10, 1), rule: .standard, rules: .standard))
            #expect(sent.dueOn == CalendarDay(2025, 12, 1))
            #expect(try await store.recommendationCount(RecommendationFilter(overdueOn: CalendarDay(2025, 12, 2))) >= 1)

            response = try await post(client, unsentPath, officer, ["step": "extend", "due-day": "1", "due-month": "11", "due-year": "2025", "reason": ""])
            let body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent)
            #expect(body.contains("The new due date must be after the current one, Monday 1 December 2025"))
            #expect(body.contains("Enter why the due date is extended"))
            #expect(body.contains("value=\"11\""))
            // The new date is a working day by the council's calendar: not a weekend, not a bank holiday.
            for (day, month, year, what) in [("31", "1", "2026", "Saturday 31 January 2026 is at a weekend"), ("25", "12", "2025", "Thursday 25 December 2025 is a bank holiday")] {
                response = try await post(client, unsentPath, officer, ["step": "extend", "due-day": day, "due-month": month, "due-year": year, "reason": "The budget is set in February."])
                #expect(response.status == .unprocessableContent)
                #expect(String(buffer: response.body).contains("The new due date must be a working day; " + what))
            }
            response = try await post(client, unsentPath, officer, ["step": "extend", "due-day": "30", "due-month": "1", "due-year": "2026", "reason": "The budget is set in February."])
            #expect(response.status == .seeOther)
            let extended = try #require(try await store.recommendation(id))
            #expect(extended.extensionGranted == .init(dueOn: CalendarDay(2026, 1, 30), reason: "The budget is set in February."))
            #expect(!extended.isOverdue(on: CalendarDay(2025, 12, 2), rules: .standard))
            #expect(try await store.recommendations(RecommendationFilter(overdueOn: CalendarDay(2025, 12, 2))).contains { $0.id == id } == false)
            #expect(try await get(client, unsentPath).contains("Extended to Friday 30 January 2026: The budget is set in February."))
            // A later import of the same papers keeps the date sent and the extension.
            try await store.importPack(.everyKind(), publishedFor: CalendarDay(2025, 5, 27), by: "import", at: fixedNow)
            #expect(try await store.recommendation(id) == extended)
            let history = try await store.history(of: id.rawValue).filter { $0.actor == scrutinyOfficer.id.rawValue }
            #expect(history.map(\.changes) == ["dueOn, sentOn", "extensionGranted"])
        }
    }

    @Test("Not pursued needs a reason; an accepted one's implementation is tracked, then closed; each step is only offered when it makes sense")
    func notPursuedImplementedClosed() async throws {
        try await withAccounts { client, store in
            let officer = try await signIn(client, as: scrutinyOfficer)
            var response = try await post(client, unsentPath, officer, ["step": "notPursued", "reason": ""])
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("Enter why it is not pursued"))
            response = try await post(client, unsentPath, officer, ["step": "notPursued", "reason": "Overtaken by the new budget."])
            #expect(response.status == .seeOther)
            #expect(try await store.recommendation(Paths.recommendationID(unsentPath))?.outcomeLabel == "Not pursued")
            // Once not pursued, nothing more is offered, and asking anyway is refused.
            #expect(try await post(client, unsentPath, officer, ["step": "sent", "sent-day": "1", "sent-month": "10", "sent-year": "2025"]).status == .conflict)

            let page = try await client.execute(uri: acceptedPath + "/progress", method: .get, headers: [.cookie: officer.cookie]) { String(buffer: $0.body) }
            #expect(page.contains("Implementation") && page.contains("Close it") && !page.contains("Extend the due date"))
            response = try await post(client, acceptedPath, officer, ["step": "implementation", "status": "inProgress", "review-day": "2", "review-month": "3", "review-year": "2026"])
            #expect(response.status == .seeOther)
            #expect(try await get(client, acceptedPath).contains("In progress; to be reviewed on Monday 2 March 2026"))
            response = try await post(client, acceptedPath, officer, ["step": "close"])
            #expect(response.status == .seeOther)
            let closed = try #require(try await store.recommendation(Paths.recommendationID(acceptedPath)))
            #expect(closed.implementation == .init(status: .inProgress, reviewOn: nil, closedOn: CalendarDay(2025, 12, 1)))
            #expect(try await get(client, acceptedPath).contains("closed by the committee on Monday 1 December 2025"))
        }
    }

    @Test("Only a scrutiny officer or an administrator records progress: others get 403 (or are sent to sign in) and nothing changes")
    func permissions() async throws {
        try await withAccounts { client, store in
            let before = try await store.recommendation(Paths.recommendationID(unsentPath))
            try await client.execute(uri: unsentPath + "/progress", method: .get) { #expect($0.status == .seeOther) }
            for user in [responder, councillor, clerk] {
                let session = try await signIn(client, as: user)
                try await client.execute(uri: unsentPath + "/progress", method: .get, headers: [.cookie: session.cookie]) { #expect($0.status == .forbidden) }
                #expect(try await post(client, unsentPath, session, ["step": "notPursued", "reason": "No."]).status == .forbidden)
            }
            #expect(try await store.recommendation(Paths.recommendationID(unsentPath)) == before)
        }
    }
}

@Suite("Releasing exempt information through the website")
struct ExemptReleaseTests {
    @Test("A clerk sees what is exempt and releases an item with a reason; it is then public and audited; other roles get 403 and nothing changes")
    func release() async throws {
        try await withAccounts { client, store in
            let itemPath = "/committees/children-and-young-people-scrutiny-committee/meetings/2025-03-18/items/12"
            try await get(client, itemPath, status: .notFound)
            for user in [scrutinyOfficer, responder, councillor] {
                let session = try await signIn(client, as: user)
                try await client.execute(uri: "/exempt", method: .get, headers: [.cookie: session.cookie]) { #expect($0.status == .forbidden, "\(user.role)") }
            }
            try await client.execute(uri: "/exempt", method: .get) { #expect($0.status == .seeOther) }
            let clerkSession = try await signIn(client, as: clerk)
            let dashboard = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: clerkSession.cookie]) { String(buffer: $0.body) }
            #expect(dashboard.contains("Exempt information held: 3, to review and release"))
            #expect(dashboard.contains("<ul><li><a href=\"/needs-checking\">Import warnings that need checking</a></li><li><a href=\"/meetings/new\">Schedule meetings</a></li><li><a href=\"/questions\">Questions from the public: none waiting</a></li><li><a href=\"/exempt\">"))
            let page = try await client.execute(uri: "/exempt", method: .get, headers: [.cookie: clerkSession.cookie]) { response in
                #expect(response.headers[.cacheControl] == "private, no-store")
                return String(buffer: response.body)
            }
            #expect(page.contains("Contract award") || page.contains("CONTRACT"))
            let key = String(try #require(page.firstMatch(of: /name="target" value="(item:[^"]+)"/)).1)
            let post = { (reason: String) in
                try await client.execute(
                    uri: "/exempt", method: .post, headers: formHeaders + [.cookie: clerkSession.cookie],
                    body: formBody(["csrf_token": clerkSession.csrf, "target": key, "reason": reason])) { $0 }
            }
            let refused = try await post("")
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("Enter why it may now be published"))
            try await get(client, itemPath, status: .notFound)
            #expect(try await post("The contract has been awarded and published.").status == .seeOther)
            #expect(try await get(client, itemPath).contains("Contract award"))
            #expect(try await store.auditLog(limit: 10).contains { $0.actor == clerk.id.rawValue && $0.changes.contains("The contract has been awarded and published.") })
            #expect(try await store.withheld().map(\.title).contains { $0.contains("CONTRACT AWARD") } == false)
            #expect(try await store.withheld().count < 3)
        }
    }
}

@Suite("Entering a recommendation")
struct NewRecommendationTests {
    @Test("A scrutiny officer turns a resolution in the minutes into a recommendation: the form is filled in from it, checked, and the result audited; the public sees no such link")
    func fromResolution() async throws {
        try await withAccounts { client, store in
            #expect(!(try await get(client, heldMeetingPath)).contains("Make this a recommendation"))
            let officer = try await signIn(client, as: scrutinyOfficer)
            let meeting = try await client.execute(uri: heldMeetingPath, method: .get, headers: [.cookie: officer.cookie]) { String(buffer: $0.body) }
            // Minute 48's first resolution, on the safeguarding report.
            let links = meeting.matches(of: /<a href="(\/recommendations\/new\?[^"]+)">Make this a recommendation<\/a>/).map { String($0.1) }
            #expect(links.count == 3)
            let link = try #require(links.first { $0.contains("topic=SAFEGUARDING") || $0.contains("topic=Safeguarding") })
            let form = try await client.execute(uri: String(link).replacingOccurrences(of: "&amp;", with: "&"), method: .get, headers: [.cookie: officer.cookie]) {
                String(buffer: $0.body)
            }
            #expect(form.contains("value=\"Safeguarding report\""))
            #expect(form.contains("<option value=\"children-and-young-people-scrutiny-committee\" selected>"))
            #expect(form.contains("value=\"21\"") && form.contains("value=\"2025\""))
            func submit(_ fields: [String: String]) async throws -> TestResponse {
                let base = [
                    "csrf_token": officer.csrf, "committee": "children-and-young-people-scrutiny-committee", "meeting-day": "21", "meeting-month": "1",
                    "meeting-year": "2025", "topic": "Safeguarding report", "number": "9", "text": "The partnership reports back in six months.", "response_rule": "twoMonths",
                ]
                return try await client.execute(
                    uri: "/recommendations/new", method: .post, headers: formHeaders + [.cookie: officer.cookie],
                    body: formBody(base.merging(fields) { _, new in new })) { $0 }
            }
            let missing = try await submit(["addressee": "partner", "addressee_name": ""])
            #expect(missing.status == .unprocessableContent)
            #expect(String(buffer: missing.body).contains("Enter whom it is addressed to"))
            #expect(String(buffer: missing.body).contains("The partnership reports back in six months.</textarea>"))
            let made = try await submit(["addressee": "partner", "addressee_name": "Herefordshire Safeguarding Children Partnership"])
            #expect(made.status == .seeOther)
            let path = try #require(made.headers[.location])
            let id = Paths.recommendationID(path)
            let stored = try #require(try await store.recommendation(id))
            #expect(stored.addressee == .partner("Herefordshire Safeguarding Children Partnership") && stored.response == .awaiting && stored.sentOn == nil)
            #expect(try await store.history(of: id.rawValue).first?.action == .created)
            // The same number again is refused beside the field.
            let again = try await submit(["addressee": "cabinet"])
            #expect(again.status == .unprocessableContent && String(buffer: again.body).contains("There is already a recommendation 9"))
            // Others may not.
            let other = try await signIn(client, as: responder)
            try await client.execute(uri: "/recommendations/new", method: .get, headers: [.cookie: other.cookie]) { #expect($0.status == .forbidden) }
        }
    }
}

@Suite("Import warnings to check")
struct NeedsCheckingTests {
    @Test("Officers see each import warning linked to its record and source line, mark it checked (audited on the record), and it leaves the list; councillors cannot")
    func markChecked() async throws {
        try await withAccounts { client, store in
            let councillorSession = try await signIn(client, as: councillor)
            try await client.execute(uri: "/needs-checking", method: .get, headers: [.cookie: councillorSession.cookie]) { #expect($0.status == .forbidden) }
            let officer = try await signIn(client, as: scrutinyOfficer)
            let page = try await client.execute(uri: "/needs-checking", method: .get, headers: [.cookie: officer.cookie]) { String(buffer: $0.body) }
            #expect(page.contains("<p>Check the due date.</p>"))
            #expect(page.contains("href=\"\(awaitingPath)\"") && page.contains("from pack.txt:12"))
            let id = String(try #require(page.firstMatch(of: /name="warning" value="([0-9]+)"/)).1)
            try await client.execute(
                uri: "/needs-checking", method: .post, headers: formHeaders + [.cookie: officer.cookie], body: formBody(["warning": id])
            ) { #expect($0.status == .forbidden) }
            try await client.execute(
                uri: "/needs-checking", method: .post, headers: formHeaders + [.cookie: officer.cookie], body: formBody(["warning": id, "csrf_token": officer.csrf])
            ) { #expect($0.status == .seeOther) }
            let after = try await client.execute(uri: "/needs-checking", method: .get, headers: [.cookie: officer.cookie]) { String(buffer: $0.body) }
            #expect(!after.contains("<p>Check the due date.</p>") && after.contains("1 already checked."))
            let entry = try #require(try await store.history(of: Paths.recommendationID(awaitingPath).rawValue).last)
            #expect(entry.actor == scrutinyOfficer.id.rawValue && entry.changes == "checked: Check the due date.")
        }
    }
}
