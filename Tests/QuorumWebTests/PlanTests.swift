import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import HTTPTypes
import HummingbirdTesting
import QuorumDomain
import QuorumIngest
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
@testable import QuorumWeb
import Testing

/// Seed 000 imported as `quorum import` does, after an earlier "Phase 1" version of its plan, into a store with an account
/// for each role.
private func withPlan(_ test: @escaping @Sendable (any TestClientProtocol, SQLiteStore, ImprovementPlan) async throws -> Void) async throws {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("QuorumIngestTests/Fixtures/000_281b6b6b12f1ec48.txt")
    let pack = try parseAgendaPack(String(contentsOf: file, encoding: .utf8), file: "000.txt")
    try await withAccounts { client, store in
        var earlier = pack.records()
        earlier.improvementPlans = earlier.improvementPlans.map { plan in
            var first = plan
            first.versions = plan.versions.map { version in
                var phase1 = version
                phase1.number = 1
                phase1.label = "Phase 1"
                phase1.period = "July 22"
                phase1.priorities = Array(version.priorities.prefix(2))
                return phase1
            }
            return first
        }
        try await store.importPack(earlier, publishedFor: CalendarDay(2022, 9, 1), by: "import: phase 1", at: fixedNow)
        try await store.importPack(pack.records(), publishedFor: pack.meetingDate, by: "import: 000.txt", at: fixedNow)
        let plan = try #require(try await store.plans().first { $0.title.hasPrefix("Herefordshire") })
        try await test(client, store, plan)
    }
}

/// The first `<svg>…</svg>` of a page, parsed as XML: whether it parses, and its title.
private func svgTitle(_ page: String) -> String? {
    guard let start = page.range(of: "<svg"), let end = page.range(of: "</svg>", range: start.upperBound..<page.endIndex) else { return nil }
    final class Reader: NSObject, XMLParserDelegate {
        var title = ""
        var inTitle = false
        func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            inTitle = element == "title" && title.isEmpty
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { if inTitle { title += string } }
        func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) { inTitle = false }
    }
    let parser = XMLParser(data: Data(page[start.lowerBound..<end.upperBound].utf8))
    let reader = Reader()
    parser.delegate = reader
    return parser.parse() ? reader.title : nil
}

@Suite("Improvement plans on the site")
struct PlanTests {
    func post(_ client: any TestClientProtocol, _ path: String, _ session: (cookie: String, csrf: String), _ fields: [String: String]) async throws -> TestResponse {
        try await client.execute(
            uri: path, method: .post, headers: formHeaders + [.cookie: session.cookie], body: formBody(fields.merging(["csrf_token": session.csrf]) { a, _ in a })
        ) { $0 }
    }

    @Test("The plan's page: both versions, the meetings that scrutinised it, priorities then actions (each status derived) then measures, each indicator as an accessible SVG chart with the same figures as a table, and the audit grades; the report that presented it links it; the API and CSV carry the same")
    func page() async throws {
        try await withPlan { client, store, plan in
            #expect(plan.versions.map(\.label) == ["Phase 1", "Phase 2"])
            #expect(try await get(client, "/plans").contains("Herefordshire Children&#39;s Services and Partnership Improvement Plan"))
            let path = "/plans/" + plan.slug
            let page = try await get(client, path)
            #expect(page.contains("Phase 2, July 24") && page.contains("Owned by Improvement Board."))
            #expect(page.contains("?version=1") && page.contains("Scrutinised at") && page.contains("Tuesday 17 September 2024, item 8 (Phase 2)"))
            let priorities = try #require(page.range(of: "id=\"priorities\"")), actions = try #require(page.range(of: "id=\"actions\"")),
                measures = try #require(page.range(of: "id=\"measures\""))
            #expect(priorities.lowerBound < actions.lowerBound && actions.lowerBound < measures.lowerBound)
            #expect(page.contains("Confirm appropriate funding to support children services improvement against a three year plan"))
            #expect(page.contains("Past its timescale, not recorded as complete") && page.contains("Ongoing (recurring)"))
            #expect(svgTitle(page) == "Contacts progressed within 72hrs: higher is better")
            #expect(page.contains("<th scope=\"row\">2022/23</th><td>79%</td>"))
            #expect(page.contains("<th scope=\"row\">2023/24</th><td>51% (74 of 144)</td>"))
            #expect(page.contains("<th scope=\"row\">November 2023</th><td>Not published</td><td>22%</td><td>38%</td><td>35%</td>"))
            let first = try await get(client, path + "?version=1")
            #expect(first.contains("Phase 1, July 22") && !first.contains("Ofsted Recommendation 3</strong>"))
            _ = try await get(client, path + "?version=7", status: .badRequest)
            #expect(try await get(client, "/committees/children-and-young-people-scrutiny-committee/meetings/2024-09-17/items/8").contains(path + "?version=2"))

            let api = try await get(client, "/api/v1/plans/" + plan.id.rawValue)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.utf8)) as? [String: Any])
            let indicators = try #require(json["indicators"] as? [[String: Any]])
            #expect(indicators.contains { $0["name"] as? String == "Referral decision within 24hrs" && ($0["observations"] as? [Any])?.count == 2 })
            #expect((json["versions"] as? [Any])?.count == 2)
            #expect(try await get(client, "/api/v1/plans").contains(plan.id.rawValue))
            let csv = try await get(client, path + "/indicators.csv")
            #expect(csv.contains("\"Referral decision within 24hrs\",\"percent\",\"yes\",\"\",\"2022/23\",\"2023-03-31\",\"79\""))

            // The item that presented it made exempt afterwards: the plan is withheld everywhere the public looks.
            let meeting = Meeting.ID("herefordshire-council/children-and-young-people-scrutiny-committee/2024-09-17")
            var item = try #require(try await store.agendaItems(of: meeting).first { $0.number == "8" })
            item.access = .exempt(paragraph: .financialOrBusinessAffairs)
            var batch = RecordBatch()
            batch.agendaItems = [item]
            try await store.save(batch, by: "test", at: fixedNow)
            _ = try await get(client, path, status: .notFound)
            _ = try await get(client, "/api/v1/plans/" + plan.id.rawValue, status: .notFound)
            #expect(!(try await get(client, "/plans")).contains("Partnership Improvement Plan"))
            _ = try await get(client, path + "/indicators.csv", status: .notFound)
        }
    }

    @Test("Officers record a figure (errors beside their fields), a period's figures as CSV (a bad line records nothing), an action's progress and a month's grades, each audited; a councillor may not")
    func figures() async throws {
        try await withPlan { client, store, plan in
            let figures = "/plans/" + plan.slug + "/figures"
            let member = try await signIn(client, as: councillor)
            #expect(try await client.execute(uri: figures, method: .get, headers: [.cookie: member.cookie]) { $0.status } == .forbidden)
            let session = try await signIn(client, as: scrutinyOfficer)
            var response = try await post(client, figures, session, ["step": "figure", "indicator": "referral-decision-within-24hrs", "period": "soon", "value": "ninety"])
            var body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent && body.contains("Enter the period as a financial year") && body.contains("must be a number"))
            #expect(body.contains("value=\"ninety\""))
            for (value, numerator, denominator, field, message) in [
                ("1e3", "", "", "value", "must be a number"), ("101", "", "", "value", "A percentage cannot be more than 100"),
                ("-4", "", "", "value", "cannot be less than 0"), ("92", "46", "", "denominator", "Enter the denominator with the numerator"),
                ("92", "46", "100", "value", "46 out of 100 is 46%, not 92%"),
            ] {
                response = try await post(client, figures, session, [
                    "step": "figure", "indicator": "referral-decision-within-24hrs", "period": "2024/25", "value": value, "numerator": numerator, "denominator": denominator,
                ])
                body = String(buffer: response.body)
                #expect(response.status == .unprocessableContent && body.contains(message) && body.contains("id=\"\(field)-error\""), "\(value) \(numerator)/\(denominator)")
            }
            response = try await post(client, figures, session, ["step": "figure", "indicator": "referral-decision-within-24hrs", "period": "2024/25", "value": "92.5"])
            #expect(response.status == .seeOther)
            let bad = "Indicator,Period,Value\nContacts progressed within 72hrs,2024/25,91\nNo such figure,2024/25,3\n"
            var (headers, upload) = multipartBody(["step": "upload", "csrf_token": session.csrf], file: ("file", "q1.csv", "text/csv", Array(bad.utf8)))
            response = try await client.execute(uri: figures, method: .post, headers: headers + [.cookie: session.cookie], body: upload) { $0 }
            body = String(buffer: response.body)
            #expect(response.status == .unprocessableContent && body.contains("Nothing was recorded. q1.csv line 3: the plan has no indicator called ‘No such figure’"))
            #expect(try await store.plan(slug: plan.slug)?.indicators.first { $0.name == "Contacts progressed within 72hrs" }?.observations.count == 2)
            let mismatched = "Indicator,Period,Value,Numerator,Denominator\nPermanent Social Workers,2024/25,58,87,100\n"
            (headers, upload) = multipartBody(["step": "upload", "csrf_token": session.csrf], file: ("file", "q1.csv", "text/csv", Array(mismatched.utf8)))
            response = try await client.execute(uri: figures, method: .post, headers: headers + [.cookie: session.cookie], body: upload) { $0 }
            #expect(response.status == .unprocessableContent && String(buffer: response.body).contains("q1.csv line 2: 87 out of 100 is 87%, not 58%"))
            // The figure recorded by form a moment ago comes again in the file: the one held keeps where it came from.
            let good = "Indicator,Period,Value,Numerator,Denominator\nContacts progressed within 72hrs,2024/25,91,,\nPermanent Social Workers,2024/25,58,87,150\nReferral decision within 24hrs,2024/25,92.5,,\n"
            (headers, upload) = multipartBody(["step": "upload", "csrf_token": session.csrf], file: ("file", "q1.csv", "text/csv", Array(good.utf8)))
            response = try await client.execute(uri: figures, method: .post, headers: headers + [.cookie: session.cookie], body: upload) { $0 }
            #expect(response.status == .seeOther)
            #expect(try await post(client, figures, session, [
                "step": "progress", "action": "1.1", "progress_day-day": "1", "progress_day-month": "11", "progress_day-year": "2025", "note": "Funding confirmed.", "complete": "1",
            ]).status == .seeOther)
            #expect(try await post(client, figures, session, ["step": "audit", "month": "September 2025", "good": "50", "requires_improvement": "40", "inadequate": "10"]).status == .seeOther)
            let page = try await get(client, "/plans/" + plan.slug)
            #expect(page.contains("<th scope=\"row\">2024/25</th><td>92.5%</td>") && page.contains("<td>58% (87 of 150)</td>"))
            #expect(page.contains("Funding confirmed. (complete)") && page.contains(">Complete</span>") && page.contains("<th scope=\"row\">September 2025</th>"))
            let csv = try await get(client, "/plans/" + plan.slug + "/indicators.csv")
            #expect(csv.contains(#""2025-03-31","92.5","","","recorded by Sam Officer on "#) && csv.contains(#""2025-03-31","58","87","150","uploaded by Sam Officer on "#))
            let history = try await store.history(of: plan.id.rawValue)
            #expect(history.filter { $0.actor == scrutinyOfficer.id.rawValue }.count == 4)
        }
    }

    @Test("A recommendation names the indicators it means to move: its page charts them with the days it was made and answered, and says whether each has moved in the good direction since the response")
    func recommendation() async throws {
        try await withPlan { client, store, plan in
            let session = try await signIn(client, as: scrutinyOfficer)
            let answered = "/recommendations/children-and-young-people-scrutiny-committee/2025-01-21/safeguarding-annual-report-2"
            let form = try await client.execute(uri: answered, method: .get, headers: [.cookie: session.cookie]) { String(buffer: $0.body) }
            let indicator = try #require(plan.indicators.first { $0.name == "Referral decision within 24hrs" })
            #expect(form.contains("name=\"indicator:\(indicator.id.rawValue)\""))
            #expect(try await post(client, answered + "/indicators", session, ["indicator:" + indicator.id.rawValue: "1"]).status == .seeOther)
            var page = try await get(client, answered)
            #expect(page.contains("The figures it means to move") && page.contains("Referral decision within 24hrs"))
            #expect(page.contains("No figure for a period after the response on Thursday 20 February 2025 is recorded yet"))
            try await store.updatePlan(plan.id, by: "officer", at: fixedNow) { plan in
                guard let index = plan.indicators.firstIndex(where: { $0.name == "Referral decision within 24hrs" }) else { return }
                plan.indicators[index].record(Observation(period: "2025/26", ends: CalendarDay(2026, 3, 31), value: 93))
            }
            page = try await get(client, answered)
            #expect(page.contains("Since the response on Thursday 20 February 2025, the figure has moved from 89% (2023/24) to 93% (2025/26): in the good direction."))
            #expect(page.contains(">Response</text>") && page.contains(">Recommended</text>"))
            #expect(try await store.history(of: "herefordshire-council/children-and-young-people-scrutiny-committee/recommendations/2025-01-21/safeguarding-annual-report-2").last?.after?.contains("referral-decision-within-24hrs") == true)
        }
    }
}
