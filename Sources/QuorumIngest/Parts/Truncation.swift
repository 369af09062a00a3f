import QuorumDomain
/// Whether the pack stops part-way, as when a PDF's last pages are missing. A pack is truncated when:
/// - its last line is cut inside a table cell, is a heading with nothing under it, or stops
///   mid-sentence;
/// - the last agenda item with a page range has no papers in the pack;
/// - its last report stops before its closing sections (Appendices or Background papers);
/// - its minutes are the last paper and stop before "The meeting ended".
enum Truncation {
    /// Why the pack looks cut short, or nil when it looks complete. A truncated pack still imports all it holds.
    static func check(
        _ pack: AgendaPack, lines: [SourceLine], layout: PackLayout, minutesEnded: Bool, diagnostics: inout Diagnostics
    ) -> String? {
        guard let last = lines.last else { return nil }
        func fail(_ reason: String) -> String? { reason }

        let raw = last.raw
        if raw.rangesCI(of: "<p").count > raw.rangesCI(of: "</p>").count || raw.rangesCI(of: "<td").count > raw.rangesCI(of: "</td>").count
            || raw.rangesCI(of: "<table").count > raw.rangesCI(of: "</table>").count
        {
            return fail("its last line is cut off inside a table cell")
        }
        if last.isHeading || ReportCover.heading(last) != nil {
            return fail("it ends with the heading \"\(last.text.excerpt)\" and nothing under it")
        }
        if !last.isTableRow, endsMidSentence(last.text) {
            return fail("its last line stops mid-sentence: \"…\(String(last.text.suffix(40)))\"")
        }

        // Every agenda item with pages should have its papers; the last one must.
        let minutesItem = pack.agendaItems.first { $0.title.containsCI("minutes") }
        let linked = Set(pack.reports.compactMap(\.agendaItemNumber))
        let paged = pack.agendaItems.filter { $0.pages != nil }
        for item in paged {
            let present = item.number == minutesItem?.number ? pack.previousMinutes != nil : linked.contains(item.number) || hasHeading(for: item, in: lines, papers: layout.papers)
            guard !present else { continue }
            if item.number == paged.last?.number {
                return fail("the agenda lists item \(item.number) \"\(item.title.excerpt)\" on pages \(item.pages!.first)–\(item.pages!.last), but the pack ends before its papers")
            }
            diagnostics.warn(item.line, "Agenda item \(item.number) \"\(item.title.excerpt)\" lists pages but its papers were not found")
        }

        if let paper = layout.papers.last {
            switch paper.kind {
            case .report:
                if let report = pack.reports.last {
                    let closing = report.sections.contains { ["appendices", "background papers"].contains($0.heading.lowercased()) }
                    if !closing { return fail("the report \"\(report.title.excerpt)\" stops before its closing sections") }
                }
            case .minutes:
                if !minutesEnded { return fail("the minutes stop before \"The meeting ended\"") }
            }
        } else if pack.previousMinutes != nil, !minutesEnded {
            return fail("the minutes stop before \"The meeting ended\"")
        }
        if layout.papers.contains(where: { $0.kind == .minutes }), !minutesEnded {
            diagnostics.warn(pack.previousMinutes?.line ?? 0, "Minutes: no closing \"The meeting ended\" line")
        }
        return nil
    }

    /// A line of prose of eight words or more that ends without closing punctuation.
    static func endsMidSentence(_ text: String) -> Bool {
        guard text.words.count >= 8, let c = text.last else { return false }
        return c.isLowercase || c == "," || c == "-"
    }

    /// Whether a report paper (not the minutes, whose items share the agenda's titles) has a heading
    /// naming the item.
    private static func hasHeading(for item: PrintedItem, in lines: [SourceLine], papers: [PackLayout.Paper]) -> Bool {
        let key = item.title.contentWords
        guard !key.isEmpty else { return false }
        for paper in papers where paper.kind == .report {
            for line in lines[paper.range] where line.isHeading || line.isBold {
                let words = line.text.contentWords
                if Double(words.intersection(key).count) / Double(key.count) >= 0.8 { return true }
            }
        }
        return false
    }
}
