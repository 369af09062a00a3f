import Foundation
import HummingbirdTesting
import QuorumDomain
import QuorumIngest
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

/// The three bundled seed packs, imported as `quorum import` does (oldest meeting first), on a real SQLite file.
private func withSeeds(_ test: @escaping @Sendable (SQLiteStore, any TestClientProtocol) async throws -> Void) async throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("QuorumIngestTests/Fixtures")
    let packs = try ["002_337be05844ba804b.txt", "000_281b6b6b12f1ec48.txt", "004_aa79d59521b34b51.txt"].map { name in
        try parseAgendaPack(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), file: name)
    }
    try await withTemporaryStore { store async throws in
        for pack in packs.sorted(by: { $0.meetingDate < $1.meetingDate }) {
            try await store.importPack(pack.records(), publishedFor: pack.meetingDate, by: "import: \(pack.file)", at: fixedNow)
        }
        try await withApp(store) { client in try await test(store, client) }
    }
}

private let cyp = Committee.ID("herefordshire-council/children-and-young-people-scrutiny-committee")

private func recommendation(_ store: SQLiteStore, _ day: CalendarDay, topic: String, number: String) async throws -> Recommendation? {
    try await store.recommendations(of: cyp).first { $0.meetingDay == day && $0.topic.hasPrefix(topic) && $0.number == number }
}

/// Values read off the seed packs, and where Quorum publishes them.
@Suite("Published facts are the packs'")
struct PublishedFactsTests {
    @Test("An outcome is recorded only when the response states it; otherwise it is not stated, also in the API")
    func outcomes() async throws {
        try await withSeeds { store, client in
            // 21 January 2025, recommendations 1 and 3: the responses describe work, they state no outcome.
            for number in ["1", "3"] {
                let r = try #require(try await recommendation(store, CalendarDay(2025, 1, 21), topic: "Herefordshire Safeguarding", number: number))
                guard case .received(_, _, nil) = r.response else {
                    Issue.record("21 January 2025 recommendation \(number): \(r.response)")
                    continue
                }
            }
            // 14 November 2023, SEND: the response says the recommendation "be noted".
            let send = try #require(try await recommendation(store, CalendarDay(2023, 11, 14), topic: "Special Educational Needs", number: "1"))
            guard case .received(_, _, .noted?) = send.response else {
                Issue.record("14 November 2023 SEND: \(send.response)")
                return
            }
            // 7 May 2024: "Accepted in part – …" in the response's own words.
            let inPart = try #require(try await recommendation(store, CalendarDay(2024, 5, 7), topic: "Corporate Parenting Service", number: "3"))
            guard case .received(_, _, .acceptedInPart?) = inPart.response else {
                Issue.record("7 May 2024 recommendation 3: \(inPart.response)")
                return
            }
            let api = try await get(client, "/api/v1/recommendations?per_page=100")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(api.utf8)) as? [String: Any])
            let rows = try #require(json["results"] as? [[String: Any]])
            let january = rows.filter { ($0["meeting_date"] as? String) == "2025-01-21" && ($0["number"] as? String) == "1" }
            #expect(!january.isEmpty && january.allSatisfy { $0["outcome"] is NSNull }, "\(january)")
            #expect(!api.contains("Not recorded") && !api.contains("Not stated"))
            #expect(try await get(client, "/recommendations?outcome=notStated").contains("Answered, outcome not stated"))
        }
    }

    @Test("After importing the seeds, the tracker holds every numbered recommendation of seed 004's Appendix 1 once, as published; its summary CSV counts what its CSV lists")
    func seedTrackerIsWhole() async throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("QuorumIngestTests/Fixtures")
        let name = "004_aa79d59521b34b51.txt"
        let published = try parseAgendaPack(String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8), file: name).recommendationTracker
        #expect(published.count == 39)
        try await withSeeds { store, client in
            let query = "?committee=children-and-young-people-scrutiny-committee&from=2023-09-01&to=2025-01-31"
            let csv = parseCSV(try await get(client, "/recommendations.csv" + query))
            #expect(csv.first == ["Committee", "Meeting date", "Topic", "Rec. No.", "Recommendation", "Addressee", "Date sent", "Due date", "Received date", "Response", "Outcome"])
            let listed = csv.dropFirst()
            for row in published {
                let number = try #require(row.number, "line \(row.line) is numbered")
                let matches = listed.filter { $0[1] == row.meetingDate?.iso && $0[2] == row.topic && $0[3] == number }
                #expect(matches.count == 1, "\(row.meetingDate?.iso ?? "?") \(row.topic) \(number): listed \(matches.count) times")
                guard let held = matches.first else { continue }
                #expect(held[4] == row.text, "line \(row.line)")
                #expect(held[6] == row.dateSent?.date?.iso ?? "", "line \(row.line)")
                #expect(held[7] == row.dueDate?.date?.iso ?? "", "line \(row.line)")
                #expect(held[8] == row.receivedDate?.date?.iso ?? "", "line \(row.line)")
                #expect(held[9] == row.response ?? "", "line \(row.line)")
            }
            let page = try await get(client, "/recommendations" + query)
            #expect(page.contains("Showing 1 to \(listed.count) of \(listed.count) recommendations."))
            #expect(page.contains("href=\"/recommendations-summary.csv\(query.replacingOccurrences(of: "&", with: "&amp;"))\""))
            let summary = parseCSV(try await get(client, "/recommendations-summary.csv" + query))
            #expect(summary.first == ["Summary", "Value"])
            #expect(summary.contains(["Committee", "Children and Young People Scrutiny Committee"]) && summary.contains(["Meetings from", "2023-09-01"]))
            #expect(summary.contains(["Made", String(listed.count)]))
            let outstanding = listed.filter { $0[9].isEmpty }.count
            #expect(summary.contains(["Outstanding", String(outstanding)]))
            // Another period is another summary, not the cached one.
            let early = parseCSV(try await get(client, "/recommendations-summary.csv?committee=children-and-young-people-scrutiny-committee&from=2023-09-01&to=2023-09-30"))
            #expect(early.contains(["Made", "2"]) && early.contains(["Meetings to", "2023-09-30"]))
        }
    }

    @Test("What does not add up is flagged: a response with no received date, a response repeated under another recommendation")
    func dataQualityFlags() async throws {
        try await withSeeds { store, _ in
            let first = try #require(try await recommendation(store, CalendarDay(2025, 1, 21), topic: "Herefordshire Safeguarding", number: "1"))
            let flags = try await store.warnings(on: first.id.rawValue).map(\.message)
            #expect(flags.contains("The response has no received date."))
            #expect(flags.contains { $0.contains("word for word the same as the response to Including children") }, "\(flags)")
        }
    }

    @Test("A combined work programme is split by committee; a session's kind is as published; a newer pack's plans replace older ones")
    func workProgramme() async throws {
        try await withSeeds { store, client in
            let board = try #require(try await store.committees().first { $0.name == "Scrutiny Management Board" })
            let boardItems = try await store.workProgrammeItems(of: board.id).map(\.title)
            #expect(boardItems.contains("Herefordshire Council financial position"))
            #expect(boardItems.contains { $0.hasPrefix("Devolution") })
            let health = try #require(try await store.committees().first { $0.name == "Health Care and Wellbeing Scrutiny Committee" })
            #expect(!(try await store.workProgrammeItems(of: health.id).map(\.title)).contains("Herefordshire Council financial position"))
            let finance = try #require(try await store.workProgrammeItems(of: board.id).first { $0.title == "Herefordshire Council financial position" })
            #expect(finance.objectives.components(separatedBy: "\n").contains("Preparations for the 2025-26 budget"))
            let connected = try #require(try await store.committees().first { $0.name == "Connected Communities Scrutiny Committee" })
            #expect(try await store.workProgrammeSessions(of: connected.id).contains { $0.day == CalendarDay(2024, 10, 8) && $0.kind == .workingGroup })
            // "Working Group Meeting / November 2024" gives a month, not a day: its topic is not put under the meeting
            // printed before it (28 October 2024), and is kept as potential, with a flag saying why.
            let delivery = try #require(try await store.workProgrammeItems(of: board.id).first { $0.title == "Herefordshire Council Plan delivery plan" })
            #expect(delivery.state == .potential)
            #expect(try await store.warnings(on: board.id.rawValue).contains { $0.message.contains("working group meeting dated “November 2024” gives no day") })
            // The March 2025 pack moves "Child exploitation" to 27 May 2025.
            let sessions = Dictionary(try await store.workProgrammeSessions(of: cyp).map { ($0.id, $0.day) }, uniquingKeysWith: { a, _ in a })
            let exploitation = try await store.workProgrammeItems(of: cyp).filter { $0.title == "Child exploitation" }.compactMap { $0.session.flatMap { sessions[$0] } }
            #expect(exploitation == [CalendarDay(2025, 5, 27)])
            #expect(try await get(client, "/work-programme").contains("Working group meeting, Tuesday 8 October 2024"))
        }
    }

    @Test("People are who the packs say: co-opted members keep their title, roles date from the first pack that shows them, no end date is invented")
    func people() async throws {
        try await withSeeds { store, client in
            let memberships = try await store.memberships(of: cyp)
            let people = Dictionary(try await store.people(memberships.map(\.person)).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            let pratley = try #require(people.values.first { $0.name == "Sam Pratley" })
            #expect(pratley.title == "Mr")
            let fagan = try #require(memberships.first { people[$0.person]?.name == "Toni Fagan" })
            #expect(fagan.role == .chairperson && fagan.roleFrom == CalendarDay(2024, 9, 17) && fagan.from == CalendarDay(2021, 10, 12))
            let williams = try #require(memberships.first { people[$0.person]?.name == "Rob Williams" })
            #expect(williams.until == nil && williams.endText == "not listed after September 2024")
            let page = try await get(client, "/people/sam-pratley")
            #expect(page.contains("Mr Sam Pratley") && !page.contains("Councillor Sam Pratley"))
            #expect(try await get(client, "/people/rob-williams").contains("not listed after September 2024"))
        }
    }

    @Test("Order is the council's: chair and vice-chair first, then members as published; questions by number")
    func order() async throws {
        try await withSeeds { store, client in
            let current = try await store.memberships(of: cyp).filter(\.isListed)
            let names = try await store.people(current.map(\.person))
            let byID = Dictionary(names.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            #expect(
                current.map { byID[$0.person] ?? "" } == [
                    "Toni Fagan", "Liz Harvey", "Frank Cornthwaite", "Clare Davies", "Dave Davies", "Robert Highfield", "Ben Proctor", "Jan Frances", "Stuart Mitchell",
                ])
            // 30 July 2024: the questions as numbered, "PQ3" as printed.
            #expect(try await store.questions(at: .init(under: cyp, "2024-07-30")).map(\.number) == ["PQ 1", "PQ 2", "PQ3", "PQ 4"])
            _ = client
        }
    }

    @Test("Every meeting a pack names has its page, marked as known only from another paper; imported agendas never read as unpublished")
    func namedMeetings() async throws {
        try await withSeeds { _, client in
            let november = try await get(client, committeePath + "/meetings/2024-11-26")
            #expect(november.contains("Quorum knows of this meeting only from"))
            #expect(november.contains("Recommendations made at this meeting"))
            let may = try await get(client, committeePath + "/meetings/2025-05-27")
            #expect(may.contains("Quorum knows of this meeting only from") && may.contains("time not known"))
            let committee = try await get(client, committeePath)
            #expect(committee.contains(">Tuesday 27 May 2025</time>") && !committee.contains("12.00 am"), "a meeting known from other papers is listed by its day alone")
            let january = try await get(client, committeePath + "/meetings/2025-01-21")
            #expect(!january.contains("The agenda has not been published"))
            let march = try await get(client, committeePath + "/meetings/2025-03-18")
            #expect(march.contains("href=\"/committees/children-and-young-people-scrutiny-committee/meetings/2025-01-21#minutes\""))
            let calendar = try await get(client, "/calendar.ics")
            #expect(calendar.contains("DTSTART;VALUE=DATE:20250527"))
            // Meetings known only from another paper have no papers, so they never crowd real ones off the home page
            // or out of the feed.
            #expect(try await get(client, "/").contains("Area SEND Inspection"))
            #expect(try await get(client, "/feed.atom").contains("Area SEND Inspection"))
        }
    }

    @Test("The public site and API speak plainly: the 400 page shows no internal names, DTSTAMP is UTC")
    func plainWords() async throws {
        try await withSeeds { _, client in
            let bad = try await get(client, "/recommendations?outcome=maybe", status: .badRequest)
            #expect(!bad.contains("acceptedInPart") && bad.contains("Accepted in part"))
            let calendar = try await get(client, "/calendar.ics")
            #expect(calendar.split(separator: "\r\n").filter { $0.hasPrefix("DTSTAMP:") }.allSatisfy { $0.hasSuffix("Z") })
        }
    }

    @Test("Search ranks the papers people look for above a work-programme line that names the word, with an extract for every result")
    func search() async throws {
        try await withSeeds { store, client in
            let results = try await store.search(SearchQuery(parsing: "exploitation"))
            #expect(results.total > 3)
            #expect(results.hits.first.map { $0.kind != .workProgramme } == true, "\(results.hits.map(\.kind))")
            #expect(results.hits.allSatisfy { !$0.snippet.isEmpty })
            let page = try await get(client, "/search?q=safeguarding+partnership&kind=minute")
            #expect(page.contains("#minute-"))
            #expect(try await get(client, "/search?q=scrutiny&page=500").contains("There are no more results"))
        }
    }

    @Test("Addresses are never cut mid-word; the tracker's words are never broken mid-word and its rows stack on a phone")
    func addressesAndTracker() async throws {
        try await withSeeds { store, client in
            for recommendation in try await store.recommendations(of: cyp) {
                let part = String(recommendation.id.rawValue.split(separator: "/")[4])
                #expect(!part.contains("--"), "\(recommendation.id)")
                let topic = slugged(recommendation.topic)
                let cut = String(part.dropLast(slugged(recommendation.number).count + 1))
                #expect(topic == cut || topic.hasPrefix(cut + "-"), "\(recommendation.id) cuts “\(topic)” mid-word")
            }
            let css = try await get(client, "/assets/quorum.css")
            #expect(!css.contains("overflow-wrap: anywhere") && !css.contains("break-all"))
            #expect(try await get(client, "/recommendations").contains("<table class=\"stacked\">"))
        }
    }

    @Test("Report pages carry the report, not the template; a paragraph split by a page break is joined")
    func reportText() async throws {
        try await withSeeds { _, client in
            let report = try await get(client, upcomingMeetingPath + "/items/7")
            for furniture in ["Click or tap", "must be completed before the report can be published", "Further information on the subject of this report"] {
                #expect(!report.contains(furniture), "the report page shows “\(furniture)”")
            }
            #expect(report.contains("Herefordshire&#39;s local area SEND inspection took place") || report.contains("Herefordshire's local area SEND inspection took place"))
            // 21 January 2025, minute 48: "… made it hard to track" / "meaningful interventions" across a page break.
            let minutes = try await get(client, heldMeetingPath)
            #expect(minutes.contains("hard to track meaningful interventions"))
            // Minute 48's resolutions keep their "That:" lead-in.
            #expect(minutes.contains("<p class=\"label\">Resolved:</p>\n<p>That:</p>"))
        }
    }

    @Test("Supplementary questions are whole: a cell carried over a page break is one sentence, and a question that starts mid-sentence is flagged")
    func supplementaryQuestions() async throws {
        try await withSeeds { store, _ in
            let questions = try await store.questions(at: .init(under: cyp, "2025-01-21"))
            let spq2 = try #require(questions.first { $0.number == "SPQ 2" })
            #expect(spq2.text.contains("Children may be being placed into the care of persons deemed such a risk to children"))
            let meetingWarnings = try await store.warnings(on: Meeting.ID(under: cyp, "2025-03-18").rawValue).map(\.message)
            #expect(meetingWarnings.contains { $0.contains("Question SPQ 1: its text starts mid-sentence") })
        }
    }
}

@Test("A pack in another house style publishes its start condition and its minute numbers as printed")
func houseStyleFactsArePublished() async throws {
    let text = """
        Tarnby Borough Council

        Audit Committee - Monday 6 October 2025 2pm, or at the rise of the Planning Committee

        Agenda

        1.  Minutes (Pages 1 - 2)

        MINUTES OF THE AUDIT COMMITTEE
        HELD ON MONDAY 8 SEPTEMBER 2025 AT 14:00, TOWN HALL

        PRESENT: Councillor Ashby (Chairman)

        AUD 4/25 RISK REGISTER – The Head of Audit presented the register.
        AGREED that the register be reported again in January.

        The meeting closed at 15:20.
        """
    let pack = try parseAgendaPack(text, file: "tarnby.txt")
    try await withTemporaryStore { store async throws in
        try await store.importPack(pack.records(), publishedFor: pack.meetingDate, by: "import: tarnby.txt", at: fixedNow)
        try await withApp(store) { client in
            let committee = Committee.ID("tarnby-borough-council/audit-committee")
            let meeting = try await get(client, "/committees/\(committee.rawValue.split(separator: "/").last!)/meetings/2025-10-06")
            #expect(meeting.contains("2.00 pm, or at the rise of the Planning Committee"), "\(meeting.prefix(3000))")
            let minutes = try await get(client, "/committees/\(committee.rawValue.split(separator: "/").last!)/meetings/2025-09-08")
            #expect(minutes.contains("AUD 4/25 RISK REGISTER"))
        }
    }
}

/// RFC 4180, as `csvText` writes it: quoted fields, doubled quotes, CRLF between records.
func parseCSV(_ text: String) -> [[String]] {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var characters = text.makeIterator()
    var pending: Character? = nil
    while let c = pending ?? characters.next() {
        pending = nil
        if quoted {
            if c == "\"" {
                if let next = characters.next() {
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    quoted = false
                }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            record.append(field)
            field = ""
        } else if c == "\r\n" || c == "\n" {
            record.append(field)
            records.append(record)
            (record, field) = ([], "")
        } else {
            field.append(c)
        }
    }
    if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
    return records
}
