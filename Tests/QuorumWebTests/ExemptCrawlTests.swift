import Foundation
import HummingbirdTesting
import QuorumDomain
import QuorumIngest
import QuorumPersistence
import QuorumStorage
import QuorumTestSupport
import Testing

/// A word planted only in exempt text.
private let planted = "zanzibarite"

/// The March 2025 seed pack, as published.
private func seed() throws -> String {
    let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("QuorumIngestTests/Fixtures/004_aa79d59521b34b51.txt")
    return try String(contentsOf: fixtures, encoding: .utf8)
}

private func replacing(_ text: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    #expect(text.contains(old), "the seed no longer has “\(old)”", sourceLocation: sourceLocation)
    return text.replacingOccurrences(of: old, with: new)
}

/// The ways a council marks item 8 exempt, each a change to the published pack.
private let itemMarkings: [(String, @Sendable (String) -> String)] = [
    ("on the agenda", { replacing($0, "For the committee to consider the support offered", "This item is exempt by virtue of paragraph 1. For the committee to consider the support offered") }),
    ("in the title", { replacing($0, "<b>8. SUPPORTING CHILDREN WITH ADDITIONAL NEEDS</b>", "<b>8. SUPPORTING CHILDREN WITH ADDITIONAL NEEDS (PART II)</b>") }),
    ("by a preceding exclusion", {
        replacing(
            $0, "<b>8. SUPPORTING CHILDREN",
            "<b>7a. EXCLUSION OF THE PRESS AND PUBLIC</b> To resolve that the press and public be excluded for the following item by virtue of paragraph 2 of Schedule 12A.\t\n<b>8. SUPPORTING CHILDREN")
    }),
    ("as a private report", { replacing($0, "**Report by: Head of Service Starting Well**\n\n## **Classification**\n\nOpen", "**Report by: Head of Service Starting Well**\n\n## **Classification**\n\nPrivate") }),
    ("as a restricted report", { replacing($0, "**Report by: Head of Service Starting Well**\n\n## **Classification**\n\nOpen", "**Report by: Head of Service Starting Well**\n\n## **Classification**\n\nRestricted") }),
    ("as a closed session", { replacing($0, "**Report by: Head of Service Starting Well**\n\n## **Classification**\n\nOpen", "**Report by: Head of Service Starting Well**\n\n## **Classification**\n\nClosed session") }),
    ("by a Schedule 12A citation alone", { replacing($0, "**Report by: Head of Service Starting Well**\n\n## **Classification**\n\nOpen", "**Report by: Head of Service Starting Well**\n\n## **Classification**\n\nSchedule 12A, paragraph 3") }),
]

/// The seed with item 8 marked exempt as `mark` does, its report carrying the planted word; an exempt appendix to
/// item 9's report carrying it; and minute 48 exempt after an exclusion resolution, carrying it. Unmarked, the same
/// text with every marking taken out: a later version of the pack that says it is all open.
private func exemptVariant(_ mark: (String) -> String, marked: Bool = true) throws -> String {
    var text = marked ? mark(try seed()) : try seed()
    text = replacing(text, "This report seeks to show progress in relation to the sufficiency", "This report on the \(planted) case seeks to show progress in relation to the sufficiency")
    text = replacing(
        text, "Appendix 1 Recommendations made by Children and Young People Scrutiny Committee, September 2023 – January 2025\n\n## **Background papers**",
        "Appendix 1 Recommendations made by Children and Young People Scrutiny Committee, September 2023 – January 2025\nAppendix 2 – Costs"
            + (marked ? " (exempt, paragraph 3)" : "") + "\n\n## **Background papers**")
    text = replacing(
        text, "# Title of report: Work programme 2024/5",
        "**Appendix 2 – Costs**\n\nThe \(planted) costs are set out for each placement.\n\n# Title of report: Work programme 2024/5")
    if marked {
        text = replacing(
            text, "No questions had been received from members of the council.",
            "No questions had been received from members of the council.\n\n**Resolved:** That under section 100A(4) of the Local Government Act 1972 the public be excluded from the meeting for the following item on the grounds that it involves the likely disclosure of exempt information as defined in paragraph 1 of Part 1 of Schedule 12A.")
    }
    text = replacing(text, "The Independent Scrutineer introduced and provided an overview", "The Independent Scrutineer introduced the \(planted) review and provided an overview")
    return text
}

/// Imports a pack's text as `quorum import` does: parsed, then merged with what is held in one store action.
func importPack(_ text: String, into store: SQLiteStore, as file: String) async throws {
    let pack = try parseAgendaPack(text, file: file)
    try await store.importPack(pack.records(), publishedFor: pack.meetingDate, by: "import: \(file)", at: fixedNow)
}

@Test("Exempt reports, appendices and minutes, however marked, appear on no public route, also after a re-import that says open", arguments: itemMarkings.map(\.0))
func plantedWordCrawl(marking: String) async throws {
    let mark = try #require(itemMarkings.first { $0.0 == marking }?.1)
    try await withTemporaryStore { store async throws in
        try await importPack(try exemptVariant(mark), into: store, as: "exempt.txt")
        for round in ["after the exempt pack", "after a re-import that says open"] {
            try await withApp(store) { client in
                let pages = try await crawl(client, searches: [planted, planted.prefix(6) + "*", "placement costs", "safeguarding partnership", "additional needs", "overview"])
                #expect(pages.count > 40, "the crawl reached \(pages.count) addresses")
                for (path, body) in pages {
                    if path.contains(planted) {
                        // The search page repeats what was typed; it must find nothing.
                        #expect(body.contains("No results."), "\(marking), \(round): \(path) finds exempt information")
                        continue
                    }
                    #expect(!body.localizedCaseInsensitiveContains(planted), "\(marking), \(round): \(path) shows exempt information")
                }
                let meeting = try await get(client, upcomingMeetingPath)
                #expect(meeting.contains("This item is exempt under"), "\(marking), \(round)")
                try await get(client, upcomingMeetingPath + "/items/8", status: .notFound)
                // The open report keeps its open appendix; minute 48 says only that it is exempt.
                #expect(try await get(client, upcomingMeetingPath + "/items/9").contains("Exempt under paragraph 3 of Schedule 12A: not published"))
                #expect(try await get(client, heldMeetingPath).contains("Minute exempt under paragraph 1 of Schedule 12A"))
            }
            // A version of the pack that marks nothing exempt is imported: nothing becomes public.
            try await importPack(try exemptVariant(mark, marked: false), into: store, as: "open.txt")
        }
    }
}
