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

/// A `multipart/form-data` body as a browser sends one: text fields, then a file.
func multipartBody(_ fields: [String: String], file: (name: String, filename: String, type: String, bytes: [UInt8])?) -> (HTTPFields, ByteBuffer) {
    let boundary = "----QuorumTestBoundary7MA4YWxkTrZu0gW"
    var body = ByteBuffer()
    for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
    }
    if let file {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.type)\r\n\r\n")
        body.writeBytes(file.bytes)
        body.writeString("\r\n")
    }
    body.writeString("--\(boundary)--\r\n")
    return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
}

@Suite("The work programme and the forward plan")
struct PlanningTests {
    let editPath = committeePath + "/work-programme/edit"

    func post(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String), _ fields: [String: String]) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: formHeaders + [.cookie: session.cookie], body: formBody(fields.merging(["csrf_token": session.csrf]) { a, _ in a })
        ) { $0 }
    }

    @Test("A scrutiny officer plans a session and its topics: errors beside their fields with what was typed kept, then the appendix shows them as the council publishes them (report writer in bold), the topic is moved, deferred and removed, each change audited")
    func workProgramme() async throws {
        try await withAccounts { client, store in
            let session = try await signIn(client, as: scrutinyOfficer)
            var response = try await post(client, editPath, session, [
                "step": "add_session", "session_kind": "committeeMeeting", "session_day-day": "15", "session_day-month": "9", "session_day-year": "2026",
                "report_deadline-day": "16", "report_deadline-month": "9", "report_deadline-year": "2026", "planning": "TBC",
            ])
            var body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent && body.contains("The report deadline must be before the committee meeting on Tuesday 15 September 2026"))
            #expect(body.contains("value=\"16\""))
            response = try await post(client, editPath, session, [
                "step": "add_session", "session_kind": "committeeMeeting", "session_day-day": "15", "session_day-month": "9", "session_day-year": "2026",
                "report_deadline-day": "3", "report_deadline-month": "9", "report_deadline-year": "2026", "planning": "TBC",
            ])
            #expect(response.status == .seeOther)
            response = try await post(client, editPath, session, ["step": "add_topic", "title": "", "objectives": "Understand reoffending.", "session": "2026-09-15-meeting"])
            body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent && body.contains("Enter the topic") && body.contains("Understand reoffending.</textarea>"))
            response = try await post(client, editPath, session, [
                "step": "add_topic", "title": "Youth Justice", "scrutiny_type": "performanceReview", "objectives": "Understand reoffending.",
                "evidence_required": "Youth justice plan", "report_writer": "Lorna Tilley, West Mercia Police", "attendees": "Anne-Marie Kemp\nCabinet member",
                "session": "2026-09-15-meeting",
            ])
            #expect(response.status == .seeOther)

            let appendix = try await get(client, committeePath + "/work-programme?year=2026")
            #expect(appendix.contains("Committee meeting: Tuesday 15 September 2026"))
            #expect(appendix.contains("Report deadline: Thursday 3 September 2026. Pre-meeting lines of enquiry planning: TBC."))
            #expect(appendix.contains("<strong>Lorna Tilley, West Mercia Police</strong>") && appendix.contains("<li>Anne-Marie Kemp</li>"))
            #expect(try await get(client, "/search?q=reoffending").contains("Youth Justice"))

            let topicPath = committeePath + "/work-programme/topics/youth-justice"
            let page = try await client.execute(uri: topicPath, method: .get, headers: [.cookie: session.cookie]) { String(buffer: $0.body) }
            let version = try #require(page.firstMatch(of: /name="version" value="([0-9a-f]+)"/)).1
            #expect(try await post(client, topicPath, session, ["step": "move_topic", "state": "deferred", "reason": "", "version": String(version)]).status == .unprocessableContent)
            #expect(try await post(client, topicPath, session, ["step": "move_topic", "state": "deferred", "reason": "Awaiting the inspection", "version": String(version)]).status == .seeOther)
            // The version it was opened on has gone: a second change from the same page is refused, and what was typed is kept.
            response = try await post(client, topicPath, session, [
                "step": "edit_topic", "title": "Youth justice service", "version": String(version),
            ])
            #expect(response.status == .conflict && String(buffer: response.body).contains("value=\"Youth justice service\""))
            #expect(try await get(client, committeePath + "/work-programme?year=2026").contains("Youth Justice (deferred: Awaiting the inspection)"))
            #expect(try await post(client, topicPath, session, ["step": "remove_topic"]).status == .seeOther)
            #expect(try await store.workProgramme(of: Committee.fixture().id)?.items.contains { $0.title == "Youth Justice" } == false)
            let history = try await store.history(of: Committee.fixture().id.rawValue + "/work-programme/items/youth-justice")
            #expect(history.map(\.action) == [.created, .updated, .deleted] && history.allSatisfy { $0.actor == scrutinyOfficer.id.rawValue && $0.before != nil || $0.action == .created })
        }
    }

    @Test("The forward plan: a decision entered, a CSV uploaded (a bad line refuses the whole file with its line, nothing written), a topic linked to a decision, and the public page shows which committee scrutinises it")
    func forwardPlan() async throws {
        try await withAccounts { client, store in
            let session = try await signIn(client, as: clerk)
            var response = try await post(client, "/forward-plan/edit", session, ["step": "add", "title": "", "decision_maker": "Cabinet", "due-day": "31", "due-month": "2", "due-year": "2026"])
            var body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent && body.contains("Enter the report&#39;s title") && body.contains("must be a real date"))
            let before = try await store.forwardPlan(of: Authority.fixture().id)
            let bad = "Title,Decision maker,Due date\nSchool capital programme,Cabinet,2 June 2026\nFees,,sometime\n"
            var (headers, upload) = multipartBody(["step": "upload", "csrf_token": session.csrf], file: ("file", "plan.csv", "text/csv", Array(bad.utf8)))
            response = try await client.execute(uri: "/forward-plan/edit", method: .post, headers: headers + [.cookie: session.cookie], body: upload) { $0 }
            body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent && body.contains("Nothing was imported. plan.csv line 3: the decision maker is empty"))
            #expect(try await store.forwardPlan(of: Authority.fixture().id) == before)
            let good = "Title,Decision maker,Due date,Decision type,Date uploaded\nSchool capital programme,Cabinet,2 June 2026,Key,1 April 2026\n"
            (headers, upload) = multipartBody(["step": "upload", "csrf_token": session.csrf], file: ("file", "plan.csv", "text/csv", Array(good.utf8)))
            response = try await client.execute(uri: "/forward-plan/edit", method: .post, headers: headers + [.cookie: session.cookie], body: upload) { $0 }
            #expect(response.status == .seeOther)
            #expect(try await store.forwardPlan(of: Authority.fixture().id).count == before.count + 1)

            response = try await post(client, committeePath + "/work-programme/edit", session, [
                "step": "add_topic", "title": "School capital programme", "forward_plan": "school-capital-programme", "session": "",
            ])
            #expect(response.status == .seeOther)
            let plan = try await get(client, "/forward-plan")
            #expect(plan.contains("School capital programme") && plan.contains("Cabinet, Tuesday 2 June 2026"))
            #expect(plan.contains("School capital programme (Children and Young People Scrutiny Committee)"))
            #expect(try await store.workProgramme(of: Committee.fixture().id)?.items.first { $0.title == "School capital programme" }?.forwardPlanEntry
                == ForwardPlanEntry.ID(under: Authority.fixture().id, "forward-plan/school-capital-programme"))

            // A councillor may read the plan but not change it.
            let member = try await signIn(client, as: councillor)
            #expect(try await client.execute(uri: "/forward-plan/edit", method: .get, headers: [.cookie: member.cookie]) { $0.status } == .forbidden)
            #expect(try await client.execute(uri: editPath, method: .get, headers: [.cookie: member.cookie]) { $0.status } == .forbidden)
        }
    }

    @Test("An officer's dashboard lists a coming meeting that has no warning (a debug build once refused to render it)")
    func dashboardWithoutWarnings() async throws {
        try await withAccounts { client, store in
            try await scheduleMeeting(in: store)
            let session = try await signIn(client, as: scrutinyOfficer)
            let dashboard = try await client.execute(uri: "/dashboard", method: .get, headers: [.cookie: session.cookie]) { response in
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            #expect(dashboard.contains("Tuesday 3 March 2026") && !dashboard.contains("<strong>"))
        }
    }
}
