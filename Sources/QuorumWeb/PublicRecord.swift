import QuorumDomain

/// The one place that decides what the public may see. Exempt items are discussed in private: their titles,
/// descriptions, reports and exempt appendices appear on no page, feed, export or API response.
enum PublicRecord {
    /// A meeting's agenda with the papers the public may read; exempt items keep only their number and paragraph.
    static func agenda(_ items: [AgendaItem], reports: [Report]) -> [(item: AgendaItem, report: Report?)] {
        items.map { item in
            guard !item.isExempt else { return (redacted(item), nil) }
            return (item, reports.first { $0.agendaItem == item.id && isPublic($0, item: item) }.map(withoutExemptAppendices))
        }
    }

    static func isPublic(_ report: Report, item: AgendaItem?) -> Bool {
        report.classification == .open && (item.map { !$0.isExempt } ?? false)
    }

    /// What the public may know of an exempt item: that it exists, its number, and why it is private.
    static func redacted(_ item: AgendaItem) -> AgendaItem {
        var copy = item
        if case .exempt(let paragraph) = item.access {
            copy.title = "Exempt item"
            copy.description = "This item is exempt under \(paragraph.label) to the Local Government Act 1972 and is not published."
        }
        return copy
    }

    static func withoutExemptAppendices(_ report: Report) -> Report {
        var copy = report
        copy.appendices = report.appendices.map { appendix in
            guard case .exempt(let paragraph) = appendix.access else { return appendix }
            return Report.Appendix(label: appendix.label, title: "Exempt under paragraph \(paragraph) of Schedule 12A: not published", access: appendix.access)
        }
        return copy
    }
}
