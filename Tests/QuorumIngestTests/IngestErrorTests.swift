import Foundation
import Testing
import QuorumIngest

/// What the importer refuses, and how it says so.
@Suite("Rejected input")
struct IngestErrorTests {
    private let miniPack = """
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
        2. BUDGET To consider the budget.\t5 - 9
        """

    private func kind(_ body: () throws(IngestError) -> AgendaPack) -> IngestError.Kind? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.kind
        }
    }

    @Test("An empty file is refused as empty")
    func empty() {
        #expect(kind { () throws(IngestError) in try parseAgendaPack(data: Data(), file: "x.txt") } == .empty)
        #expect(kind { () throws(IngestError) in try parseAgendaPack(" \n\n\t\n", file: "x.txt") } == .empty)
    }

    @Test("A PDF that was not converted to text is refused as binary")
    func binary() {
        let pdf = Data("%PDF-1.7\n".utf8) + Data([0, 1, 2, 3, 0xFF, 0x00, 0x10])
        #expect(kind { () throws(IngestError) in try parseAgendaPack(data: pdf, file: "pack.pdf") } == .binary)
    }

    @Test("Bytes that are not UTF-8 are refused with the first bad line")
    func notUTF8() throws {
        let latin1 = Data("Agenda\nDate: Tuesday 18 March 2025\nCaf".utf8) + Data([0xE9, 0x0A])
        #expect(kind { () throws(IngestError) in try parseAgendaPack(data: latin1, file: "x.txt") } == .notUTF8(line: 3))
    }

    @Test("Text without a meeting date on a front sheet is not an agenda pack")
    func noDate() {
        guard case .notAnAgendaPack(let reason) = kind({ () throws(IngestError) in try parseAgendaPack("Shopping list\nMilk\nEggs\n", file: "list.txt") }) else {
            Issue.record("expected notAnAgendaPack")
            return
        }
        #expect(reason.contains("meeting date"))
        guard case .notAnAgendaPack(let why) = kind({ () throws(IngestError) in try parseAgendaPack("Agenda\n\nAudit Committee\n\nDate: next Tuesday\n", file: "x.txt") }) else {
            Issue.record("expected notAnAgendaPack")
            return
        }
        #expect(why.contains("is not a date"))
    }

    @Test("A front sheet that names no committee is not an agenda pack")
    func noCommittee() {
        guard case .notAnAgendaPack(let reason) = kind({ () throws(IngestError) in try parseAgendaPack("Agenda\n\nDate: Tuesday 18 March 2025\n", file: "x.txt") }) else {
            Issue.record("expected notAnAgendaPack")
            return
        }
        #expect(reason.contains("committee"))
    }

    @Test("The error prints as file:line: reason")
    func description() {
        let error = IngestError(file: "pack.txt", line: 12, kind: .notAnAgendaPack(reason: "no meeting date was found"))
        #expect(error.description == "pack.txt:12: not an agenda pack: no meeting date was found")
        #expect(IngestError(file: "a.txt", line: 0, kind: .empty).description == "a.txt: the file is empty")
    }

    @Test("An agenda whose paged item has no papers in the pack imports, marked truncated with a warning")
    func missingPapers() throws {
        let pack = try parseAgendaPack(miniPack, file: "mini.txt")
        #expect(pack.truncation?.contains("item 2") == true)
        #expect(pack.agendaItems.count == 2)
        #expect(pack.warnings.contains { $0.message.contains("cut short") })
    }

    @Test("A small complete agenda without papers parses")
    func completeMiniPack() throws {
        let text = miniPack.replacingOccurrences(of: "\t5 - 9", with: "\t")
        let pack = try parseAgendaPack(text, file: "mini.txt")
        #expect(pack.committee == "Children Scrutiny Committee")
        #expect(pack.members == [CommitteeMember(name: "Ann Example", title: "Councillor", role: .chairperson, roleAsPublished: "Chairperson")])
        #expect(pack.agendaItems.map(\.title) == ["APOLOGIES FOR ABSENCE", "BUDGET"])
        #expect(pack.truncation == nil)
    }

    @Test("A pack whose last line stops mid-sentence is told apart from a complete one")
    func midSentence() throws {
        let text = miniPack.replacingOccurrences(of: "\t5 - 9", with: "\t") + "\n\nThe committee considered the report and agreed that the officers would"
        let pack = try parseAgendaPack(text, file: "mini.txt")
        #expect(pack.truncation?.contains("mid-sentence") == true)
    }

    @Test("An item marked not for publication is exempt under its Schedule 12A paragraph")
    func exemptItem() throws {
        let text = miniPack.replacingOccurrences(of: "\t5 - 9", with: "\t")
            + "\n3. CONTRACT AWARD To consider the award. This item is not for publication by virtue of paragraph 3 of Schedule 12A.\t"
        let pack = try parseAgendaPack(text, file: "mini.txt")
        #expect(pack.agendaItems.last?.access == .exempt(paragraph: .financialOrBusinessAffairs))
        #expect(pack.agendaItems.first?.access == .open)
    }

    @Test("Truncated copies of the seed packs import what they hold, marked truncated", arguments: [
        (Seed.march2025, 1000), (Seed.march2025, 300), (Seed.september2024, 150), (Seed.september2024, 950), (Seed.october2021, 1250),
        (Seed.october2021, 200),
    ])
    func truncatedSeeds(seed: Seed, lines: Int) throws {
        let text = try seed.text.lines.prefixText(lines)
        let pack = try parseAgendaPack(text, file: "cut.txt")
        #expect(pack.truncation != nil)
        #expect(pack.warnings.contains { $0.message.contains("cut short") })
        #expect(try parseAgendaPack(seed.text, file: "whole.txt").truncation == nil)
    }

    @Test("A seed cut in the middle of a table cell is truncated")
    func cutInsideCell() throws {
        let text = try Seed.october2021.text
        let cut = try #require(text.range(of: "<p>That the improvement notice is noted</p> <p>That Jane"))
        let pack = try parseAgendaPack(String(text[..<cut.upperBound]), file: "cut.txt")
        #expect(pack.truncation?.contains("table cell") == true)
    }
}
