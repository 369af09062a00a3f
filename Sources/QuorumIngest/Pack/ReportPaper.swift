import Foundation
public import QuorumDomain

extension Report {
    /// The report as the domain holds it, for the agenda item it belongs to: its cover's fields, its appendices with
    /// what the cover says of their access, and its sections. A report is at least as private as its item, and keeps
    /// its own paragraph where it states one.
    func record(for item: QuorumDomain.AgendaItem) -> QuorumDomain.Report {
        var value = QuorumDomain.Report(for: item, title: title)
        value.reportBy = reportBy ?? ""
        switch (classification, item.access) {
        case (.exempt(let paragraph)?, _): value.classification = .exempt(paragraph: paragraph ?? item.access.paragraph)
        case (_, .exempt): value.classification = item.access
        default: value.classification = .open
        }
        value.decisionType = decisionType ?? .notAnExecutiveDecision
        value.classificationText = classificationText.flatMap { text in
            // "Open" or "Exempt" says no more than the classification itself.
            ["open", "exempt", "openreport"].contains(text.lowercased().filter(\.isLetter)) ? nil : text
        }
        value.cabinetPortfolio = cabinetPortfolio
        value.author = author.flatMap { $0.name.isEmpty ? nil : $0 }
        value.democraticServices = democraticServices.flatMap { $0.name.isEmpty ? nil : $0 }
        value.requestedAt = requestedAt
        value.wardsAffected = wardsAffected.joined(separator: ", ")
        value.purpose = purpose
        value.recommendations = recommendations
        value.appendices = appendices.map { text in
            var appendix = Self.appendix(text)
            appendix.access = appendixAccess[appendix.key] ?? appendixAccess[""] ?? .open
            return appendix
        }
        let coverHeadings: Set = ["classification", "decisiontype", "wardsaffected", "purpose", "recommendations", "recommendation", "appendices"]
        value.sections = sections.compactMap { section in
            let kind = QuorumDomain.Report.SectionKind(heading: section.heading)
            if kind == .other && coverHeadings.contains(section.heading.lowercased().filter(\.isLetter)) { return nil }
            return .init(kind: kind, heading: section.heading, text: section.paragraphs.joined(separator: "\n"), appendix: section.appendix)
        }
        return value
    }

    /// "Appendix 1 – Recommendations tracker" → label "Appendix 1", title "Recommendations tracker".
    static func appendix(_ text: String) -> QuorumDomain.Report.Appendix {
        for separator in [" – ", " - ", ": ", " — "] {
            if let range = text.range(of: separator), text.lowercased().hasPrefix("appendix") {
                return .init(label: String(text[..<range.lowerBound]).trimmedSpaces, title: String(text[range.upperBound...]).trimmedSpaces)
            }
        }
        return .init(label: "Appendix", title: text)
    }
}

/// A report uploaded on its own (the text of its PDF), read by the importer's own report reader: its cover's fields
/// (report by, classification, decision type, wards, purpose, lettered recommendations, appendices, author) and every
/// section fill the report of `item`, so that it reads as a web page. `held` is the report as it stands: what the paper
/// does not say is kept, the title stays the agenda's, and an exempt report stays exempt whatever the paper says.
public func readReportPaper(_ text: String, for item: QuorumDomain.AgendaItem, held: QuorumDomain.Report) -> QuorumDomain.Report {
    let lines = normalise(text).lines
    var diagnostics = Diagnostics()
    // The cover starts at the title above its "Meeting:" label; without one, the whole paper is read as the report.
    let start = lines.indices.first { ReportCover.isCoverStart(lines, at: $0) }.map { ReportCover.titleIndex(lines, coverAt: $0, notBefore: 0) } ?? 0
    let read = lines.isEmpty ? Report(title: item.title) : ReportCover.read(lines[start...], diagnostics: &diagnostics)
    var report = read.record(for: item)
    report.title = held.title
    if report.reportBy.isEmpty { report.reportBy = held.reportBy }
    if report.purpose.isEmpty { report.purpose = held.purpose }
    if report.recommendations.isEmpty { report.recommendations = held.recommendations }
    if report.wardsAffected.isEmpty { report.wardsAffected = held.wardsAffected }
    if read.decisionType == nil { report.decisionType = held.decisionType }
    if report.author == nil { report.author = held.author }
    if report.appendices.isEmpty { report.appendices = held.appendices }
    // An appendix held as exempt stays exempt, and one the paper no longer lists stays listed: a paper never opens what
    // the clerk marked exempt.
    for index in report.appendices.indices {
        if let was = held.appendices.first(where: { $0.key == report.appendices[index].key }), was.access.isExempt, !report.appendices[index].access.isExempt {
            report.appendices[index].access = was.access
        }
    }
    for was in held.appendices where was.access.isExempt && !report.appendices.contains(where: { $0.key == was.key }) {
        report.appendices.append(was)
    }
    if report.sections.allSatisfy({ $0.text.isEmpty }) { report.sections = held.sections }
    if held.classification.isExempt, !report.classification.isExempt { report.classification = held.classification }
    report.clearance = held.clearance
    return report
}
