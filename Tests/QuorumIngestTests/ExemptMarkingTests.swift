import QuorumDomain
@testable import QuorumIngest
import Testing

/// Every usual way of marking exempt information imports as exempt, from pack fragments written for the test.
@Suite("Exempt markings")
struct ExemptMarkingTests {
    /// A small pack: a front sheet, an agenda whose items 1 and 2 are open, then `items` and `papers`.
    static func pack(items: String, papers: String = "") -> String {
        """
        Agenda

        Children Scrutiny Committee

        Date: Tuesday 18 March 2025

        Time: 2.00 pm

        Place: Council Offices, Hereford

        Membership

        Chairperson\tCouncillor Ann Example

        Agenda

        \tPages
        1. APOLOGIES FOR ABSENCE To receive apologies for absence.\t
        2. BUDGET MONITORING To consider the budget.\t
        \(items)

        \(papers)
        """
    }

    /// A report cover for the item "CONTRACT AWARD", with `classification` and `appendices`, then `body`.
    static func report(title: String = "Contract award", classification: String = "Open", appendices: String = "None", body: String = "") -> String {
        """
        Title of report: \(title)

        Meeting: Children Scrutiny Committee

        Meeting date: Tuesday 18 March 2025

        Report by: Director of Resources

        Classification

        \(classification)

        Decision type

        Key

        Purpose

        To award the contract.

        \(body)

        Appendices

        \(appendices)

        Background papers

        None identified.
        """
    }

    private func records(_ text: String) throws -> (AgendaPack, RecordBatch) {
        let pack = try parseAgendaPack(text, file: "fragment.txt")
        return (pack, pack.records())
    }

    private func item(_ records: RecordBatch, _ number: String) -> QuorumDomain.AgendaItem? { records.agendaItems.first { $0.number == number } }

    @Test(
        "An item marked in any of the usual ways is exempt, with its paragraph where given",
        arguments: [
            ("3. CONTRACT AWARD To consider an exempt report.", nil),
            ("3. PART II CONTRACT AWARD To consider the award.", nil),
            ("3. CONTRACT AWARD (Part 2) To consider the award.", nil),
            ("3. CONTRACT AWARD To consider the award. Part B item.", nil),
            ("3. CONTRACT AWARD NOT FOR PUBLICATION To consider the award.", nil),
            ("3. PRIVATE ITEM: CONTRACT AWARD To consider the award.", nil),
            ("3. CONTRACT AWARD To consider the award (private).", nil),
            ("3. CONTRACT AWARD To consider a confidential report on the award.", nil),
            ("3. CONTRACT AWARD Restricted item: to consider the award.", nil),
            ("3. CONTRACT AWARD To be taken in closed session.", nil),
            ("3. CONTRACT AWARD That the public and press be excluded during consideration of this item.", nil),
            ("3. CONTRACT AWARD Not to be published by virtue of paragraph 3 of Schedule 12A.", 3),
            ("3. CONTRACT AWARD Exempt under para. 3 of Sch. 12A.", 3),
            ("3. CONTRACT AWARD Information within Schedule 12A, paragraph 1.", 1),
            ("3. CONTRACT AWARD Exempt – paragraph 5.", 5),
            ("3. CONTRACT AWARD This report is exempt by virtue of paragraph 4. Appendix 1 is not exempt.", 4),
        ] as [(String, Int?)])
    func itemMarkings(line: String, paragraph: Int?) throws {
        let (_, records) = try records(Self.pack(items: line + "\t"))
        #expect(item(records, "3")?.access == .exempt(paragraph: paragraph.flatMap(Schedule12A.init(rawValue:))), "\(line)")
        #expect(item(records, "2")?.access == .open)
    }

    @Test("Ordinary words are not markings: private fostering, council tax exemptions, a part of an appendix that is not exempt")
    func ordinaryWords() throws {
        for line in [
            "3. PRIVATE FOSTERING To consider the annual report on private fostering arrangements.",
            "3. COUNCIL TAX To review which properties are exempt from council tax.",
            "3. BUDGET OUTTURN To consider the outturn. Appendix 1 is not exempt.",
            "3. OPEN SPACES To consider the strategy for restricted budgets and confidentiality policy.",
        ] {
            let (_, records) = try records(Self.pack(items: line + "\t"))
            #expect(item(records, "3")?.access == .open, "\(line)")
        }
    }

    @Test("An exclusion resolution makes the items it covers exempt, and not itself")
    func exclusionResolution() throws {
        let items = """
            3. EXCLUSION OF THE PRESS AND PUBLIC To consider passing a resolution that under section 100A(4) of the Local Government Act 1972 the public be excluded for the following item on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A.\t
            4. CONTRACT AWARD To consider the award.\t
            5. DATE OF NEXT MEETING Tuesday 27 May 2025.\t
            """
        let (_, records) = try records(Self.pack(items: items))
        #expect(item(records, "3")?.access == .open)
        #expect(item(records, "4")?.access == .exempt(paragraph: .financialOrBusinessAffairs))
        #expect(item(records, "5")?.access == .open)
    }

    @Test("An exclusion that names its items covers those; one that names none covers every item after it")
    func exclusionScope() throws {
        let named = """
            3. EXCLUSION OF THE PUBLIC To exclude the public for items 5 and 6 by virtue of paragraph 1.\t
            4. WORK PROGRAMME To consider the work programme.\t
            5. STAFFING To consider a staffing matter.\t
            6. COMPLAINT To consider a complaint.\t
            """
        let (_, first) = try records(Self.pack(items: named))
        #expect(first.agendaItems.map(\.access.isExempt) == [false, false, false, false, true, true])
        #expect(item(first, "6")?.access == .exempt(paragraph: .individual))
        let unnamed = """
            3. EXCLUSION OF THE PRESS AND PUBLIC To resolve that the press and public be excluded.\t
            4. STAFFING To consider a staffing matter.\t
            5. COMPLAINT To consider a complaint.\t
            """
        let (_, second) = try records(Self.pack(items: unnamed))
        #expect(second.agendaItems.map(\.access.isExempt) == [false, false, false, true, true])
    }

    @Test("A Part II heading between items makes every item after it exempt")
    func partTwoHeading() throws {
        let items = """
            3. WORK PROGRAMME To consider the work programme.\t
            PART II – ITEMS NOT FOR PUBLICATION
            4. STAFFING To consider a staffing matter.\t
            5. COMPLAINT To consider a complaint.\t
            """
        let (_, records) = try records(Self.pack(items: items))
        #expect(records.agendaItems.map(\.access.isExempt) == [false, false, false, true, true])
    }

    @Test(
        "A report classified in any of the usual ways is exempt, and makes its item exempt",
        arguments: [
            ("Private", nil), ("Restricted", nil), ("Confidential", nil), ("Closed session", nil), ("Exempt – paragraph 3", 3),
            ("Part II: not for publication by virtue of paragraph 7", 7), ("NOT FOR PUBLICATION", nil), ("Schedule 12A paragraph 2", 2),
        ] as [(String, Int?)])
    func reportClassifications(classification: String, paragraph: Int?) throws {
        let text = Self.pack(items: "3. CONTRACT AWARD To consider the award.\t3 - 9", papers: Self.report(classification: classification))
        let (_, records) = try records(text)
        let expected = Access.exempt(paragraph: paragraph.flatMap(Schedule12A.init(rawValue:)))
        #expect(records.reports.first?.classification == expected, "\(classification)")
        #expect(item(records, "3")?.access.isExempt == true, "\(classification)")
    }

    @Test("A classification that reads as neither open nor exempt is held as exempt, with a warning")
    func classificationInDoubt() throws {
        let text = Self.pack(items: "3. CONTRACT AWARD To consider the award.\t3 - 9", papers: Self.report(classification: "To be confirmed"))
        let (pack, records) = try records(text)
        #expect(records.reports.first?.classification == .exempt(paragraph: nil))
        #expect(pack.warnings.contains { $0.message.contains("held as exempt") })
    }

    @Test("An open report keeps its exempt appendix exempt: on the cover, in the list, or at the head of the appendix")
    func exemptAppendices() throws {
        let onCover = Self.report(classification: "Open report with exempt appendix 2 (paragraph 3)", appendices: "Appendix 1 – Map\nAppendix 2 – Costs")
        let inList = Self.report(appendices: "Appendix 1 – Map\nAppendix 2 – Costs (exempt, paragraph 3)")
        for paper in [onCover, inList] {
            let (_, records) = try records(Self.pack(items: "3. CONTRACT AWARD To consider the award.\t3 - 9", papers: paper))
            let report = try #require(records.reports.first)
            #expect(report.classification == .open)
            #expect(report.appendix("Appendix 1")?.access == .open)
            #expect(report.appendix("Appendix 2")?.access == .exempt(paragraph: .financialOrBusinessAffairs))
            #expect(item(records, "3")?.access == .open)
        }
        let body = """
            ## Key considerations

            The contract is set out below.

            ## Appendix 2 – Site valuations

            NOT FOR PUBLICATION

            The valuations are confidential figures.
            """
        let (_, records) = try records(Self.pack(items: "3. CONTRACT AWARD To consider the award.\t3 - 9", papers: Self.report(appendices: "Appendix 2 – Site valuations", body: body)))
        let report = try #require(records.reports.first)
        #expect(report.appendix("Appendix 2")?.access == .exempt(paragraph: nil))
        #expect(report.sections.first { $0.heading.hasPrefix("Appendix 2") }?.appendix == "Appendix 2")
        #expect(report.sections.first { $0.kind == .keyConsiderations }?.appendix == nil)
    }

    @Test("An exempt report whose title matches no item is attached to none, never to the next item by order")
    func exemptReportNotMatchedByOrder() throws {
        let text = Self.pack(
            items: "3. BUDGET OUTTURN To consider the outturn.\t3 - 9\n4. WORK PROGRAMME To consider the work programme.\t10 - 12",
            papers: Self.report(title: "Acquisition of land at Holmer", classification: "Exempt by virtue of paragraph 3") + "\n\n"
                + Self.report(title: "Work programme"))
        let (pack, records) = try records(text)
        #expect(records.reports.map(\.title) == ["Work programme"])
        #expect(item(records, "3")?.access == .open)
        #expect(pack.warnings.contains { $0.message.contains("not attached") })
    }

    static func minutes(_ items: String) -> String {
        """
        Minutes of the meeting of Children Scrutiny Committee held at Council Offices, Hereford on Tuesday 21 January 2025 at 2.00 pm

        Present: Councillor Ann Example (chairperson)

        \(items)

        The meeting ended at 4.00 pm

        Chairperson
        """
    }

    @Test("Minutes after an exclusion resolution, or marked exempt, are exempt; the exclusion itself is not")
    func exemptMinutes() throws {
        let minutes = Self.minutes(
            """
            42. APOLOGIES FOR ABSENCE

            There were no apologies.

            43. EXCLUSION OF THE PRESS AND PUBLIC

            Resolved: That under section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the following item on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 3 of Part 1 of Schedule 12A.

            44. CONTRACT AWARD

            The committee considered the bids.

            Resolved: That the contract be awarded.

            45. STAFFING (EXEMPT)

            The committee discussed a staffing matter.

            46. WORK PROGRAMME

            The work programme was noted.
            """)
        let (_, records) = try records(Self.pack(items: "3. MINUTES To receive the minutes.\t3 - 4", papers: minutes))
        let access = Dictionary(uniqueKeysWithValues: records.minuteItems.map { ($0.number, $0.access) })
        #expect(access[42] == .open)
        #expect(access[43] == .open)
        #expect(access[44] == .exempt(paragraph: .financialOrBusinessAffairs))
        #expect(access[45] == .exempt(paragraph: nil))
        #expect(access[46] == .open)
    }
}

/// The recogniser on its own, phrase by phrase: the forms a review of the first version found it missed.
@Suite("Exempt phrases")
struct ExemptPhraseTests {
    @Test(
        "Phrases that mark the paper itself exempt",
        arguments: [
            "Not open to the public", "ITEMS NOT OPEN TO THE PRESS AND PUBLIC", "This report is confidential", "Commercially confidential",
            "Reason for exemption: Paragraph 3", "Exempted from publication", "Commercial in confidence", "Withheld from publication",
            "Not for public inspection", "Schedule 12 A", "Sch12A", "Private and Confidential", "Item 9 (Exempt)", "PART 2 – EXEMPT",
            "Part B – Confidential", "Exempt Information – Paragraph 3", "This report contains exempt information", "(Pages 5 - 8) EXEMPT",
            "Restricted – not for publication", "This report and its appendices are exempt by virtue of paragraph 3",
        ])
    func wholeExempt(phrase: String) {
        guard case .exempt = ExemptMarking(phrase).whole else {
            Issue.record("“\(phrase)” was not read as exempt")
            return
        }
    }

    @Test("Ordinary phrases that are not markings", arguments: ["Local Plan Part 2", "Exempt properties and council tax", "Private fostering", "Open spaces"])
    func notExempt(phrase: String) {
        if case .exempt = ExemptMarking(phrase).whole { Issue.record("“\(phrase)” was read as exempt") }
    }

    @Test("What is said of appendices: several, ranges, contrasts, and a label carried to its marking")
    func appendices() {
        func exempt(_ phrase: String) -> Set<String> {
            Set(ExemptMarking(phrase).appendices.filter { if case .exempt = $0.value { true } else { false } }.map(\.key))
        }
        #expect(exempt("Appendix 2 and Appendix 3 are exempt") == ["2", "3"])
        #expect(exempt("Appendices A to C are not for publication") == ["a", "b", "c"])
        #expect(exempt("Open, except Appendix 2") == ["2"])
        #expect(exempt("Appendix 1 is not exempt but Appendix 2 is") == ["2"])
        #expect(exempt("Appendix 2 – not for publication") == ["2"])
        #expect(ExemptMarking("Appendix 1 is not exempt but Appendix 2 is").appendices["1"] == .open)
        #expect(ExemptMarking("The report does not contain exempt information").whole == .open)
        #expect(ExemptMarking("None of the appendices are exempt").appendices[""] == .open)
    }

    @Test("Which items an exclusion covers")
    func exclusionScopes() {
        #expect(ExemptMarking("That the public be excluded for the following item(s) of business").exclusion?.scope == .allFollowing)
        #expect(ExemptMarking("The press and public be excluded for items 10 to 12").exclusion?.scope == .items(["10", "11", "12"]))
        #expect(ExemptMarking("The press and public be excluded for items 10-12").exclusion?.scope == .items(["10", "11", "12"]))
        #expect(ExemptMarking("RESOLVED: that the public be excluded from the meeting during the remaining items on the grounds set out").exclusion?.scope == .allFollowing)
        #expect(ExemptMarking("Under Section 100A(4) of the Local Government Act 1972, for the following item").exclusion != nil)
        #expect(ExemptMarking("considered in the absence of the press and public").exclusion != nil)
        #expect(ExemptMarking("exempt by virtue of paragraph(s) 3 of Schedule 12A").whole == .exempt(.financialOrBusinessAffairs))
    }

    /// Everything exempt or excluding that the full reading finds, the quick look finds a cue for: over every line and
    /// every pair of lines of the seeds and house-style packs, and the phrases above in other cases and spacings.
    @Test("The quick look for exempt words never misses what the clause-by-clause reading marks exempt")
    func quickLookMissesNothing() throws {
        var texts = [
            "Not  open to the public", "PART\u{00A0}II", "Part-2 exempt", "part two", "Part B", "EXCLUSION OF THE PRESS AND PUBLIC",
            "section 100A(4)", "Commercial  in  confidence", "withheld\tfrom publication", "Sch. 12A para. 3", "by virtue of paragraph 3",
        ]
        for seed in [Seed.september2024, .october2021, .march2025] { texts += try seed.text.split(separator: "\n").map(String.init) }
        for file in HouseStyleFactsTests.files {
            texts += try String(contentsOf: HouseStyleFactsTests.folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").map(String.init)
        }
        texts += zip(texts, texts.dropFirst()).map { $0 + " " + $1 }
        var marked = 0
        for text in texts {
            let full = ExemptMarking(text)
            let exempt = full.exclusion != nil || full.doubt != nil || full.exemptParagraph != nil || { if case .exempt = full.whole { true } else { false } }()
                || full.appendices.values.contains { if case .exempt = $0 { true } else { false } }
            guard exempt else { continue }
            marked += 1
            #expect(ExemptMarking.mayMarkExempt(text), "missed: \(text.prefix(120))")
        }
        #expect(marked > 50)
        // And it does skip ordinary text.
        #expect(!ExemptMarking.mayMarkExempt("The committee noted the report on the Local Plan and asked for an update in the spring."))
    }
}
