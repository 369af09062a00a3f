import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import QuorumWeb
import Synchronization
import QuorumDomain
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

@Test("The tracker groups recommendations by meeting then topic, and filters by committee, outcome and overdue")
func tracker() async throws {
    try await withSite { client in
        let all = try await get(client, "/recommendations")
        #expect(all.contains("<h2>Children and Young People Scrutiny Committee, Tuesday 21 January 2025</h2>"))
        #expect(all.contains("<caption>Safeguarding annual report</caption>"))
        #expect(all.contains("Showing 1 to 6 of 6 recommendations."))
        #expect(all.range(of: "Tuesday 21 January 2025")!.lowerBound < all.range(of: "Tuesday 23 January 2024")!.lowerBound)
        let overdue = try await get(client, "/recommendations?overdue=1")
        #expect(overdue.contains("Showing 1 to 1 of 1 recommendations."))
        #expect(overdue.contains("<td data-label=\"Status\"><span class=\"standing red\">Overdue</span></td>"))
        // The summary adds up every recommendation the filter passes, with each row's standing derived from its dates.
        for (label, value) in [("Made", "6"), ("Answered on time", "1"), ("Answered late", "0"), ("Answered, date received not recorded", "1"), ("Outstanding", "3"), ("Overdue", "1"), ("Not pursued", "1"), ("Outcome: Accepted", "1"), ("Outcome: Resolved", "1"), ("Median days to respond", "23 days")] {
            #expect(all.contains("<dt>\(label)</dt><dd>\(value)</dd>"), "\(label)")
        }
        #expect(all.contains("<span class=\"standing green\">Answered on time</span>"))
        #expect(all.contains("<th scope=\"col\">Date Sent</th><th scope=\"col\">Due Date</th><th scope=\"col\">Recd Date</th><th scope=\"col\">Response</th>"))
        #expect(overdue.contains("<dt>Made</dt><dd>1</dd>"))
        // Recommendation 5 of January 2024, to the Cabinet, has waited more than a year; the one for the committee itself is not chased.
        #expect(all.components(separatedBy: "It has been awaiting a response for more than a year.").count == 2)
        let accepted = try await get(client, "/recommendations?outcome=accepted&committee=children-and-young-people-scrutiny-committee")
        #expect(accepted.contains("An implementation plan."))
        #expect(!accepted.contains("A workshop."))
        // A period: the meetings of the 2024/25 municipal year only, summed on their own, and kept in the CSV link.
        let year = try await get(client, "/recommendations?from=2024-05-01&to=2025-04-30")
        #expect(year.contains("<dt>Made</dt><dd>2</dd>") && !year.contains("Tuesday 23 January 2024"))
        #expect(year.contains("href=\"/recommendations.csv?from=2024-05-01&amp;to=2025-04-30\""))
        #expect(try await get(client, "/recommendations?from=May", status: .badRequest).contains("from must be a date like 2025-03-18"))
        let bad = try await get(client, "/recommendations?outcome=maybe", status: .badRequest)
        #expect(bad.contains("‘maybe’ is not an outcome"))
        try await get(client, "/recommendations?committee=nope", status: .badRequest)
        try await get(client, "/recommendations?page=0", status: .badRequest)
        try await get(client, "/recommendations?overdue=perhaps", status: .badRequest)
    }
}

@Test("Each recommendation has its own page with its dates, response and any notes on the record")
func recommendationPage() async throws {
    try await withSite { client in
        let tracker = try await get(client, "/recommendations?outcome=awaiting&overdue=1")
        let href = try #require(tracker.firstMatch(of: /href="(\/recommendations\/[^"]+)"/)?.1)
        let page = try await get(client, String(href))
        #expect(page.contains("<dt>Sent</dt><dd>Tuesday 28 January 2025</dd>"))
        #expect(page.contains("<dt>Response due</dt><dd>Friday 28 March 2025 <span class=\"overdue\">Overdue</span></dd>"))
        #expect(page.contains("Check the due date."))
        try await get(client, "/recommendations/children-and-young-people-scrutiny-committee/2025-01-21/nothing", status: .notFound)
    }
}

@Test("The tracker and the work programme download as CSV")
func csvDownloads() async throws {
    try await withSite { client in
        try await client.execute(uri: "/recommendations.csv?outcome=accepted", method: .get) { response in
            #expect(response.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = String(buffer: response.body).components(separatedBy: "\r\n")
            #expect(lines[0].hasPrefix("\"Committee\",\"Meeting date\",\"Topic\",\"Rec. No.\""))
            #expect(lines[1] == "\"Children and Young People Scrutiny Committee\",\"2025-01-21\",\"Safeguarding annual report\",\"2\",\"An implementation plan.\",\"Cabinet Member Children and Young People\",\"2025-01-28\",\"2025-02-25\",\"2025-02-20\",\"Agreed.\",\"Accepted\"")
            #expect(lines.count == 3)
        }
        let programme = try await get(client, "/work-programme.csv")
        #expect(programme.contains("\"Safeguarding partnership annual report\",\"Annual report\""))
        #expect(programme.contains("\"Independent Scrutineer (report writer); Cabinet Member\""))
        let page = try await get(client, "/work-programme")
        #expect(page.contains("Committee meeting, Tuesday 27 May 2025"))
    }
}

@Test("Search finds public text, ranks it, highlights the words, and takes phrases, prefixes and filters")
func search() async throws {
    try await withSite { client in
        let body = try await get(client, "/search?q=inspection")
        #expect(body.contains("<mark>inspection</mark>"))
        #expect(body.contains("href=\"\(upcomingMeetingPath)/items/7\">Area SEND Inspection</a>"))
        let prefix = try await get(client, "/search?q=partner*")
        #expect(prefix.contains("<mark>partnership</mark>"))
        let phrase = try await get(client, "/search?q=%22implementation+plan%22")
        #expect(phrase.contains("<mark>implementation plan</mark>"))
        // The form sends spaces as "+": the box, the title and the next page's address read them as spaces.
        #expect(phrase.contains("value=\"&quot;implementation plan&quot;\"") && phrase.contains("Search: &quot;implementation plan&quot;"))
        #expect(!phrase.contains("implementation+plan") && !phrase.contains("%2B"))
        let none = try await get(client, "/search?q=%22plan+implementation%22")
        #expect(none.contains("No results."))
        let minutes = try await get(client, "/search?q=partnership&kind=minute")
        #expect(minutes.contains("Minutes, Children and Young People Scrutiny Committee, Tuesday 21 January 2025"))
        #expect(!minutes.contains("Area SEND Inspection"))
        let dated = try await get(client, "/search?q=partnership&from=2025-02-01&to=2025-12-31")
        #expect(!dated.contains("21 January 2025"))
    }
}

@Test("A malformed search gets a helpful message beside the field, never a server error", arguments: [
    ("/search?q=%22unclosed+phrase", "no closing one"),
    ("/search?q=AND+OR+NOT+(", "Punctuation is ignored"),
    ("/search?q=***", "Type a word or a phrase"),
    ("/search?q=scrutiny&from=18%2F03%2F2025", "From must be a date like 2025-03-18."),
    ("/search?q=scrutiny&from=2025-03-18&to=2025-01-01", "To must be on or after From."),
    ("/search?q=scrutiny&kind=gossip", "Choose a kind of paper from the list."),
])
func malformedSearch(uri: String, message: String) async throws {
    try await withSite { client in
        let body = try await get(client, uri)
        #expect(body.contains(message))
    }
}

@Test("Search results escape what was typed and what was found")
func searchEscapes() async throws {
    var batch = RecordBatch()
    batch.minuteItems = [MinuteItem(number: 99, of: Meeting.fixture(on: CalendarDay(2025, 1, 21)).id, title: "Tags", text: "The <script>alert(1)</script> scrutiny tag.")]
    try await withSite(batch) { client in
        let body = try await get(client, "/search?q=alert")
        #expect(!body.contains("<script>alert"))
        #expect(body.contains("&lt;script&gt;<mark>alert</mark>"))
        let typed = try await get(client, "/search?q=%3Cb%3Escrutiny")
        #expect(typed.contains("value=\"&lt;b&gt;scrutiny\""))
        #expect(!typed.contains("<b>"))
    }
}

@Test("The tracker is paged: a hundred recommendations a page, with links between pages")
func trackerPages() async throws {
    var batch = RecordBatch()
    batch.recommendations = (1...150).map { n in
        Recommendation(
            number: String(n), of: Committee.fixture().id, madeOn: CalendarDay(2023, 1, 10).adding(days: n), topic: "Topic \(n % 7)",
            text: "Recommendation number \(n).")
    }
    try await withSite(batch) { client in
        let first = try await get(client, "/recommendations")
        #expect(first.contains("Showing 1 to 100 of 156 recommendations."))
        #expect(first.contains("href=\"/recommendations?page=2\" rel=\"next\""))
        let second = try await get(client, "/recommendations?page=2")
        #expect(second.contains("Showing 101 to 156 of 156 recommendations."))
        #expect(second.contains("rel=\"prev\"") && !second.contains("rel=\"next\""))
        #expect(second.contains("Recommendation number 1.</a>"))  // the oldest comes last
        try await get(client, "/recommendations?page=3", status: .notFound)
        let awaiting = try await get(client, "/recommendations?outcome=awaiting&page=2")
        #expect(awaiting.contains("Showing 101 to 153 of 153 recommendations."))
    }
}

@Test("A search with a page number that makes no sense shows the first page rather than an error")
func searchBadPage() async throws {
    try await withSite { client in
        let body = try await get(client, "/search?q=inspection&page=abc")
        #expect(body.contains("<mark>inspection</mark>"))
    }
}

@Suite("Time budgets")
struct TimeBudgetTests {
    @Test("Work past its budget is stopped: cancelled, so it lets go of what it holds, and the caller is told")
    func exceeded() async throws {
        let sawCancellation = Mutex(false)
        await #expect(throws: TimeBudget.Exceeded.self) {
            try await TimeBudget(limit: .milliseconds(20)).run {
                do {
                    try await Task.sleep(for: .seconds(60))
                } catch {
                    sawCancellation.withLock { $0 = true }
                    throw error
                }
                return 1
            }
        }
        #expect(sawCancellation.withLock { $0 })
    }

    @Test("Work within its budget gives its value")
    func within() async throws {
        #expect(try await TimeBudget(limit: .seconds(60)).run { 42 } == 42)
    }

    @Test("A search over its budget answers with a page that says so, not an error")
    func searchOverBudget() async throws {
        try await withTemporaryStore { store async throws in
            try await store.save(.everyKind(), by: "test", at: fixedNow)
            let app = try await buildApplication(WebConfiguration(searchTimeLimit: .zero), store: store, today: { fixedNow }, logger: Logger(label: "test"))
            try await app.test(.router) { client in
                let body = try await get(client, "/search?q=budget")
                #expect(body.contains("The search took too long and was stopped"))
            }
        }
    }

    @Test("Any page over the page time limit is stopped with 503, a Retry-After and a page that says so; the API answers in JSON")
    func pageOverBudget() async throws {
        try await withTemporaryStore { store async throws in
            try await store.save(.everyKind(), by: "test", at: fixedNow)
            let app = try await buildApplication(WebConfiguration(pageTimeLimit: .zero), store: store, today: { fixedNow }, logger: Logger(label: "test"))
            try await app.test(.live) { client in
                try await client.execute(uri: heldMeetingPath, method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(response.headers[.retryAfter] == "60")
                    #expect(String(buffer: response.body).contains("This page took too long to prepare and was stopped"))
                }
                try await client.execute(uri: "/api/v1/events", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                    #expect(String(buffer: response.body).contains("\"status\":503"))
                }
            }
        }
    }
}
